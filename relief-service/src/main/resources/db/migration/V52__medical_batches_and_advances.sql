-- Medical assistance (医疗救助), part 2: batch approvals by document number (审批文号) and pre-treatment assistance
-- (医前救助: an advance before treatment, settled against the person's next settlement).
CREATE TABLE medical_approval_batch (
  id                       BIGINT AUTO_INCREMENT PRIMARY KEY,
  document_number          VARCHAR(100)  NOT NULL,
  region_code              VARCHAR(12)   NOT NULL,
  approved_on              DATE          NOT NULL,
  settlements              INT           NOT NULL,
  persons                  INT           NOT NULL,
  total_cost               DECIMAL(14,2) NOT NULL,
  eligible_out_of_pocket   DECIMAL(14,2) NOT NULL,
  assistance_paid          DECIMAL(14,2) NOT NULL,
  advances_offset          DECIMAL(14,2) NOT NULL,
  created_by               VARCHAR(128)  NOT NULL,
  created_at               TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  CONSTRAINT uk_medical_batch_document UNIQUE (document_number)
);

CREATE TABLE medical_pre_treatment_advance (
  id                       BIGINT AUTO_INCREMENT PRIMARY KEY,
  region_code              CHAR(12)      NOT NULL,
  national_id_number       CHAR(18)      NOT NULL,
  name                     VARCHAR(100)  NOT NULL,
  category                 VARCHAR(13)   NOT NULL,
  hospital                 VARCHAR(200)  NOT NULL,
  reason                   VARCHAR(500)  NOT NULL,
  amount                   DECIMAL(14,2) NOT NULL,
  granted_on               DATE          NOT NULL,
  status                   VARCHAR(7)    NOT NULL,
  settlement_id            BIGINT        NULL,
  created_by               VARCHAR(128)  NOT NULL,
  created_at               TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  INDEX ix_advance_person (national_id_number, status),
  INDEX ix_advance_region (region_code, id)
);

ALTER TABLE medical_settlement
  ADD COLUMN advance_id          BIGINT        NULL,
  ADD COLUMN advance_offset      DECIMAL(14,2) NOT NULL DEFAULT 0.00,
  ADD COLUMN advance_to_recover  DECIMAL(14,2) NOT NULL DEFAULT 0.00,
  ADD COLUMN approval_batch_id   BIGINT        NULL,
  ADD CONSTRAINT uk_medical_settlement_advance UNIQUE (advance_id),
  ADD CONSTRAINT fk_medical_settlement_advance FOREIGN KEY (advance_id) REFERENCES medical_pre_treatment_advance (id),
  ADD CONSTRAINT fk_medical_settlement_batch FOREIGN KEY (approval_batch_id) REFERENCES medical_approval_batch (id);
