-- 0006: improvement trajectories along a phase model.
-- A school's own phase models (imported JSON; the shipped ones stay in
-- share/models). A trajectory copies its model's phases and checklist when it
-- starts, so a later change to a model never rewrites history. One active
-- trajectory per team, or for the whole school (team_id NULL).

CREATE TABLE phase_model (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	uid        TEXT NOT NULL UNIQUE,
	school_id  INTEGER NOT NULL REFERENCES school(id) ON DELETE CASCADE,
	key        TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 40),
	name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
	definition TEXT NOT NULL CHECK (json_valid(definition)),
	imported   TEXT NOT NULL CHECK (imported GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	UNIQUE (school_id, key)
);

CREATE TABLE trajectory (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	uid        TEXT NOT NULL UNIQUE,
	school_id  INTEGER NOT NULL REFERENCES school(id) ON DELETE RESTRICT,
	team_id    INTEGER REFERENCES team(id) ON DELETE RESTRICT,
	model_key  TEXT NOT NULL,
	model_name TEXT NOT NULL,
	started    TEXT NOT NULL CHECK (started GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	ended      TEXT CHECK (ended IS NULL OR ended >= started),
	status     TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'done')),
	CHECK ((status = 'done') = (ended IS NOT NULL))
);
CREATE UNIQUE INDEX trajectory_one_active ON trajectory(school_id, ifnull(team_id, 0)) WHERE status = 'active';
CREATE INDEX trajectory_team ON trajectory(team_id);

CREATE TABLE trajectory_phase (
	id              INTEGER PRIMARY KEY AUTOINCREMENT,
	uid             TEXT NOT NULL UNIQUE,
	trajectory_id   INTEGER NOT NULL REFERENCES trajectory(id) ON DELETE CASCADE,
	ord             INTEGER NOT NULL CHECK (ord >= 1),
	key             TEXT NOT NULL,
	name            TEXT NOT NULL,
	purpose         TEXT,
	who             TEXT,
	typical_days    INTEGER CHECK (typical_days IS NULL OR typical_days BETWEEN 1 AND 730),
	status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'active', 'closed')),
	started         TEXT CHECK (started IS NULL OR started GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	closed          TEXT CHECK (closed IS NULL OR closed >= started),
	went_well       TEXT,
	improve         TEXT,
	no_retro_reason TEXT,
	UNIQUE (trajectory_id, ord),
	CHECK ((status = 'pending') = (started IS NULL)),
	CHECK ((status = 'closed') = (closed IS NOT NULL)),
	-- a phase closes with its retrospective, or with a reason why there was none
	CHECK (status <> 'closed' OR (went_well IS NOT NULL AND improve IS NOT NULL) OR no_retro_reason IS NOT NULL)
);
CREATE UNIQUE INDEX trajectory_one_active_phase ON trajectory_phase(trajectory_id) WHERE status = 'active';

CREATE TABLE trajectory_item (
	id        INTEGER PRIMARY KEY AUTOINCREMENT,
	uid       TEXT NOT NULL UNIQUE,
	phase_id  INTEGER NOT NULL REFERENCES trajectory_phase(id) ON DELETE CASCADE,
	ord       INTEGER NOT NULL CHECK (ord >= 1),
	key       TEXT NOT NULL,
	text      TEXT NOT NULL,
	done      TEXT CHECK (done IS NULL OR done GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	UNIQUE (phase_id, ord),
	UNIQUE (phase_id, key)
);
