-- Issue 4: a roll's control totals (line count, total amount) are counted from its lines when the roll is read,
-- no longer stored. The stored totals were one row that every death in the month updated; the three consumer
-- threads applying deaths waited on its lock and deadlocked on the lines its recount read. The lines of a SENT
-- roll never change, so neither do its totals.
ALTER TABLE allowance_roll DROP COLUMN line_count, DROP COLUMN total_amount;
