-- 补办: a lost or damaged card is replaced by a new number on the same card record; the old number is kept here
-- (the transit-card file lists an old transit-card number as BLOCKED).
CREATE TABLE card_replacement (
  id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  card_id     BIGINT      NOT NULL,
  old_number  VARCHAR(32) NOT NULL,
  new_number  VARCHAR(32) NOT NULL,
  reason      VARCHAR(16) NOT NULL,
  replaced_on DATE        NOT NULL,
  CONSTRAINT fk_card_replacement_card FOREIGN KEY (card_id) REFERENCES card (id),
  INDEX ix_card_replacement_card (card_id, id)
);
