-- What a death record (or its revocation) changed in extreme-poverty support and child allowances: the answer to
-- "why was this stopped?" for schemes paid to a person rather than a household (the allowance's are in
-- benefit_change, V4).
CREATE TABLE scheme_benefit_change (
  id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
  scheme             VARCHAR(20)  NOT NULL,
  case_id            BIGINT       NOT NULL,
  national_id_number CHAR(18)     NOT NULL,
  death_record_id    BIGINT       NOT NULL,
  event_id           CHAR(36)     NOT NULL,
  change_type        VARCHAR(30)  NOT NULL,
  detail             VARCHAR(500) NOT NULL,
  recorded_at        TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  INDEX ix_scheme_change_case (scheme, case_id, id)
);
