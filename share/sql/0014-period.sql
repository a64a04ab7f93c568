-- 0014: the improvement period, the spine of the school year: a theme of
-- the school's jaarbord with its dates and its TIV (a team of kind tiv),
-- the datamuur of the period (indicators per group and notes), each team's
-- retrospective on the period and the verbindingssessie that closes it.
-- A period without dates is a candidate theme on the jaarbord.

CREATE TABLE period (
	id        INTEGER PRIMARY KEY AUTOINCREMENT,
	uid       TEXT NOT NULL UNIQUE,
	school_id INTEGER NOT NULL REFERENCES school(id) ON DELETE RESTRICT,
	theme     TEXT NOT NULL CHECK (length(trim(theme)) > 0),
	from_date TEXT CHECK (date(from_date, '+0 days') IS from_date),
	to_date   TEXT CHECK (date(to_date, '+0 days') IS to_date),
	tiv_id    INTEGER REFERENCES team(id) ON DELETE RESTRICT,
	added     TEXT NOT NULL CHECK (date(added, '+0 days') IS added),
	-- the verbindingssessie: its day closes the period
	closed    TEXT CHECK (date(closed, '+0 days') IS closed),
	successes TEXT,
	story     TEXT,
	next_id   INTEGER REFERENCES period(id) ON DELETE SET NULL,
	CHECK ((from_date IS NULL) = (to_date IS NULL)),
	CHECK (to_date >= from_date),
	CHECK (closed IS NULL OR from_date IS NOT NULL),
	FOREIGN KEY (tiv_id, school_id) REFERENCES team(id, school_id)
);
CREATE INDEX period_school ON period(school_id, from_date);
CREATE INDEX period_tiv ON period(tiv_id, school_id);
CREATE INDEX period_next ON period(next_id);

-- The datamuur: a value of an indicator for one group. measure: '' for a
-- value given by hand, else what an import gave: a level (I..V, A..E, as
-- the share of the group in %) or 'gemiddelde' (the mean score). n: the
-- number of pupils the value stands for, when known. No pupil is stored.
CREATE TABLE wall_value (
	id        INTEGER PRIMARY KEY AUTOINCREMENT,
	uid       TEXT NOT NULL UNIQUE,
	period_id INTEGER NOT NULL REFERENCES period(id) ON DELETE CASCADE,
	indicator TEXT NOT NULL CHECK (length(trim(indicator)) > 0),
	measure   TEXT NOT NULL DEFAULT '',
	grp       TEXT NOT NULL CHECK (length(trim(grp)) > 0),
	value     REAL NOT NULL,
	n         INTEGER CHECK (n >= 0),
	norm      REAL,
	unit      TEXT,
	source    TEXT,
	day       TEXT CHECK (date(day, '+0 days') IS day),
	previous  REAL,
	CHECK (unit IS NOT '%' OR (value BETWEEN 0 AND 100 AND (norm IS NULL OR norm BETWEEN 0 AND 100))),
	UNIQUE (period_id, indicator, measure, grp)
);

CREATE TABLE wall_note (
	id        INTEGER PRIMARY KEY AUTOINCREMENT,
	uid       TEXT NOT NULL UNIQUE,
	period_id INTEGER NOT NULL REFERENCES period(id) ON DELETE CASCADE,
	text      TEXT NOT NULL CHECK (length(trim(text)) > 0),
	source    TEXT,
	added     TEXT NOT NULL CHECK (date(added, '+0 days') IS added),
	UNIQUE (period_id, text)
);

-- A team's retrospective on its goal of the period, with the check on the ambition.
CREATE TABLE period_retro (
	id           INTEGER PRIMARY KEY AUTOINCREMENT,
	uid          TEXT NOT NULL UNIQUE,
	period_id    INTEGER NOT NULL REFERENCES period(id) ON DELETE CASCADE,
	team_id      INTEGER NOT NULL REFERENCES team(id) ON DELETE RESTRICT,
	went_well    TEXT,
	improve      TEXT,
	goal_reached TEXT NOT NULL CHECK (goal_reached IN ('ja', 'deels', 'nee')),
	ambition     TEXT,
	day          TEXT NOT NULL CHECK (date(day, '+0 days') IS day),
	UNIQUE (period_id, team_id)
);
CREATE INDEX period_retro_team ON period_retro(team_id);

-- The 'zo werken wij'-standaarden the verbindingssessie recorded, from achieved goals.
CREATE TABLE period_standard (
	id        INTEGER PRIMARY KEY AUTOINCREMENT,
	uid       TEXT NOT NULL UNIQUE,
	period_id INTEGER NOT NULL REFERENCES period(id) ON DELETE CASCADE,
	goal_id   INTEGER REFERENCES goal(id) ON DELETE SET NULL,
	text      TEXT NOT NULL CHECK (length(trim(text)) > 0),
	UNIQUE (period_id, text)
);
CREATE INDEX period_standard_goal ON period_standard(goal_id);
