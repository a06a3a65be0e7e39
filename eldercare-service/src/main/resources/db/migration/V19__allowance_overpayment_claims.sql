-- Old-age allowance paid by a SENT roll for months after the last month paid on a death: claimed back (OPEN),
-- withdrawn when the death record is revoked (DOMAIN.md death rule 4 and 7, as relief's overpayment claims).
CREATE TABLE allowance_overpayment_claim (
  id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  allowance_id    BIGINT        NOT NULL,
  death_record_id BIGINT        NOT NULL,
  from_month      DATE          NOT NULL,
  to_month        DATE          NOT NULL,
  months          INT           NOT NULL,
  amount          DECIMAL(14,2) NOT NULL,
  status          VARCHAR(9)    NOT NULL,
  created_at      DATETIME(3)   NOT NULL,
  withdrawn_at    DATETIME(3)   NULL,
  CONSTRAINT uk_allowance_overpayment_claim UNIQUE (allowance_id, death_record_id),
  CONSTRAINT fk_allowance_overpayment_claim FOREIGN KEY (allowance_id) REFERENCES old_age_allowance (id)
);
