-- One monthly payment roll per scheme and township (issue 5, "Payments"): a roll is (scheme, township, month).
-- Each line names its beneficiary (for the minimum living allowance: the household), the village it is paid in,
-- and the decision that set its amount (decision_kind + decision_id, see payment/DecisionReference.java).
ALTER TABLE payment_roll
  ADD COLUMN scheme        VARCHAR(40) NOT NULL DEFAULT 'MINIMUM_LIVING_ALLOWANCE' AFTER id,
  ADD COLUMN township_code CHAR(9)     NOT NULL DEFAULT '000000000' AFTER scheme;

ALTER TABLE payment_roll_line
  CHANGE COLUMN household_id beneficiary_id BIGINT NOT NULL,
  ADD COLUMN region_code   CHAR(12)    NULL AFTER beneficiary_id,
  ADD COLUMN decision_kind VARCHAR(30) NULL,
  ADD COLUMN decision_id   BIGINT      NULL;

-- Lines of the rolls made before V30 (one city-wide roll per month, all minimum living allowance) take
-- their household's village; each old roll is split into one roll per township, with the same status.
UPDATE payment_roll_line l JOIN household h ON h.id = l.beneficiary_id
  SET l.region_code = h.region_code, l.decision_kind = 'UNRECORDED';

INSERT INTO payment_roll (scheme, township_code, month, status, line_count, total_amount, generated_at, sent_at)
SELECT 'MINIMUM_LIVING_ALLOWANCE', LEFT(l.region_code, 9), r.month, r.status, 0, 0, r.generated_at, r.sent_at
FROM payment_roll r JOIN payment_roll_line l ON l.roll_id = r.id
WHERE r.township_code = '000000000'
GROUP BY r.id, r.month, r.status, r.generated_at, r.sent_at, LEFT(l.region_code, 9);

UPDATE payment_roll_line l
  JOIN payment_roll old ON old.id = l.roll_id AND old.township_code = '000000000'
  JOIN payment_roll r ON r.scheme = 'MINIMUM_LIVING_ALLOWANCE' AND r.month = old.month
                     AND r.township_code = LEFT(l.region_code, 9)
SET l.roll_id = r.id;

UPDATE arrears a
  JOIN payment_roll old ON old.id = a.roll_id AND old.township_code = '000000000'
  JOIN household h ON h.id = a.household_id
  JOIN payment_roll r ON r.scheme = 'MINIMUM_LIVING_ALLOWANCE' AND r.month = old.month
                     AND r.township_code = LEFT(h.region_code, 9)
SET a.roll_id = r.id;

DELETE FROM payment_roll WHERE township_code = '000000000';

UPDATE payment_roll r SET
  line_count = (SELECT COUNT(*) FROM payment_roll_line l WHERE l.roll_id = r.id),
  total_amount = (SELECT COALESCE(SUM(amount), 0) FROM payment_roll_line l WHERE l.roll_id = r.id);

ALTER TABLE payment_roll
  ALTER COLUMN scheme DROP DEFAULT,
  ALTER COLUMN township_code DROP DEFAULT,
  DROP INDEX uk_roll_month,
  ADD CONSTRAINT uk_roll UNIQUE (scheme, month, township_code);

ALTER TABLE payment_roll_line
  MODIFY region_code CHAR(12) NOT NULL,
  MODIFY decision_kind VARCHAR(30) NOT NULL DEFAULT 'UNRECORDED', -- lines made before V30
  DROP INDEX ix_line_household,
  ADD INDEX ix_line_beneficiary (beneficiary_id, for_month);

-- The allowance's entitlement query (AllowanceEntitlements) reads the amount in force per allowance.
CREATE INDEX ix_allowance_months ON allowance (start_month, end_month);

CREATE INDEX ix_application_household ON allowance_application (household_id);
