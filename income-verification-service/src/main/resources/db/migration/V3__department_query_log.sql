-- The area of a verification request (issue 3, the region rule): the GB/T 2260 code of the
-- household's village, or the township of the caseworker who asked when none was given; NULL for
-- requests made before this column (seen only by city-wide roles).
ALTER TABLE verification_request
  ADD COLUMN region_code VARCHAR(12) NULL COMMENT 'GB/T 2260 code: household village, or the asking caseworker''s township',
  ADD KEY ix_verification_request_region (region_code);

-- Every query of another department's data about a household member (issue 6: "the household can be
-- given the list"; 社会救助审核确认办法 art. 13 and 个人信息保护法 arts. 44-45: a person may learn who
-- processed their data, for what and how). Who asked, why, about whom, which department, when, the
-- outcome and how many records came back: counts, never the values. Append-only: one row per member
-- per department per query, retries included.
CREATE TABLE department_query_log (
  id                  BIGINT       NOT NULL AUTO_INCREMENT,
  request_id          BIGINT       NOT NULL,
  household_id        VARCHAR(64)  NOT NULL,
  region_code         VARCHAR(12)  NULL,
  purpose             VARCHAR(40)  NOT NULL,
  asked_by            VARCHAR(128) NOT NULL COMMENT 'user or client that made the request',
  retry               BOOLEAN      NOT NULL COMMENT 'asked again by the service after a missing answer',
  national_id_number  CHAR(18)     NOT NULL COMMENT 'the member asked about; masked in answers per role',
  source              VARCHAR(40)  NOT NULL,
  outcome             VARCHAR(30)  NOT NULL,
  record_count        INT          NOT NULL,
  queried_at          TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (id),
  KEY ix_department_query_log_household (household_id, id),
  KEY ix_department_query_log_person (national_id_number),
  CONSTRAINT fk_department_query_log_request FOREIGN KEY (request_id) REFERENCES verification_request (id)
);
