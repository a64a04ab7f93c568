/* check.c - the store's integrity, links and invariants. */
#include "check_int.h"

#include <stdlib.h>
#include <string.h>

#include "beter/check_text.h"
#include "beter/i18n.h"
#include "beter/schema.h"
#include "beter/store.h"
#include "beter/util.h"

/* A 360-degree feedback's responses are sealed boxes: crypto_box_SEALBYTES
 * of overhead and a plaintext padded to whole blocks (survey_seal.c asserts
 * both numbers). SEALED and NOT_SEALED join on a survey alias. */
#define SEAL_OVERHEAD "48"
#define SEAL_BLOCK "256"
#define SEALED(s) "JOIN survey_instrument sk ON sk.id = " #s ".instrument_id AND sk.kind = 'feedback360'"
#define NOT_SEALED(s) "JOIN survey_instrument sk ON sk.id = " #s ".instrument_id AND sk.kind <> 'feedback360'"

/* beter's own invariants, one row per rule. SQL: (record, detail). What the
 * schema says itself (a CHECK, a fixed list of values, a day, a link of the
 * record's own school as a key of (id, school_id)) is not restated here:
 * SQLite's integrity check and foreign-key check report it. */
const struct check_rule check_rules[] = {
	{ "school-exists", "school", "SELECT '-', NULL WHERE NOT EXISTS (SELECT 1 FROM school)",
	  N_("the store has no school (a store starts with 'beter init --school NAME')") },
	{ "school-name", "school", "SELECT uid, quote(name) FROM school WHERE beter_blank(name)",
	  N_("a school needs a name") },
	{ "school-brin", "school",
	  "SELECT name, quote(brin) FROM school WHERE brin IS NOT NULL AND "
	  "(length(brin) NOT IN (4, 6) OR glob('*[^0-9A-Z]*', brin))",
	  N_("not a BRIN code (4 or 6 capitals or digits)") },
	{ "person-code", "person",
	  "SELECT beter_tr('number %s', id), quote(code) FROM person WHERE length(code) NOT BETWEEN 2 AND 8 "
	  "OR glob('*[^0-9A-Z]*', code)",
	  N_("not a person code (2-8 capitals or digits)") },
	{ "person-code-unique", "person",
	  "SELECT upper(code), beter_tr('%s people', count(*)) FROM person GROUP BY school_id, upper(code) HAVING count(*) > 1",
	  N_("the code is used more than once in a school") },
	{ "person-name", "person", "SELECT code, NULL FROM person WHERE beter_blank(name) OR length(name) > 200",
	  N_("a name must be 1-200 bytes") },
	{ "team-name", "team", "SELECT uid, NULL FROM team WHERE beter_blank(name)", N_("a team needs a name") },
	{ "team-member-school", "team_member",
	  "SELECT t.name || ' / ' || p.code, NULL FROM team_member m JOIN team t ON t.id = m.team_id "
	  "JOIN person p ON p.id = m.person_id WHERE t.school_id <> p.school_id",
	  N_("the person and the team are in different schools") },

	/* 0002: boards and goals */
	{ "board-session-leader", "board_session",
	  "SELECT beter_tr('session %s', s.id), p.code FROM board_session s JOIN team t ON t.id = s.team_id "
	  "JOIN person p ON p.id = s.leader_id WHERE p.school_id <> t.school_id",
	  N_("the leader is not in the team's school") },
	{ "board-checkin-school", "board_checkin",
	  "SELECT beter_tr('session %s', c.session_id) || ' / ' || p.code, NULL FROM board_checkin c "
	  "JOIN board_session s ON s.id = c.session_id JOIN team t ON t.id = s.team_id JOIN person p ON p.id = c.person_id "
	  "WHERE p.school_id <> t.school_id",
	  N_("the person checking in is not in the team's school") },
	{ "board-item-links", "board_item",
	  "SELECT beter_tr('item %s', i.id) || ' (' || i.section || ')', NULL FROM board_item i "
	  "LEFT JOIN goal g ON g.id = i.goal_id LEFT JOIN board_session s ON s.id = i.session_id "
	  "LEFT JOIN person p ON p.id = i.person_id JOIN team t ON t.id = i.team_id "
	  "WHERE g.team_id IS NOT NULL AND g.team_id <> i.team_id OR s.team_id <> i.team_id OR p.school_id <> t.school_id",
	  N_("the item names a goal, session or person of another team or school") },
	{ "board-action-links", "board_action",
	  "SELECT beter_tr('action %s', a.id), NULL FROM board_action a LEFT JOIN goal g ON g.id = a.goal_id "
	  "LEFT JOIN board_session s ON s.id = a.done_session_id "
	  "WHERE g.id IS NOT NULL AND g.team_id IS NOT a.team_id OR s.team_id <> a.team_id",
	  N_("the action names a goal or session of another team") },
	{ "board-action-who", "board_action_who",
	  "SELECT beter_tr('action %s', w.action_id) || ' / ' || p.code, NULL FROM board_action_who w "
	  "JOIN board_action a ON a.id = w.action_id JOIN team t ON t.id = a.team_id JOIN person p ON p.id = w.person_id "
	  "WHERE p.school_id <> t.school_id",
	  N_("the person is not in the team's school") },
	{ "goal-candidate-team", "goal",
	  "SELECT beter_tr('goal %s', g.id), beter_tr('candidate %s', c.id) FROM goal g JOIN goal_candidate c ON c.id = g.candidate_id "
	  "WHERE c.team_id IS NOT g.team_id",
	  N_("the goal was picked from another team's candidates") },
	{ "goal-measure-personal", "goal_measure",
	  "SELECT beter_tr('goal %s', g.id) || ' / ' || beter_tr('result %s', m.id), NULL FROM goal_measure m JOIN goal g ON g.id = m.goal_id "
	  "WHERE g.team_id IS NULL",
	  N_("a result on a personal goal (only team goals are measured)") },
	{ "goal-measure-session", "goal_measure",
	  "SELECT beter_tr('goal %s', g.id) || ' / ' || beter_tr('result %s', m.id), beter_tr('session %s', s.id) FROM goal_measure m "
	  "JOIN goal g ON g.id = m.goal_id JOIN board_session s ON s.id = m.session_id WHERE s.team_id IS NOT g.team_id",
	  N_("the result was given in a session of another team") },
	{ "goal-activity-team", "goal_activity",
	  "SELECT beter_tr('goal %s', g.id) || ' / ' || beter_tr('activity %s', a.id), NULL FROM goal_activity a JOIN goal g ON g.id = a.goal_id "
	  "WHERE g.person_id IS NULL",
	  N_("a learning activity on a team goal (only personal goals have them)") },
	{ "goal-talk-team", "goal_talk",
	  "SELECT beter_tr('goal %s', g.id) || ' / ' || beter_tr('talk %s', a.id), NULL FROM goal_talk a JOIN goal g ON g.id = a.goal_id "
	  "WHERE g.person_id IS NULL",
	  N_("a progress talk on a team goal (only personal goals have them)") },

	/* 0003: visits and frameworks */
	{ "visit-framework-doc", "visit_framework",
	  "SELECT key, NULL FROM visit_framework WHERE CASE WHEN json_valid(doc) THEN "
	  "json_type(doc, '$.scale.min') IS NOT 'integer' OR json_type(doc, '$.scale.max') IS NOT 'integer' "
	  "OR json_extract(doc, '$.scale.max') <= json_extract(doc, '$.scale.min') "
	  "OR json_type(doc, '$.domains') IS NOT 'array' ELSE TRUE END",
	  N_("the framework's document has no scale (whole numbers min < max) or no domains") },
	{ "visit-focus-goal", "visit",
	  "SELECT beter_tr('visit %s', v.id), beter_tr('goal %s', g.id) FROM visit v JOIN goal g ON g.id = v.focus_goal_id "
	  "WHERE g.team_id IS NULL OR g.school_id <> v.school_id",
	  N_("the visit focuses on a goal that is not a team goal of its school") },
	{ "visit-focus-item", "visit",
	  "SELECT beter_tr('visit %s', v.id), quote(v.focus_item) || CASE WHEN v.framework_id IS NULL THEN ', ' || "
	  "beter_tr('no framework') "
	  "ELSE ' (' || f.key || ')' END FROM visit v LEFT JOIN visit_framework f ON f.id = v.framework_id "
	  "WHERE v.focus_item IS NOT NULL AND (v.framework_id IS NULL OR json_valid(f.doc) AND NOT EXISTS (SELECT 1 "
	  "FROM json_each(f.doc, '$.domains') d, json_each(d.value, '$.items') i WHERE i.value ->> 'id' = v.focus_item))",
	  N_("the focus item is not in the visit's framework") },
	{ "visit-score-item", "visit_score",
	  "SELECT beter_tr('visit %s', v.id), quote(s.item) || CASE WHEN v.framework_id IS NULL THEN ', ' || "
	  "beter_tr('no framework') "
	  "ELSE ' (' || f.key || ')' END FROM visit_score s JOIN visit v ON v.id = s.visit_id "
	  "LEFT JOIN visit_framework f ON f.id = v.framework_id WHERE v.framework_id IS NULL OR json_valid(f.doc) AND NOT EXISTS "
	  "(SELECT 1 FROM json_each(f.doc, '$.domains') d, json_each(d.value, '$.items') i WHERE i.value ->> 'id' = s.item)",
	  N_("a score on an item that is not in the visit's framework") },
	{ "visit-score-scale", "visit_score",
	  "SELECT beter_tr('visit %s', v.id) || ' / ' || s.item, beter_tr('%s is outside %s-%s', quote(s.score), "
	  "f.doc ->> '$.scale.min', f.doc ->> '$.scale.max') FROM visit_score s JOIN visit v ON v.id = s.visit_id "
	  "JOIN visit_framework f ON f.id = v.framework_id WHERE json_valid(f.doc) AND (typeof(s.score) <> 'integer' "
	  "OR s.score NOT BETWEEN CAST(f.doc ->> '$.scale.min' AS INTEGER) AND CAST(f.doc ->> '$.scale.max' AS INTEGER))",
	  N_("the score is not on the framework's scale") },
	{ "visit-devpoint", "visit_devpoint",
	  "SELECT beter_tr('visit %s', v.id) || ' / ' || beter_tr('goal %s', g.id), NULL FROM visit_devpoint d JOIN visit v ON v.id = d.visit_id "
	  "JOIN goal g ON g.id = d.goal_id WHERE g.person_id IS NOT v.teacher_id",
	  N_("a development point that is not a personal goal of the visit's teacher") },

	/* 0004: arenas */
	{ "goal-candidate-arena", "goal_candidate",
	  "SELECT beter_tr('candidate %s', c.id), beter_tr('arena %s', a.id) FROM goal_candidate c JOIN arena a ON a.id = c.arena_id "
	  "JOIN team t ON t.id = c.team_id WHERE a.school_id <> t.school_id",
	  N_("the candidate comes from an arena of another school") },

	/* 0005: surveys */
	{ "survey-item-scale", "survey_item",
	  "SELECT n.code || ' / ' || i.code, NULL FROM survey_item i JOIN survey_instrument n ON n.id = i.instrument_id "
	  "JOIN survey_scale c ON c.id = i.scale_id WHERE c.instrument_id <> i.instrument_id",
	  N_("the item's scale belongs to another instrument") },
	/* Per response, in one pass over the table: the answers are read by
	 * beter_answers_given and beter_answer_over (below), with the limits of
	 * each instrument's items gathered once by beter_item_limits. */
	{ "survey-response-length", "survey_response",
	  "WITH n(instrument_id, items) AS (SELECT s.instrument_id, (SELECT count(*) FROM survey_item i "
	  "WHERE i.instrument_id = s.instrument_id AND i.pos IS NOT NULL) FROM survey s GROUP BY s.instrument_id) "
	  "SELECT beter_tr('survey %s', r.survey_id) || ' / ' || beter_tr('response %s', r.id), beter_tr('%s bytes for %s "
	  "Likert items', length(CAST(r.answers AS BLOB)), n.items) FROM survey_response r JOIN survey s ON s.id = r.survey_id "
	  "JOIN n ON n.instrument_id = s.instrument_id " NOT_SEALED(s)
	  " WHERE typeof(r.answers) <> 'blob' OR length(r.answers) <> n.items ORDER BY r.id",
	  N_("the answers do not match the instrument's Likert items (one byte each)") },
	{ "survey-response-value", "survey_response",
	  "WITH l(instrument_id, limits) AS (SELECT instrument_id, beter_item_limits(pos, hi - lo + 1) FROM survey_item "
	  "WHERE pos IS NOT NULL GROUP BY instrument_id), "
	  "x(id, survey_id, instrument_id, answers, at) AS MATERIALIZED (SELECT * FROM (SELECT r.id, r.survey_id, "
	  "s.instrument_id, r.answers, beter_answer_over(r.answers, l.limits) AS at FROM survey_response r "
	  "JOIN survey s ON s.id = r.survey_id JOIN l ON l.instrument_id = s.instrument_id " NOT_SEALED(s) ") "
	  "WHERE at > 0) "
	  "SELECT beter_tr('survey %s', x.survey_id) || ' / ' || beter_tr('response %s', x.id), "
	  "beter_tr('item %s: byte %s, the scale %s-%s has bytes 1-%s', i.code, "
	  "((instr('0123456789ABCDEF', substr(hex(substr(CAST(x.answers AS BLOB), x.at, 1)), 1, 1)) - 1) * 16 + "
	  "instr('0123456789ABCDEF', substr(hex(substr(CAST(x.answers AS BLOB), x.at, 1)), 2, 1)) - 1), "
	  "i.lo, i.hi, i.hi - i.lo + 1) "
	  "FROM x JOIN survey_item i ON i.instrument_id = x.instrument_id AND i.pos = x.at ORDER BY x.id",
	  N_("an answer outside its item's scale (the first such item of the response)") },
	{ "survey-response-count", "survey_response",
	  "SELECT beter_tr('survey %s', survey_id) || ' / ' || beter_tr('response %s', id), beter_tr('%s stored, %s given', "
	  "n_answers, given) FROM "
	  "(SELECT id, survey_id, n_answers, beter_answers_given(answers) AS given FROM survey_response "
	  "WHERE survey_id NOT IN (SELECT s.id FROM survey s JOIN survey_instrument k ON k.id = s.instrument_id "
	  "WHERE k.kind = 'feedback360')) "
	  "WHERE n_answers IS NOT given ORDER BY id",
	  N_("n_answers is not the number of answers given (non-zero bytes)") },
	{ "survey-response-team", "survey_response",
	  "SELECT beter_tr('survey %s', s.id) || ' / ' || beter_tr('response %s', r.id), t.name FROM survey_response r "
	  "JOIN survey s ON s.id = r.survey_id JOIN team t ON t.id = r.team_id WHERE t.school_id <> s.school_id",
	  N_("the response's team is in another school") },
	{ "survey-text-item", "survey_text",
	  "SELECT beter_tr('survey %s', r.survey_id) || ' / ' || beter_tr('response %s', r.id), i.code FROM survey_text x "
	  "JOIN survey_response r ON r.id = x.response_id JOIN survey s ON s.id = r.survey_id "
	  "JOIN survey_item i ON i.id = x.item_id WHERE i.kind <> 'text' OR i.instrument_id <> s.instrument_id",
	  N_("a free-text answer to an item that is not a text item of the survey's instrument") },

	/* 0009: the 360-degree feedback sealed to the school leader, checked
	 * without the secret key: the form of the sealed rows and the key */
	{ "survey-sealed-length", "survey_response",
	  "SELECT beter_tr('survey %s', r.survey_id) || ' / ' || beter_tr('response %s', r.id), beter_tr('%s bytes for %s "
	  "Likert items', coalesce(length(CAST(r.answers AS BLOB)), 0), n.items) "
	  "FROM survey_response r JOIN survey s ON s.id = r.survey_id " SEALED(s) " JOIN (SELECT instrument_id, "
	  "count(*) AS items FROM survey_item WHERE pos IS NOT NULL GROUP BY instrument_id) n "
	  "ON n.instrument_id = s.instrument_id WHERE typeof(r.answers) <> 'blob' OR "
	  "length(r.answers) < " SEAL_OVERHEAD " + 2 + n.items OR (length(r.answers) - " SEAL_OVERHEAD ") % "
	  SEAL_BLOCK " <> 0 ORDER BY r.id",
	  /* the numbers are SEAL_OVERHEAD and SEAL_BLOCK, written out for the catalogue */
	  N_("not a sealed box of a 360-degree response (48 bytes of crypto_box_SEALBYTES and whole "
	     "blocks of 256 bytes, for a header of 2 and 1 per Likert item): damaged, or stored before "
	     "the 360-degree feedback was sealed ('beter survey key --person CODE' seals those)") },
	{ "survey-sealed-count", "survey_response",
	  "SELECT beter_tr('survey %s', r.survey_id) || ' / ' || beter_tr('response %s', r.id), r.n_answers FROM survey_response r "
	  "JOIN survey s ON s.id = r.survey_id " SEALED(s) " WHERE r.n_answers <> 0 ORDER BY r.id",
	  N_("a 360-degree response that tells how many items it answered (n_answers is 0 when sealed)") },
	{ "survey-sealed-rater", "survey_response",
	  "SELECT beter_tr('survey %s', r.survey_id) || ' / ' || beter_tr('response %s', r.id), quote(r.rater) FROM survey_response r "
	  "JOIN survey s ON s.id = r.survey_id " SEALED(s) " WHERE r.rater IS NOT NULL ORDER BY r.id",
	  N_("a 360-degree response with its rater category in the clear (it belongs in the sealed box)") },
	{ "survey-sealed-text", "survey_text",
	  "SELECT beter_tr('survey %s', r.survey_id) || ' / ' || beter_tr('response %s', r.id), NULL FROM survey_text x "
	  "JOIN survey_response r ON r.id = x.response_id JOIN survey s ON s.id = r.survey_id " SEALED(s)
	  " ORDER BY x.id",
	  N_("a free-text answer of a 360-degree feedback in the clear (it belongs in the sealed box)") },
	{ "survey-sealed-key", "survey",
	  "SELECT beter_tr('survey %s', s.id), coalesce((SELECT code FROM person WHERE id = s.leader_id), "
	  "beter_tr('the school leader')) "
	  "FROM survey s " SEALED(s) " WHERE EXISTS (SELECT 1 FROM survey_response r WHERE r.survey_id = s.id) "
	  "AND NOT EXISTS (SELECT 1 FROM survey_leader_key k JOIN person p ON p.id = k.person_id WHERE "
	  "p.id = s.leader_id OR s.leader_id IS NULL AND p.school_id = s.school_id AND p.role = 'schoolleider')",
	  N_("sealed 360-degree responses, but no key pair of the survey's school leader in the store") },

	/* 0006: trajectories */
	{ "trajectory-one-active", "trajectory",
	  "SELECT coalesce(max(t.name), beter_tr('the school')), beter_tr('%s active: trajectories %s', count(*), "
	  "group_concat(r.id, ', ')) "
	  "FROM (SELECT * FROM trajectory ORDER BY id) r LEFT JOIN team t ON t.id = r.team_id WHERE r.status = 'active' "
	  "GROUP BY r.school_id, ifnull(r.team_id, 0) HAVING count(*) > 1",
	  N_("more than one active trajectory (one per team, one for the whole school)") },
	{ "trajectory-active-phase", "trajectory_phase",
	  "SELECT beter_tr('trajectory %s', r.id), beter_tr('%s, active phases: %s', beter_tr(r.status), (SELECT count(*) "
	  "FROM trajectory_phase p WHERE p.trajectory_id = r.id AND p.status = 'active')) FROM trajectory r "
	  "WHERE (SELECT count(*) FROM trajectory_phase p WHERE p.trajectory_id = r.id AND p.status = 'active') "
	  "<> CASE WHEN r.status = 'active' THEN 1 ELSE 0 END",
	  N_("an active trajectory has one active phase, a finished one none") },
	{ "trajectory-phase-order", "trajectory_phase",
	  "SELECT beter_tr('trajectory %s', p.trajectory_id) || ' / ' || beter_tr('phase %s', p.ord), beter_tr(p.status) "
	  "FROM trajectory_phase p "
	  "JOIN trajectory r ON r.id = p.trajectory_id WHERE CASE WHEN r.status = 'done' THEN p.status <> 'closed' "
	  "ELSE EXISTS (SELECT 1 FROM trajectory_phase a WHERE a.trajectory_id = p.trajectory_id AND a.status = 'active' "
	  "AND (a.ord > p.ord AND p.status <> 'closed' OR a.ord < p.ord AND p.status <> 'pending')) END",
	  N_("phases run in order: closed before the active one, pending after it") },
	{ "trajectory-item-done", "trajectory_item",
	  "SELECT beter_tr('trajectory %s', p.trajectory_id) || ' / ' || beter_tr('phase %s', p.ord) || ' / ' || i.key, "
	  "CASE p.status WHEN 'pending' THEN beter_tr('done %s in a pending phase', i.done) ELSE "
	  "beter_tr('done %s, the phase ran %s to %s', i.done, p.started, coalesce(p.closed, beter_tr('now'))) END "
	  "FROM trajectory_item i JOIN trajectory_phase p ON p.id = i.phase_id "
	  "WHERE i.done IS NOT NULL AND (p.status = 'pending' OR i.done < p.started OR i.done > p.closed)",
	  N_("a checklist item ticked outside the days of its phase") },
	{ NULL, NULL, NULL, NULL }
};


