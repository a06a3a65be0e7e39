-- Bank return files (issue 5, "Payments"): the bank's result of each line of a sent roll, and the lines that pay
-- a failed line again in the next roll of the same scheme and township (carried_line_id, at most once).
ALTER TABLE payment_roll_line
  ADD COLUMN bank_result     VARCHAR(6)   NULL,
  ADD COLUMN bank_reason     VARCHAR(200) NULL,
  ADD COLUMN bank_result_at  TIMESTAMP(6) NULL,
  ADD COLUMN carried_line_id BIGINT       NULL,
  ADD CONSTRAINT uk_line_carried UNIQUE (carried_line_id),
  ADD INDEX ix_line_bank_result (bank_result, roll_id);
