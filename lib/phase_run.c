/* phase_run.c - trajectories: started from a model, phase by phase with
 * a checklist, closed with a retrospective; their history. */
#include "phase_int.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "beter/date.h"
#include "beter/i18n.h"
#include "beter/store.h"
#include "beter/util.h"

#define RETRO_MAX_BYTES 4000

/* The scope's name for a message. Only the message needs it, so a failed
 * read leaves "the team" rather than replacing the error being reported. */
static void scope_name(struct store *db, int64_t team, char *buf, size_t size)
{
	struct store_stmt *st;

	if (team <= 0) {
		snprintf(buf, size, "%s", _("the school"));
		return;
	}
	snprintf(buf, size, "%s", _("the team"));
	if (store_prepare(db, "SELECT name FROM team WHERE id = ?1", &st, NULL) != STORE_OK)
		return;
	store_bind_int(st, 1, team);
	if (store_step(st) == STORE_ROW)
		snprintf(buf, size, _("the team '%s'"), store_col_text(st, 0));
	store_finalize(st);
}

#define SCOPE_SQL "(?2 = -1 OR (?2 = 0 AND t.team_id IS NULL) OR t.team_id = ?2)"

int phase_active(struct store *db, int64_t school, int64_t team, int64_t *trajectory, struct beter_err *err)
{
	struct store_stmt *st;
	int rc, n = 0;
	char who[300];

	if ((rc = store_prepare(db, "SELECT t.id FROM trajectory t WHERE t.school_id = ?1 AND t.status = 'active' AND "
				    SCOPE_SQL " ORDER BY t.id", &st, err)))
		return rc;
	store_bind_int(st, 1, school);
	store_bind_int(st, 2, team);
	while (store_next(db, st, &rc, N_("finding the trajectory"), err)) {
		if (n++ == 0)
			*trajectory = store_col_int(st, 0);
	}
	store_finalize(st);
	if (rc)
		return rc;
	if (n == 1)
		return 0;
	if (n > 1)
		return beter_err_set(err, BETER_USAGE,
				     _("%d trajectories are active; choose one with --team TEAM or --school "
				     "(see 'beter phase history')"), n);
	if (team == PHASE_ANY)
		return beter_err_set(err, BETER_FAIL, _("no active trajectory (start one with 'beter phase start MODEL')"));
	scope_name(db, team, who, sizeof(who));
	return beter_err_set(err, BETER_FAIL, _("%s has no active trajectory (start one with 'beter phase start MODEL%s')"),
			     who, team > 0 ? " --team TEAM" : " --school");
}

static int insert_phase(struct store *db, int64_t tid, int ord, const cJSON *p, int date, struct beter_err *err)
{
	struct store_stmt *st;
	struct strbuf who = STRBUF_INIT;
	char uid[33], day[11];
	int rc, i = 0;
	int64_t pid;

	phase_join_who(&who, cJSON_GetObjectItemCaseSensitive(p, "who"));
	if ((rc = store_prepare(db, "INSERT INTO trajectory_phase(uid, trajectory_id, ord, key, name, purpose, who, "
				    "typical_days, status, started) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
				&st, err))) {
		strbuf_release(&who);
		return rc;
	}
	uid_new(uid);
	date_format(date, day);
	store_bind_text(st, 1, uid);
	store_bind_int(st, 2, tid);
	store_bind_int(st, 3, ord);
	store_bind_text(st, 4, phase_jstr(p, "id"));
	store_bind_text(st, 5, phase_jstr(p, "name"));
	store_bind_text(st, 6, phase_jstr(p, "purpose"));
	store_bind_text(st, 7, strbuf_str(&who));
	store_bind_int(st, 8, (int)cJSON_GetObjectItemCaseSensitive(p, "typical_days")->valuedouble);
	store_bind_text(st, 9, ord == 1 ? "active" : "pending");
	store_bind_text(st, 10, ord == 1 ? day : NULL);
	rc = store_step(st);
	store_finalize(st);
	strbuf_release(&who);
	if (rc != STORE_DONE)
		return store_fail(db, rc, err, N_("starting the trajectory"));
	pid = store_last_id(db);
	if ((rc = store_prepare(db, "INSERT INTO trajectory_item(uid, phase_id, ord, key, text) VALUES (?1, ?2, ?3, ?4, ?5)",
				&st, err)))
		return rc;
	for (const cJSON *a = cJSON_GetObjectItemCaseSensitive(p, "activities")->child; a; a = a->next) {
		uid_new(uid);
		store_reset(st);
		store_bind_text(st, 1, uid);
		store_bind_int(st, 2, pid);
		store_bind_int(st, 3, ++i);
		store_bind_text(st, 4, phase_jstr(a, "id"));
		store_bind_text(st, 5, phase_jstr(a, "text"));
		if ((rc = store_step(st)) != STORE_DONE) {
			store_finalize(st);
			return store_fail(db, rc, err, N_("starting the trajectory"));
		}
	}
	store_finalize(st);
	return 0;
}

