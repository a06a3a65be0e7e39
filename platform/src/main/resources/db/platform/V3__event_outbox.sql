-- The platform's event outbox (ADR 0008): events written in the business transaction, one multi-row
-- INSERT per transaction, sent to Kafka after the commit by the relay (platform.outbox package,
-- EventOutboxRelay) and marked sent in one UPDATE per batch. Used by the services that enable it
-- (platform.outbox.enabled=true); in the others the table stays empty.
CREATE TABLE event_outbox (
  id          BIGINT        NOT NULL AUTO_INCREMENT COMMENT 'send order: the relay sends in id order',
  topic       VARCHAR(249)  NOT NULL COMMENT 'Kafka topic (249: Kafka''s longest topic name)',
  message_key VARCHAR(255)  NOT NULL COMMENT 'record key; the CloudEvents subject (the aggregate id)',
  ce_id       CHAR(36)      NOT NULL COMMENT 'CloudEvents id, the consumers'' idempotency key',
  ce_type     VARCHAR(255)  NOT NULL COMMENT 'CloudEvents type, logical and versioned',
  ce_subject  VARCHAR(255)  NOT NULL COMMENT 'CloudEvents subject',
  ce_time     VARCHAR(40)   NOT NULL COMMENT 'CloudEvents time: the instant as ISO-8601 UTC text, nanoseconds kept',
  payload     LONGTEXT      NOT NULL COMMENT 'the event as JSON, the record value',
  created_at  TIMESTAMP(6)  NOT NULL COMMENT 'UTC, when the business transaction wrote it',
  sent_at     TIMESTAMP(6)  NULL DEFAULT NULL COMMENT 'UTC, when Kafka acknowledged it; NULL while pending',
  attempts    INT           NOT NULL DEFAULT 0 COMMENT 'sends that failed',
  PRIMARY KEY (id),
  UNIQUE KEY ux_event_outbox_ce_id (ce_id),
  -- the relay: WHERE sent_at IS NULL ORDER BY id; the pending gauges; a purge: WHERE sent_at < ?
  KEY ix_event_outbox_sent (sent_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
