-- How a caseworker completed a task: the outcome, the survivor registered for a periodic pension (an entitled
-- person of this service) or the reason none qualifies, and who completed it.
ALTER TABLE caseworker_task
  ADD COLUMN outcome            VARCHAR(30)  NULL,
  ADD COLUMN survivor_person_id BIGINT       NULL,
  ADD COLUMN note               VARCHAR(500) NULL,
  ADD COLUMN closed_by          VARCHAR(100) NULL;
