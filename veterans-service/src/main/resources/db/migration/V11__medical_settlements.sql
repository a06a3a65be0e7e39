-- One-stop medical settlement records (一站式结算): what a hospital settled for an entitled person at discharge
-- (or at an outpatient visit), each part of the cost, and the veterans' medical subsidy (优抚医疗补助) the
-- settlement paid. One record per hospital and settlement reference.
CREATE TABLE medical_settlement (
  id                      BIGINT        NOT NULL AUTO_INCREMENT,
  entitled_person_id      BIGINT        NOT NULL,
  hospital_code           VARCHAR(30)   NOT NULL,
  hospital_name           VARCHAR(200)  NOT NULL,
  settlement_reference    VARCHAR(60)   NOT NULL,
  care_type               VARCHAR(20)   NOT NULL,
  admitted_on             DATE          NOT NULL,
  discharged_on           DATE          NULL,
  settled_on              DATE          NOT NULL,
  total_cost              DECIMAL(14,2) NOT NULL,
  insurance_paid          DECIMAL(14,2) NOT NULL,
  critical_illness_paid   DECIMAL(14,2) NOT NULL,
  medical_assistance_paid DECIMAL(14,2) NOT NULL,
  self_paid_before        DECIMAL(14,2) NOT NULL,
  veterans_subsidy        DECIMAL(14,2) NOT NULL,
  self_paid               DECIMAL(14,2) NOT NULL,
  basis                   VARCHAR(500)  NOT NULL,
  recorded_by             VARCHAR(100)  NOT NULL,
  recorded_at             TIMESTAMP(6)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_medical_settlement (hospital_code, settlement_reference),
  KEY ix_medical_settlement_person (entitled_person_id, settled_on),
  KEY ix_medical_settlement_settled (settled_on),
  CONSTRAINT fk_medical_settlement_person FOREIGN KEY (entitled_person_id) REFERENCES entitled_person (id)
);
