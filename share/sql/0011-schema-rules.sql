-- 0011: the schema is the one source of the rules it can express.
--
-- Every column that holds a day is checked in one form,
-- CHECK (date(d, '+0 days') IS d): a NULL passes (NOT NULL says whether one
-- may be missing), anything but a real day written YYYY-MM-DD fails
-- ('2026-02-30', '2026-13-45', '2026-10-7', a time; date(d) alone would
-- take '2026-02-30').
-- The "same school" rules are composite foreign keys: a goal's team or
-- person, a visit's observer, teacher, team, round, framework and focus
-- goal, an arena's, a survey's and a trajectory's team and a survey's
-- leader are of the record's own school; the parents get a key (id,
-- school_id) for them (the goal's index on school_id becomes that key).
-- A team member's role is one of a fixed list.
--
-- SQLite adds such constraints only by building a table anew (sqlite.org,
-- lang_altertable, "Making Other Kinds Of Table Schema Changes"): the runner
-- (lib/store_migrate.c) turns foreign keys off around the migration, runs it
-- in one transaction and checks the foreign keys before COMMIT. Every table
-- is built anew, in the order the store made them, because a table built
-- anew moves to the end of the schema and export writes the tables in schema
-- order; columns keep their order, rows their ids and tables their
-- AUTOINCREMENT counter, so an export is the same before and after.
--
-- A store that breaks a new rule is not changed: the rows that break one are
-- gathered first in temp.migration_problem, which the runner reports (with
-- the links of another school that PRAGMA foreign_key_check finds) when the
-- migration fails.

CREATE TEMP TABLE migration_problem (record TEXT NOT NULL, problem TEXT NOT NULL);

-- days that are not days: the new CHECK would refuse the row
INSERT INTO migration_problem SELECT 'school ' || id, 'created ' || quote(created) || ' is not a day (YYYY-MM-DD)' FROM school WHERE date(created, '+0 days') IS NOT created;
INSERT INTO migration_problem SELECT 'board_session ' || id, 'date ' || quote(date) || ' is not a day (YYYY-MM-DD)' FROM board_session WHERE date(date, '+0 days') IS NOT date;
INSERT INTO migration_problem SELECT 'goal_candidate ' || id, 'added ' || quote(added) || ' is not a day (YYYY-MM-DD)' FROM goal_candidate WHERE date(added, '+0 days') IS NOT added;
INSERT INTO migration_problem SELECT 'goal ' || id, 'added ' || quote(added) || ' is not a day (YYYY-MM-DD)' FROM goal WHERE date(added, '+0 days') IS NOT added;
INSERT INTO migration_problem SELECT 'goal ' || id, 'closed ' || quote(closed) || ' is not a day (YYYY-MM-DD)' FROM goal WHERE date(closed, '+0 days') IS NOT closed;
INSERT INTO migration_problem SELECT 'goal_measure ' || id, 'date ' || quote(date) || ' is not a day (YYYY-MM-DD)' FROM goal_measure WHERE date(date, '+0 days') IS NOT date;
INSERT INTO migration_problem SELECT 'goal_activity ' || id, 'added ' || quote(added) || ' is not a day (YYYY-MM-DD)' FROM goal_activity WHERE date(added, '+0 days') IS NOT added;
INSERT INTO migration_problem SELECT 'goal_activity ' || id, 'done ' || quote(done) || ' is not a day (YYYY-MM-DD)' FROM goal_activity WHERE date(done, '+0 days') IS NOT done;
INSERT INTO migration_problem SELECT 'goal_talk ' || id, 'date ' || quote(date) || ' is not a day (YYYY-MM-DD)' FROM goal_talk WHERE date(date, '+0 days') IS NOT date;
INSERT INTO migration_problem SELECT 'board_item ' || id, 'period_start ' || quote(period_start) || ' is not a day (YYYY-MM-DD)' FROM board_item WHERE date(period_start, '+0 days') IS NOT period_start;
INSERT INTO migration_problem SELECT 'board_item ' || id, 'period_end ' || quote(period_end) || ' is not a day (YYYY-MM-DD)' FROM board_item WHERE date(period_end, '+0 days') IS NOT period_end;
INSERT INTO migration_problem SELECT 'board_item ' || id, 'on_date ' || quote(on_date) || ' is not a day (YYYY-MM-DD)' FROM board_item WHERE date(on_date, '+0 days') IS NOT on_date;
INSERT INTO migration_problem SELECT 'board_item ' || id, 'added ' || quote(added) || ' is not a day (YYYY-MM-DD)' FROM board_item WHERE date(added, '+0 days') IS NOT added;
INSERT INTO migration_problem SELECT 'board_item ' || id, 'removed ' || quote(removed) || ' is not a day (YYYY-MM-DD)' FROM board_item WHERE date(removed, '+0 days') IS NOT removed;
INSERT INTO migration_problem SELECT 'board_action ' || id, 'due ' || quote(due) || ' is not a day (YYYY-MM-DD)' FROM board_action WHERE date(due, '+0 days') IS NOT due;
INSERT INTO migration_problem SELECT 'board_action ' || id, 'added ' || quote(added) || ' is not a day (YYYY-MM-DD)' FROM board_action WHERE date(added, '+0 days') IS NOT added;
INSERT INTO migration_problem SELECT 'board_action ' || id, 'done ' || quote(done) || ' is not a day (YYYY-MM-DD)' FROM board_action WHERE date(done, '+0 days') IS NOT done;
INSERT INTO migration_problem SELECT 'board_action ' || id, 'removed ' || quote(removed) || ' is not a day (YYYY-MM-DD)' FROM board_action WHERE date(removed, '+0 days') IS NOT removed;
INSERT INTO migration_problem SELECT 'visit_framework ' || id, 'updated ' || quote(updated) || ' is not a day (YYYY-MM-DD)' FROM visit_framework WHERE date(updated, '+0 days') IS NOT updated;
INSERT INTO migration_problem SELECT 'visit_round ' || id, 'from_date ' || quote(from_date) || ' is not a day (YYYY-MM-DD)' FROM visit_round WHERE date(from_date, '+0 days') IS NOT from_date;
INSERT INTO migration_problem SELECT 'visit_round ' || id, 'to_date ' || quote(to_date) || ' is not a day (YYYY-MM-DD)' FROM visit_round WHERE date(to_date, '+0 days') IS NOT to_date;
INSERT INTO migration_problem SELECT 'visit ' || id, 'date ' || quote(date) || ' is not a day (YYYY-MM-DD)' FROM visit WHERE date(date, '+0 days') IS NOT date;
INSERT INTO migration_problem SELECT 'visit ' || id, 'recorded ' || quote(recorded) || ' is not a day (YYYY-MM-DD)' FROM visit WHERE date(recorded, '+0 days') IS NOT recorded;
INSERT INTO migration_problem SELECT 'visit ' || id, 'feedback_date ' || quote(feedback_date) || ' is not a day (YYYY-MM-DD)' FROM visit WHERE date(feedback_date, '+0 days') IS NOT feedback_date;
INSERT INTO migration_problem SELECT 'visit ' || id, 'created ' || quote(created) || ' is not a day (YYYY-MM-DD)' FROM visit WHERE date(created, '+0 days') IS NOT created;
INSERT INTO migration_problem SELECT 'arena ' || id, 'day ' || quote(day) || ' is not a day (YYYY-MM-DD)' FROM arena WHERE date(day, '+0 days') IS NOT day;
INSERT INTO migration_problem SELECT 'arena ' || id, 'outcome_day ' || quote(outcome_day) || ' is not a day (YYYY-MM-DD)' FROM arena WHERE date(outcome_day, '+0 days') IS NOT outcome_day;
INSERT INTO migration_problem SELECT 'survey ' || id, 'opens ' || quote(opens) || ' is not a day (YYYY-MM-DD)' FROM survey WHERE date(opens, '+0 days') IS NOT opens;
INSERT INTO migration_problem SELECT 'survey ' || id, 'closes ' || quote(closes) || ' is not a day (YYYY-MM-DD)' FROM survey WHERE date(closes, '+0 days') IS NOT closes;
INSERT INTO migration_problem SELECT 'survey ' || id, 'created ' || quote(created) || ' is not a day (YYYY-MM-DD)' FROM survey WHERE date(created, '+0 days') IS NOT created;
INSERT INTO migration_problem SELECT 'phase_model ' || id, 'imported ' || quote(imported) || ' is not a day (YYYY-MM-DD)' FROM phase_model WHERE date(imported, '+0 days') IS NOT imported;
INSERT INTO migration_problem SELECT 'trajectory ' || id, 'started ' || quote(started) || ' is not a day (YYYY-MM-DD)' FROM trajectory WHERE date(started, '+0 days') IS NOT started;
INSERT INTO migration_problem SELECT 'trajectory ' || id, 'ended ' || quote(ended) || ' is not a day (YYYY-MM-DD)' FROM trajectory WHERE date(ended, '+0 days') IS NOT ended;
INSERT INTO migration_problem SELECT 'trajectory_phase ' || id, 'started ' || quote(started) || ' is not a day (YYYY-MM-DD)' FROM trajectory_phase WHERE date(started, '+0 days') IS NOT started;
INSERT INTO migration_problem SELECT 'trajectory_phase ' || id, 'closed ' || quote(closed) || ' is not a day (YYYY-MM-DD)' FROM trajectory_phase WHERE date(closed, '+0 days') IS NOT closed;
INSERT INTO migration_problem SELECT 'trajectory_item ' || id, 'done ' || quote(done) || ' is not a day (YYYY-MM-DD)' FROM trajectory_item WHERE date(done, '+0 days') IS NOT done;
INSERT INTO migration_problem SELECT 'survey_policy ' || id, 'day ' || quote(day) || ' is not a day (YYYY-MM-DD)' FROM survey_policy WHERE date(day, '+0 days') IS NOT day;
INSERT INTO migration_problem SELECT 'survey_leader_key ' || id, 'created ' || quote(created) || ' is not a day (YYYY-MM-DD)' FROM survey_leader_key WHERE date(created, '+0 days') IS NOT created;
INSERT INTO migration_problem SELECT 'team_member ' || team_id || '/' || person_id, 'role ' || quote(role) || ' is not a role in a team' FROM team_member
	WHERE role NOT IN ('lid', 'leraar', 'schoolcoach', 'schoolleider', 'expertcoach', 'ib', 'mt', 'other');

DROP VIEW survey_answer;

CREATE TABLE new_school (
	id      INTEGER PRIMARY KEY AUTOINCREMENT,
	uid     TEXT NOT NULL UNIQUE,
	name    TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
	brin    TEXT UNIQUE COLLATE NOCASE,
	sector  TEXT CHECK (sector IN ('po', 'vo', 'mbo', 'so')),
	created TEXT NOT NULL CHECK (date(created, '+0 days') IS created)
);
INSERT INTO new_school SELECT * FROM school;
DELETE FROM sqlite_sequence WHERE name = 'new_school';
INSERT INTO sqlite_sequence (name, seq) SELECT 'new_school', max(seq) FROM sqlite_sequence WHERE name = 'school' HAVING count(*);
DROP TABLE school;
ALTER TABLE new_school RENAME TO school;

CREATE TABLE new_person (
	id        INTEGER PRIMARY KEY AUTOINCREMENT,
	uid       TEXT NOT NULL UNIQUE,
	school_id INTEGER NOT NULL REFERENCES school(id) ON DELETE RESTRICT,
	code      TEXT NOT NULL COLLATE NOCASE,
	name      TEXT NOT NULL CHECK (length(trim(name)) > 0),
	role      TEXT NOT NULL CHECK (role IN ('leraar', 'schoolcoach', 'schoolleider', 'expertcoach', 'ib', 'mt', 'other')),
	UNIQUE (school_id, code)
);
INSERT INTO new_person SELECT * FROM person;
DELETE FROM sqlite_sequence WHERE name = 'new_person';
INSERT INTO sqlite_sequence (name, seq) SELECT 'new_person', max(seq) FROM sqlite_sequence WHERE name = 'person' HAVING count(*);
DROP TABLE person;
ALTER TABLE new_person RENAME TO person;

CREATE TABLE new_team (
	id        INTEGER PRIMARY KEY AUTOINCREMENT,
	uid       TEXT NOT NULL UNIQUE,
	school_id INTEGER NOT NULL REFERENCES school(id) ON DELETE RESTRICT,
	name      TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(name)) > 0),
	kind      TEXT NOT NULL DEFAULT 'leraren' CHECK (kind IN ('leraren', 'leerkracht', 'mt', 'tiv')),
	UNIQUE (school_id, name)
);
INSERT INTO new_team SELECT * FROM team;
DELETE FROM sqlite_sequence WHERE name = 'new_team';
INSERT INTO sqlite_sequence (name, seq) SELECT 'new_team', max(seq) FROM sqlite_sequence WHERE name = 'team' HAVING count(*);
DROP TABLE team;
ALTER TABLE new_team RENAME TO team;

