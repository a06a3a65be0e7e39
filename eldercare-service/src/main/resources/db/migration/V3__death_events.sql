-- The death flow: which registry events were applied, the state of each death record seen, and every
-- change a death record caused ("why was this benefit stopped?").

-- One row per event applied, written in the same transaction as its effect (idempotent consumer).
CREATE TABLE processed_event (
  event_id     CHAR(36)     NOT NULL PRIMARY KEY,
  event_type   VARCHAR(100) NOT NULL,
  processed_at DATETIME(3)  NOT NULL
);

-- APPLIED, then REVOKED; a revoked death record is never applied again, even if its event is replayed.
-- A revocation of a record never applied here (not one of our persons) is kept too, without a person.
CREATE TABLE death_record (
  death_record_id BIGINT      NOT NULL PRIMARY KEY,
  person_id       BIGINT      NULL,
  date_of_death   DATE        NULL,
  status          VARCHAR(16) NOT NULL,
  CONSTRAINT fk_death_record_person FOREIGN KEY (person_id) REFERENCES elderly_person (id)
);

CREATE TABLE benefit_change (
  id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  person_id       BIGINT       NOT NULL,
  benefit         VARCHAR(32)  NOT NULL,
  change_kind     VARCHAR(16)  NOT NULL,
  detail          VARCHAR(500) NOT NULL,
  death_record_id BIGINT       NOT NULL,
  event_id        CHAR(36)     NOT NULL,
  changed_at      DATETIME(3)  NOT NULL,
  CONSTRAINT fk_benefit_change_person FOREIGN KEY (person_id) REFERENCES elderly_person (id),
  INDEX ix_benefit_change_person (person_id, id)
);
