-- Overpayment claims and arrears of the schemes paid to a person (特困 support, children's basic living allowance),
-- in the same tables as the minimum living allowance's (DOMAIN.md "The death rule" points 4 and 7): scheme is the
-- roll's scheme code, case_id the scheme's beneficiary as in its roll lines (extreme_poverty_case.id for
-- EXTREME_POVERTY_SUPPORT, child_registration.id for ORPHAN_ALLOWANCE); household_id stays the allowance's and is
-- NULL for a person scheme. Rows made before V53 are the allowance's (scheme default, case_id NULL).
ALTER TABLE overpayment_claim
  ADD COLUMN scheme  VARCHAR(40) NOT NULL DEFAULT 'MINIMUM_LIVING_ALLOWANCE' AFTER id,
  ADD COLUMN case_id BIGINT      NULL AFTER household_id,
  MODIFY household_id BIGINT NULL,
  ADD CONSTRAINT uk_claim_case UNIQUE (scheme, case_id, death_record_id);

-- village_code: the 12-digit village code the arrears are paid in (the roll's township), from the entitlement of the month owed;
-- NULL for the allowance (its household's village is read when the roll is generated).
ALTER TABLE arrears
  ADD COLUMN scheme      VARCHAR(40) NOT NULL DEFAULT 'MINIMUM_LIVING_ALLOWANCE' AFTER id,
  ADD COLUMN case_id     BIGINT      NULL AFTER household_id,
  ADD COLUMN village_code CHAR(12)   NULL AFTER case_id,
  MODIFY household_id BIGINT NULL,
  ADD CONSTRAINT uk_arrears_case UNIQUE (scheme, case_id, for_month, death_record_id),
  ADD INDEX ix_arrears_scheme_unpaid (scheme, roll_id);
