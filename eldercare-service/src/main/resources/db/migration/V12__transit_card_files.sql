-- The daily file for the transit-card system (老年人免费乘车IC卡): one per civil date, kept as sent.
CREATE TABLE transit_card_file (
  id            BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  file_date     DATE        NOT NULL,
  line_count    INT         NOT NULL,
  notifications INT         NOT NULL,
  content       MEDIUMTEXT  NOT NULL,
  generated_at  DATETIME(3) NOT NULL,
  CONSTRAINT uk_transit_card_file_date UNIQUE (file_date)
);

-- The file that carried a notification (sent_at is set at the same time).
ALTER TABLE transit_card_notification ADD COLUMN file_id BIGINT NULL;
ALTER TABLE transit_card_notification
  ADD CONSTRAINT fk_transit_card_notification_file FOREIGN KEY (file_id) REFERENCES transit_card_file (id);