void check_report(struct runner *r, const char *check, const char *table, const char *record, const char *problem)
{
	r->problems++;
	r->fn(r->arg, check, table, record, problem);
}

/* Run one rule's SQL; a query that fails (a damaged store) is a problem too,
 * so its steps are checked here rather than by store_next, which would end
 * the whole check with an error. */
static void run_sql(struct runner *r, const char *check, const char *table, const char *sql, const char *message)
{
	struct store_stmt *st;
	struct strbuf sb = STRBUF_INIT;
	int rc = store_prepare(r->db, sql, &st, NULL);

	if (rc == STORE_OK) {
		while ((rc = store_step(st)) == STORE_ROW) {
			strbuf_reset(&sb);
			strbuf_adds(&sb, check_tr(r->people, message));
			if (!store_col_null(st, 1))
				strbuf_addf(&sb, ": %s", store_col_text(st, 1));
			check_report(r, check, table, store_col_text(st, 0), strbuf_str(&sb));
		}
		store_finalize(st);
	}
	if (rc != STORE_DONE) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, check_tr(r->people, N_("cannot be checked: %s")), store_errmsg(r->db));
		check_report(r, check, table, "-", strbuf_str(&sb));
	}
	strbuf_release(&sb);
}

/* How a row of t is named in a message: its uid, else its key columns. */
static char *record_expr(const struct schema_table *t)
{
	int *key = xcalloc((size_t)t->ncols + 1, sizeof(int));
	int n = schema_key(t, key);
	struct strbuf *s = strbuf_new();

	for (int i = 0; i < n; i++) {
		char *label = store_sqlf("%s%s", t->cols[key[i]].name, "=");
		store_sqlf_add(s, "%s%Q || coalesce(CAST(c.\"%w\" AS TEXT), 'null')", i ? " || ', ' || " : "",
				    n > 1 || t->uid < 0 ? label : "", t->cols[key[i]].name);
		free(label);
	}
	free(key);
	return strbuf_finish(s);
}