int phase_start(struct store *db, int64_t school, int64_t team, const char *model, int date, int64_t *trajectory,
		struct beter_err *err)
{
	struct store_stmt *st;
	cJSON *doc;
	char uid[33], day[11], who[300];
	int64_t existing;
	int rc, ord = 0;

	if ((rc = phase_model_load(db, school, model, &doc, NULL, err)))
		return rc;
	if (phase_active(db, school, team, &existing, err) == 0) {
		cJSON_Delete(doc);
		scope_name(db, team, who, sizeof(who));
		return beter_err_set(err, BETER_FAIL,
				     _("%s already has an active trajectory (#%lld); close its phases with 'beter phase next' "
				     "first"), who, (long long)existing);
	}
	beter_err_clear(err);
	if ((rc = store_prepare(db, "INSERT INTO trajectory(uid, school_id, team_id, model_key, model_name, started) "
				    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", &st, err))) {
		cJSON_Delete(doc);
		return rc;
	}
	uid_new(uid);
	date_format(date, day);
	store_bind_text(st, 1, uid);
	store_bind_int(st, 2, school);
	if (team > 0)
		store_bind_int(st, 3, team);
	store_bind_text(st, 4, phase_jstr(doc, "id"));
	store_bind_text(st, 5, phase_jstr(doc, "name"));
	store_bind_text(st, 6, day);
	rc = store_step(st);
	store_finalize(st);
	if (rc != STORE_DONE) {
		cJSON_Delete(doc);
		return store_fail(db, rc, err, N_("starting the trajectory"));
	}
	*trajectory = store_last_id(db);
	rc = 0;
	for (const cJSON *p = cJSON_GetObjectItemCaseSensitive(doc, "phases")->child; p && !rc; p = p->next)
		rc = insert_phase(db, *trajectory, ++ord, p, date, err);
	cJSON_Delete(doc);
	return rc;
}

/* The active phase of a trajectory: id, name and start day. */
static int current_phase(struct store *db, int64_t tid, int64_t *pid, char *name, size_t size, int *started,
			 struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(db, "SELECT id, name, started FROM trajectory_phase WHERE trajectory_id = ?1 AND "
				    "status = 'active'", &st, err)))
		return rc;
	store_bind_int(st, 1, tid);
	int found = store_next(db, st, &rc, N_("reading the trajectory"), err);
	if (found) {
		*pid = store_col_int(st, 0);
		snprintf(name, size, "%s", store_col_text(st, 1));
		date_parse(store_col_text(st, 2), started, "started", NULL);
	}
	store_finalize(st);
	if (found || rc)
		return rc;
	return beter_err_set(err, BETER_FAIL, _("trajectory #%lld has no open phase"), (long long)tid);
}

