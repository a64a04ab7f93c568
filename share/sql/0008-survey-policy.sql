-- 0008: the school's minimum group size for survey reports.
--
-- Each instrument names the smallest group it shows (min_n: 5, a 360-degree
-- feedback 3). A school may set another minimum for all its surveys, never
-- below 3 and always with a reason; every change is kept, the last one
-- (highest id) applies, and every report that uses it prints it.

CREATE TABLE survey_policy (
	id        INTEGER PRIMARY KEY AUTOINCREMENT,
	uid       TEXT NOT NULL UNIQUE,
	school_id INTEGER NOT NULL REFERENCES school(id) ON DELETE CASCADE,
	min_n     INTEGER NOT NULL CHECK (min_n BETWEEN 3 AND 1000),
	reason    TEXT NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 1000),
	set_by    INTEGER REFERENCES person(id) ON DELETE SET NULL,
	day       TEXT NOT NULL CHECK (date(day) IS day)
);
CREATE INDEX survey_policy_school ON survey_policy(school_id, id);
