/* visit_record.c - writing visits: adding, recording what was seen, the feedback talk. */
#include "beter/visit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "beter/date.h"
#include "beter/design.h"
#include "beter/devpoint.h"
#include "beter/framework.h"
#include "beter/goal.h"
#include "beter/i18n.h"
#include "beter/store.h"
#include "beter/util.h"
#include "visit_int.h"

/* ---- writing visits ---- */

int visit_round_find(struct store *db, int64_t school, const char *name, int64_t *id, struct beter_err *err)
{
	struct store_stmt *st;
	int rc, found;

	if ((rc = store_prepare(db, "SELECT id FROM visit_round WHERE school_id = ?1 AND name = ?2", &st, err)))
		return rc;
	store_bind_int(st, 1, school);
	store_bind_text(st, 2, name);
	found = store_next(db, st, &rc, N_("finding the round"), err);
	if (found)
		*id = store_col_int(st, 0);
	store_finalize(st);
	if (found || rc)
		return rc;
	return beter_err_set(err, BETER_FAIL, _("no round named '%s' (see 'beter visit list')"), name ? name : "");
}

int visit_round_text_ok(const char *name, struct beter_err *err)
{
	if (str_blank(name) || strlen(name) > 100 || !utf8_valid(name, strlen(name), NULL))
		return beter_err_set(err, BETER_DATAERR, _("--round: a round name must be 1-100 bytes of UTF-8 text"));
	return 0;
}

/* Find or create a round; widen it to include day (day < 0: no widening). */
int visit_round_get(struct store *db, int64_t school, const char *name, int from, int to, int64_t *id,
		    struct beter_err *err)
{
	struct store_stmt *st;
	char f[11], t[11], uid[33];
	int rc;

	if ((rc = visit_round_text_ok(name, err)))
		return rc;
	date_format(from, f);
	date_format(to, t);
	if ((rc = visit_round_find(db, school, name, id, err)) && rc != BETER_FAIL)
		return rc;
	if (rc == 0) {
		if ((rc = store_prepare(db, "UPDATE visit_round SET from_date = min(from_date, ?2), to_date = max(to_date, ?3) "
					    "WHERE id = ?1", &st, err)))
			return rc;
		store_bind_int(st, 1, *id);
	} else {
		if ((rc = store_prepare(db, "INSERT INTO visit_round(uid, school_id, name, from_date, to_date) "
					    "VALUES (?4, ?1, ?5, ?2, ?3)", &st, err)))
			return rc;
		uid_new(uid);
		store_bind_int(st, 1, school);
		store_bind_text(st, 4, uid);
		store_bind_text(st, 5, name);
	}
	store_bind_text(st, 2, f);
	store_bind_text(st, 3, t);
	if ((rc = store_step_done(db, st, N_("storing the round"), err)))
		return rc;
	if (visit_round_find(db, school, name, id, err))
		return BETER_IOERR;
	return 0;
}

static int check_text(const char *s, const char *what, size_t max, struct beter_err *err)
{
	if (s && (str_blank(s) || strlen(s) > max || !utf8_valid(s, strlen(s), NULL)))
		return beter_err_set(err, BETER_DATAERR, _("%s: must be 1-%zu bytes of UTF-8 text"), what, max);
	return 0;
}

/* --focus goal:N, item:ID or points */
static int parse_focus(const char *s, const char **focus, const char **item, int64_t *goal, struct beter_err *err)
{
	if (!strncmp(s, "goal:", 5)) {
		if (parse_int64(s + 5, goal) != 0 || *goal <= 0)
			return beter_err_set(err, BETER_DATAERR, _("--focus: '%s' needs a goal number, e.g. goal:3"), s);
		*focus = "goal";
	} else if (!strncmp(s, "item:", 5)) {
		*item = s + 5;
		*focus = "item";
	} else if (!strcmp(s, "points")) {
		*focus = "points";
	} else {
		return beter_err_set(err, BETER_DATAERR, _("--focus: '%s' is not goal:N, item:ID, points or design:N"), s);
	}
	return 0;
}

/* the teacher's teacher team, when there is exactly one */
static int only_team(struct store *db, int64_t teacher, int64_t *team, struct beter_err *err)
{
	struct store_stmt *q;
	int rc;

	if ((rc = store_prepare(db, "SELECT min(t.id), count(*) FROM team_member m JOIN team t ON t.id = m.team_id "
				    "WHERE m.person_id = ?1 AND t.kind = 'leraren'", &q, err)))
		return rc;
	store_bind_int(q, 1, teacher);
	if (store_next(db, q, &rc, N_("finding the teacher's team"), err) && store_col_int(q, 1) == 1)
		*team = store_col_int(q, 0);
	store_finalize(q);
	return rc;
}

