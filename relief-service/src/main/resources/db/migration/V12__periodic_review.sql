-- Periodic review (动态管理) and member changes of allowance households: what changed, the outcome
-- (RAISE 增发, REDUCE 减发, STOP 停发, UNCHANGED), and the amount entries they caused.
CREATE TABLE household_change (
  id                     BIGINT AUTO_INCREMENT PRIMARY KEY,
  household_id           BIGINT        NOT NULL,
  kind                   VARCHAR(20)   NOT NULL,
  recorded_on            DATE          NOT NULL,
  changed_on             DATE          NOT NULL,
  from_month             DATE          NOT NULL,
  national_id_number     CHAR(18)      NULL,
  member_name            VARCHAR(100)  NULL,
  monthly_income_before  DECIMAL(14,2) NOT NULL,
  monthly_income_after   DECIMAL(14,2) NOT NULL,
  members_before         INT           NOT NULL,
  members_after          INT           NOT NULL,
  amount_before          DECIMAL(14,2) NOT NULL,
  amount_after           DECIMAL(14,2) NOT NULL,
  outcome                VARCHAR(9)    NOT NULL,
  findings               VARCHAR(2000) NULL,
  actor                  VARCHAR(128)  NOT NULL,
  created_at             TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  INDEX ix_household_change (household_id, id)
);

-- Members who left a household (moved out, married out): kept here, so that the person may join another
-- household (household_member keeps one row per person).
CREATE TABLE household_member_departure (
  id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
  household_id        BIGINT       NOT NULL,
  national_id_number  CHAR(18)     NOT NULL,
  name                VARCHAR(100) NOT NULL,
  relation            VARCHAR(20)  NOT NULL,
  left_on             DATE         NOT NULL,
  household_change_id BIGINT       NOT NULL,
  INDEX ix_departure_person (national_id_number)
);

ALTER TABLE allowance_amount ADD COLUMN household_change_id BIGINT NULL;
ALTER TABLE household ADD COLUMN last_reviewed_on DATE NULL;
