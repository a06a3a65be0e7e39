-- The registry's death events as this service consumed them.

-- Every event applied, written in the same transaction as its effect: the idempotency record.
CREATE TABLE processed_event (
  event_id     CHAR(36)     NOT NULL PRIMARY KEY,
  event_type   VARCHAR(100) NOT NULL,
  processed_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
);

-- The state of each death record seen: APPLIED, or REVOKED (never applied again, whatever arrives later).
CREATE TABLE death_record (
  death_record_id    BIGINT      NOT NULL PRIMARY KEY,
  national_id_number CHAR(18)    NULL,
  date_of_death      DATE        NULL,
  end_month          DATE        NULL,
  status             VARCHAR(7)  NOT NULL
);

-- Why a benefit changed: one row per change, citing the death record and the event.
CREATE TABLE benefit_change (
  id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
  household_id       BIGINT       NOT NULL,
  national_id_number CHAR(18)     NOT NULL,
  death_record_id    BIGINT       NOT NULL,
  event_id           CHAR(36)     NOT NULL,
  change_type        VARCHAR(30)  NOT NULL,
  detail             VARCHAR(500) NOT NULL,
  recorded_at        TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  INDEX ix_change_household (household_id, id),
  INDEX ix_change_person (national_id_number, id)
);
