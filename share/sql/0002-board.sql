-- 0002: the improvement board (verbeterbord), its weekly sessions, and goals
-- set the 4-step way, plus personal development goals of one teacher.
-- Board items are never deleted: removing one sets `removed`, so the board can
-- be shown as it stood in any week (added <= day < removed).

CREATE TABLE board_session (
	id        INTEGER PRIMARY KEY AUTOINCREMENT,
	uid       TEXT NOT NULL UNIQUE,
	team_id   INTEGER NOT NULL REFERENCES team(id) ON DELETE RESTRICT,
	date      TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	leader_id INTEGER NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
	topic     TEXT,
	note      TEXT,
	UNIQUE (team_id, date)
);

CREATE TABLE board_checkin (
	session_id INTEGER NOT NULL REFERENCES board_session(id) ON DELETE CASCADE,
	person_id  INTEGER NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
	score      INTEGER NOT NULL CHECK (score BETWEEN 1 AND 10),
	PRIMARY KEY (session_id, person_id)
) WITHOUT ROWID;

CREATE TABLE goal_candidate (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	uid         TEXT NOT NULL UNIQUE,
	team_id     INTEGER NOT NULL REFERENCES team(id) ON DELETE RESTRICT,
	text        TEXT NOT NULL CHECK (length(trim(text)) > 0),
	impact      INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),
	feasibility INTEGER NOT NULL CHECK (feasibility BETWEEN 1 AND 5),
	added       TEXT NOT NULL
);

-- A team goal (team_id) or a personal development goal of one teacher (person_id).
CREATE TABLE goal (
	id           INTEGER PRIMARY KEY AUTOINCREMENT,
	uid          TEXT NOT NULL UNIQUE,
	school_id    INTEGER NOT NULL REFERENCES school(id) ON DELETE RESTRICT,
	team_id      INTEGER REFERENCES team(id) ON DELETE RESTRICT,
	person_id    INTEGER REFERENCES person(id) ON DELETE RESTRICT,
	candidate_id INTEGER REFERENCES goal_candidate(id) ON DELETE RESTRICT,
	text         TEXT NOT NULL CHECK (length(trim(text)) > 0),
	pupils       TEXT,
	weeks        INTEGER CHECK (weeks BETWEEN 4 AND 8),
	norm         REAL CHECK (norm BETWEEN 1 AND 10),
	baseline     REAL CHECK (baseline BETWEEN 1 AND 10),
	problem      TEXT,
	facts        TEXT,
	causes       TEXT,
	added        TEXT NOT NULL,
	status       TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'achieved', 'dropped')),
	closed       TEXT,
	standard     TEXT,
	reason       TEXT,
	CHECK ((team_id IS NULL) <> (person_id IS NULL)),
	CHECK (team_id IS NULL OR (weeks IS NOT NULL AND norm IS NOT NULL AND baseline IS NOT NULL)),
	CHECK ((status = 'active') = (closed IS NULL)),
	CHECK (status <> 'achieved' OR team_id IS NULL OR standard IS NOT NULL)
);
CREATE INDEX goal_team ON goal(team_id);
CREATE INDEX goal_person ON goal(person_id);

CREATE TABLE goal_measure (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	uid        TEXT NOT NULL UNIQUE,
	goal_id    INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
	session_id INTEGER REFERENCES board_session(id) ON DELETE CASCADE,
	date       TEXT NOT NULL,
	score      REAL NOT NULL CHECK (score BETWEEN 1 AND 10)
);
CREATE INDEX goal_measure_goal ON goal_measure(goal_id, date);

-- Learning activities of a personal goal, of the five kinds.
CREATE TABLE goal_activity (
	id      INTEGER PRIMARY KEY AUTOINCREMENT,
	uid     TEXT NOT NULL UNIQUE,
	goal_id INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
	kind    TEXT NOT NULL CHECK (kind IN ('bijblijven', 'anderen', 'experimenteren', 'reflectie', 'samenwerking')),
	text    TEXT NOT NULL CHECK (length(trim(text)) > 0),
	added   TEXT NOT NULL,
	done    TEXT
);

-- Progress conversations about a personal goal.
CREATE TABLE goal_talk (
	id      INTEGER PRIMARY KEY AUTOINCREMENT,
	uid     TEXT NOT NULL UNIQUE,
	goal_id INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
	date    TEXT NOT NULL,
	note    TEXT NOT NULL CHECK (length(trim(note)) > 0)
);

-- Text items of a board: one row per item of a section. Themes of the year
-- board have a period; the period rhythm holds planned sessions (on, person,
-- text = topic); successes may name a goal and the session they came from.
CREATE TABLE board_item (
	id           INTEGER PRIMARY KEY AUTOINCREMENT,
	uid          TEXT NOT NULL UNIQUE,
	team_id      INTEGER NOT NULL REFERENCES team(id) ON DELETE RESTRICT,
	section      TEXT NOT NULL CHECK (section IN ('ambitie', 'inspiratieverhaal', 'teamafspraken', 'jaarbord',
	                                              'uitkomst_leerlingarena', 'parkeren', 'successen', 'perioderitmiek')),
	text         TEXT NOT NULL,
	period_start TEXT,
	period_end   TEXT,
	on_date      TEXT,
	person_id    INTEGER REFERENCES person(id) ON DELETE RESTRICT,
	goal_id      INTEGER REFERENCES goal(id) ON DELETE RESTRICT,
	session_id   INTEGER REFERENCES board_session(id) ON DELETE CASCADE,
	added        TEXT NOT NULL,
	removed      TEXT CHECK (removed IS NULL OR removed >= added),
	CHECK (period_end IS NULL OR period_end >= period_start)
);
CREATE INDEX board_item_team ON board_item(team_id, section);

-- Actions: in class (one teacher) or for the team (one or more people).
CREATE TABLE board_action (
	id              INTEGER PRIMARY KEY AUTOINCREMENT,
	uid             TEXT NOT NULL UNIQUE,
	team_id         INTEGER NOT NULL REFERENCES team(id) ON DELETE RESTRICT,
	kind            TEXT NOT NULL CHECK (kind IN ('klas', 'team')),
	what            TEXT NOT NULL CHECK (length(trim(what)) > 0),
	due             TEXT NOT NULL,
	goal_id         INTEGER REFERENCES goal(id) ON DELETE RESTRICT,
	added           TEXT NOT NULL,
	done            TEXT,
	done_session_id INTEGER REFERENCES board_session(id) ON DELETE RESTRICT,
	removed         TEXT
);
CREATE INDEX board_action_team ON board_action(team_id);

CREATE TABLE board_action_who (
	action_id INTEGER NOT NULL REFERENCES board_action(id) ON DELETE CASCADE,
	person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
	PRIMARY KEY (action_id, person_id)
) WITHOUT ROWID;