static void generic_checks(struct runner *r, const struct schema *s)
{
	for (int i = 0; i < s->n; i++) {
		const struct schema_table *t = &s->t[i];
		char *rec = record_expr(t);
		char *sql;

		if (t->uid >= 0) {
			const char *rowid = t->rowid >= 0 ? t->cols[t->rowid].name : "rowid";
			sql = store_sqlf("SELECT beter_tr('number %%s', c.\"%w\"), quote(c.uid) FROM \"%w\" c WHERE NOT beter_uid(c.uid)",
					      rowid, t->name);
			run_sql(r, "uid", t->name, sql, N_("the uid is not 32 lowercase hex digits"));
			free(sql);
			sql = store_sqlf("SELECT c.uid, beter_tr('%%s rows', count(*)) FROM \"%w\" c GROUP BY c.uid HAVING count(*) > 1",
					      t->name);
			run_sql(r, "uid-unique", t->name, sql, N_("the uid is not unique"));
			free(sql);
		}
		for (int c = 0; c < t->ncols; c++) {
			if (t->cols[c].ref < 0)
				continue;
			const struct schema_table *p = &s->t[t->cols[c].ref];
			char *msg = store_sqlf(check_tr(r->people, N_("'%s' refers to a %s that is not in the store")),
					       t->cols[c].name, p->name);
			sql = store_sqlf("SELECT %s, c.\"%w\" FROM \"%w\" c WHERE c.\"%w\" IS NOT NULL AND NOT EXISTS "
					      "(SELECT 1 FROM \"%w\" p WHERE p.\"%w\" = c.\"%w\")",
					      rec, t->cols[c].name, t->name, t->cols[c].name, p->name, p->cols[p->rowid].name,
					      t->cols[c].name);
			run_sql(r, "link", t->name, sql, msg); /* translated already: gettext leaves it */
			free(sql);
			free(msg);
		}
		char *row = t->rowid >= 0 ? store_sqlf("beter_tr('number %%s', c.\"%w\")", t->cols[t->rowid].name) : NULL;
		r->problems += check_text_table(r->db, t, row ? row : rec, r->people, r->fn, r->arg);
		free(row);
		free(rec);
	}
}

