-- 0001: schools, people, teams and team membership.
-- Every record has an integer id (the number users type) and a stable uid
-- (export, import and merge). Codes and names compare case-insensitively.

CREATE TABLE school (
	id      INTEGER PRIMARY KEY AUTOINCREMENT,
	uid     TEXT NOT NULL UNIQUE,
	name    TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
	brin    TEXT UNIQUE COLLATE NOCASE,
	sector  TEXT CHECK (sector IN ('po', 'vo', 'mbo', 'so')),
	created TEXT NOT NULL
);

CREATE TABLE person (
	id        INTEGER PRIMARY KEY AUTOINCREMENT,
	uid       TEXT NOT NULL UNIQUE,
	school_id INTEGER NOT NULL REFERENCES school(id) ON DELETE RESTRICT,
	code      TEXT NOT NULL COLLATE NOCASE,
	name      TEXT NOT NULL CHECK (length(trim(name)) > 0),
	role      TEXT NOT NULL CHECK (role IN ('leraar', 'schoolcoach', 'schoolleider', 'expertcoach', 'ib', 'mt', 'other')),
	UNIQUE (school_id, code)
);

CREATE TABLE team (
	id        INTEGER PRIMARY KEY AUTOINCREMENT,
	uid       TEXT NOT NULL UNIQUE,
	school_id INTEGER NOT NULL REFERENCES school(id) ON DELETE RESTRICT,
	name      TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(name)) > 0),
	kind      TEXT NOT NULL DEFAULT 'leraren' CHECK (kind IN ('leraren', 'leerkracht', 'mt', 'tiv')),
	UNIQUE (school_id, name)
);

CREATE TABLE team_member (
	team_id   INTEGER NOT NULL REFERENCES team(id) ON DELETE CASCADE,
	person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
	role      TEXT NOT NULL DEFAULT 'lid',
	PRIMARY KEY (team_id, person_id)
) WITHOUT ROWID;

CREATE INDEX team_member_person ON team_member(person_id);
