-- One-off subsidy batches (物价补贴, 冬春补助, 春节生活补贴, 送温暖): the rule that chose the targets, the list
-- generated, and each person in it at most once per batch.
CREATE TABLE subsidy_batch (
  id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
  kind                  VARCHAR(20)   NOT NULL,
  title                 VARCHAR(200)  NOT NULL,
  document_reference    VARCHAR(100)  NOT NULL,
  reference_month       DATE          NOT NULL,
  area                  VARCHAR(5)    NULL,
  amount_per_household  DECIMAL(14,2) NOT NULL,
  amount_per_person     DECIMAL(14,2) NOT NULL,
  status                VARCHAR(5)    NOT NULL,
  line_count            INT           NOT NULL DEFAULT 0,
  person_count          INT           NOT NULL DEFAULT 0,
  total_amount          DECIMAL(14,2) NOT NULL DEFAULT 0,
  created_by            VARCHAR(128)  NOT NULL,
  created_at            TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  paid_at               TIMESTAMP(6)  NULL,
  CONSTRAINT uk_subsidy_batch_document UNIQUE (kind, document_reference)
);

CREATE TABLE subsidy_batch_line (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  batch_id      BIGINT        NOT NULL,
  household_id  BIGINT        NOT NULL,
  region_code   CHAR(12)      NOT NULL,
  persons       INT           NOT NULL,
  amount        DECIMAL(14,2) NOT NULL,
  CONSTRAINT uk_subsidy_line UNIQUE (batch_id, household_id),
  CONSTRAINT fk_subsidy_line_batch FOREIGN KEY (batch_id) REFERENCES subsidy_batch (id),
  INDEX ix_subsidy_line_region (batch_id, region_code, id)
);

-- The same person is never paid twice in one batch.
CREATE TABLE subsidy_batch_person (
  batch_id           BIGINT   NOT NULL,
  national_id_number CHAR(18) NOT NULL,
  line_id            BIGINT   NOT NULL,
  PRIMARY KEY (batch_id, national_id_number)
);
