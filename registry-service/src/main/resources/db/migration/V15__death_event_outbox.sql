-- The registry's own outbox for its death events (person-deceased, death-record-revoked): ADR 0006.
-- A row is written in the business transaction (one JDBC batch per import chunk), sent after commit
-- and marked sent in batches; rows still unsent (Kafka down, crash between commit and send) are sent
-- again by the relay, oldest first (id order); failed_sends counts the sends that failed (monitoring). Sent rows stay as the trail (purged by operations).
CREATE TABLE death_event_outbox
(
  id          BIGINT        NOT NULL AUTO_INCREMENT,
  event_id    CHAR(36)      NOT NULL,
  topic       VARCHAR(249)  NOT NULL,
  subject     VARCHAR(64)   NOT NULL,
  event_type  VARCHAR(128)  NOT NULL,
  event_time  VARCHAR(40)   NOT NULL, -- ce_time as ISO-8601 text: the instant to the nanosecond, as the payload has it
  payload     VARCHAR(4000) NOT NULL,
  created_at  TIMESTAMP(6)  NOT NULL,
  sent_at     TIMESTAMP(6)  NULL DEFAULT NULL,
  failed_sends INT          NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY death_event_outbox_event_id (event_id),
  KEY death_event_outbox_unsent (sent_at, id)
);