static const struct out_col status_cols[] = {
	{ N_("trajectory"), OUT_T_INT }, { N_("model"), OUT_T_TEXT },     { N_("team"), OUT_T_TEXT },
	{ N_("phase_no"), OUT_T_INT },   { N_("phases"), OUT_T_INT },     { N_("phase"), OUT_T_TEXT },
	{ N_("started"), OUT_T_DATE },   { N_("days_in_phase"), OUT_T_INT }, { N_("typical_days"), OUT_T_INT },
	{ N_("who"), OUT_T_TEXT },       { N_("done"), OUT_T_INT },       { N_("items"), OUT_T_INT },
};
static const struct out_col check_cols[] = {
	{ N_("n"), OUT_T_INT }, { N_("item"), OUT_T_TEXT }, { N_("activity"), OUT_T_TEXT }, { N_("done"), OUT_T_DATE },
};
static const struct out_col status_doc_cols[] = {
	{ N_("trajectory"), OUT_T_INT }, { N_("model"), OUT_T_TEXT },     { N_("team"), OUT_T_TEXT },
	{ N_("phase_no"), OUT_T_INT },   { N_("phases"), OUT_T_INT },     { N_("phase"), OUT_T_TEXT },
	{ N_("started"), OUT_T_DATE },   { N_("days_in_phase"), OUT_T_INT }, { N_("typical_days"), OUT_T_INT },
	{ N_("who"), OUT_T_TEXT },       { N_("done"), OUT_T_DATE },      { N_("items"), OUT_T_INT },
	{ N_("n"), OUT_T_INT },          { N_("item"), OUT_T_TEXT },      { N_("activity"), OUT_T_TEXT },
	{ N_("period"), OUT_T_INT },     { N_("theme"), OUT_T_TEXT },     { N_("from"), OUT_T_DATE },
	{ N_("to"), OUT_T_DATE },        { N_("tiv"), OUT_T_TEXT },       { N_("status"), OUT_T_TEXT },
	{ N_("periods_closed"), OUT_T_INT }, { N_("step"), OUT_T_TEXT },  { N_("count"), OUT_T_INT },
	{ N_("of"), OUT_T_INT },         { N_("id"), OUT_T_TEXT },        { N_("target"), OUT_T_TEXT },
	{ N_("kind"), OUT_T_TEXT },      { N_("counted"), OUT_T_INT },    { N_("needed"), OUT_T_INT },
};

/* The period cycle of a phase that repeats each period, and the model's
 * targets. */
static int status_more(struct store *db, int64_t trajectory, int today, struct out *o, struct beter_err *err)
{
	struct phase_scope sc;
	cJSON *model;
	char key[64];
	int rc;

	if ((rc = phase_scope_load(db, trajectory, today, &sc, &model, key, sizeof(key), err)))
		return rc;
	if (model && phase_is_cycle(model, key))
		rc = phase_cycle_out(db, &sc, o, err);
	if (!rc && model)
		rc = phase_targets_out(db, &sc, model, o, err);
	cJSON_Delete(model);
	return rc;
}

