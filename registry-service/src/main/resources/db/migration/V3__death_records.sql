-- Death records (死亡记录), the reports that support them, and the trail of what happened to them.
CREATE TABLE death_record (
  id                  BIGINT       NOT NULL AUTO_INCREMENT,
  person_id           BIGINT       NULL,
  national_id_number  CHAR(18)     NOT NULL,
  name                VARCHAR(50)  NOT NULL,
  date_of_death       DATE         NOT NULL,
  status              VARCHAR(16)  NOT NULL,
  hold_reason         VARCHAR(24)  NULL,
  created_at          TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (id),
  INDEX death_record_person_idx (person_id, status),
  INDEX death_record_status_idx (status, id),
  CONSTRAINT death_record_person_fk FOREIGN KEY (person_id) REFERENCES person (id)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

-- One row per report received; the same report twice from one source is one row.
CREATE TABLE death_record_source (
  id                  BIGINT       NOT NULL AUTO_INCREMENT,
  death_record_id     BIGINT       NOT NULL,
  source              VARCHAR(24)  NOT NULL,
  source_reference    VARCHAR(64)  NOT NULL,
  date_of_death       DATE         NOT NULL,
  reported_at         TIMESTAMP(6) NOT NULL,
  received_at         TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT death_record_source_uk UNIQUE (source, source_reference),
  CONSTRAINT death_record_source_record_fk FOREIGN KEY (death_record_id) REFERENCES death_record (id)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

-- Append-only: who did what to a death record, when, and why.
CREATE TABLE death_record_history (
  id                  BIGINT        NOT NULL AUTO_INCREMENT,
  death_record_id     BIGINT        NOT NULL,
  action              VARCHAR(16)   NOT NULL,
  actor               VARCHAR(64)   NOT NULL,
  occurred_at         TIMESTAMP(6)  NOT NULL,
  note                VARCHAR(500)  NULL,
  PRIMARY KEY (id),
  INDEX death_record_history_record_idx (death_record_id, id),
  CONSTRAINT death_record_history_record_fk FOREIGN KEY (death_record_id) REFERENCES death_record (id)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
