-- Elderly persons (老年人) and what the bureau gives them: the elderly card (老年证), the free-transit
-- card (老年人免费乘车IC卡) and the old-age allowance (高龄津贴). Months are stored as the first day of
-- the month (DATE); money as DECIMAL(14,2) yuan.

CREATE TABLE elderly_person (
  id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  national_id_number CHAR(18)     NOT NULL,
  name               VARCHAR(200) NOT NULL,
  birth_date         DATE         NOT NULL,
  region_code        CHAR(12)     NOT NULL,
  status             VARCHAR(16)  NOT NULL,
  registered_at      DATETIME(3)  NOT NULL,
  CONSTRAINT uk_elderly_person_id_number UNIQUE (national_id_number)
);

-- Both cards share one table: same life cycle (ISSUED, REVOKED), one card of each kind per person.
CREATE TABLE card (
  id                         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  person_id                  BIGINT      NOT NULL,
  kind                       VARCHAR(16) NOT NULL,
  card_number                VARCHAR(32) NOT NULL,
  issued_on                  DATE        NOT NULL,
  status                     VARCHAR(16) NOT NULL,
  revoked_by_death_record_id BIGINT      NULL,
  CONSTRAINT uk_card_person_kind UNIQUE (person_id, kind),
  CONSTRAINT uk_card_number UNIQUE (kind, card_number),
  CONSTRAINT fk_card_person FOREIGN KEY (person_id) REFERENCES elderly_person (id)
);

-- What the transit-card system must be told (the daily file of issue 7 carries the PENDING rows).
CREATE TABLE transit_card_notification (
  id              BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  card_id         BIGINT      NOT NULL,
  kind            VARCHAR(16) NOT NULL,
  death_record_id BIGINT      NOT NULL,
  created_at      DATETIME(3) NOT NULL,
  sent_at         DATETIME(3) NULL,
  CONSTRAINT fk_transit_card_notification_card FOREIGN KEY (card_id) REFERENCES card (id),
  INDEX ix_transit_card_notification_pending (sent_at, id)
);

CREATE TABLE old_age_allowance (
  id                         BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  person_id                  BIGINT        NOT NULL,
  monthly_amount             DECIMAL(14,2) NOT NULL,
  start_month                DATE          NOT NULL,
  end_month                  DATE          NULL,
  status                     VARCHAR(16)   NOT NULL,
  stopped_by_death_record_id BIGINT        NULL,
  CONSTRAINT uk_old_age_allowance_person UNIQUE (person_id),
  CONSTRAINT fk_old_age_allowance_person FOREIGN KEY (person_id) REFERENCES elderly_person (id)
);

-- 补发: months not paid because of a death record that was later revoked.
CREATE TABLE allowance_arrears (
  id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  allowance_id    BIGINT        NOT NULL,
  benefit_month   DATE          NOT NULL,
  amount          DECIMAL(14,2) NOT NULL,
  death_record_id BIGINT        NOT NULL,
  CONSTRAINT uk_allowance_arrears_month UNIQUE (allowance_id, benefit_month),
  CONSTRAINT fk_allowance_arrears_allowance FOREIGN KEY (allowance_id) REFERENCES old_age_allowance (id)
);
