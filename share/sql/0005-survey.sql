-- 0005: surveys (measurements): instruments, their scales and items, surveys
-- (one instrument, one wave, a school or a team) and responses.
--
-- A response is one row with its answers packed: answers holds one byte per
-- Likert item of the instrument, in item order (survey_item.pos); 0 means no
-- answer, otherwise the byte is value - lo + 1 (lo: the item's scale minimum).
-- n_answers counts the non-zero bytes. Free-text answers live in survey_text.
-- The view survey_answer unfolds responses into one row per answer for
-- queries with the plain sqlite3 shell.

CREATE TABLE survey_instrument (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	uid        TEXT NOT NULL UNIQUE,
	code       TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(code) BETWEEN 1 AND 64),
	title      TEXT NOT NULL CHECK (length(trim(title)) > 0),
	kind       TEXT NOT NULL CHECK (kind IN ('culture', 'thermometer', 'feedback360', 'barometer', 'lesson', 'other')),
	min_n      INTEGER NOT NULL CHECK (min_n BETWEEN 3 AND 1000),
	definition TEXT NOT NULL CHECK (json_valid(definition))
);

CREATE TABLE survey_scale (
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

CREATE TABLE survey_item (
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

CREATE TABLE survey (
	id            INTEGER PRIMARY KEY AUTOINCREMENT,
	uid           TEXT NOT NULL UNIQUE,
	school_id     INTEGER NOT NULL REFERENCES school(id) ON DELETE RESTRICT,
	instrument_id INTEGER NOT NULL REFERENCES survey_instrument(id) ON DELETE RESTRICT,
	team_id       INTEGER REFERENCES team(id) ON DELETE RESTRICT,
	wave          TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(wave)) BETWEEN 1 AND 100),
	opens         TEXT CHECK (opens IS NULL OR date(opens) IS opens),
	closes        TEXT CHECK (closes IS NULL OR date(closes) IS closes),
	created       TEXT NOT NULL,
	CHECK (opens IS NULL OR closes IS NULL OR closes >= opens)
);
CREATE UNIQUE INDEX survey_wave ON survey(school_id, instrument_id, wave, coalesce(team_id, 0));

-- uid is derived, not random: from the survey and the respondent key when the
-- import names an id column, else from the row's position and answers, so
-- that importing the same file again finds the same responses.
CREATE TABLE survey_response (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	uid        TEXT NOT NULL UNIQUE,
	survey_id  INTEGER NOT NULL REFERENCES survey(id) ON DELETE CASCADE,
	team_id    INTEGER REFERENCES team(id) ON DELETE RESTRICT,
	rater      TEXT,                -- rater category of a 360-degree feedback
	respondent TEXT CHECK (respondent IS NULL OR length(respondent) = 64), -- HMAC-SHA256, hex
	n_answers  INTEGER NOT NULL CHECK (n_answers >= 0),
	answers    BLOB NOT NULL
);
CREATE INDEX survey_response_survey ON survey_response(survey_id);

CREATE TABLE survey_text (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	uid         TEXT NOT NULL UNIQUE,
	response_id INTEGER NOT NULL REFERENCES survey_response(id) ON DELETE CASCADE,
	item_id     INTEGER NOT NULL REFERENCES survey_item(id) ON DELETE CASCADE,
	text        TEXT NOT NULL,
	UNIQUE (response_id, item_id)
);

-- One row per given answer. The byte is read through hex() because stock
-- SQLite has no function from a blob byte to its number.
CREATE VIEW survey_answer(response_id, survey_id, item_id, value) AS
SELECT r.id, r.survey_id, i.id,
       i.lo - 1 + instr('123456789ABCDEF', substr(hex(substr(r.answers, i.pos, 1)), 1, 1)) * 16
                + instr('123456789ABCDEF', substr(hex(substr(r.answers, i.pos, 1)), 2, 1))
FROM survey_response r
JOIN survey s ON s.id = r.survey_id
JOIN survey_item i ON i.instrument_id = s.instrument_id AND i.pos IS NOT NULL
WHERE hex(substr(r.answers, i.pos, 1)) NOT IN ('00', '');
