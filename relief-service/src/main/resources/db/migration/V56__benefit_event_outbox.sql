-- relief's own outbox for the benefit-changed events of a standard's recomputation (ADR 0007): one row per
-- event, written in the recomputation's transaction by JDBC batches (one multi-row INSERT per 1,000 rows),
-- sent after commit by BenefitEventRelay and marked sent in batches; rows still unsent (Kafka down, crash
-- between commit and send) are sent again by the relay, oldest first (id order). failed_sends counts the
-- sends that failed (monitoring). Sent rows stay as the trail (purged by operations, like Modulith's archive).
CREATE TABLE benefit_event_outbox
(
  id           BIGINT        NOT NULL AUTO_INCREMENT,
  event_id     CHAR(36)      NOT NULL,
  topic        VARCHAR(249)  NOT NULL,
  subject      VARCHAR(64)   NOT NULL,
  event_type   VARCHAR(128)  NOT NULL,
  event_time   VARCHAR(40)   NOT NULL, -- ce_time as ISO-8601 text: the instant to the nanosecond, as the payload has it
  payload      VARCHAR(4000) NOT NULL,
  created_at   TIMESTAMP(6)  NOT NULL,
  sent_at      TIMESTAMP(6)  NULL DEFAULT NULL,
  failed_sends INT           NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY benefit_event_outbox_event_id (event_id),
  KEY benefit_event_outbox_unsent (sent_at, id)
);
