-- The benefit-terminated events of the death rule (ADR 0007, "Terminations of a death"): one row per terminated
-- minimum living allowance, written in the transaction that terminated it (a poll of registry.person.v1 writes its
-- rows in one JDBC batch), instead of two Spring Modulith publications (v1 and v2) each with its own completion
-- transaction. BenefitEventRelay sends each row after the commit as relief.benefit-terminated.v1 (topic
-- relief.household.v1, key household id, ce_id event_id) and relief.benefit-terminated.v2 (topic relief.benefit.v1,
-- key MINIMUM_LIVING_ALLOWANCE:<allowance id>, ce_id event_id_v2), in id order, and sets sent_at once Kafka
-- acknowledged both; a row without sent_at (Kafka down, crash between commit and send) is sent again with the same
-- ce_ids. failed_sends counts failed sends of the row (monitoring).
CREATE TABLE benefit_termination_outbox
(
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  event_id        CHAR(36)      NOT NULL, -- ce_id of the v1 event
  event_id_v2     CHAR(36)      NOT NULL, -- ce_id of the v2 event
  household_id    BIGINT        NOT NULL,
  allowance_id    BIGINT        NOT NULL, -- the case
  death_record_id BIGINT        NOT NULL,
  last_paid_month DATE          NOT NULL, -- first day of the month
  overpayment     DECIMAL(14,2) NOT NULL,
  terminated_at   VARCHAR(40)   NOT NULL, -- ce_time and terminatedAt: ISO-8601 text, nanoseconds kept
  created_at      TIMESTAMP(6)  NOT NULL,
  sent_at         TIMESTAMP(6)  NULL DEFAULT NULL,
  failed_sends    INT           NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY benefit_termination_outbox_event (event_id),
  KEY benefit_termination_outbox_pending (sent_at, id),
  KEY benefit_termination_outbox_household (household_id)
);
