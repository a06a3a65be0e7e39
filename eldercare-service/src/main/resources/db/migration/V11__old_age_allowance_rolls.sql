-- Monthly payment rolls of the old-age allowance (高龄津贴发放花名册), like relief's: generated for a month,
-- then marked SENT (to the bank); a SENT roll never changes. Months are stored as their first day.
CREATE TABLE allowance_roll (
  id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  month        DATE          NOT NULL,
  status       VARCHAR(9)    NOT NULL,
  line_count   INT           NOT NULL,
  total_amount DECIMAL(14,2) NOT NULL,
  generated_at DATETIME(3)   NOT NULL,
  sent_at      DATETIME(3)   NULL,
  CONSTRAINT uk_allowance_roll_month UNIQUE (month)
);

-- MONTHLY: the allowance of the roll's month at that month's band amount; ARREARS: a month owed (for_month).
-- region_code is the person's at generation time, for lists filtered by the caller's area.
CREATE TABLE allowance_roll_line (
  id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  roll_id      BIGINT        NOT NULL,
  allowance_id BIGINT        NOT NULL,
  person_id    BIGINT        NOT NULL,
  region_code  CHAR(12)      NOT NULL,
  kind         VARCHAR(8)    NOT NULL,
  for_month    DATE          NOT NULL,
  amount       DECIMAL(14,2) NOT NULL,
  CONSTRAINT uk_allowance_roll_line UNIQUE (roll_id, allowance_id, kind, for_month),
  CONSTRAINT fk_allowance_roll_line_roll FOREIGN KEY (roll_id) REFERENCES allowance_roll (id),
  CONSTRAINT fk_allowance_roll_line_allowance FOREIGN KEY (allowance_id) REFERENCES old_age_allowance (id),
  INDEX ix_allowance_roll_line_region (roll_id, region_code, id)
);

-- The roll that pays an arrears entry; NULL until a roll is generated.
ALTER TABLE allowance_arrears ADD COLUMN roll_id BIGINT NULL;
ALTER TABLE allowance_arrears ADD CONSTRAINT fk_allowance_arrears_roll FOREIGN KEY (roll_id) REFERENCES allowance_roll (id);