CREATE TABLE new_team_member (
	team_id   INTEGER NOT NULL REFERENCES team(id) ON DELETE CASCADE,
	person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
	role      TEXT NOT NULL DEFAULT 'lid' CHECK (role IN ('lid', 'leraar', 'schoolcoach', 'schoolleider', 'expertcoach', 'ib', 'mt', 'other')),
	PRIMARY KEY (team_id, person_id)
) WITHOUT ROWID;
INSERT INTO new_team_member SELECT * FROM team_member;
DROP TABLE team_member;
ALTER TABLE new_team_member RENAME TO team_member;
CREATE INDEX team_member_person ON team_member(person_id);

CREATE TABLE new_board_session (
	id        INTEGER PRIMARY KEY AUTOINCREMENT,
	uid       TEXT NOT NULL UNIQUE,
	team_id   INTEGER NOT NULL REFERENCES team(id) ON DELETE RESTRICT,
	date      TEXT NOT NULL CHECK (date(date, '+0 days') IS date),
	leader_id INTEGER NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
	topic     TEXT,
	note      TEXT,
	UNIQUE (team_id, date)
);
INSERT INTO new_board_session SELECT * FROM board_session;
DELETE FROM sqlite_sequence WHERE name = 'new_board_session';
INSERT INTO sqlite_sequence (name, seq) SELECT 'new_board_session', max(seq) FROM sqlite_sequence WHERE name = 'board_session' HAVING count(*);
DROP TABLE board_session;
ALTER TABLE new_board_session RENAME TO board_session;
CREATE INDEX board_session_leader ON board_session(leader_id);

