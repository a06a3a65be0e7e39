-- The audit trail of this service (GB/T 22239-2019 level 3, security audit): one row per read or
-- change of a personal record. Owned by the platform starter, migrated into every service's own
-- schema with its own history table (platform_schema_history). See docs/audit.md.
CREATE TABLE audit_entry (
  id               BIGINT       NOT NULL AUTO_INCREMENT,
  occurred_at      DATETIME(3)  NOT NULL COMMENT 'UTC, millisecond precision',
  actor_id         VARCHAR(128) NOT NULL COMMENT 'user name or client id (JWT sub)',
  actor_kind       VARCHAR(16)  NOT NULL COMMENT 'USER, CLIENT or SYSTEM',
  actor_roles      VARCHAR(255) NOT NULL DEFAULT '' COMMENT 'role codes, space separated',
  region_code      VARCHAR(12)  NULL     COMMENT 'GB/T 2260 code the actor works in',
  action           VARCHAR(32)  NOT NULL COMMENT 'READ, CREATE, UPDATE, DELETE, EXPORT, QUERY_EXTERNAL',
  object_type      VARCHAR(64)  NOT NULL,
  object_id        VARCHAR(128) NULL,
  person_reference VARCHAR(64)  NULL     COMMENT 'person id or masked national ID number, never a raw one',
  outcome          VARCHAR(16)  NOT NULL COMMENT 'SUCCESS, DENIED, NOT_FOUND, FAILED',
  correlation_id   VARCHAR(64)  NULL     COMMENT 'W3C trace id of the request',
  service_name     VARCHAR(64)  NOT NULL,
  PRIMARY KEY (id),
  KEY ix_audit_entry_person (person_reference, occurred_at),
  KEY ix_audit_entry_actor (actor_id, occurred_at),
  KEY ix_audit_entry_occurred_at (occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Append-only, enforced by the database itself: even the service's own user cannot change or
-- remove an entry. (Production also grants the service user only INSERT, SELECT on this table.)
CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_entry is append-only: an entry cannot be updated';

CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_entry is append-only: an entry cannot be deleted';

-- How far the relay has shipped entries to the central audit topic. Entries are never updated, so
-- progress lives here: one row, the highest id the broker has acknowledged.
CREATE TABLE audit_shipping_cursor (
  id              TINYINT     NOT NULL COMMENT 'always 1: one cursor per service database',
  last_shipped_id BIGINT      NOT NULL,
  shipped_at      DATETIME(3) NULL COMMENT 'UTC time the cursor last moved',
  PRIMARY KEY (id),
  CONSTRAINT ck_audit_shipping_cursor_single_row CHECK (id = 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO audit_shipping_cursor (id, last_shipped_id) VALUES (1, 0);
