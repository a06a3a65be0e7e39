-- Entitled persons (优抚对象) and their monthly periodic pensions (定期抚恤金, 定期生活补助, 残疾抚恤金).
CREATE TABLE entitled_person (
  id                 BIGINT       NOT NULL AUTO_INCREMENT,
  national_id_number CHAR(18)     NOT NULL,
  name               VARCHAR(100) NOT NULL,
  category           VARCHAR(40)  NOT NULL,
  disability_grade   TINYINT      NULL,
  disability_cause   VARCHAR(10)  NULL,
  region_code        VARCHAR(12)  NOT NULL,
  status             VARCHAR(20)  NOT NULL,
  date_of_death      DATE         NULL,
  created_at         TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_entitled_person_id_number (national_id_number)
);

CREATE TABLE periodic_pension (
  id                         BIGINT        NOT NULL AUTO_INCREMENT,
  entitled_person_id         BIGINT        NOT NULL,
  kind                       VARCHAR(30)   NOT NULL,
  monthly_amount             DECIMAL(14,2) NOT NULL,
  start_month                CHAR(7)       NOT NULL,
  end_month                  CHAR(7)       NULL,
  status                     VARCHAR(20)   NOT NULL,
  -- Set while the pension is stopped by a death: the last month paid, and the death record that stopped it.
  paid_through_month         CHAR(7)       NULL,
  stopped_by_death_record_id BIGINT        NULL,
  PRIMARY KEY (id),
  KEY ix_periodic_pension_person (entitled_person_id),
  CONSTRAINT fk_periodic_pension_person FOREIGN KEY (entitled_person_id) REFERENCES entitled_person (id)
);
