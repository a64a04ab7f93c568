/* survey_policy.c - the school's minimum group size for survey figures.
 *
 * Each instrument promises a minimum (5; a 360-degree feedback 3). A lower
 * one is a decision of the school, not an option of whoever runs a report:
 * it is recorded with its reason and day, and printed with every figure it
 * lets through. An option may only raise the minimum.
 */
#include "beter/survey.h"

#include <stdlib.h>
#include <string.h>

#include "beter/date.h"
#include "beter/store.h"
#include "beter/i18n.h"

int survey_min_n(struct store *db, int64_t school, const struct survey_instrument *in, int64_t requested,
		 int64_t *base, int64_t *min_n, char **reason, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	*reason = NULL;
	*base = in->min_n < SURVEY_MIN_N_FLOOR ? SURVEY_MIN_N_FLOOR : in->min_n;
	if ((rc = store_prepare(db, "SELECT min_n, day, reason FROM survey_policy WHERE school_id = ?1 "
				    "ORDER BY id DESC LIMIT 1", &st, err)))
		return rc;
	store_bind_int(st, 1, school);
	rc = store_step(st);
	if (rc == STORE_ROW) {
		struct strbuf sb = STRBUF_INIT;
		int64_t k = store_col_int(st, 0);
		*base = k < SURVEY_MIN_N_FLOOR ? SURVEY_MIN_N_FLOOR : k;
		/* English, as JSON and CSV carry it; survey_policy_line says it to people */
		strbuf_addf(&sb, "school policy of %s: %s", store_col_text(st, 1), store_col_text(st, 2));
		*reason = strbuf_detach(&sb);
	}
	store_finalize(st);
	if (rc != STORE_ROW && rc != STORE_DONE)
		return store_fail(db, rc, err, N_("reading the survey policy"));
	if (requested && requested < *base) {
		rc = beter_err_set(err, BETER_USAGE, _("--min-n: %lld is below the minimum of %lld that %s; a lower minimum "
				   "is the school's decision: beter survey policy --min-n K --reason TEXT"),
				   (long long)requested, (long long)*base,
				   *reason ? _("the school set") : _("the instrument promises"));
		free(*reason);
		*reason = NULL;
		return rc;
	}
	*min_n = requested > *base ? requested : *base;
	return 0;
}

int survey_policy_set(struct store *db, int64_t school, int64_t min_n, const char *reason, int64_t set_by,
		      struct beter_err *err)
{
	struct store_stmt *st;
	char uid[33], today[11];
	int rc;

	if (min_n < SURVEY_MIN_N_FLOOR || min_n > 1000)
		return beter_err_set(err, BETER_USAGE, _("--min-n: %lld is outside %d-1000; no group smaller than %d is ever "
				     "shown"), (long long)min_n, SURVEY_MIN_N_FLOOR, SURVEY_MIN_N_FLOOR);
	size_t len = reason ? strlen(reason) : 0;
	char *r = reason ? xstrdup(reason) : NULL;
	int empty = !r || !*str_trim(r);
	free(r);
	if (empty)
		return beter_err_set(err, BETER_USAGE, _("--reason: say why the school sets this minimum (e.g. "
				     "\"teams of 4; agreed with the MR on 2026-10-12\")"));
	if (len > 1000 || !utf8_valid(reason, len, NULL))
		return beter_err_set(err, BETER_DATAERR, _("--reason: give at most 1000 characters of UTF-8 text"));
	if ((rc = store_prepare(db, "INSERT INTO survey_policy(uid, school_id, min_n, reason, set_by, day) "
				    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", &st, err)))
		return rc;
	uid_new(uid);
	date_format(date_today(), today);
	store_bind_text(st, 1, uid);
	store_bind_int(st, 2, school);
	store_bind_int(st, 3, min_n);
	store_bind_text(st, 4, reason);
	if (set_by)
		store_bind_int(st, 5, set_by);
	store_bind_text(st, 6, today);
	return store_step_done(db, st, N_("recording the survey policy"), err);
}

int survey_policy_list(struct store *db, int64_t school, struct out *o, struct beter_err *err)
{
	static const struct out_col cols[] = {
		{ N_("day"), OUT_T_DATE },	   { N_("min_n"), OUT_T_INT },   { N_("reason"), OUT_T_TEXT },
		{ N_("decided_by"), OUT_T_TEXT }, { N_("in_force"), OUT_T_BOOL },
	};
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(db, "SELECT p.day, p.min_n, p.reason, pe.code, p.id = (SELECT max(id) FROM survey_policy "
				    "WHERE school_id = ?1) FROM survey_policy p LEFT JOIN person pe ON pe.id = p.set_by "
				    "WHERE p.school_id = ?1 ORDER BY p.id", &st, err)))
		return rc;
	store_bind_int(st, 1, school);
	return store_rows(db, st, o, cols, sizeof(cols) / sizeof(*cols), 1, N_("reading the survey policy"), err);
}

char *survey_policy_line(const char *policy, int people)
{
	static const char prefix[] = "school policy of ";
	size_t n = sizeof(prefix) - 1;

	if (!policy)
		return NULL;
	/* "school policy of YYYY-MM-DD: REASON" */
	if (!people || strncmp(policy, prefix, n) || strlen(policy) < n + 12 || strncmp(policy + n + 10, ": ", 2))
		return xstrdup(policy);
	struct strbuf sb = STRBUF_INIT;
	/* TRANSLATORS: the day the school set its minimum group size, and its reason */
	strbuf_addf(&sb, _("school policy of %.10s: %s"), policy + n, policy + n + 12);
	return strbuf_detach(&sb);
}