CREATE TABLE new_board_checkin (
	session_id INTEGER NOT NULL REFERENCES board_session(id) ON DELETE CASCADE,
	person_id  INTEGER NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
	score      INTEGER NOT NULL CHECK (score BETWEEN 1 AND 10),
	PRIMARY KEY (session_id, person_id)
) WITHOUT ROWID;
INSERT INTO new_board_checkin SELECT * FROM board_checkin;
DROP TABLE board_checkin;
ALTER TABLE new_board_checkin RENAME TO board_checkin;
CREATE INDEX board_checkin_person ON board_checkin(person_id);

CREATE TABLE new_goal_candidate (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	uid         TEXT NOT NULL UNIQUE,
	team_id     INTEGER NOT NULL REFERENCES team(id) ON DELETE RESTRICT,
	text        TEXT NOT NULL CHECK (length(trim(text)) > 0),
	impact      INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),
	feasibility INTEGER NOT NULL CHECK (feasibility BETWEEN 1 AND 5),
	added       TEXT NOT NULL CHECK (date(added, '+0 days') IS added),
	arena_id    INTEGER REFERENCES arena(id) ON DELETE SET NULL
);
INSERT INTO new_goal_candidate SELECT * FROM goal_candidate;
DELETE FROM sqlite_sequence WHERE name = 'new_goal_candidate';
INSERT INTO sqlite_sequence (name, seq) SELECT 'new_goal_candidate', max(seq) FROM sqlite_sequence WHERE name = 'goal_candidate' HAVING count(*);
DROP TABLE goal_candidate;
ALTER TABLE new_goal_candidate RENAME TO goal_candidate;
CREATE INDEX goal_candidate_arena ON goal_candidate(arena_id);
CREATE INDEX goal_candidate_team ON goal_candidate(team_id);

CREATE TABLE new_goal (
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
	added        TEXT NOT NULL CHECK (date(added, '+0 days') IS added),
	status       TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'achieved', 'dropped')),
	closed       TEXT CHECK (date(closed, '+0 days') IS closed),
	standard     TEXT,
	reason       TEXT,
	CHECK ((team_id IS NULL) <> (person_id IS NULL)),
	CHECK (team_id IS NULL OR (weeks IS NOT NULL AND norm IS NOT NULL AND baseline IS NOT NULL)),
	CHECK ((status = 'active') = (closed IS NULL)),
	CHECK (status <> 'achieved' OR team_id IS NULL OR standard IS NOT NULL),
	FOREIGN KEY (team_id, school_id) REFERENCES team(id, school_id),
	FOREIGN KEY (person_id, school_id) REFERENCES person(id, school_id)
);
INSERT INTO new_goal SELECT * FROM goal;
DELETE FROM sqlite_sequence WHERE name = 'new_goal';
INSERT INTO sqlite_sequence (name, seq) SELECT 'new_goal', max(seq) FROM sqlite_sequence WHERE name = 'goal' HAVING count(*);
DROP TABLE goal;
ALTER TABLE new_goal RENAME TO goal;
CREATE INDEX goal_team ON goal(team_id);
CREATE INDEX goal_person ON goal(person_id);
CREATE INDEX goal_candidate_ref ON goal(candidate_id);
CREATE UNIQUE INDEX goal_school ON goal(school_id, id);

CREATE TABLE new_goal_measure (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	uid        TEXT NOT NULL UNIQUE,
	goal_id    INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
	session_id INTEGER REFERENCES board_session(id) ON DELETE CASCADE,
	date       TEXT NOT NULL CHECK (date(date, '+0 days') IS date),
	score      REAL NOT NULL CHECK (score BETWEEN 1 AND 10)
);
INSERT INTO new_goal_measure SELECT * FROM goal_measure;
DELETE FROM sqlite_sequence WHERE name = 'new_goal_measure';
INSERT INTO sqlite_sequence (name, seq) SELECT 'new_goal_measure', max(seq) FROM sqlite_sequence WHERE name = 'goal_measure' HAVING count(*);
DROP TABLE goal_measure;
ALTER TABLE new_goal_measure RENAME TO goal_measure;
CREATE INDEX goal_measure_goal ON goal_measure(goal_id, date);
CREATE INDEX goal_measure_session ON goal_measure(session_id);

