-- Near-poverty households (低保边缘家庭), part of the low-income population register (低收入人口): households
-- found between the allowance standard and its near-poverty multiple by the household economic verification.
CREATE TABLE near_poverty_household (
  id                      BIGINT AUTO_INCREMENT PRIMARY KEY,
  region_code             CHAR(12)      NOT NULL,
  area                    VARCHAR(5)    NOT NULL,
  application_id          BIGINT        NOT NULL,
  verification_request_id BIGINT        NOT NULL,
  determined_on           DATE          NOT NULL,
  household_monthly_income DECIMAL(14,2) NOT NULL,
  living_members          INT           NULL,
  rule                    VARCHAR(100)  NOT NULL,
  explanation             VARCHAR(1000) NULL,
  created_at              TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  CONSTRAINT uk_near_poverty_application UNIQUE (application_id),
  INDEX ix_near_poverty_region (region_code, id)
);

CREATE TABLE near_poverty_member (
  id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
  near_poverty_id     BIGINT       NOT NULL,
  national_id_number  CHAR(18)     NOT NULL,
  name                VARCHAR(100) NOT NULL,
  relation            VARCHAR(20)  NOT NULL,
  CONSTRAINT fk_near_poverty_member FOREIGN KEY (near_poverty_id) REFERENCES near_poverty_household (id),
  INDEX ix_near_poverty_person (national_id_number)
);
