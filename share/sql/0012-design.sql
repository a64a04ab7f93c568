-- 0012: gezamenlijk lesontwerp (GL), the fourth leerKRACHT instrument.
-- A lesson design belongs to a team and usually serves one of its goals; its
-- authors are members of the team. It holds the four bouwstenen (doel and
-- how it is made visible, activiteiten, check, als-dan) and the
-- lesontwerpformulier: ordered steps (tijd, wat, hoe, gewenst effect) and the
-- questions pupils are asked after the lesson. A copy for another group or
-- after feedback is a new design that names the one it was copied from, so
-- the history of versions is kept. Visits observe designs: per step whether
-- the intended effect was seen (ja, deels, nee) and what was seen; a
-- lesfeedback survey wave can be tied to a design.

CREATE TABLE design (
	id           INTEGER PRIMARY KEY AUTOINCREMENT,
	uid          TEXT NOT NULL UNIQUE,
	school_id    INTEGER NOT NULL REFERENCES school(id) ON DELETE RESTRICT,
	team_id      INTEGER NOT NULL REFERENCES team(id) ON DELETE RESTRICT,
	goal_id      INTEGER REFERENCES goal(id) ON DELETE RESTRICT,
	copy_of      INTEGER REFERENCES design(id) ON DELETE RESTRICT, -- the version it was copied from
	class_group  TEXT,
	subject      TEXT,
	doel         TEXT,   -- what pupils should know and be able to do
	zichtbaar    TEXT,   -- how the goal is made visible to every pupil
	activiteiten TEXT,   -- discussions, tasks, activities and materials
	check_how    TEXT,   -- how the teacher checks whether pupils reached the goal
	als_dan      TEXT,   -- if the check shows ..., then ...
	created      TEXT NOT NULL
);
CREATE INDEX design_team ON design(team_id);
CREATE INDEX design_goal ON design(goal_id);
CREATE INDEX design_copy ON design(copy_of);
CREATE INDEX design_school ON design(school_id);

-- The day(s) the lesson is given.
CREATE TABLE design_day (
	design_id INTEGER NOT NULL REFERENCES design(id) ON DELETE CASCADE,
	date      TEXT NOT NULL CHECK (date(date) IS date),
	PRIMARY KEY (design_id, date)
) WITHOUT ROWID;

CREATE TABLE design_author (
	design_id INTEGER NOT NULL REFERENCES design(id) ON DELETE CASCADE,
	person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
	PRIMARY KEY (design_id, person_id)
) WITHOUT ROWID;
CREATE INDEX design_author_person ON design_author(person_id);

-- A step of the lesontwerpformulier; pos is the step's number in the design.
CREATE TABLE design_step (
	id        INTEGER PRIMARY KEY AUTOINCREMENT,
	uid       TEXT NOT NULL UNIQUE,
	design_id INTEGER NOT NULL REFERENCES design(id) ON DELETE CASCADE,
	pos       INTEGER NOT NULL CHECK (pos >= 1),
	minutes   INTEGER CHECK (minutes BETWEEN 1 AND 480),
	wat       TEXT NOT NULL CHECK (length(trim(wat)) > 0),
	hoe       TEXT,
	effect    TEXT NOT NULL CHECK (length(trim(effect)) > 0), -- gewenst effect: what pupils do or show
	UNIQUE (design_id, pos)
);

-- The feedback questions to the pupils after the lesson.
CREATE TABLE design_question (
	id        INTEGER PRIMARY KEY AUTOINCREMENT,
	uid       TEXT NOT NULL UNIQUE,
	design_id INTEGER NOT NULL REFERENCES design(id) ON DELETE CASCADE,
	pos       INTEGER NOT NULL CHECK (pos >= 1),
	text      TEXT NOT NULL CHECK (length(trim(text)) > 0),
	UNIQUE (design_id, pos)
);

-- A visit to a lesson given from a design.
ALTER TABLE visit ADD COLUMN design_id INTEGER REFERENCES design(id) ON DELETE RESTRICT;
CREATE INDEX visit_design ON visit(design_id);

-- Per step of the visit's design: was the gewenst effect seen, and what was seen.
CREATE TABLE visit_step (
	id       INTEGER PRIMARY KEY AUTOINCREMENT,
	uid      TEXT NOT NULL UNIQUE,
	visit_id INTEGER NOT NULL REFERENCES visit(id) ON DELETE CASCADE,
	step_id  INTEGER NOT NULL REFERENCES design_step(id) ON DELETE RESTRICT,
	reached  TEXT NOT NULL CHECK (reached IN ('ja', 'deels', 'nee')),
	seen     TEXT,
	UNIQUE (visit_id, step_id)
);
CREATE INDEX visit_step_step ON visit_step(step_id);

-- A lesfeedback wave tied to a design.
ALTER TABLE survey ADD COLUMN design_id INTEGER REFERENCES design(id) ON DELETE RESTRICT;
CREATE INDEX survey_design ON survey(design_id);
