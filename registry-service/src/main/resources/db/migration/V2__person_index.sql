-- Person index (人口索引): one row per person known to the registry.
CREATE TABLE person (
  id                  BIGINT       NOT NULL AUTO_INCREMENT,
  national_id_number  CHAR(18)     NOT NULL,
  name                VARCHAR(50)  NOT NULL,
  sex                 VARCHAR(6)   NOT NULL,
  birth_date          DATE         NOT NULL,
  region_code         CHAR(12)     NOT NULL,
  status              VARCHAR(10)  NOT NULL,
  created_at          TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT person_national_id_number_uk UNIQUE (national_id_number)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
