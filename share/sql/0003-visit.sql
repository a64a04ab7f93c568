-- 0003: lesson visits (lesbezoek) and feedback talks (nagesprek), the
-- observation frameworks (kijkwijzers) they score on, visit rounds and the
-- teachers' development points (ontwikkelpunten).

-- A framework used or imported by a school, kept as normalised JSON so that
-- scores stay readable when the shipped file changes. Shipped frameworks are
-- copied here on first use (source 'shipped'), a school's own on import.
CREATE TABLE visit_framework (
	id        INTEGER PRIMARY KEY AUTOINCREMENT,
	uid       TEXT NOT NULL UNIQUE,
	school_id INTEGER NOT NULL REFERENCES school(id) ON DELETE CASCADE,
	key       TEXT NOT NULL COLLATE NOCASE CHECK (length(key) BETWEEN 1 AND 64),
	title     TEXT NOT NULL CHECK (length(trim(title)) > 0),
	source    TEXT NOT NULL CHECK (source IN ('shipped', 'imported')),
	doc       TEXT NOT NULL CHECK (json_valid(doc)),
	updated   TEXT NOT NULL,
	UNIQUE (school_id, key)
);

-- A round of visits ("ronde 1", "fase 3"): every teacher visited once.
CREATE TABLE visit_round (
	id        INTEGER PRIMARY KEY AUTOINCREMENT,
	uid       TEXT NOT NULL UNIQUE,
	school_id INTEGER NOT NULL REFERENCES school(id) ON DELETE CASCADE,
	name      TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(name)) > 0),
	from_date TEXT NOT NULL,
	to_date   TEXT NOT NULL CHECK (to_date >= from_date),
	UNIQUE (school_id, name)
);

CREATE TABLE visit (
	id            INTEGER PRIMARY KEY AUTOINCREMENT,
	uid           TEXT NOT NULL UNIQUE,
	school_id     INTEGER NOT NULL REFERENCES school(id) ON DELETE RESTRICT,
	observer_id   INTEGER NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
	teacher_id    INTEGER NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
	team_id       INTEGER REFERENCES team(id) ON DELETE RESTRICT,
	round_id      INTEGER REFERENCES visit_round(id) ON DELETE RESTRICT,
	framework_id  INTEGER REFERENCES visit_framework(id) ON DELETE RESTRICT,
	date          TEXT NOT NULL,
	time          TEXT,
	class_group   TEXT,
	subject       TEXT,
	lesson_goal   TEXT,
	focus         TEXT CHECK (focus IN ('goal', 'item', 'points')),
	focus_goal_id INTEGER REFERENCES goal(id) ON DELETE RESTRICT CHECK (focus_goal_id > 0),  -- a goal of the board
	focus_item    TEXT,
	seen          TEXT,   -- what the teacher did (facts, no judgement)
	effect        TEXT,   -- what the pupils did in response
	recorded      TEXT,   -- day the observation was written down
	feedback_date TEXT,   -- day of the feedback talk (nagesprek)
	agreed        TEXT,   -- what was agreed in it
	created       TEXT NOT NULL,
	CHECK (observer_id <> teacher_id),
	CHECK ((focus = 'goal') = (focus_goal_id IS NOT NULL)),
	CHECK ((focus = 'item') = (focus_item IS NOT NULL)),
	CHECK ((seen IS NULL) = (recorded IS NULL)),
	CHECK (feedback_date IS NULL OR (recorded IS NOT NULL AND feedback_date >= date))
);
CREATE INDEX visit_teacher ON visit(teacher_id, date);
CREATE INDEX visit_observer ON visit(observer_id);
CREATE INDEX visit_round_idx ON visit(round_id);

-- Scores on framework items; the item id is checked against the visit's
-- framework when written.
CREATE TABLE visit_score (
	id       INTEGER PRIMARY KEY AUTOINCREMENT,
	uid      TEXT NOT NULL UNIQUE,
	visit_id INTEGER NOT NULL REFERENCES visit(id) ON DELETE CASCADE,
	item     TEXT NOT NULL,
	score    INTEGER NOT NULL,
	UNIQUE (visit_id, item)
);

-- A teacher's development points (ontwikkelpunten) are personal goals (goal
-- with person_id). made = 1: the point was agreed in this visit's feedback
-- talk; made = 0: the visit focused on it.
CREATE TABLE visit_devpoint (
	visit_id INTEGER NOT NULL REFERENCES visit(id) ON DELETE CASCADE,
	goal_id  INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
	made     INTEGER NOT NULL DEFAULT 0 CHECK (made IN (0, 1)),
	PRIMARY KEY (visit_id, goal_id)
) WITHOUT ROWID;
CREATE INDEX visit_devpoint_point ON visit_devpoint(goal_id);
