-- Scattered orphans (散居孤儿, 国办发〔2010〕54号) and de-facto unsupported children (事实无人抚养儿童, 民发〔2019〕62号):
-- registration with guardian and cause, and the monthly basic living allowance it grants until 18 or adoption.
CREATE TABLE child_registration (
  id                         BIGINT AUTO_INCREMENT PRIMARY KEY,
  region_code                CHAR(12)      NOT NULL,
  national_id_number         CHAR(18)      NOT NULL,
  name                       VARCHAR(100)  NOT NULL,
  birth_date                 DATE          NOT NULL,
  kind                       VARCHAR(20)   NOT NULL,
  cause                      VARCHAR(32)   NOT NULL,
  cause_details              VARCHAR(1000) NOT NULL,
  guardian_name              VARCHAR(100)  NOT NULL,
  guardian_national_id_number CHAR(18)     NOT NULL,
  guardian_relation          VARCHAR(20)   NOT NULL,
  registered_on              DATE          NOT NULL,
  registered_by              VARCHAR(128)  NOT NULL,
  start_month                CHAR(7)       NOT NULL,
  -- the month the child turns 18 (last month paid unless it ends earlier)
  age_end_month              CHAR(7)       NOT NULL,
  status                     VARCHAR(10)   NOT NULL,
  end_month                  CHAR(7)       NULL,
  end_reason                 VARCHAR(10)   NULL,
  ended_on                   DATE          NULL,
  end_reference              VARCHAR(200)  NULL,
  end_death_record_id        BIGINT        NULL,
  created_at                 TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  INDEX ix_child_person (national_id_number, status),
  INDEX ix_child_region (region_code, id)
);