CREATE TABLE new_goal_activity (
	id      INTEGER PRIMARY KEY AUTOINCREMENT,
	uid     TEXT NOT NULL UNIQUE,
	goal_id INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
	kind    TEXT NOT NULL CHECK (kind IN ('bijblijven', 'anderen', 'experimenteren', 'reflectie', 'samenwerking')),
	text    TEXT NOT NULL CHECK (length(trim(text)) > 0),
	added   TEXT NOT NULL CHECK (date(added, '+0 days') IS added),
	done    TEXT CHECK (date(done, '+0 days') IS done)
);
INSERT INTO new_goal_activity SELECT * FROM goal_activity;
DELETE FROM sqlite_sequence WHERE name = 'new_goal_activity';
INSERT INTO sqlite_sequence (name, seq) SELECT 'new_goal_activity', max(seq) FROM sqlite_sequence WHERE name = 'goal_activity' HAVING count(*);
DROP TABLE goal_activity;
ALTER TABLE new_goal_activity RENAME TO goal_activity;
CREATE INDEX goal_activity_goal ON goal_activity(goal_id);

CREATE TABLE new_goal_talk (
	id      INTEGER PRIMARY KEY AUTOINCREMENT,
	uid     TEXT NOT NULL UNIQUE,
	goal_id INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
	date    TEXT NOT NULL CHECK (date(date, '+0 days') IS date),
	note    TEXT NOT NULL CHECK (length(trim(note)) > 0)
);
INSERT INTO new_goal_talk SELECT * FROM goal_talk;
DELETE FROM sqlite_sequence WHERE name = 'new_goal_talk';
INSERT INTO sqlite_sequence (name, seq) SELECT 'new_goal_talk', max(seq) FROM sqlite_sequence WHERE name = 'goal_talk' HAVING count(*);
DROP TABLE goal_talk;
ALTER TABLE new_goal_talk RENAME TO goal_talk;
CREATE INDEX goal_talk_goal ON goal_talk(goal_id);

CREATE TABLE new_board_item (
	id           INTEGER PRIMARY KEY AUTOINCREMENT,
	uid          TEXT NOT NULL UNIQUE,
	team_id      INTEGER NOT NULL REFERENCES team(id) ON DELETE RESTRICT,
	section      TEXT NOT NULL CHECK (section IN ('ambitie', 'inspiratieverhaal', 'teamafspraken', 'jaarbord',
	                                              'uitkomst_leerlingarena', 'parkeren', 'successen', 'perioderitmiek')),
	text         TEXT NOT NULL,
	period_start TEXT CHECK (date(period_start, '+0 days') IS period_start),
	period_end   TEXT CHECK (date(period_end, '+0 days') IS period_end),
	on_date      TEXT CHECK (date(on_date, '+0 days') IS on_date),
	person_id    INTEGER REFERENCES person(id) ON DELETE RESTRICT,
	goal_id      INTEGER REFERENCES goal(id) ON DELETE RESTRICT,
	session_id   INTEGER REFERENCES board_session(id) ON DELETE CASCADE,
	added        TEXT NOT NULL CHECK (date(added, '+0 days') IS added),
	removed      TEXT CHECK (date(removed, '+0 days') IS removed) CHECK (removed IS NULL OR removed >= added),
	CHECK (period_end IS NULL OR period_end >= period_start)
);
INSERT INTO new_board_item SELECT * FROM board_item;
DELETE FROM sqlite_sequence WHERE name = 'new_board_item';
INSERT INTO sqlite_sequence (name, seq) SELECT 'new_board_item', max(seq) FROM sqlite_sequence WHERE name = 'board_item' HAVING count(*);
DROP TABLE board_item;
ALTER TABLE new_board_item RENAME TO board_item;
CREATE INDEX board_item_team ON board_item(team_id, section);
CREATE INDEX board_item_goal ON board_item(goal_id);
CREATE INDEX board_item_person ON board_item(person_id);
CREATE INDEX board_item_session ON board_item(session_id);

CREATE TABLE new_board_action (
	id              INTEGER PRIMARY KEY AUTOINCREMENT,
	uid             TEXT NOT NULL UNIQUE,
	team_id         INTEGER NOT NULL REFERENCES team(id) ON DELETE RESTRICT,
	kind            TEXT NOT NULL CHECK (kind IN ('klas', 'team')),
	what            TEXT NOT NULL CHECK (length(trim(what)) > 0),
	due             TEXT NOT NULL CHECK (date(due, '+0 days') IS due),
	goal_id         INTEGER REFERENCES goal(id) ON DELETE RESTRICT,
	added           TEXT NOT NULL CHECK (date(added, '+0 days') IS added),
	done            TEXT CHECK (date(done, '+0 days') IS done),
	done_session_id INTEGER REFERENCES board_session(id) ON DELETE RESTRICT,
	removed         TEXT CHECK (date(removed, '+0 days') IS removed)
);
INSERT INTO new_board_action SELECT * FROM board_action;
DELETE FROM sqlite_sequence WHERE name = 'new_board_action';
INSERT INTO sqlite_sequence (name, seq) SELECT 'new_board_action', max(seq) FROM sqlite_sequence WHERE name = 'board_action' HAVING count(*);
DROP TABLE board_action;
ALTER TABLE new_board_action RENAME TO board_action;
CREATE INDEX board_action_team ON board_action(team_id);
CREATE INDEX board_action_done ON board_action(done_session_id);
CREATE INDEX board_action_goal ON board_action(goal_id);

CREATE TABLE new_board_action_who (
	action_id INTEGER NOT NULL REFERENCES board_action(id) ON DELETE CASCADE,
	person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
	PRIMARY KEY (action_id, person_id)
) WITHOUT ROWID;
INSERT INTO new_board_action_who SELECT * FROM board_action_who;
DROP TABLE board_action_who;
ALTER TABLE new_board_action_who RENAME TO board_action_who;
CREATE INDEX board_action_who_person ON board_action_who(person_id);