/* Days, found through the schema: every column whose CHECK is the one form
 * of a day (share/sql/0011). SQLite's integrity check names only the table
 * of a row that breaks a CHECK; this names the row. */
static void day_checks(struct runner *r, const struct schema *s)
{
	struct store_stmt *st;

	if (store_on_pg(r->db))
		return; /* PostgreSQL holds every row to its CHECKs */

	if (store_prepare(r->db, "SELECT m.name, c.name FROM sqlite_schema m JOIN pragma_table_info(m.name) c "
				 "WHERE m.type = 'table' AND instr(m.sql, 'CHECK (date(' || c.name || ', ''+0 days'') IS ' "
				 "|| c.name || ')') ORDER BY m.rowid, c.cid", &st, NULL) != STORE_OK)
		return;
	while (store_step(st) == STORE_ROW) {
		int ti = schema_find(s, store_col_text(st, 0));
		if (ti < 0)
			continue;
		const struct schema_table *t = &s->t[ti];
		const char *col = store_col_text(st, 1);
		char *rec = t->rowid >= 0 ? store_sqlf("beter_tr('number %%s', c.\"%w\")", t->cols[t->rowid].name) : record_expr(t);
		char *sql = store_sqlf("SELECT %s, quote(c.\"%w\") FROM \"%w\" c WHERE date(c.\"%w\", '+0 days') IS NOT c.\"%w\"",
				       rec, col, t->name, col, col);
		char *msg = store_sqlf(check_tr(r->people, N_("'%s' is not a day (YYYY-MM-DD)")), col);
		run_sql(r, "day", t->name, sql, msg);
		free(msg);
		free(sql);
		free(rec);
	}
	store_finalize(st);
}

