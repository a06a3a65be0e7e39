-- Elderly-university enrolment (老年电大) per school and term; welfare enterprises (福利企业) and their annual
-- qualification inspections (年检); welfare-lottery sales (福利彩票销量) per county, game type and month.

CREATE TABLE elderly_university_enrolment (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  school_name VARCHAR(200) NOT NULL,
  region_code VARCHAR(12)  NOT NULL,
  term_year   INT          NOT NULL,
  season      VARCHAR(8)   NOT NULL,
  term_start  DATE         NOT NULL,
  enrolled    INT          NOT NULL,
  created_at  DATETIME(3)  NOT NULL,
  CONSTRAINT uk_enrolment_school_term UNIQUE (region_code, school_name, term_year, season),
  INDEX ix_enrolment_region (region_code, term_start)
);

CREATE TABLE welfare_enterprise (
  id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name               VARCHAR(200) NOT NULL,
  region_code        VARCHAR(12)  NOT NULL,
  certificate_number VARCHAR(40)  NOT NULL,
  tax_office         VARCHAR(200) NOT NULL,
  created_at         DATETIME(3)  NOT NULL,
  CONSTRAINT uk_welfare_enterprise_certificate UNIQUE (certificate_number),
  INDEX ix_welfare_enterprise_region (region_code, id)
);

-- One inspection per enterprise and year; failure reasons are the rules not met, one per line.
CREATE TABLE welfare_enterprise_inspection (
  id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  enterprise_id       BIGINT        NOT NULL,
  inspection_year     INT           NOT NULL,
  inspected_on        DATE          NOT NULL,
  employees           INT           NOT NULL,
  disabled_employees  INT           NOT NULL,
  passed              BOOLEAN       NOT NULL,
  reasons             VARCHAR(2000) NOT NULL,
  created_at          DATETIME(3)   NOT NULL,
  CONSTRAINT uk_welfare_enterprise_inspection_year UNIQUE (enterprise_id, inspection_year),
  CONSTRAINT fk_welfare_enterprise_inspection FOREIGN KEY (enterprise_id) REFERENCES welfare_enterprise (id),
  INDEX ix_welfare_enterprise_inspection_date (inspected_on)
);

CREATE TABLE lottery_sales (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  region_code CHAR(6)       NOT NULL,
  game_type   VARCHAR(16)   NOT NULL,
  month       DATE          NOT NULL,
  amount      DECIMAL(16,2) NOT NULL,
  source      VARCHAR(8)    NOT NULL,
  created_at  DATETIME(3)   NOT NULL,
  CONSTRAINT uk_lottery_sales UNIQUE (region_code, game_type, month),
  INDEX ix_lottery_sales_month (month, region_code)
);
