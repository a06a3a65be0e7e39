-- Monthly payment rolls (发放花名册) sent to the bank; a SENT roll is never changed.
CREATE TABLE payment_roll (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  month        DATE          NOT NULL,
  status       VARCHAR(5)    NOT NULL,
  line_count   INT           NOT NULL,
  total_amount DECIMAL(14,2) NOT NULL,
  generated_at TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  sent_at      TIMESTAMP(6)  NULL,
  CONSTRAINT uk_roll_month UNIQUE (month)
);

-- MONTHLY: the allowance of the roll's month; ARREARS: money owed for an earlier month (for_month).
CREATE TABLE payment_roll_line (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  roll_id      BIGINT        NOT NULL,
  household_id BIGINT        NOT NULL,
  kind         VARCHAR(7)    NOT NULL,
  for_month    DATE          NOT NULL,
  amount       DECIMAL(14,2) NOT NULL,
  CONSTRAINT uk_roll_line UNIQUE (roll_id, household_id, kind, for_month),
  CONSTRAINT fk_line_roll FOREIGN KEY (roll_id) REFERENCES payment_roll (id),
  INDEX ix_line_household (household_id)
);

-- Money owed to a household for a month it was not paid (a death record later revoked);
-- paid in the next roll generated (roll_id set then).
CREATE TABLE arrears (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  household_id    BIGINT        NOT NULL,
  for_month       DATE          NOT NULL,
  amount          DECIMAL(14,2) NOT NULL,
  death_record_id BIGINT        NOT NULL,
  roll_id         BIGINT        NULL,
  created_at      TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  CONSTRAINT uk_arrears UNIQUE (household_id, for_month, death_record_id),
  INDEX ix_arrears_unpaid (roll_id)
);

-- Money paid for months after a death (to be recovered), withdrawn if the death record is revoked.
CREATE TABLE overpayment_claim (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  household_id    BIGINT        NOT NULL,
  death_record_id BIGINT        NOT NULL,
  from_month      DATE          NOT NULL,
  to_month        DATE          NOT NULL,
  months          INT           NOT NULL,
  amount          DECIMAL(14,2) NOT NULL,
  status          VARCHAR(9)    NOT NULL,
  created_at      TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  withdrawn_at    TIMESTAMP(6)  NULL,
  CONSTRAINT uk_claim UNIQUE (household_id, death_record_id)
);
