-- Medical assistance (医疗救助): one-stop settlement records (一站式结算), outpatient and inpatient, with the amount
-- paid by assistance after basic medical insurance and critical-illness insurance.
CREATE TABLE medical_settlement (
  id                       BIGINT AUTO_INCREMENT PRIMARY KEY,
  region_code              CHAR(12)      NOT NULL,
  national_id_number       CHAR(18)      NOT NULL,
  name                     VARCHAR(100)  NOT NULL,
  category                 VARCHAR(13)   NOT NULL,
  kind                     VARCHAR(10)   NOT NULL,
  hospital                 VARCHAR(200)  NOT NULL,
  settlement_reference     VARCHAR(100)  NOT NULL,
  settled_on               DATE          NOT NULL,
  total_cost               DECIMAL(14,2) NOT NULL,
  insurance_paid           DECIMAL(14,2) NOT NULL,
  eligible_out_of_pocket   DECIMAL(14,2) NOT NULL,
  deductible_applied       DECIMAL(14,2) NOT NULL,
  assistance_paid          DECIMAL(14,2) NOT NULL,
  created_by               VARCHAR(128)  NOT NULL,
  created_at               TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  CONSTRAINT uk_medical_settlement_reference UNIQUE (settlement_reference),
  INDEX ix_medical_person_year (national_id_number, settled_on),
  INDEX ix_medical_region (region_code, id)
);
