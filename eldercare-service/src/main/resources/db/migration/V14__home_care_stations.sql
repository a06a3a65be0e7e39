-- Home-care stations (居家养老服务站) per community and their service orders.
CREATE TABLE home_care_station (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name        VARCHAR(200) NOT NULL,
  region_code CHAR(12)     NOT NULL,
  operator    VARCHAR(200) NOT NULL,
  opened_on   DATE         NOT NULL,
  created_at  DATETIME(3)  NOT NULL,
  INDEX ix_home_care_station_region (region_code, id)
);

-- An order: a service for an elderly person at a time, by a provider, paid in one of three ways; OPEN until
-- COMPLETED with its outcome or CANCELLED (by a caseworker, or by a death record: cancelled_by_death_record_id).
CREATE TABLE home_care_order (
  id                           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  station_id                   BIGINT        NOT NULL,
  person_id                    BIGINT        NOT NULL,
  service_type                 VARCHAR(16)   NOT NULL,
  payment_kind                 VARCHAR(16)   NOT NULL,
  fee                          DECIMAL(10,2) NOT NULL,
  provider                     VARCHAR(200)  NOT NULL,
  scheduled_at                 DATETIME(3)   NOT NULL,
  status                       VARCHAR(16)   NOT NULL,
  outcome                      VARCHAR(1000) NULL,
  closed_at                    DATETIME(3)   NULL,
  cancelled_by_death_record_id BIGINT        NULL,
  created_at                   DATETIME(3)   NOT NULL,
  CONSTRAINT fk_home_care_order_station FOREIGN KEY (station_id) REFERENCES home_care_station (id),
  CONSTRAINT fk_home_care_order_person FOREIGN KEY (person_id) REFERENCES elderly_person (id),
  INDEX ix_home_care_order_station (station_id, id),
  INDEX ix_home_care_order_person (person_id, status)
);
