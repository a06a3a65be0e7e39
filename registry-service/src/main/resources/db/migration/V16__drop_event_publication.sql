-- Spring Modulith's event publication registry (V4) is no longer used by registry-service: its death
-- events leave through death_event_outbox (V15, ADR 0006), nothing else in the service publishes through
-- Modulith, and the Modulith dependencies are gone (registry-service/README.md).
--
-- Nothing may be lost: a publication that Modulith never completed (an event committed before V15 and
-- not yet sent) would vanish with the table. The guard below stops this migration, and the start of the
-- service, while such a publication exists (MariaDB 10.2+ and MySQL 8.0.16+ enforce CHECK); the
-- operator then sends them first (run the previous release until EVENT_PUBLICATION holds no row with
-- COMPLETION_DATE NULL) and starts again.
-- The completed publications (EVENT_PUBLICATION_ARCHIVE) are a copy of events already delivered; the
-- facts stay in death_record and death_record_history (the record of truth) and in the audit trail.
CREATE TEMPORARY TABLE v16_guard
(
  incomplete_publications INT NOT NULL,
  CONSTRAINT v16_incomplete_modulith_publications_must_be_sent_first CHECK (incomplete_publications = 0)
);
INSERT INTO v16_guard (incomplete_publications)
SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL;
DROP TEMPORARY TABLE v16_guard;

DROP TABLE EVENT_PUBLICATION_ARCHIVE;
DROP TABLE EVENT_PUBLICATION;
