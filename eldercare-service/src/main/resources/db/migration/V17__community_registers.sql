-- Community elderly homes (星光老年之家) and their yearly grading; village elderly associations (老年协会),
-- their elections and recognitions; cultural and sports events (文体活动); yearly assessment of townships and
-- member units (目标责任制考核): targets and scores.

CREATE TABLE community_elderly_home (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name        VARCHAR(200) NOT NULL,
  region_code CHAR(12)     NOT NULL,
  opened_on   DATE         NOT NULL,
  created_at  DATETIME(3)  NOT NULL,
  INDEX ix_community_elderly_home_region (region_code, id)
);

CREATE TABLE community_elderly_home_grading (
  home_id      BIGINT      NOT NULL,
  grading_year INT         NOT NULL,
  grade        VARCHAR(16) NOT NULL,
  graded_on    DATE        NOT NULL,
  PRIMARY KEY (home_id, grading_year),
  CONSTRAINT fk_grading_home FOREIGN KEY (home_id) REFERENCES community_elderly_home (id)
);

CREATE TABLE elderly_association (
  id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name           VARCHAR(200) NOT NULL,
  region_code    CHAR(12)     NOT NULL,
  established_on DATE         NOT NULL,
  created_at     DATETIME(3)  NOT NULL,
  INDEX ix_elderly_association_region (region_code, id)
);

-- 换届选举: the chair elected on a day; the next election is due a term later.
CREATE TABLE elderly_association_election (
  id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  association_id BIGINT       NOT NULL,
  elected_on     DATE         NOT NULL,
  chair          VARCHAR(100) NOT NULL,
  CONSTRAINT fk_election_association FOREIGN KEY (association_id) REFERENCES elderly_association (id)
);

-- 表彰: a title given to the association in a year, by a level of government.
CREATE TABLE elderly_association_recognition (
  id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  association_id BIGINT       NOT NULL,
  recognition_year INT        NOT NULL,
  title          VARCHAR(200) NOT NULL,
  level          VARCHAR(16)  NOT NULL,
  CONSTRAINT fk_recognition_association FOREIGN KEY (association_id) REFERENCES elderly_association (id)
);

CREATE TABLE cultural_event (
  id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name         VARCHAR(200) NOT NULL,
  region_code  VARCHAR(12)  NOT NULL,
  held_on      DATE         NOT NULL,
  level        VARCHAR(16)  NOT NULL,
  kind         VARCHAR(16)  NOT NULL,
  participants INT          NOT NULL,
  created_at   DATETIME(3)  NOT NULL,
  INDEX ix_cultural_event_region (region_code, held_on)
);

-- One row per target: a unit (a township by its code, or a member unit by name within a county) and year.
CREATE TABLE annual_assessment_target (
  id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  assessment_year INT           NOT NULL,
  unit_kind       VARCHAR(16)   NOT NULL,
  unit_name       VARCHAR(200)  NOT NULL,
  region_code     VARCHAR(12)   NOT NULL,
  target          VARCHAR(500)  NOT NULL,
  max_score       DECIMAL(6,2)  NOT NULL,
  score           DECIMAL(6,2)  NULL,
  CONSTRAINT uk_assessment_target UNIQUE (assessment_year, region_code, unit_name, target),
  INDEX ix_assessment_year_region (assessment_year, region_code)
);