/* SQLite's own view of the links: keys of one column the generic checks do
 * not cover (only when those found nothing: they name the same rows), and
 * always the keys of more than one column, such as (team_id, school_id),
 * that make a record's team, person, ... one of its own school. */
static void foreign_keys(struct runner *r, long links)
{
	struct store_stmt *st;
	int step = STORE_DONE;

	if (store_on_pg(r->db))
		return; /* PostgreSQL keeps every link itself */
	if (store_prepare(r->db, "SELECT c.\"table\", c.rowid, c.parent, (SELECT \"from\" FROM "
				 "pragma_foreign_key_list(c.\"table\") k WHERE k.id = c.fkid AND k.seq = 0), (SELECT count(*) "
				 "FROM pragma_foreign_key_list(c.\"table\") k WHERE k.id = c.fkid), EXISTS (SELECT 1 FROM "
				 "pragma_foreign_key_list(c.\"table\") k WHERE k.id = c.fkid AND k.\"from\" = 'school_id') "
				 "FROM pragma_foreign_key_check c", &st, NULL) == STORE_OK) {
		while ((step = store_step(st)) == STORE_ROW) {
			int composite = store_col_int(st, 4) > 1;
			if (links && !composite)
				continue;
			char *rec = store_sqlf(check_tr(r->people, N_("row %s")), store_col_null(st, 1) ? "?" : store_col_text(st, 1));
			char *msg = !composite ? store_sqlf(check_tr(r->people, N_("refers to a %s that is not in the store")),
							    store_col_text(st, 2))
				    : store_col_int(st, 5)
					? store_sqlf(check_tr(r->people, N_("'%s' refers to a %s of another school")),
						     store_col_text(st, 3), store_col_text(st, 2))
					: store_sqlf(check_tr(r->people, N_("'%s' refers to a %s whose key does not match")),
						     store_col_text(st, 3), store_col_text(st, 2));
			check_report(r, "link", store_col_text(st, 0), rec, msg);
			free(rec);
			free(msg);
		}
		store_finalize(st);
	}
	/* like a rule's query: a failed step is a problem found, not the end */
	if (step != STORE_DONE) {
		char *msg = store_sqlf(check_tr(r->people, N_("cannot be checked: %s")), store_errmsg(r->db));
		check_report(r, "link", "-", "-", msg);
		free(msg);
	}
}