/* a lesson from a design: the design's group and subject unless given */
static int design_defaults(struct store *db, int64_t id, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(db, "UPDATE visit SET class_group = coalesce(class_group, (SELECT d.class_group FROM "
				    "design d WHERE d.id = design_id)), subject = coalesce(subject, (SELECT d.subject FROM "
				    "design d WHERE d.id = design_id)) WHERE id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, id);
	return store_step_done(db, st, N_("adding the visit"), err);
}

int visit_add(struct store *db, int64_t school, const struct visit_new *v, int64_t *id, struct beter_err *err)
{
	struct store_stmt *st;
	struct framework fw;
	int64_t round = 0, goal = 0, fwid = 0, team = v->team;
	const char *focus = NULL, *item = NULL;
	char uid[33], date[11], tm[16], today[11];
	int rc;

	memset(&fw, 0, sizeof(fw));
	if (v->observer == v->teacher)
		return beter_err_set(err, BETER_DATAERR, _("--observer: a teacher cannot visit themself; the observer "
				     "must be someone else"));
	if ((rc = check_text(v->group, "--group", 100, err)) || (rc = check_text(v->subject, "--subject", 200, err)) ||
	    (rc = check_text(v->lesson_goal, "--lesson-goal", 1000, err)))
		return rc;
	if (v->focus && (rc = parse_focus(v->focus, &focus, &item, &goal, err)))
		return rc;
	if (v->framework || item) {
		const char *key = v->framework ? v->framework : FRAMEWORK_DEFAULT;
		if ((rc = framework_get(db, school, key, 1, &fw, err)))
			return rc;
		fwid = fw.id;
		if (item && !framework_item(&fw, item)) {
			rc = beter_err_set(err, BETER_DATAERR, _("--focus: no item '%s' in the framework '%s' (see 'beter visit "
					   "framework show %s')"), item, fw.key, fw.key);
			framework_release(&fw);
			return rc;
		}
		framework_release(&fw);
	}
	if (goal > 0) {
		struct goal_info g;
		if ((rc = goal_find(db, school, goal, &g, err)))
			return rc;
		if (!g.team)
			return beter_err_set(err, BETER_DATAERR, _("--focus: goal %lld is a personal goal; use --focus points "
					     "for the teacher's development points"), (long long)goal);
	}
	if ((rc = visit_slot_free(db, v->observer, v->day, v->time, 0, "--time", err)))
		return rc;
	if (v->round && (rc = visit_round_get(db, school, v->round, v->day, v->day, &round, err)))
		return rc;
	if (v->design && (rc = design_visit_ok(db, v->design, v->teacher, err)))
		return rc;
	if (!team && v->design)
		team = store_int_bind(db, "SELECT team_id FROM design WHERE id = ?1", v->design, 0);
	if (!team && (rc = only_team(db, v->teacher, &team, err)))
		return rc;
	if ((rc = store_prepare(db, "INSERT INTO visit(uid, school_id, observer_id, teacher_id, team_id, round_id, "
				    "framework_id, date, time, class_group, subject, lesson_goal, focus, focus_goal_id, "
				    "focus_item, created, design_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
				    "?13, ?14, ?15, ?16, ?17)", &st, err)))
		return rc;
	uid_new(uid);
	date_format(v->day, date);
	date_format(date_today(), today);
	store_bind_text(st, 1, uid);
	store_bind_int(st, 2, school);
	store_bind_int(st, 3, v->observer);
	store_bind_int(st, 4, v->teacher);
	if (team)
		store_bind_int(st, 5, team);
	if (round)
		store_bind_int(st, 6, round);
	if (fwid)
		store_bind_int(st, 7, fwid);
	store_bind_text(st, 8, date);
	if (v->time >= 0) {
		snprintf(tm, sizeof(tm), "%02d:%02d", (v->time / 60) % 24, v->time % 60);
		store_bind_text(st, 9, tm);
	}
	store_bind_text(st, 10, v->group);
	store_bind_text(st, 11, v->subject);
	store_bind_text(st, 12, v->lesson_goal);
	store_bind_text(st, 13, focus);
	if (goal)
		store_bind_int(st, 14, goal);
	store_bind_text(st, 15, item);
	store_bind_text(st, 16, today);
	if (v->design)
		store_bind_int(st, 17, v->design);
	if ((rc = store_step_done(db, st, N_("adding the visit"), err)))
		return rc;
	*id = store_last_id(db);
	if (v->design && (rc = design_defaults(db, *id, err)))
		return rc;
	if (focus && !strcmp(focus, "points"))
		return devpoint_focus_visit(db, *id, v->teacher, NULL, err);
	return 0;
}

int visit_find(struct store *db, int64_t school, int64_t number, struct beter_err *err)
{
	struct store_stmt *st;
	int rc, found;

	if ((rc = store_prepare(db, "SELECT 1 FROM visit WHERE id = ?1 AND school_id = ?2", &st, err)))
		return rc;
	store_bind_int(st, 1, number);
	store_bind_int(st, 2, school);
	found = store_next(db, st, &rc, N_("finding the visit"), err);
	store_finalize(st);
	if (found || rc)
		return rc;
	return beter_err_set(err, BETER_FAIL, _("no visit with number %lld (see 'beter visit list')"), (long long)number);
}

int visit_may_record(struct store *db, int64_t id, int replace, struct beter_err *err)
{
	struct store_stmt *st;
	char *recorded = NULL;
	int rc;

	if (replace)
		return 0;
	if ((rc = store_prepare(db, "SELECT recorded FROM visit WHERE id = ?1 AND recorded IS NOT NULL", &st, err)))
		return rc;
	store_bind_int(st, 1, id);
	if (store_next(db, st, &rc, N_("reading the visit"), err))
		recorded = xstrdup(store_col_text(st, 0));
	store_finalize(st);
	if (recorded) {
		rc = beter_err_set(err, BETER_DATAERR, _("visit %lld was recorded on %s; give --replace to write it again"),
				   (long long)id, recorded);
		free(recorded);
	}
	return rc;
}

/* The framework the scores are on (the visit's, else --framework, else the
 * default) and each score an item of it within its scale; *fwid its id. */
static int check_scores(struct store *db, int64_t school, int64_t id, const struct visit_obs *obs,
			const char *framework_key,
			int64_t *fwid, struct beter_err *err)
{
	struct framework fw;
	int rc = 0;

	memset(&fw, 0, sizeof(fw));
	if (*fwid && framework_key) {
		if ((rc = framework_load(db, *fwid, &fw, err)))
			return rc;
		if (strcmp(fw.key, framework_key)) {
			rc = beter_err_set(err, BETER_DATAERR, _("--framework: visit %lld is scored on '%s' already"),
					   (long long)id, fw.key);
			framework_release(&fw);
			return rc;
		}
	} else if (*fwid) {
		if ((rc = framework_load(db, *fwid, &fw, err)))
			return rc;
	} else if ((rc = framework_get(db, school, framework_key ? framework_key : FRAMEWORK_DEFAULT, 1, &fw, err))) {
		return rc;
	}
	for (size_t i = 0; i < obs->nscores && !rc; i++) {
		const struct visit_score_in *s = &obs->scores[i];
		char what[700], where[300];
		if (s->line > 0) /* from the editor's text: name its line */
			snprintf(where, sizeof(where), "%s:%ld: scores", obs->from ? obs->from : _("line"), s->line);
		else
			snprintf(where, sizeof(where), "%s", obs->from ? obs->from : "--score");
		if (s->line > 0)
			snprintf(what, sizeof(what), "%s: %s=", where, s->item);
		else if (obs->from)
			snprintf(what, sizeof(what), _("%s: field 'scores.%s': "), obs->from, s->item);
		else
			snprintf(what, sizeof(what), "--score: %s=", s->item);
		if (!framework_item(&fw, s->item))
			rc = beter_err_set(err, BETER_DATAERR, _("%s: no item '%s' in the framework '%s' (see 'beter "
					   "visit framework show %s')"), where, s->item, fw.key, fw.key);
		else if (s->value < fw.min || s->value > fw.max)
			rc = beter_err_set(err, BETER_DATAERR, _("%s%d is outside %d-%d"), what, s->value, fw.min, fw.max);
	}
	*fwid = fw.id;
	framework_release(&fw);
	return rc;
}

int visit_record(struct store *db, int64_t school, int64_t id, const struct visit_obs *obs, const char *framework_key,
		 int day, int replace, struct beter_err *err)
{
	struct store_stmt *st;
	int64_t fwid = 0;
	int vday = 0, rc;
	char date[11];

	if ((rc = visit_may_record(db, id, replace, err)) || (rc = date_not_future(day, "--date", err)))
		return rc;
	if (!obs->seen)
		return beter_err_set(err, BETER_DATAERR, _("seen: missing; write what you saw the teacher do "
				     "(facts, e.g. \"I saw you ...\")"));
	if (!obs->effect)
		return beter_err_set(err, BETER_DATAERR, _("effect: missing; write what the pupils did in response"));
	if ((rc = store_prepare(db, "SELECT date, framework_id FROM visit WHERE id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, id);
	if (store_next(db, st, &rc, N_("reading the visit"), err)) {
		date_parse(store_col_text(st, 0), &vday, "date", NULL);
		fwid = store_col_int(st, 1);
	}
	store_finalize(st);
	if (rc)
		return rc;
	if (vday > day) {
		date_format(vday, date);
		return beter_err_set(err, BETER_DATAERR, _("visit %lld is planned for %s; record it on or after that day"),
				     (long long)id, date);
	}
	if ((obs->nscores || framework_key) && (rc = check_scores(db, school, id, obs, framework_key, &fwid, err)))
		return rc;
	date_format(day, date);
	if ((rc = store_prepare(db, "UPDATE visit SET seen = ?2, effect = ?3, recorded = ?4, framework_id = ?5 "
				    "WHERE id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, id);
	store_bind_text(st, 2, obs->seen);
	store_bind_text(st, 3, obs->effect);
	store_bind_text(st, 4, date);
	if (fwid)
		store_bind_int(st, 5, fwid);
	if ((rc = store_step_done(db, st, N_("recording the visit"), err)))
		return rc;
	/* what is given is the record: scores written before and not given now go */
	if ((rc = store_prepare(db, "DELETE FROM visit_score WHERE visit_id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, id);
	if ((rc = store_step_done(db, st, N_("recording the scores"), err)))
		return rc;
	if ((rc = store_prepare(db, "INSERT INTO visit_score(uid, visit_id, item, score) VALUES (?1, ?2, ?3, ?4)", &st,
				err)))
		return rc;
	for (size_t i = 0; i < obs->nscores; i++) {
		char uid[33];
		uid_new(uid);
		store_reset(st);
		store_bind_text(st, 1, uid);
		store_bind_int(st, 2, id);
		store_bind_text(st, 3, obs->scores[i].item);
		store_bind_int(st, 4, obs->scores[i].value);
		if ((rc = store_step(st)) != STORE_DONE) {
			store_finalize(st);
			return store_fail(db, rc, err, N_("recording the scores"));
		}
	}
	store_finalize(st);
	/* the steps of the visit's design: given ones replace the earlier ones */
	if (obs->nreached || replace)
		return design_visit_record(db, id, obs->reached, obs->nreached, obs->from ? obs->from : "--reached", err);
	return 0;
}

int visit_feedback(struct store *db, int64_t id, int day, const char *agreed, char *const *points, int npoints,
		   struct beter_err *err)
{
	struct store_stmt *st;
	char date[11], vdate[11] = "", held[11] = "";
	int recorded = 0, rc;
	int64_t teacher = 0;
	char *a = NULL;

	if ((rc = store_prepare(db, "SELECT date, recorded IS NOT NULL, feedback_date, teacher_id FROM visit WHERE id = ?1",
				&st, err)))
		return rc;
	store_bind_int(st, 1, id);
	if (store_next(db, st, &rc, N_("reading the visit"), err)) {
		snprintf(vdate, sizeof(vdate), "%s", store_col_text(st, 0));
		recorded = (int)store_col_int(st, 1);
		snprintf(held, sizeof(held), "%s", store_col_text(st, 2));
		teacher = store_col_int(st, 3);
	}
	store_finalize(st);
	if (rc)
		return rc;
	if (!teacher)
		return beter_err_set(err, BETER_FAIL, _("no visit with number %lld (see 'beter visit list')"), (long long)id);
	if (*held)
		return beter_err_set(err, BETER_FAIL, _("the feedback talk of visit %lld was held already on %s"),
				     (long long)id, held);
	if (!recorded)
		return beter_err_set(err, BETER_FAIL, _("visit %lld is not recorded yet; write what was seen first with "
				     "'beter visit record %lld'"), (long long)id, (long long)id);
	date_format(day, date);
	if (strcmp(date, vdate) < 0)
		return beter_err_set(err, BETER_DATAERR, _("--date: %s is before the visit (%s)"), date, vdate);
	if ((rc = date_not_future(day, "--date", err)))
		return rc;
	if ((rc = visit_text_field(&a, agreed, "--agreed", err)))
		return rc;
	if (!a)
		return beter_err_set(err, BETER_DATAERR, _("--agreed: missing; write what you agreed in the talk"));
	if ((rc = store_prepare(db, "UPDATE visit SET feedback_date = ?2, agreed = ?3 WHERE id = ?1", &st, err))) {
		free(a);
		return rc;
	}
	store_bind_int(st, 1, id);
	store_bind_text(st, 2, date);
	store_bind_text(st, 3, a);
	rc = store_step(st);
	store_finalize(st);
	free(a);
	if (rc != STORE_DONE)
		return store_fail(db, rc, err, N_("recording the feedback talk"));
	for (int i = 0; i < npoints; i++)
		if ((rc = devpoint_add(db, teacher, points[i], day, id, NULL, err)))
			return rc;
	return 0;
}
