-- The outbox integration tests' stand-in business table (EventOutboxIT): a change and its event commit together.
CREATE TABLE test_note (
  id   BIGINT       NOT NULL AUTO_INCREMENT,
  text VARCHAR(100) NOT NULL,
  PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