CREATE TABLE new_visit_framework (
	id        INTEGER PRIMARY KEY AUTOINCREMENT,
	uid       TEXT NOT NULL UNIQUE,
	school_id INTEGER NOT NULL REFERENCES school(id) ON DELETE CASCADE,
	key       TEXT NOT NULL COLLATE NOCASE CHECK (length(key) BETWEEN 1 AND 64),
	title     TEXT NOT NULL CHECK (length(trim(title)) > 0),
	source    TEXT NOT NULL CHECK (source IN ('shipped', 'imported')),
	doc       TEXT NOT NULL CHECK (json_valid(doc)),
	updated   TEXT NOT NULL CHECK (date(updated, '+0 days') IS updated),
	UNIQUE (school_id, key)
);
INSERT INTO new_visit_framework SELECT * FROM visit_framework;
DELETE FROM sqlite_sequence WHERE name = 'new_visit_framework';
INSERT INTO sqlite_sequence (name, seq) SELECT 'new_visit_framework', max(seq) FROM sqlite_sequence WHERE name = 'visit_framework' HAVING count(*);
DROP TABLE visit_framework;
ALTER TABLE new_visit_framework RENAME TO visit_framework;

CREATE TABLE new_visit_round (
	id        INTEGER PRIMARY KEY AUTOINCREMENT,
	uid       TEXT NOT NULL UNIQUE,
	school_id INTEGER NOT NULL REFERENCES school(id) ON DELETE CASCADE,
	name      TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(name)) > 0),
	from_date TEXT NOT NULL CHECK (date(from_date, '+0 days') IS from_date),
	to_date   TEXT NOT NULL CHECK (date(to_date, '+0 days') IS to_date) CHECK (to_date >= from_date),
	UNIQUE (school_id, name)
);
INSERT INTO new_visit_round SELECT * FROM visit_round;
DELETE FROM sqlite_sequence WHERE name = 'new_visit_round';
INSERT INTO sqlite_sequence (name, seq) SELECT 'new_visit_round', max(seq) FROM sqlite_sequence WHERE name = 'visit_round' HAVING count(*);
DROP TABLE visit_round;
ALTER TABLE new_visit_round RENAME TO visit_round;

CREATE TABLE new_visit (
	id            INTEGER PRIMARY KEY AUTOINCREMENT,
	uid           TEXT NOT NULL UNIQUE,
	school_id     INTEGER NOT NULL REFERENCES school(id) ON DELETE RESTRICT,
	observer_id   INTEGER NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
	teacher_id    INTEGER NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
	team_id       INTEGER REFERENCES team(id) ON DELETE RESTRICT,
	round_id      INTEGER REFERENCES visit_round(id) ON DELETE RESTRICT,
	framework_id  INTEGER REFERENCES visit_framework(id) ON DELETE RESTRICT,
	date          TEXT NOT NULL CHECK (date(date, '+0 days') IS date),
	time          TEXT,
	class_group   TEXT,
	subject       TEXT,
	lesson_goal   TEXT,
	focus         TEXT CHECK (focus IN ('goal', 'item', 'points')),
	focus_goal_id INTEGER REFERENCES goal(id) ON DELETE RESTRICT CHECK (focus_goal_id > 0),  -- a goal of the board
	focus_item    TEXT,
	seen          TEXT,   -- what the teacher did (facts, no judgement)
	effect        TEXT,   -- what the pupils did in response
	recorded      TEXT CHECK (date(recorded, '+0 days') IS recorded),   -- day the observation was written down
	feedback_date TEXT CHECK (date(feedback_date, '+0 days') IS feedback_date),   -- day of the feedback talk (nagesprek)
	agreed        TEXT,   -- what was agreed in it
	created       TEXT NOT NULL CHECK (date(created, '+0 days') IS created),
	CHECK (observer_id <> teacher_id),
	CHECK ((focus = 'goal') = (focus_goal_id IS NOT NULL)),
	CHECK ((focus = 'item') = (focus_item IS NOT NULL)),
	CHECK ((seen IS NULL) = (recorded IS NULL)),
	CHECK (feedback_date IS NULL OR (recorded IS NOT NULL AND feedback_date >= date)),
	FOREIGN KEY (observer_id, school_id) REFERENCES person(id, school_id),
	FOREIGN KEY (teacher_id, school_id) REFERENCES person(id, school_id),
	FOREIGN KEY (team_id, school_id) REFERENCES team(id, school_id),
	FOREIGN KEY (round_id, school_id) REFERENCES visit_round(id, school_id),
	FOREIGN KEY (framework_id, school_id) REFERENCES visit_framework(id, school_id),
	FOREIGN KEY (focus_goal_id, school_id) REFERENCES goal(id, school_id)
);
INSERT INTO new_visit SELECT * FROM visit;
DELETE FROM sqlite_sequence WHERE name = 'new_visit';
INSERT INTO sqlite_sequence (name, seq) SELECT 'new_visit', max(seq) FROM sqlite_sequence WHERE name = 'visit' HAVING count(*);
DROP TABLE visit;
ALTER TABLE new_visit RENAME TO visit;
CREATE INDEX visit_teacher ON visit(teacher_id, date);
CREATE INDEX visit_observer ON visit(observer_id);
CREATE INDEX visit_round_idx ON visit(round_id);
CREATE INDEX visit_team ON visit(team_id, date);
CREATE INDEX visit_focus_goal ON visit(focus_goal_id);
CREATE INDEX visit_framework_ref ON visit(framework_id);
CREATE INDEX visit_school ON visit(school_id, date);

CREATE TABLE new_visit_score (
	id       INTEGER PRIMARY KEY AUTOINCREMENT,
	uid      TEXT NOT NULL UNIQUE,
	visit_id INTEGER NOT NULL REFERENCES visit(id) ON DELETE CASCADE,
	item     TEXT NOT NULL,
	score    INTEGER NOT NULL,
	UNIQUE (visit_id, item)
);
INSERT INTO new_visit_score SELECT * FROM visit_score;
DELETE FROM sqlite_sequence WHERE name = 'new_visit_score';
INSERT INTO sqlite_sequence (name, seq) SELECT 'new_visit_score', max(seq) FROM sqlite_sequence WHERE name = 'visit_score' HAVING count(*);
DROP TABLE visit_score;
ALTER TABLE new_visit_score RENAME TO visit_score;

CREATE TABLE new_visit_devpoint (
	visit_id INTEGER NOT NULL REFERENCES visit(id) ON DELETE CASCADE,
	goal_id  INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
	made     INTEGER NOT NULL DEFAULT 0 CHECK (made IN (0, 1)),
	PRIMARY KEY (visit_id, goal_id)
) WITHOUT ROWID;
INSERT INTO new_visit_devpoint SELECT * FROM visit_devpoint;
DROP TABLE visit_devpoint;
ALTER TABLE new_visit_devpoint RENAME TO visit_devpoint;
CREATE INDEX visit_devpoint_point ON visit_devpoint(goal_id);

