-- 0004: stem van de leerling. A leerlingarena on a theme, for a team or the
-- whole school (team_id null); what pupils, teachers and management said, by
-- group only (no column identifies a pupil); answers to the three deepening
-- questions per item; the outcome that goes onto the board.

CREATE TABLE arena (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	uid         TEXT NOT NULL UNIQUE,
	school_id   INTEGER NOT NULL REFERENCES school(id) ON DELETE RESTRICT,
	team_id     INTEGER REFERENCES team(id) ON DELETE RESTRICT,
	theme       TEXT NOT NULL CHECK (length(trim(theme)) > 0),
	day         TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	pupil_group TEXT CHECK (pupil_group IS NULL OR length(trim(pupil_group)) > 0),
	outcome     TEXT CHECK (outcome IS NULL OR length(trim(outcome)) > 0),
	outcome_day TEXT CHECK (outcome_day IS NULL OR outcome_day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	CHECK ((outcome IS NULL) = (outcome_day IS NULL))
);
CREATE INDEX arena_team ON arena(team_id);
CREATE INDEX arena_school ON arena(school_id, day);

CREATE TABLE arena_question (
	id       INTEGER PRIMARY KEY AUTOINCREMENT,
	uid      TEXT NOT NULL UNIQUE,
	arena_id INTEGER NOT NULL REFERENCES arena(id) ON DELETE CASCADE,
	no       INTEGER NOT NULL CHECK (no > 0),
	text     TEXT NOT NULL CHECK (length(trim(text)) > 0),
	UNIQUE (arena_id, no)
);

-- item_no: the number users refer to (--item), stable within the arena.
CREATE TABLE arena_item (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	uid        TEXT NOT NULL UNIQUE,
	arena_id   INTEGER NOT NULL REFERENCES arena(id) ON DELETE CASCADE,
	item_no    INTEGER NOT NULL CHECK (item_no > 0),
	from_group TEXT NOT NULL CHECK (from_group IN ('leerlingen', 'leraren', 'mt')),
	text       TEXT NOT NULL CHECK (length(trim(text)) > 0),
	votes      INTEGER NOT NULL DEFAULT 0 CHECK (votes >= 0),
	tag        TEXT CHECK (tag IS NULL OR length(tag) > 0),
	UNIQUE (arena_id, item_no)
);

-- answer: the deepening question a, b or c of the item's group.
CREATE TABLE arena_answer (
	id      INTEGER PRIMARY KEY AUTOINCREMENT,
	uid     TEXT NOT NULL UNIQUE,
	item_id INTEGER NOT NULL REFERENCES arena_item(id) ON DELETE CASCADE,
	answer  TEXT NOT NULL CHECK (answer IN ('a', 'b', 'c')),
	text    TEXT NOT NULL CHECK (length(trim(text)) > 0)
);
CREATE INDEX arena_answer_item ON arena_answer(item_id);

-- A goal candidate picked from an arena's outcome.
ALTER TABLE goal_candidate ADD COLUMN arena_id INTEGER REFERENCES arena(id) ON DELETE SET NULL;
