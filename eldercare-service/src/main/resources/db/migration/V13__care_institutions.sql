-- Care institutions (养老机构, public 公办 or private 民办) with their beds, residents, inspections, rectification
-- orders, star ratings and re-registration orders; care-level assessments (护理等级) of elderly persons.

CREATE TABLE care_institution (
  id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name                VARCHAR(200) NOT NULL,
  ownership           VARCHAR(8)   NOT NULL,
  region_code         CHAR(12)     NOT NULL,
  filing_number       VARCHAR(40)  NOT NULL,
  beds                INT          NOT NULL,
  registration_status VARCHAR(32)  NOT NULL,
  registered_on       DATE         NOT NULL,
  star_rating         INT          NULL,
  created_at          DATETIME(3)  NOT NULL,
  CONSTRAINT uk_care_institution_filing UNIQUE (filing_number),
  INDEX ix_care_institution_region (region_code, id)
);

-- A person lives in at most one institution at a time: active_person_id is the person while the residence is
-- open, NULL once discharged, and unique (a second concurrent admission breaks the key: 409).
CREATE TABLE residence (
  id                       BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  institution_id           BIGINT      NOT NULL,
  person_id                BIGINT      NOT NULL,
  admitted_on              DATE        NOT NULL,
  discharged_on            DATE        NULL,
  discharge_reason         VARCHAR(16) NULL,
  ended_by_death_record_id BIGINT      NULL,
  active_person_id         BIGINT      AS (IF(discharged_on IS NULL, person_id, NULL)) STORED,
  CONSTRAINT uk_residence_active_person UNIQUE (active_person_id),
  CONSTRAINT fk_residence_institution FOREIGN KEY (institution_id) REFERENCES care_institution (id),
  CONSTRAINT fk_residence_person FOREIGN KEY (person_id) REFERENCES elderly_person (id),
  INDEX ix_residence_institution (institution_id, id),
  INDEX ix_residence_person (person_id, id)
);

CREATE TABLE inspection (
  id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  institution_id BIGINT       NOT NULL,
  inspected_on   DATE         NOT NULL,
  inspector      VARCHAR(100) NOT NULL,
  result         VARCHAR(16)  NOT NULL,
  created_at     DATETIME(3)  NOT NULL,
  CONSTRAINT fk_inspection_institution FOREIGN KEY (institution_id) REFERENCES care_institution (id),
  INDEX ix_inspection_institution (institution_id, id)
);

CREATE TABLE inspection_finding (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  inspection_id BIGINT       NOT NULL,
  item          VARCHAR(100) NOT NULL,
  description   VARCHAR(1000) NOT NULL,
  CONSTRAINT fk_inspection_finding_inspection FOREIGN KEY (inspection_id) REFERENCES inspection (id)
);

-- 责令限期改正: one per finding that needs it; OPEN until a follow-up finds it rectified.
CREATE TABLE rectification_order (
  id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  institution_id BIGINT       NOT NULL,
  inspection_id  BIGINT       NOT NULL,
  finding_id     BIGINT       NOT NULL,
  requirement    VARCHAR(1000) NOT NULL,
  deadline       DATE         NOT NULL,
  status         VARCHAR(16)  NOT NULL,
  rectified_on   DATE         NULL,
  CONSTRAINT fk_rectification_order_institution FOREIGN KEY (institution_id) REFERENCES care_institution (id),
  CONSTRAINT fk_rectification_order_finding FOREIGN KEY (finding_id) REFERENCES inspection_finding (id),
  INDEX ix_rectification_order_open (status, deadline, id)
);

CREATE TABLE rectification_follow_up (
  id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  order_id   BIGINT       NOT NULL,
  checked_on DATE         NOT NULL,
  rectified  BOOLEAN      NOT NULL,
  note       VARCHAR(1000) NOT NULL,
  CONSTRAINT fk_rectification_follow_up_order FOREIGN KEY (order_id) REFERENCES rectification_order (id)
);

-- 星级评定: the score sheet (one row per criterion) and the stars it yields.
CREATE TABLE star_rating (
  id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  institution_id BIGINT       NOT NULL,
  rated_on       DATE         NOT NULL,
  total_score    DECIMAL(7,2) NOT NULL,
  stars          INT          NOT NULL,
  created_at     DATETIME(3)  NOT NULL,
  CONSTRAINT fk_star_rating_institution FOREIGN KEY (institution_id) REFERENCES care_institution (id)
);

CREATE TABLE star_rating_score (
  rating_id BIGINT       NOT NULL,
  criterion VARCHAR(40)  NOT NULL,
  score     DECIMAL(7,2) NOT NULL,
  max_score DECIMAL(7,2) NOT NULL,
  PRIMARY KEY (rating_id, criterion),
  CONSTRAINT fk_star_rating_score_rating FOREIGN KEY (rating_id) REFERENCES star_rating (id)
);

-- A private institution told to re-register (重新备案) is tracked until it does.
CREATE TABLE re_registration_order (
  id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  institution_id    BIGINT       NOT NULL,
  ordered_on        DATE         NOT NULL,
  reason            VARCHAR(500) NOT NULL,
  deadline          DATE         NOT NULL,
  status            VARCHAR(16)  NOT NULL,
  re_registered_on  DATE         NULL,
  new_filing_number VARCHAR(40)  NULL,
  CONSTRAINT fk_re_registration_order_institution FOREIGN KEY (institution_id) REFERENCES care_institution (id)
);

CREATE TABLE care_assessment (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  person_id   BIGINT       NOT NULL,
  assessed_on DATE         NOT NULL,
  total_score INT          NOT NULL,
  care_level  VARCHAR(24)  NOT NULL,
  assessor    VARCHAR(100) NOT NULL,
  created_at  DATETIME(3)  NOT NULL,
  CONSTRAINT fk_care_assessment_person FOREIGN KEY (person_id) REFERENCES elderly_person (id),
  INDEX ix_care_assessment_person (person_id, id)
);

CREATE TABLE care_assessment_item (
  assessment_id BIGINT      NOT NULL,
  item          VARCHAR(40) NOT NULL,
  score         INT         NOT NULL,
  PRIMARY KEY (assessment_id, item),
  CONSTRAINT fk_care_assessment_item_assessment FOREIGN KEY (assessment_id) REFERENCES care_assessment (id)
);