CREATE TABLE new_arena (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	uid         TEXT NOT NULL UNIQUE,
	school_id   INTEGER NOT NULL REFERENCES school(id) ON DELETE RESTRICT,
	team_id     INTEGER REFERENCES team(id) ON DELETE RESTRICT,
	theme       TEXT NOT NULL CHECK (length(trim(theme)) > 0),
	day         TEXT NOT NULL CHECK (date(day, '+0 days') IS day),
	pupil_group TEXT CHECK (pupil_group IS NULL OR length(trim(pupil_group)) > 0),
	outcome     TEXT CHECK (outcome IS NULL OR length(trim(outcome)) > 0),
	outcome_day TEXT CHECK (date(outcome_day, '+0 days') IS outcome_day),
	CHECK ((outcome IS NULL) = (outcome_day IS NULL)),
	FOREIGN KEY (team_id, school_id) REFERENCES team(id, school_id)
);
INSERT INTO new_arena SELECT * FROM arena;
DELETE FROM sqlite_sequence WHERE name = 'new_arena';
INSERT INTO sqlite_sequence (name, seq) SELECT 'new_arena', max(seq) FROM sqlite_sequence WHERE name = 'arena' HAVING count(*);
DROP TABLE arena;
ALTER TABLE new_arena RENAME TO arena;
CREATE INDEX arena_team ON arena(team_id);
CREATE INDEX arena_school ON arena(school_id, day);

CREATE TABLE new_arena_question (
	id       INTEGER PRIMARY KEY AUTOINCREMENT,
	uid      TEXT NOT NULL UNIQUE,
	arena_id INTEGER NOT NULL REFERENCES arena(id) ON DELETE CASCADE,
	no       INTEGER NOT NULL CHECK (no > 0),
	text     TEXT NOT NULL CHECK (length(trim(text)) > 0),
	UNIQUE (arena_id, no)
);
INSERT INTO new_arena_question SELECT * FROM arena_question;
DELETE FROM sqlite_sequence WHERE name = 'new_arena_question';
INSERT INTO sqlite_sequence (name, seq) SELECT 'new_arena_question', max(seq) FROM sqlite_sequence WHERE name = 'arena_question' HAVING count(*);
DROP TABLE arena_question;
ALTER TABLE new_arena_question RENAME TO arena_question;

CREATE TABLE new_arena_item (
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
INSERT INTO new_arena_item SELECT * FROM arena_item;
DELETE FROM sqlite_sequence WHERE name = 'new_arena_item';
INSERT INTO sqlite_sequence (name, seq) SELECT 'new_arena_item', max(seq) FROM sqlite_sequence WHERE name = 'arena_item' HAVING count(*);
DROP TABLE arena_item;
ALTER TABLE new_arena_item RENAME TO arena_item;

CREATE TABLE new_arena_answer (
	id      INTEGER PRIMARY KEY AUTOINCREMENT,
	uid     TEXT NOT NULL UNIQUE,
	item_id INTEGER NOT NULL REFERENCES arena_item(id) ON DELETE CASCADE,
	answer  TEXT NOT NULL CHECK (answer IN ('a', 'b', 'c')),
	text    TEXT NOT NULL CHECK (length(trim(text)) > 0)
);
INSERT INTO new_arena_answer SELECT * FROM arena_answer;
DELETE FROM sqlite_sequence WHERE name = 'new_arena_answer';
INSERT INTO sqlite_sequence (name, seq) SELECT 'new_arena_answer', max(seq) FROM sqlite_sequence WHERE name = 'arena_answer' HAVING count(*);
DROP TABLE arena_answer;
ALTER TABLE new_arena_answer RENAME TO arena_answer;
CREATE INDEX arena_answer_item ON arena_answer(item_id);

CREATE TABLE new_survey_instrument (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	uid        TEXT NOT NULL UNIQUE,
	code       TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(code) BETWEEN 1 AND 64),
	title      TEXT NOT NULL CHECK (length(trim(title)) > 0),
	kind       TEXT NOT NULL CHECK (kind IN ('culture', 'thermometer', 'feedback360', 'barometer', 'lesson', 'other')),
	min_n      INTEGER NOT NULL CHECK (min_n BETWEEN 3 AND 1000),
	definition TEXT NOT NULL CHECK (json_valid(definition))
);
INSERT INTO new_survey_instrument SELECT * FROM survey_instrument;
DELETE FROM sqlite_sequence WHERE name = 'new_survey_instrument';
INSERT INTO sqlite_sequence (name, seq) SELECT 'new_survey_instrument', max(seq) FROM sqlite_sequence WHERE name = 'survey_instrument' HAVING count(*);
DROP TABLE survey_instrument;
ALTER TABLE new_survey_instrument RENAME TO survey_instrument;

CREATE TABLE new_survey_scale (
	id            INTEGER PRIMARY KEY AUTOINCREMENT,
	uid           TEXT NOT NULL UNIQUE,
	instrument_id INTEGER NOT NULL REFERENCES survey_instrument(id) ON DELETE CASCADE,
	pos           INTEGER NOT NULL CHECK (pos >= 1),
	code          TEXT NOT NULL COLLATE NOCASE,
	title         TEXT NOT NULL,
	grp           TEXT,
	UNIQUE (instrument_id, code),
	UNIQUE (instrument_id, pos)
);
INSERT INTO new_survey_scale SELECT * FROM survey_scale;
DELETE FROM sqlite_sequence WHERE name = 'new_survey_scale';
INSERT INTO sqlite_sequence (name, seq) SELECT 'new_survey_scale', max(seq) FROM sqlite_sequence WHERE name = 'survey_scale' HAVING count(*);
DROP TABLE survey_scale;
ALTER TABLE new_survey_scale RENAME TO survey_scale;

