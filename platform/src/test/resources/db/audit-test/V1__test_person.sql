-- Only for the audit integration test: a stand-in for a service's personal records.
ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE TABLE test_person (
  id_number VARCHAR(18) NOT NULL PRIMARY KEY,
  name      VARCHAR(64) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
