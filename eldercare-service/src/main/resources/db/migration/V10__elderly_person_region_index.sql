-- Lists are filtered by the caller's area with a prefix LIKE on region_code (issue 3); an index lets
-- MariaDB/MySQL answer it by a range scan.
CREATE INDEX ix_elderly_person_region ON elderly_person (region_code, id);
