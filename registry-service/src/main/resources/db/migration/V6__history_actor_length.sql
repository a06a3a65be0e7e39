-- The actor of a history entry is either a user name or "<source>:<source reference>" (up to
-- 19 + 1 + 64 characters): 64 was too short for a medical certificate with a long reference.
ALTER TABLE death_record_history MODIFY actor VARCHAR(128) NOT NULL;