/* On PostgreSQL: a problem's words, marked by beter_tr, translated. */
struct unmark {
	check_report_fn *fn;
	void *arg;
	int people;
};

static void report_unmarked(void *arg, const char *check, const char *table, const char *record, const char *problem)
{
	struct unmark *u = arg;
	char *rec = check_words_text(u->people, record), *msg = check_words_text(u->people, problem);

	u->fn(u->arg, check, table, rec ? rec : record, msg ? msg : problem);
	free(rec);
	free(msg);
}

static int run_checks(struct runner *r, int flags, struct beter_err *err);

int check_run(struct store *db, int flags, check_report_fn *fn, void *arg, long *problems, struct beter_err *err)
{
	struct unmark u = { fn, arg, !!(flags & CHECK_FOR_PEOPLE) };
	struct runner r = { db, fn, arg, 0, !!(flags & CHECK_FOR_PEOPLE) };
	int rc;

	if (store_on_pg(db)) {
		r.fn = report_unmarked;
		r.arg = &u;
	}
	rc = run_checks(&r, flags, err);
	check_words_unregister(db);
	*problems = r.problems;
	return rc;
}

static int run_checks(struct runner *r0, int flags, struct beter_err *err)
{
	struct runner r = *r0;
	struct store *db = r.db;
	struct schema s;
	int rc;

	if (flags & CHECK_INTEGRITY) {
		long structural = 0;
		check_integrity(&r, &structural);
		if (structural) {
			/* the rest would only repeat the damage in other words */
			r0->problems = r.problems;
			return 0;
		}
	}
	if (store_fn_register(db) != STORE_OK || check_words_register(db, &r.people) != STORE_OK)
		return store_fail(db, store_errcode(db), err, N_("checking"));
	if ((rc = schema_load(db, &s, err)))
		return rc;
	generic_checks(&r, &s);
	long links = r.problems;
	day_checks(&r, &s);
	r.problems += check_documents(db, &s, r.people, r.fn, r.arg);
	for (const struct check_rule *c = check_rules; c->name; c++)
		if (schema_find(&s, c->table) >= 0)
			run_sql(&r, c->name, c->table, c->sql, c->message);
	for (const struct check_rule *c = check_design_rules; c->name; c++)
		if (schema_find(&s, c->table) >= 0)
			run_sql(&r, c->name, c->table, c->sql, c->message);
	for (const struct check_rule *c = check_period_rules; c->name; c++)
		if (schema_find(&s, c->table) >= 0)
			run_sql(&r, c->name, c->table, c->sql, c->message);
	foreign_keys(&r, links);
	schema_release(&s);
	r0->problems = r.problems;
	return 0;
}

