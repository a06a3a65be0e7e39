-- From this version the death path's events (pension-terminated, survivor-benefit-granted) leave through the
-- platform's event outbox (event_outbox, ADR 0008), and Spring Modulith no longer externalises them: a publication
-- that Modulith never completed (an event committed by an earlier version and not yet sent) would not be sent any
-- more. This guard stops the migration, and the start of the service, while such a publication exists (MariaDB
-- 10.2+ and MySQL 8.0.16+ enforce CHECK); the operator then runs the previous release until EVENT_PUBLICATION holds
-- no row with COMPLETION_DATE NULL and starts again. The tables stay (Spring Modulith is still on the classpath).
CREATE TEMPORARY TABLE v14_guard
(
  incomplete_publications INT NOT NULL,
  CONSTRAINT v14_incomplete_modulith_publications_must_be_sent_first CHECK (incomplete_publications = 0)
);
INSERT INTO v14_guard (incomplete_publications)
SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL;
DROP TEMPORARY TABLE v14_guard;
