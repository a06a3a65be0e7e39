-- Minimum living allowance (低保): households, members, the allowance and its amount history.
-- Months are stored as the DATE of their first day; money as DECIMAL(14,2) yuan.
CREATE TABLE household (
  id                             BIGINT AUTO_INCREMENT PRIMARY KEY,
  region_code                    CHAR(12)      NOT NULL,
  area                           VARCHAR(5)    NOT NULL,
  monthly_income                 DECIMAL(14,2) NOT NULL,
  -- set while a caseworker must name a new head because the head died (the death record that caused it)
  head_required_death_record_id  BIGINT        NULL,
  created_at                     TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
);

CREATE TABLE household_member (
  id                       BIGINT AUTO_INCREMENT PRIMARY KEY,
  household_id             BIGINT       NOT NULL,
  national_id_number       CHAR(18)     NOT NULL,
  name                     VARCHAR(100) NOT NULL,
  relation                 VARCHAR(20)  NOT NULL,
  head                     BOOLEAN      NOT NULL,
  -- the death record that says this member died; NULL while living (or after the record was revoked)
  deceased_death_record_id BIGINT       NULL,
  CONSTRAINT uk_member_national_id_number UNIQUE (national_id_number),
  CONSTRAINT fk_member_household FOREIGN KEY (household_id) REFERENCES household (id)
);

CREATE TABLE allowance (
  id                            BIGINT AUTO_INCREMENT PRIMARY KEY,
  household_id                  BIGINT      NOT NULL,
  start_month                   DATE        NOT NULL,
  end_month                     DATE        NULL,
  status                        VARCHAR(10) NOT NULL,
  terminated_by_death_record_id BIGINT      NULL,
  CONSTRAINT uk_allowance_household UNIQUE (household_id),
  CONSTRAINT fk_allowance_household FOREIGN KEY (household_id) REFERENCES household (id)
);

-- The monthly amount from a month on; the amount of a month is the latest row not withdrawn.
CREATE TABLE allowance_amount (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  allowance_id    BIGINT        NOT NULL,
  from_month      DATE          NOT NULL,
  amount          DECIMAL(14,2) NOT NULL,
  members         INT           NOT NULL,
  death_record_id BIGINT        NULL,
  withdrawn       BOOLEAN       NOT NULL DEFAULT FALSE,
  created_at      TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  CONSTRAINT fk_amount_allowance FOREIGN KEY (allowance_id) REFERENCES allowance (id),
  INDEX ix_amount_allowance_month (allowance_id, from_month)
);
