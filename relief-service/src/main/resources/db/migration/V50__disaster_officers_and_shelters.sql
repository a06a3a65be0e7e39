-- Disaster relief (灾害救助), part 1: disaster information officers (灾害信息员) per village or community, their
-- training and exam results, and disaster shelters (避灾安置场所).
CREATE TABLE disaster_officer (
  id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
  region_code          CHAR(12)      NOT NULL,
  national_id_number   CHAR(18)      NOT NULL,
  name                 VARCHAR(100)  NOT NULL,
  mobile_phone         VARCHAR(11)   NULL,
  appointed_on         DATE          NOT NULL,
  created_by           VARCHAR(128)  NOT NULL,
  created_at           TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  CONSTRAINT uk_disaster_officer_village_person UNIQUE (region_code, national_id_number),
  INDEX ix_disaster_officer_region (region_code, id)
);

CREATE TABLE disaster_officer_training (
  id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
  officer_id           BIGINT        NOT NULL,
  course               VARCHAR(200)  NOT NULL,
  trained_on           DATE          NOT NULL,
  exam_score           DECIMAL(5,1)  NULL,
  exam_passed          BOOLEAN       NULL,
  created_by           VARCHAR(128)  NOT NULL,
  created_at           TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  CONSTRAINT fk_training_officer FOREIGN KEY (officer_id) REFERENCES disaster_officer (id),
  CONSTRAINT uk_training_officer_course_day UNIQUE (officer_id, course, trained_on),
  INDEX ix_training_day (trained_on)
);

CREATE TABLE disaster_shelter (
  id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
  region_code          VARCHAR(12)   NOT NULL,
  name                 VARCHAR(200)  NOT NULL,
  address              VARCHAR(300)  NOT NULL,
  latitude             DECIMAL(9,6)  NULL,
  longitude            DECIMAL(9,6)  NULL,
  capacity             INT           NOT NULL,
  level                VARCHAR(8)    NOT NULL,
  established_on       DATE          NOT NULL,
  created_by           VARCHAR(128)  NOT NULL,
  created_at           TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  CONSTRAINT uk_shelter_region_name UNIQUE (region_code, name),
  INDEX ix_shelter_region (region_code, id),
  INDEX ix_shelter_established (established_on)
);