CREATE TABLE new_survey_item (
	id            INTEGER PRIMARY KEY AUTOINCREMENT,
	uid           TEXT NOT NULL UNIQUE,
	instrument_id INTEGER NOT NULL REFERENCES survey_instrument(id) ON DELETE CASCADE,
	scale_id      INTEGER REFERENCES survey_scale(id) ON DELETE CASCADE,
	seq           INTEGER NOT NULL CHECK (seq >= 1),
	pos           INTEGER CHECK (pos BETWEEN 1 AND 255), -- byte in survey_response.answers; NULL for text items
	code          TEXT NOT NULL COLLATE NOCASE,
	text          TEXT NOT NULL,
	kind          TEXT NOT NULL CHECK (kind IN ('likert', 'text')),
	lo            INTEGER,
	hi            INTEGER,
	reverse       INTEGER NOT NULL DEFAULT 0 CHECK (reverse IN (0, 1)),
	CHECK ((kind = 'likert') = (pos IS NOT NULL AND lo IS NOT NULL AND hi IS NOT NULL AND hi > lo AND hi - lo < 250)),
	UNIQUE (instrument_id, code),
	UNIQUE (instrument_id, seq),
	UNIQUE (instrument_id, pos)
);
INSERT INTO new_survey_item SELECT * FROM survey_item;
DELETE FROM sqlite_sequence WHERE name = 'new_survey_item';
INSERT INTO sqlite_sequence (name, seq) SELECT 'new_survey_item', max(seq) FROM sqlite_sequence WHERE name = 'survey_item' HAVING count(*);
DROP TABLE survey_item;
ALTER TABLE new_survey_item RENAME TO survey_item;
CREATE INDEX survey_item_scale ON survey_item(scale_id);

CREATE TABLE new_survey (
	id            INTEGER PRIMARY KEY AUTOINCREMENT,
	uid           TEXT NOT NULL UNIQUE,
	school_id     INTEGER NOT NULL REFERENCES school(id) ON DELETE RESTRICT,
	instrument_id INTEGER NOT NULL REFERENCES survey_instrument(id) ON DELETE RESTRICT,
	team_id       INTEGER REFERENCES team(id) ON DELETE RESTRICT,
	wave          TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(wave)) BETWEEN 1 AND 100),
	opens         TEXT CHECK (date(opens, '+0 days') IS opens),
	closes        TEXT CHECK (date(closes, '+0 days') IS closes),
	created       TEXT NOT NULL CHECK (date(created, '+0 days') IS created),
	leader_id     INTEGER REFERENCES person(id) ON DELETE RESTRICT,
	CHECK (opens IS NULL OR closes IS NULL OR closes >= opens),
	FOREIGN KEY (team_id, school_id) REFERENCES team(id, school_id),
	FOREIGN KEY (leader_id, school_id) REFERENCES person(id, school_id)
);
INSERT INTO new_survey SELECT * FROM survey;
DELETE FROM sqlite_sequence WHERE name = 'new_survey';
INSERT INTO sqlite_sequence (name, seq) SELECT 'new_survey', max(seq) FROM sqlite_sequence WHERE name = 'survey' HAVING count(*);
DROP TABLE survey;
ALTER TABLE new_survey RENAME TO survey;
CREATE UNIQUE INDEX survey_wave ON survey(school_id, instrument_id, wave, coalesce(team_id, 0));
CREATE INDEX survey_instrument_ref ON survey(instrument_id);
CREATE INDEX survey_leader ON survey(leader_id);
CREATE INDEX survey_team ON survey(team_id);

CREATE TABLE new_survey_response (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	uid        TEXT NOT NULL UNIQUE,
	survey_id  INTEGER NOT NULL REFERENCES survey(id) ON DELETE CASCADE,
	team_id    INTEGER REFERENCES team(id) ON DELETE RESTRICT,
	rater      TEXT,                -- rater category of a 360-degree feedback
	respondent TEXT CHECK (respondent IS NULL OR length(respondent) = 64), -- HMAC-SHA256, hex
	n_answers  INTEGER NOT NULL CHECK (n_answers >= 0),
	answers    BLOB NOT NULL
);
INSERT INTO new_survey_response SELECT * FROM survey_response;
DELETE FROM sqlite_sequence WHERE name = 'new_survey_response';
INSERT INTO sqlite_sequence (name, seq) SELECT 'new_survey_response', max(seq) FROM sqlite_sequence WHERE name = 'survey_response' HAVING count(*);
DROP TABLE survey_response;
ALTER TABLE new_survey_response RENAME TO survey_response;
CREATE INDEX survey_response_survey ON survey_response(survey_id);

CREATE TABLE new_survey_text (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	uid         TEXT NOT NULL UNIQUE,
	response_id INTEGER NOT NULL REFERENCES survey_response(id) ON DELETE CASCADE,
	item_id     INTEGER NOT NULL REFERENCES survey_item(id) ON DELETE CASCADE,
	text        TEXT NOT NULL,
	UNIQUE (response_id, item_id)
);
INSERT INTO new_survey_text SELECT * FROM survey_text;
DELETE FROM sqlite_sequence WHERE name = 'new_survey_text';
INSERT INTO sqlite_sequence (name, seq) SELECT 'new_survey_text', max(seq) FROM sqlite_sequence WHERE name = 'survey_text' HAVING count(*);
DROP TABLE survey_text;
ALTER TABLE new_survey_text RENAME TO survey_text;
CREATE INDEX survey_text_item ON survey_text(item_id);

CREATE TABLE new_phase_model (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	uid        TEXT NOT NULL UNIQUE,
	school_id  INTEGER NOT NULL REFERENCES school(id) ON DELETE CASCADE,
	key        TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 40),
	name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
	definition TEXT NOT NULL CHECK (json_valid(definition)),
	imported   TEXT NOT NULL CHECK (date(imported, '+0 days') IS imported),
	UNIQUE (school_id, key)
);
INSERT INTO new_phase_model SELECT * FROM phase_model;
DELETE FROM sqlite_sequence WHERE name = 'new_phase_model';
INSERT INTO sqlite_sequence (name, seq) SELECT 'new_phase_model', max(seq) FROM sqlite_sequence WHERE name = 'phase_model' HAVING count(*);
DROP TABLE phase_model;
ALTER TABLE new_phase_model RENAME TO phase_model;

