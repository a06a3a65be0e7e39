-- Issue 4: a payment roll's control totals (line count, total amount) are counted from its lines when the roll is
-- read (PaymentRollRepository.ROLL_WITH_TOTALS), no longer stored. The stored totals were one row per scheme,
-- township and month that every death correcting the roll updated (recounting its ~1000 lines): the three consumer
-- threads applying deaths, one transaction per poll, X-locked most rolls' rows until commit, queued on each other
-- and deadlocked (lock order differs). Deaths now only read a roll with a shared lock (LOCK IN SHARE MODE), which
-- lets them run in parallel and makes "mark sent" wait for them. The lines of a SENT roll never change, so neither
-- do its totals (bank file headers, relief.payment-roll-closed.v1).
ALTER TABLE payment_roll DROP COLUMN line_count, DROP COLUMN total_amount;
