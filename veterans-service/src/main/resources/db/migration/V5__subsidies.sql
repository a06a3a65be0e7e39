-- One-off subsidies granted on request: medical subsidies (门诊/住院医疗补助) and temporary hardship
-- subsidies (临时困难补助). One per person, type and date of the cause.
CREATE TABLE subsidy (
  id                 BIGINT        NOT NULL AUTO_INCREMENT,
  entitled_person_id BIGINT        NOT NULL,
  type               VARCHAR(30)   NOT NULL,
  cause_date         DATE          NOT NULL,
  amount             DECIMAL(14,2) NOT NULL,
  reason             VARCHAR(500)  NOT NULL,
  status             VARCHAR(20)   NOT NULL,
  requested_by       VARCHAR(100)  NOT NULL,
  requested_at       TIMESTAMP(6)  NOT NULL,
  approved_by        VARCHAR(100)  NULL,
  approved_at        TIMESTAMP(6)  NULL,
  paid_at            TIMESTAMP(6)  NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_subsidy_cause (entitled_person_id, type, cause_date),
  KEY ix_subsidy_paid (status, paid_at),
  CONSTRAINT fk_subsidy_person FOREIGN KEY (entitled_person_id) REFERENCES entitled_person (id)
);