int phase_status(struct store *db, int64_t trajectory, int today, struct out *o, struct beter_err *err)
{
	struct store_stmt *st;
	int64_t pid;
	char name[256];
	int started, rc;

	if ((rc = current_phase(db, trajectory, &pid, name, sizeof(name), &started, err)))
		return rc;
	if ((rc = store_prepare(db,
				"SELECT t.id, t.model_name, tm.name, p.ord, "
				"(SELECT count(*) FROM trajectory_phase q WHERE q.trajectory_id = t.id), p.name, p.started, "
				"p.typical_days, p.who, "
				"(SELECT count(*) FROM trajectory_item i WHERE i.phase_id = p.id AND i.done IS NOT NULL), "
				"(SELECT count(*) FROM trajectory_item i WHERE i.phase_id = p.id) "
				"FROM trajectory t JOIN trajectory_phase p ON p.trajectory_id = t.id "
				"LEFT JOIN team tm ON tm.id = t.team_id WHERE p.id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, pid);
	if (!store_next(db, st, &rc, N_("reading the trajectory"), err)) {
		store_finalize(st);
		return rc ? rc : beter_err_set(err, BETER_IOERR, _("reading the trajectory"));
	}
	out_doc_begin(o, status_doc_cols, sizeof(status_doc_cols) / sizeof(*status_doc_cols));
	out_section(o, "phase", _("Phase"));
	out_record(o, status_cols, sizeof(status_cols) / sizeof(*status_cols));
	out_int(o, store_col_int(st, 0));
	out_text(o, store_col(st, 1));
	out_text(o, store_col(st, 2));
	out_int(o, store_col_int(st, 3));
	out_int(o, store_col_int(st, 4));
	out_text(o, store_col(st, 5));
	out_text(o, store_col(st, 6));
	out_int(o, today - started);
	if (store_col_null(st, 7))
		out_null(o);
	else
		out_int(o, store_col_int(st, 7));
	out_text(o, store_col(st, 8));
	out_int(o, store_col_int(st, 9));
	out_int(o, store_col_int(st, 10));
	out_end(o);
	store_finalize(st);

	if ((rc = store_prepare(db, "SELECT ord, key, text, done FROM trajectory_item WHERE phase_id = ?1 ORDER BY ord",
				&st, err)))
		return rc;
	store_bind_int(st, 1, pid);
	out_section(o, "checklist", _("Checklist"));
	if ((rc = store_rows(db, st, o, check_cols, sizeof(check_cols) / sizeof(*check_cols), 1, N_("reading the checklist"),
			     err)) ||
	    (rc = status_more(db, trajectory, today, o, err)))
		return rc;
	out_doc_end(o);
	return 0;
}

int phase_check(struct store *db, int64_t trajectory, const char *item, int undo, int date, int *changed, char *key,
		size_t keysize, struct beter_err *err)
{
	struct store_stmt *st;
	int64_t pid = 0, iid = 0;
	char name[256], day[11], sday[11];
	int started, rc, was_done;

	*changed = 0;
	if ((rc = current_phase(db, trajectory, &pid, name, sizeof(name), &started, err)))
		return rc;
	if ((rc = store_prepare(db, "SELECT id, done IS NOT NULL, key FROM trajectory_item WHERE phase_id = ?1 AND "
				    "(key = ?2 OR CAST(ord AS TEXT) = ?2) ORDER BY key = ?2 DESC LIMIT 1", &st, err)))
		return rc;
	store_bind_int(st, 1, pid);
	store_bind_text(st, 2, item);
	int found = store_next(db, st, &rc, N_("reading the checklist"), err);
	if (found) {
		iid = store_col_int(st, 0);
		was_done = (int)store_col_int(st, 1);
		if (key && keysize)
			snprintf(key, keysize, "%s", store_col_text(st, 2));
	}
	store_finalize(st);
	if (rc)
		return rc;
	if (!found)
		return beter_err_set(err, BETER_FAIL, _("no item '%s' in the checklist of '%s' (see 'beter phase status')"),
				     item ? item : "", name);
	if (!undo && date < started) {
		date_format(date, day);
		date_format(started, sday);
		return beter_err_set(err, BETER_DATAERR, _("--date: %s is before the phase '%s' started (%s)"), day, name,
				     sday);
	}
	if (was_done == !undo)
		return 0;
	if ((rc = store_prepare(db, "UPDATE trajectory_item SET done = ?2 WHERE id = ?1", &st, err)))
		return rc;
	date_format(date, day);
	store_bind_int(st, 1, iid);
	store_bind_text(st, 2, undo ? NULL : day);
	rc = store_step(st);
	store_finalize(st);
	if (rc != STORE_DONE)
		return store_fail(db, rc, err, N_("updating the checklist"));
	*changed = 1;
	return 0;
}

static int retro_text(const char *s, const char *what, struct beter_err *err)
{
	if (!s)
		return 0;
	if (str_blank(s))
		return beter_err_set(err, BETER_DATAERR, _("%s: empty; say in a few words what you found"), what);
	if (!utf8_valid(s, strlen(s), NULL))
		return beter_err_set(err, BETER_DATAERR, _("%s: not valid UTF-8"), what);
	if (strlen(s) > RETRO_MAX_BYTES)
		return beter_err_set(err, BETER_DATAERR, _("%s: longer than %d bytes"), what, RETRO_MAX_BYTES);
	return 0;
}

/* A phase that repeats each period does not close: its periods do. */
static int refuse_cycle(struct store *db, int64_t trajectory, int date, struct beter_err *err)
{
	struct phase_scope sc;
	cJSON *model;
	char key[64];
	int rc, cycle;

	if ((rc = phase_scope_load(db, trajectory, date, &sc, &model, key, sizeof(key), err)))
		return rc;
	cycle = model && phase_is_cycle(model, key);
	if (cycle) {
		char name[256];
		const cJSON *p = cJSON_GetObjectItemCaseSensitive(model, "phases")->child;
		while (strcmp(phase_jstr(p, "id"), key))
			p = p->next;
		snprintf(name, sizeof(name), "%s", phase_jstr(p, "name"));
		rc = beter_err_set(err, BETER_FAIL,
				   _("'%s' repeats each improvement period and does not close: each period closes "
				     "with its verbindingssessie ('beter period connect'); see 'beter phase status'"),
				   name);
	}
	cJSON_Delete(model);
	return rc;
}

int phase_next(struct store *db, int64_t trajectory, const struct phase_retro *r, int date,
	       struct phase_next_result *res,
	       struct beter_err *err)
{
	struct store_stmt *st;
	int64_t pid;
	char day[11], sday[11];
	int started, rc, ord = 0;

	memset(res, 0, sizeof(*res));
	if ((rc = refuse_cycle(db, trajectory, date, err)))
		return rc;
	if (r->no_retro_reason) {
		if ((rc = retro_text(r->no_retro_reason, "--reason", err)))
			return rc;
	} else if (!r->went_well || !r->improve) {
		return beter_err_set(err, BETER_USAGE,
				     _("a phase closes with a retrospective: give --went-well TEXT and --improve TEXT "
				     "(or, to close without one, --no-retro --reason TEXT)"));
	} else if ((rc = retro_text(r->went_well, "--went-well", err)) || (rc = retro_text(r->improve, "--improve", err))) {
		return rc;
	}
	if ((rc = current_phase(db, trajectory, &pid, res->closed, sizeof(res->closed), &started, err)))
		return rc;
	if (date < started) {
		date_format(date, day);
		date_format(started, sday);
		return beter_err_set(err, BETER_DATAERR, _("--date: %s is before the phase '%s' started (%s)"), day,
				     res->closed, sday);
	}
	date_format(date, day);
	if ((rc = store_prepare(db, "SELECT ord, (SELECT count(*) FROM trajectory_item WHERE phase_id = ?1 AND done IS NULL) "
				    "FROM trajectory_phase WHERE id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, pid);
	if (store_next(db, st, &rc, N_("reading the phase"), err)) {
		ord = (int)store_col_int(st, 0);
		res->open_items = (int)store_col_int(st, 1);
	}
	store_finalize(st);
	if (rc)
		return rc;

	if ((rc = store_prepare(db, "UPDATE trajectory_phase SET status = 'closed', closed = ?2, went_well = ?3, "
				    "improve = ?4, no_retro_reason = ?5 WHERE id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, pid);
	store_bind_text(st, 2, day);
	store_bind_text(st, 3, r->no_retro_reason ? NULL : r->went_well);
	store_bind_text(st, 4, r->no_retro_reason ? NULL : r->improve);
	store_bind_text(st, 5, r->no_retro_reason);
	rc = store_step(st);
	store_finalize(st);
	if (rc != STORE_DONE)
		return store_fail(db, rc, err, N_("closing the phase"));

	if ((rc = store_prepare(db, "UPDATE trajectory_phase SET status = 'active', started = ?3 "
				    "WHERE trajectory_id = ?1 AND ord = ?2 RETURNING name", &st, err)))
		return rc;
	store_bind_int(st, 1, trajectory);
	store_bind_int(st, 2, ord + 1);
	store_bind_text(st, 3, day);
	rc = store_step(st);
	if (rc == STORE_ROW)
		snprintf(res->opened, sizeof(res->opened), "%s", store_col_text(st, 0));
	store_finalize(st);
	if (rc != STORE_ROW && rc != STORE_DONE)
		return store_fail(db, rc, err, N_("starting the next phase"));
	if (rc == STORE_ROW)
		return 0;
	if ((rc = store_prepare(db, "UPDATE trajectory SET status = 'done', ended = ?2 WHERE id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, trajectory);
	store_bind_text(st, 2, day);
	rc = store_step(st);
	store_finalize(st);
	return rc == STORE_DONE ? 0 : store_fail(db, rc, err, N_("completing the trajectory"));
}

static const struct out_col history_cols[] = {
	{ N_("trajectory"), OUT_T_INT }, { N_("team"), OUT_T_TEXT },    { N_("model"), OUT_T_TEXT },
	{ N_("n"), OUT_T_INT },          { N_("phase"), OUT_T_TEXT },   { N_("status"), OUT_T_TEXT },
	{ N_("started"), OUT_T_DATE },   { N_("closed"), OUT_T_DATE },  { N_("days"), OUT_T_INT },
	{ N_("done"), OUT_T_INT },       { N_("items"), OUT_T_INT },    { N_("retrospective"), OUT_T_TEXT },
};

int phase_history(struct store *db, int64_t school, int64_t team, int today, struct out *o, struct beter_err *err)
{
	struct store_stmt *st;
	char day[11];
	int rc;

	if ((rc = store_prepare(db,
				"SELECT t.id, tm.name, t.model_key, p.ord, p.name, "
				"CASE p.status WHEN 'closed' THEN ?4 WHEN 'active' THEN ?5 WHEN 'pending' THEN ?6 ELSE p.status END, "
				"p.started, p.closed, "
				"CAST(julianday(coalesce(p.closed, ?3)) - julianday(p.started) AS INTEGER), "
				"(SELECT count(*) FROM trajectory_item i WHERE i.phase_id = p.id AND i.done IS NOT NULL), "
				"(SELECT count(*) FROM trajectory_item i WHERE i.phase_id = p.id), "
				"CASE WHEN p.status <> 'closed' THEN NULL WHEN p.no_retro_reason IS NOT NULL THEN CAST(?7 AS TEXT) "
				"ELSE CAST(?8 AS TEXT) END "
				"FROM trajectory t JOIN trajectory_phase p ON p.trajectory_id = t.id "
				"LEFT JOIN team tm ON tm.id = t.team_id WHERE t.school_id = ?1 AND " SCOPE_SQL
				" ORDER BY t.id, p.ord", &st, err)))
		return rc;
	date_format(today, day);
	store_bind_int(st, 1, school);
	store_bind_int(st, 2, team);
	store_bind_text(st, 3, day);
	/* the status words as the table shows them (English in JSON and CSV) */
	store_bind_text(st, 4, phase_word(o, N_("closed")));
	store_bind_text(st, 5, phase_word(o, N_("active")));
	store_bind_text(st, 6, phase_word(o, N_("pending")));
	store_bind_text(st, 7, phase_word(o, N_("skipped")));
	store_bind_text(st, 8, phase_word(o, N_("held")));
	return store_rows(db, st, o, history_cols, sizeof(history_cols) / sizeof(*history_cols), 1, N_("listing the phases"),
			  err);
}

static const struct out_col retro_cols[] = {
	{ N_("trajectory"), OUT_T_INT }, { N_("team"), OUT_T_TEXT },      { N_("model"), OUT_T_TEXT },
	{ N_("n"), OUT_T_INT },          { N_("phase"), OUT_T_TEXT },     { N_("closed"), OUT_T_DATE },
	{ N_("went_well"), OUT_T_TEXT }, { N_("improve"), OUT_T_TEXT },   { N_("no_retro_reason"), OUT_T_TEXT },
};

int phase_retro_list(struct store *db, int64_t school, int64_t team, struct out *o, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(db,
				"SELECT t.id, tm.name, t.model_key, p.ord, p.name, p.closed, p.went_well, p.improve, "
				"p.no_retro_reason FROM trajectory t JOIN trajectory_phase p ON p.trajectory_id = t.id "
				"LEFT JOIN team tm ON tm.id = t.team_id WHERE t.school_id = ?1 AND p.status = 'closed' AND "
				SCOPE_SQL " ORDER BY p.closed, t.id, p.ord", &st, err)))
		return rc;
	store_bind_int(st, 1, school);
	store_bind_int(st, 2, team);
	return store_rows(db, st, o, retro_cols, sizeof(retro_cols) / sizeof(*retro_cols), 1,
			  N_("listing the retrospectives"), err);
}