CREATE TABLE new_trajectory (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	uid        TEXT NOT NULL UNIQUE,
	school_id  INTEGER NOT NULL REFERENCES school(id) ON DELETE RESTRICT,
	team_id    INTEGER REFERENCES team(id) ON DELETE RESTRICT,
	model_key  TEXT NOT NULL,
	model_name TEXT NOT NULL,
	started    TEXT NOT NULL CHECK (date(started, '+0 days') IS started),
	ended      TEXT CHECK (date(ended, '+0 days') IS ended) CHECK (ended IS NULL OR ended >= started),
	status     TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'done')),
	CHECK ((status = 'done') = (ended IS NOT NULL)),
	FOREIGN KEY (team_id, school_id) REFERENCES team(id, school_id)
);
INSERT INTO new_trajectory SELECT * FROM trajectory;
DELETE FROM sqlite_sequence WHERE name = 'new_trajectory';
INSERT INTO sqlite_sequence (name, seq) SELECT 'new_trajectory', max(seq) FROM sqlite_sequence WHERE name = 'trajectory' HAVING count(*);
DROP TABLE trajectory;
ALTER TABLE new_trajectory RENAME TO trajectory;
CREATE UNIQUE INDEX trajectory_one_active ON trajectory(school_id, ifnull(team_id, 0)) WHERE status = 'active';
CREATE INDEX trajectory_team ON trajectory(team_id);

CREATE TABLE new_trajectory_phase (
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
	started         TEXT CHECK (date(started, '+0 days') IS started),
	closed          TEXT CHECK (date(closed, '+0 days') IS closed) CHECK (closed IS NULL OR closed >= started),
	went_well       TEXT,
	improve         TEXT,
	no_retro_reason TEXT,
	UNIQUE (trajectory_id, ord),
	CHECK ((status = 'pending') = (started IS NULL)),
	CHECK ((status = 'closed') = (closed IS NOT NULL)),
	-- a phase closes with its retrospective, or with a reason why there was none
	CHECK (status <> 'closed' OR (went_well IS NOT NULL AND improve IS NOT NULL) OR no_retro_reason IS NOT NULL)
);
INSERT INTO new_trajectory_phase SELECT * FROM trajectory_phase;
DELETE FROM sqlite_sequence WHERE name = 'new_trajectory_phase';
INSERT INTO sqlite_sequence (name, seq) SELECT 'new_trajectory_phase', max(seq) FROM sqlite_sequence WHERE name = 'trajectory_phase' HAVING count(*);
DROP TABLE trajectory_phase;
ALTER TABLE new_trajectory_phase RENAME TO trajectory_phase;
CREATE UNIQUE INDEX trajectory_one_active_phase ON trajectory_phase(trajectory_id) WHERE status = 'active';

CREATE TABLE new_trajectory_item (
	id        INTEGER PRIMARY KEY AUTOINCREMENT,
	uid       TEXT NOT NULL UNIQUE,
	phase_id  INTEGER NOT NULL REFERENCES trajectory_phase(id) ON DELETE CASCADE,
	ord       INTEGER NOT NULL CHECK (ord >= 1),
	key       TEXT NOT NULL,
	text      TEXT NOT NULL,
	done      TEXT CHECK (date(done, '+0 days') IS done),
	UNIQUE (phase_id, ord),
	UNIQUE (phase_id, key)
);
INSERT INTO new_trajectory_item SELECT * FROM trajectory_item;
DELETE FROM sqlite_sequence WHERE name = 'new_trajectory_item';
INSERT INTO sqlite_sequence (name, seq) SELECT 'new_trajectory_item', max(seq) FROM sqlite_sequence WHERE name = 'trajectory_item' HAVING count(*);
DROP TABLE trajectory_item;
ALTER TABLE new_trajectory_item RENAME TO trajectory_item;

CREATE TABLE new_survey_policy (
	id        INTEGER PRIMARY KEY AUTOINCREMENT,
	uid       TEXT NOT NULL UNIQUE,
	school_id INTEGER NOT NULL REFERENCES school(id) ON DELETE CASCADE,
	min_n     INTEGER NOT NULL CHECK (min_n BETWEEN 3 AND 1000),
	reason    TEXT NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 1000),
	set_by    INTEGER REFERENCES person(id) ON DELETE SET NULL,
	day       TEXT NOT NULL CHECK (date(day, '+0 days') IS day)
);
INSERT INTO new_survey_policy SELECT * FROM survey_policy;
DELETE FROM sqlite_sequence WHERE name = 'new_survey_policy';
INSERT INTO sqlite_sequence (name, seq) SELECT 'new_survey_policy', max(seq) FROM sqlite_sequence WHERE name = 'survey_policy' HAVING count(*);
DROP TABLE survey_policy;
ALTER TABLE new_survey_policy RENAME TO survey_policy;
CREATE INDEX survey_policy_school ON survey_policy(school_id, id);
CREATE INDEX survey_policy_set_by ON survey_policy(set_by);

CREATE TABLE new_survey_leader_key (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	uid        TEXT NOT NULL UNIQUE,
	person_id  INTEGER NOT NULL UNIQUE REFERENCES person(id) ON DELETE RESTRICT,
	public_key BLOB NOT NULL CHECK (typeof(public_key) = 'blob' AND length(public_key) = 32),
	created    TEXT NOT NULL CHECK (date(created, '+0 days') IS created)
);
INSERT INTO new_survey_leader_key SELECT * FROM survey_leader_key;
DELETE FROM sqlite_sequence WHERE name = 'new_survey_leader_key';
INSERT INTO sqlite_sequence (name, seq) SELECT 'new_survey_leader_key', max(seq) FROM sqlite_sequence WHERE name = 'survey_leader_key' HAVING count(*);
DROP TABLE survey_leader_key;
ALTER TABLE new_survey_leader_key RENAME TO survey_leader_key;

-- the parents' keys of the same-school links
CREATE UNIQUE INDEX person_school_key ON person(id, school_id);
CREATE UNIQUE INDEX team_school_key ON team(id, school_id);
CREATE UNIQUE INDEX visit_round_school_key ON visit_round(id, school_id);
CREATE UNIQUE INDEX visit_framework_school_key ON visit_framework(id, school_id);

CREATE VIEW survey_answer(response_id, survey_id, item_id, value) AS
SELECT r.id, r.survey_id, i.id,
       i.lo - 1 + instr('123456789ABCDEF', substr(hex(substr(r.answers, i.pos, 1)), 1, 1)) * 16
                + instr('123456789ABCDEF', substr(hex(substr(r.answers, i.pos, 1)), 2, 1))
FROM survey_response r
JOIN survey s ON s.id = r.survey_id
JOIN survey_instrument n ON n.id = s.instrument_id AND n.kind <> 'feedback360'
JOIN survey_item i ON i.instrument_id = s.instrument_id AND i.pos IS NOT NULL
WHERE hex(substr(r.answers, i.pos, 1)) NOT IN ('00', '');
