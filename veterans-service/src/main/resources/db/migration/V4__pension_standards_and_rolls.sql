-- Pension standards (抚恤补助标准) per category, grade and cause, with effective month; and the monthly
-- pension roll (发放花名册) with its lines and the arrears (补发) a backdated standard leaves.

-- applies_to: the scale the standard sets, CATEGORY or DISABLED_VETERAN/<grade>/<cause>; one standard
-- per scale and effective month.
CREATE TABLE pension_standard (
  id               BIGINT        NOT NULL AUTO_INCREMENT,
  category         VARCHAR(40)   NOT NULL,
  disability_grade TINYINT       NULL,
  disability_cause VARCHAR(10)   NULL,
  applies_to       VARCHAR(60)   NOT NULL,
  effective_from   CHAR(7)       NOT NULL,
  national_amount  DECIMAL(14,2) NOT NULL,
  local_supplement DECIMAL(14,2) NOT NULL,
  national_source  VARCHAR(200)  NOT NULL,
  local_source     VARCHAR(200)  NULL,
  published_on     DATE          NOT NULL,
  created_at       TIMESTAMP(6)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_pension_standard (applies_to, effective_from)
);

-- A SENT roll is never changed.
CREATE TABLE pension_roll (
  id           BIGINT        NOT NULL AUTO_INCREMENT,
  month        CHAR(7)       NOT NULL,
  status       VARCHAR(5)    NOT NULL,
  line_count   INT           NOT NULL,
  total_amount DECIMAL(14,2) NOT NULL,
  generated_at TIMESTAMP(6)  NOT NULL,
  sent_at      TIMESTAMP(6)  NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_pension_roll_month (month)
);

-- MONTHLY: the pension of the roll's month; ARREARS: money owed for an earlier month (for_month).
CREATE TABLE pension_roll_line (
  id                 BIGINT        NOT NULL AUTO_INCREMENT,
  roll_id            BIGINT        NOT NULL,
  entitled_person_id BIGINT        NOT NULL,
  pension_id         BIGINT        NOT NULL,
  pension_kind       VARCHAR(30)   NOT NULL,
  kind               VARCHAR(7)    NOT NULL,
  for_month          CHAR(7)       NOT NULL,
  amount             DECIMAL(14,2) NOT NULL,
  -- the pension_arrears entry an ARREARS line pays; 0 on MONTHLY lines (one per pension and roll)
  arrears_id         BIGINT        NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_pension_roll_line (roll_id, pension_id, kind, for_month, arrears_id),
  KEY ix_pension_roll_line_person (entitled_person_id),
  CONSTRAINT fk_pension_roll_line_roll FOREIGN KEY (roll_id) REFERENCES pension_roll (id),
  CONSTRAINT fk_pension_roll_line_pension FOREIGN KEY (pension_id) REFERENCES periodic_pension (id)
);

-- Money owed for a month already paid at a lower amount (a standard published later, backdated);
-- paid by the next roll generated (roll_id set then).
CREATE TABLE pension_arrears (
  id                  BIGINT        NOT NULL AUTO_INCREMENT,
  entitled_person_id  BIGINT        NOT NULL,
  pension_id          BIGINT        NOT NULL,
  for_month           CHAR(7)       NOT NULL,
  amount              DECIMAL(14,2) NOT NULL,
  pension_standard_id BIGINT        NOT NULL,
  roll_id             BIGINT        NULL,
  created_at          TIMESTAMP(6)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_pension_arrears (pension_id, for_month, pension_standard_id),
  KEY ix_pension_arrears_unpaid (roll_id),
  KEY ix_pension_arrears_person (entitled_person_id),
  CONSTRAINT fk_pension_arrears_pension FOREIGN KEY (pension_id) REFERENCES periodic_pension (id),
  CONSTRAINT fk_pension_arrears_standard FOREIGN KEY (pension_standard_id) REFERENCES pension_standard (id)
);
