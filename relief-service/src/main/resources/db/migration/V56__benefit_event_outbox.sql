-- The benefit-changed events of a standard's recomputation (ADR 0007). The new amount entries are the events' log:
-- each entry caused by a standard (allowance_standard_id) is one relief.benefit-changed.v1, and the entry now also
-- keeps the amount it replaced for its month (amount_before, null for entries made before V56 and for entries of
-- other causes). One outbox row per standard, written in the recomputation's transaction, says which entries are to
-- be sent: those of the standard with first_amount_id < id <= last_amount_id. BenefitEventRelay sends them after the
-- commit in id order, in batches, and moves sent_through_amount_id on after Kafka acknowledged each batch;
-- completed_at when all are sent. A row not completed (Kafka down, crash between commit and send) is taken up again
-- by the relay. failed_sends counts failed batches (monitoring).
ALTER TABLE allowance_amount ADD COLUMN amount_before DECIMAL(14,2) NULL;

CREATE TABLE benefit_event_outbox
(
  id                     BIGINT       NOT NULL AUTO_INCREMENT,
  allowance_standard_id  BIGINT       NOT NULL,
  first_amount_id        BIGINT       NOT NULL, -- exclusive: the highest allowance_amount id before the recomputation
  last_amount_id         BIGINT       NOT NULL, -- inclusive
  event_time             VARCHAR(40)  NOT NULL, -- ce_time and changedAt of every event: ISO-8601 text, nanoseconds kept
  sent_through_amount_id BIGINT       NOT NULL, -- every entry of the standard up to this id is sent
  events                 INT          NOT NULL, -- how many entries (events) the standard made
  created_at             TIMESTAMP(6) NOT NULL,
  completed_at           TIMESTAMP(6) NULL DEFAULT NULL,
  failed_sends           INT          NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY benefit_event_outbox_standard (allowance_standard_id),
  KEY benefit_event_outbox_pending (completed_at, id)
);
