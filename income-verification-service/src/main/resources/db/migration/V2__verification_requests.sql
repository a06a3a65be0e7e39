-- Household economic verification requests, the departments' answers, and the outbox.

CREATE TABLE verification_request (
  id                  BIGINT       NOT NULL AUTO_INCREMENT,
  household_id        VARCHAR(64)  NOT NULL COMMENT 'relief-service household id',
  residence           VARCHAR(10)  NOT NULL COMMENT 'URBAN or RURAL: which allowance standard applies',
  purpose             VARCHAR(40)  NOT NULL,
  consent_reference   VARCHAR(100) NOT NULL,
  consent_signed_on   DATE         NOT NULL,
  status              VARCHAR(20)  NOT NULL,
  -- household_id|purpose while PENDING, NULL otherwise: one pending request per household and purpose.
  pending_key         VARCHAR(110) NULL,
  requested_by        VARCHAR(128) NOT NULL,
  requested_at        TIMESTAMP(3) NOT NULL,
  retry_until         TIMESTAMP(3) NOT NULL,
  finished_at         TIMESTAMP(3) NULL,
  status_reason       VARCHAR(500) NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_verification_request_pending (pending_key),
  KEY ix_verification_request_status (status, retry_until)
);

CREATE TABLE verification_member (
  request_id          BIGINT   NOT NULL,
  position            INT      NOT NULL,
  national_id_number  CHAR(18) NOT NULL,
  PRIMARY KEY (request_id, position),
  UNIQUE KEY uk_verification_member (request_id, national_id_number),
  KEY ix_verification_member_person (national_id_number),
  CONSTRAINT fk_verification_member_request FOREIGN KEY (request_id) REFERENCES verification_request (id)
);

-- The latest outcome of each department for each request (the household's list of queries made).
CREATE TABLE source_result (
  request_id    BIGINT       NOT NULL,
  source        VARCHAR(40)  NOT NULL,
  status        VARCHAR(30)  NOT NULL,
  record_count  INT          NOT NULL,
  queries       INT          NOT NULL COMMENT 'times this source was asked for this request',
  detail        VARCHAR(500) NULL,
  latency_ms    BIGINT       NOT NULL,
  queried_at    TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (request_id, source),
  CONSTRAINT fk_source_result_request FOREIGN KEY (request_id) REFERENCES verification_request (id)
);

CREATE TABLE finding (
  id                  BIGINT        NOT NULL AUTO_INCREMENT,
  request_id          BIGINT        NOT NULL,
  source              VARCHAR(40)   NOT NULL,
  national_id_number  CHAR(18)      NOT NULL,
  category            VARCHAR(40)   NOT NULL,
  amount              DECIMAL(14,2) NOT NULL COMMENT 'yuan: per month for incomes, value for assets',
  PRIMARY KEY (id),
  KEY ix_finding_request (request_id, source),
  CONSTRAINT fk_finding_request FOREIGN KEY (request_id) REFERENCES verification_request (id)
);

-- Spring Modulith's event publication registry: schema v2 for MySQL of spring-modulith-events-jdbc 2.0,
-- upper case as Modulith's SQL names it (table names are case-sensitive on Linux).
CREATE TABLE EVENT_PUBLICATION (
  id                     VARCHAR(36)  NOT NULL,
  listener_id            VARCHAR(512) NOT NULL,
  event_type             VARCHAR(512) NOT NULL,
  serialized_event       VARCHAR(4000) NOT NULL,
  publication_date       TIMESTAMP(6) NOT NULL,
  completion_date        TIMESTAMP(6) NULL DEFAULT NULL,
  status                 VARCHAR(20)  NULL,
  completion_attempts    INT          NULL,
  last_resubmission_date TIMESTAMP(6) NULL DEFAULT NULL,
  PRIMARY KEY (id),
  KEY event_publication_by_completion_date_idx (completion_date)
);
