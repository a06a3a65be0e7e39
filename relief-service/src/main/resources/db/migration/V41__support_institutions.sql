-- Support institutions for extreme-poverty persons (特困人员供养服务机构, 国发〔2016〕14号), their residents
-- (集中供养: admission and discharge) and institution-linked home support (户院挂钩).
CREATE TABLE support_institution (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  region_code  VARCHAR(12)   NOT NULL,
  name         VARCHAR(100)  NOT NULL,
  beds         INT           NOT NULL,
  created_by   VARCHAR(128)  NOT NULL,
  created_at   TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  UNIQUE KEY uq_support_institution_name (region_code, name),
  INDEX ix_support_institution_region (region_code, id)
);

CREATE TABLE institution_residence (
  id                BIGINT AUTO_INCREMENT PRIMARY KEY,
  institution_id    BIGINT        NOT NULL,
  case_id           BIGINT        NOT NULL,
  admitted_on       DATE          NOT NULL,
  admitted_by       VARCHAR(128)  NOT NULL,
  discharged_on     DATE          NULL,
  discharge_reason  VARCHAR(20)   NULL,
  discharge_note    VARCHAR(500)  NULL,
  death_record_id   BIGINT        NULL,
  CONSTRAINT fk_residence_institution FOREIGN KEY (institution_id) REFERENCES support_institution (id),
  CONSTRAINT fk_residence_case FOREIGN KEY (case_id) REFERENCES extreme_poverty_case (id),
  INDEX ix_residence_institution (institution_id, discharged_on),
  INDEX ix_residence_case (case_id, discharged_on)
);

CREATE TABLE institution_link (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  institution_id  BIGINT        NOT NULL,
  case_id         BIGINT        NOT NULL,
  reason          VARCHAR(20)   NOT NULL,
  linked_on       DATE          NOT NULL,
  linked_by       VARCHAR(128)  NOT NULL,
  ended_on        DATE          NULL,
  death_record_id BIGINT        NULL,
  CONSTRAINT fk_link_institution FOREIGN KEY (institution_id) REFERENCES support_institution (id),
  CONSTRAINT fk_link_case FOREIGN KEY (case_id) REFERENCES extreme_poverty_case (id),
  INDEX ix_link_case (case_id, ended_on),
  INDEX ix_link_institution (institution_id, ended_on)
);