static const struct out_col check_cols[] = {
	{ N_("check"), OUT_T_TEXT }, { N_("table"), OUT_T_TEXT }, { N_("record"), OUT_T_TEXT }, { N_("problem"), OUT_T_TEXT },
};

/* A table shows nothing when the store is sound; JSON and CSV show an
 * empty list. */
static void begin(struct out *o, int *started)
{
	if (!*started)
		out_list(o, check_cols, sizeof(check_cols) / sizeof(*check_cols));
	*started = 1;
}

struct lazy {
	struct out *o;
	int started;
	int damaged; /* SQLite found the file itself damaged */
	int people;  /* a table: the problems in the interface language */
};

/* "-" is how the library says "no table" or "no record": null in JSON and CSV */
static void text_or_null(struct out *o, const char *s)
{
	if (!s || !strcmp(s, "-"))
		out_null(o);
	else
		out_text(o, s);
}

static void to_out(void *arg, const char *check, const char *table, const char *record, const char *problem)
{
	struct lazy *l = arg;
	struct out *o = l->o;

	begin(o, &l->started);
	const char *prefix = check_damaged_prefix(l->people);
	if (!strcmp(check, "integrity") && !strncmp(problem, prefix, strlen(prefix)))
		l->damaged = 1;
	out_text(o, check);
	text_or_null(o, table);
	text_or_null(o, record);
	out_text(o, problem);
	out_row_end(o);
}

int check_store(struct store *db, struct out *o, long *problems, struct beter_err *err)
{
	int rc;

	/* html and md pages show the list as a table too */
	int people = o->fmt == OUT_TABLE || o->fmt == OUT_HTML || o->fmt == OUT_MD;
	struct lazy l = { o, 0, 0, people };

	if (o->fmt != OUT_TABLE)
		begin(o, &l.started);
	rc = check_run(db, CHECK_INTEGRITY | (people ? CHECK_FOR_PEOPLE : 0), to_out, &l, problems, err);
	if (l.started)
		out_end(o);
	if (rc)
		return rc;
	if (*problems && l.damaged)
		return beter_err_set(err, BETER_FAIL,
				     P_("%ld problem found: the file is damaged; restore the last backup (made with "
					"'beter backup') or export what can still be read ('beter export')",
					"%ld problems found: the file is damaged; restore the last backup (made with "
					"'beter backup') or export what can still be read ('beter export')", *problems),
				     *problems);
	if (*problems)
		return beter_err_set(err, BETER_FAIL, P_("%ld problem found", "%ld problems found", *problems), *problems);
	return 0;
}
