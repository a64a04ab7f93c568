-- 0009: the 360-degree feedback sealed to the school leader.
--
-- A school leader's public key (libsodium crypto_box, 32 bytes) is kept here;
-- the secret key lives outside the store, in a file next to the HMAC key
-- ('beter survey key --person CODE' makes both). A response to an instrument
-- of kind feedback360 is stored sealed to that key (crypto_box_seal): its
-- answers column holds the sealed box of the rater category, the packed
-- answers and the free texts (padded to whole blocks of 256 bytes), its
-- rater column is NULL, its n_answers 0 and it has no survey_text rows, so
-- that neither the table nor the view survey_answer shows what one
-- respondent said.

CREATE TABLE survey_leader_key (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	uid        TEXT NOT NULL UNIQUE,
	person_id  INTEGER NOT NULL UNIQUE REFERENCES person(id) ON DELETE RESTRICT,
	public_key BLOB NOT NULL CHECK (typeof(public_key) = 'blob' AND length(public_key) = 32),
	created    TEXT NOT NULL
);

-- Whose 360-degree feedback a survey is (survey add --leader CODE); NULL: the
-- school's one school leader.
ALTER TABLE survey ADD COLUMN leader_id INTEGER REFERENCES person(id) ON DELETE RESTRICT;

-- The view no longer unfolds sealed responses (they hold no plain bytes).
DROP VIEW survey_answer;
CREATE VIEW survey_answer(response_id, survey_id, item_id, value) AS
SELECT r.id, r.survey_id, i.id,
       i.lo - 1 + instr('123456789ABCDEF', substr(hex(substr(r.answers, i.pos, 1)), 1, 1)) * 16
                + instr('123456789ABCDEF', substr(hex(substr(r.answers, i.pos, 1)), 2, 1))
FROM survey_response r
JOIN survey s ON s.id = r.survey_id
JOIN survey_instrument n ON n.id = s.instrument_id AND n.kind <> 'feedback360'
JOIN survey_item i ON i.instrument_id = s.instrument_id AND i.pos IS NOT NULL
WHERE hex(substr(r.answers, i.pos, 1)) NOT IN ('00', '');
