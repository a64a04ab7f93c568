-- 0013: the school calendar (holidays per region, study days, days off), a
-- team's start for its rhythm, and cancelled, moved and make-up visits.

-- The school's holiday region (noord, midden, zuid): which regional holidays apply.
ALTER TABLE school ADD COLUMN region TEXT CHECK (region IN ('noord', 'midden', 'zuid'));

-- The day a team's rhythm is counted from (else its first board session).
ALTER TABLE team ADD COLUMN start TEXT CHECK (start IS NULL OR start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');

-- Days without school: a holiday (of one region, or of all when region is
-- null), a study day or another day off. Imported days keep the iCalendar
-- UID they came with (ics_uid), so that importing a file again updates them.
CREATE TABLE calendar_day (
	id        INTEGER PRIMARY KEY AUTOINCREMENT,
	uid       TEXT NOT NULL UNIQUE,
	school_id INTEGER NOT NULL REFERENCES school(id) ON DELETE CASCADE,
	kind      TEXT NOT NULL CHECK (kind IN ('vakantie', 'studiedag', 'vrij')),
	name      TEXT NOT NULL CHECK (length(trim(name)) > 0),
	region    TEXT CHECK (region IN ('noord', 'midden', 'zuid')),
	from_date TEXT NOT NULL CHECK (from_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	to_date   TEXT NOT NULL CHECK (to_date >= from_date),
	ics_uid   TEXT,
	added     TEXT NOT NULL,
	UNIQUE (school_id, ics_uid)
);
CREATE INDEX calendar_day_school ON calendar_day(school_id, from_date);

-- A visit called off (neither missed nor done), and a make-up visit that
-- takes the place of a missed one.
ALTER TABLE visit ADD COLUMN cancelled TEXT;
ALTER TABLE visit ADD COLUMN cancel_reason TEXT;
ALTER TABLE visit ADD COLUMN replaces_id INTEGER REFERENCES visit(id) ON DELETE SET NULL;
CREATE INDEX visit_replaces ON visit(replaces_id);

-- More than one focus for a visit: the first stays in visit.focus, the
-- others are here (a goal of the board, a framework item, the teacher's
-- development points). ref: the goal's number, the item's id, or ''.
CREATE TABLE visit_focus (
	id       INTEGER PRIMARY KEY AUTOINCREMENT,
	uid      TEXT NOT NULL UNIQUE,
	visit_id INTEGER NOT NULL REFERENCES visit(id) ON DELETE CASCADE,
	kind     TEXT NOT NULL CHECK (kind IN ('goal', 'item', 'points')),
	goal_id  INTEGER REFERENCES goal(id) ON DELETE RESTRICT,
	item     TEXT,
	CHECK ((kind = 'goal') = (goal_id IS NOT NULL)),
	CHECK ((kind = 'item') = (item IS NOT NULL)),
	UNIQUE (visit_id, kind, goal_id, item)
);

-- What a board session records besides check-in, successes, results and
-- actions done: actions not done and why, which of the week's planned
-- lesson visits took place, and the programme of the werksessie (topic and
-- minutes, in order).
CREATE TABLE board_action_missed (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	uid        TEXT NOT NULL UNIQUE,
	action_id  INTEGER NOT NULL REFERENCES board_action(id) ON DELETE CASCADE,
	session_id INTEGER NOT NULL REFERENCES board_session(id) ON DELETE CASCADE,
	reason     TEXT NOT NULL CHECK (length(trim(reason)) > 0),
	UNIQUE (action_id, session_id)
);
CREATE INDEX board_action_missed_session ON board_action_missed(session_id);

CREATE TABLE board_session_visit (
	session_id INTEGER NOT NULL REFERENCES board_session(id) ON DELETE CASCADE,
	visit_id   INTEGER NOT NULL REFERENCES visit(id) ON DELETE CASCADE,
	happened   INTEGER NOT NULL CHECK (happened IN (0, 1)),
	PRIMARY KEY (session_id, visit_id)
) WITHOUT ROWID;
CREATE INDEX board_session_visit_visit ON board_session_visit(visit_id);

CREATE TABLE board_agenda (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	uid        TEXT NOT NULL UNIQUE,
	session_id INTEGER NOT NULL REFERENCES board_session(id) ON DELETE CASCADE,
	pos        INTEGER NOT NULL,
	topic      TEXT NOT NULL CHECK (length(trim(topic)) > 0),
	minutes    INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 480),
	UNIQUE (session_id, pos)
);
