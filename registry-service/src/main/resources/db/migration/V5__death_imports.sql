-- Bulk imports of the daily death feed of the municipal data-sharing platform, with a result per row.
CREATE TABLE death_import (
  id                  BIGINT       NOT NULL AUTO_INCREMENT,
  file_name           VARCHAR(255) NULL,
  received_at         TIMESTAMP(6) NOT NULL,
  completed_at        TIMESTAMP(6) NULL,
  row_count           INT          NOT NULL DEFAULT 0,
  PRIMARY KEY (id)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

CREATE TABLE death_import_row (
  import_id           BIGINT       NOT NULL,
  row_no              INT          NOT NULL,
  outcome             VARCHAR(16)  NOT NULL,
  death_record_id     BIGINT       NULL,
  reason              VARCHAR(500) NULL,
  PRIMARY KEY (import_id, row_no),
  INDEX death_import_row_outcome_idx (import_id, outcome),
  CONSTRAINT death_import_row_import_fk FOREIGN KEY (import_id) REFERENCES death_import (id)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
