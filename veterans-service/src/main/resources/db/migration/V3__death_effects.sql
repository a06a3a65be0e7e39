-- What a death (registry.person-deceased.v1) does in this service, and how it is undone
-- (registry.death-record-revoked.v1).

-- Idempotency: one row per event applied, written in the same transaction as its effect.
CREATE TABLE processed_event (
  event_id     CHAR(36)     NOT NULL,
  event_type   VARCHAR(100) NOT NULL,
  processed_at TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (event_id)
);

-- The state of each death record this service has seen: a record once revoked is never applied again.
CREATE TABLE death_record (
  death_record_id    BIGINT       NOT NULL,
  entitled_person_id BIGINT       NULL,
  date_of_death      DATE         NULL,
  status             VARCHAR(20)  NOT NULL,
  updated_at         TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (death_record_id)
);

-- One-off amounts due because of a death or its revocation: funeral subsidy (丧葬补助费), one-off
-- pension (一次性抚恤金), pension arrears (补发).
CREATE TABLE benefit_grant (
  id                 BIGINT        NOT NULL AUTO_INCREMENT,
  entitled_person_id BIGINT        NOT NULL,
  death_record_id    BIGINT        NOT NULL,
  kind               VARCHAR(30)   NOT NULL,
  amount             DECIMAL(14,2) NOT NULL,
  basis              VARCHAR(500)  NOT NULL,
  status             VARCHAR(20)   NOT NULL,
  granted_at         TIMESTAMP(6)  NOT NULL,
  paid_at            TIMESTAMP(6)  NULL,
  PRIMARY KEY (id),
  KEY ix_benefit_grant_person (entitled_person_id),
  KEY ix_benefit_grant_death_record (death_record_id),
  CONSTRAINT fk_benefit_grant_person FOREIGN KEY (entitled_person_id) REFERENCES entitled_person (id)
);

-- Work for a caseworker, e.g. a survivor who may now qualify for a periodic pension.
CREATE TABLE caseworker_task (
  id                 BIGINT       NOT NULL AUTO_INCREMENT,
  entitled_person_id BIGINT       NOT NULL,
  death_record_id    BIGINT       NOT NULL,
  kind               VARCHAR(40)  NOT NULL,
  status             VARCHAR(20)  NOT NULL,
  opened_at          TIMESTAMP(6) NOT NULL,
  closed_at          TIMESTAMP(6) NULL,
  PRIMARY KEY (id),
  KEY ix_caseworker_task_status (status, id),
  CONSTRAINT fk_caseworker_task_person FOREIGN KEY (entitled_person_id) REFERENCES entitled_person (id)
);

-- Why a benefit changed: every change with the death record and event that caused it.
CREATE TABLE benefit_change (
  id                 BIGINT        NOT NULL AUTO_INCREMENT,
  entitled_person_id BIGINT        NOT NULL,
  death_record_id    BIGINT        NOT NULL,
  event_id           CHAR(36)      NOT NULL,
  change_type        VARCHAR(40)   NOT NULL,
  subject            VARCHAR(40)   NOT NULL,
  subject_id         BIGINT        NOT NULL,
  amount             DECIMAL(14,2) NULL,
  detail             VARCHAR(500)  NOT NULL,
  changed_at         TIMESTAMP(6)  NOT NULL,
  PRIMARY KEY (id),
  KEY ix_benefit_change_person (entitled_person_id, id),
  CONSTRAINT fk_benefit_change_person FOREIGN KEY (entitled_person_id) REFERENCES entitled_person (id)
);
