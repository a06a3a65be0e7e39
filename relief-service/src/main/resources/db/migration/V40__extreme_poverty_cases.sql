-- Extreme-poverty support (特困人员救助供养): determination cases (特困人员认定办法, 民发〔2021〕43号) and the
-- support they set (国发〔2016〕14号). One row per application; a determined case is the
-- decision that support is paid under (its id is the decision reference).
CREATE TABLE extreme_poverty_case (
  id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
  region_code          CHAR(12)      NOT NULL,
  national_id_number   CHAR(18)      NOT NULL,
  name                 VARCHAR(100)  NOT NULL,
  area                 VARCHAR(5)    NOT NULL,
  circumstances        VARCHAR(2000) NOT NULL,
  status               VARCHAR(24)   NOT NULL,
  applied_on           DATE          NOT NULL,
  created_by           VARCHAR(128)  NOT NULL,
  created_at           TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  -- deadlines in working days of the official calendar (null where the calendar is not published yet)
  township_review_due_on DATE        NULL,
  determination_due_on   DATE        NULL,
  -- the three conditions (民发〔2021〕43号 art. 4) as verified by the township
  no_work_ability      BOOLEAN       NULL,
  no_income_source     BOOLEAN       NULL,
  no_able_supporter    BOOLEAN       NULL,
  township_findings    VARCHAR(2000) NULL,
  township_reviewed_on DATE          NULL,
  township_reviewed_by VARCHAR(128)  NULL,
  -- the county's determination
  support_mode         VARCHAR(13)   NULL,
  care_level           VARCHAR(17)   NULL,
  decided_on           DATE          NULL,
  decided_by           VARCHAR(128)  NULL,
  refusal_reason       VARCHAR(1000) NULL,
  start_month          CHAR(7)       NULL,
  -- the end of support: last month paid, why, and (for a death) the death record
  end_month            CHAR(7)       NULL,
  end_reason           VARCHAR(20)   NULL,
  end_death_record_id  BIGINT        NULL,
  INDEX ix_extreme_poverty_person (national_id_number, status),
  INDEX ix_extreme_poverty_region (region_code, id)
);
