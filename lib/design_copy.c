/* design_copy.c - a design as it is stored, read back (to fill the editor's
 * template), and a copy of it as a new version. */
#include "beter/design.h"

#include <stdlib.h>
#include <string.h>

#include "beter/date.h"
#include "beter/store.h"
#include "beter/i18n.h"
#include "beter/util.h"

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static int load_lists(struct store *db, int64_t id, struct design_in *in, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(db, "SELECT date FROM design_day WHERE design_id = ?1 ORDER BY date", &st, err)))
		return rc;
	store_bind_int(st, 1, id);
	while (store_next(db, st, &rc, N_("reading the design's days"), err)) {
		in->days = xrealloc(in->days, (in->ndays + 1) * sizeof(*in->days));
		in->days[in->ndays++] = date_of(store_col_text(st, 0));
	}
	store_finalize(st);
	if (rc || (rc = store_prepare(db, "SELECT minutes, wat, hoe, effect FROM design_step WHERE design_id = ?1 "
					  "ORDER BY pos", &st, err)))
		return rc;
	store_bind_int(st, 1, id);
	while (store_next(db, st, &rc, N_("reading the steps"), err)) {
		struct design_step_in *s;
		in->steps = xrealloc(in->steps, (in->nsteps + 1) * sizeof(*in->steps));
		s = &in->steps[in->nsteps++];
		s->minutes = (int)store_col_int(st, 0);
		s->wat = dup_or_null(store_col(st, 1));
		s->hoe = dup_or_null(store_col(st, 2));
		s->effect = dup_or_null(store_col(st, 3));
	}
	store_finalize(st);
	if (rc || (rc = store_prepare(db, "SELECT text FROM design_question WHERE design_id = ?1 ORDER BY pos", &st, err)))
		return rc;
	store_bind_int(st, 1, id);
	while (store_next(db, st, &rc, N_("reading the questions"), err)) {
		in->questions = xrealloc(in->questions, (in->nquestions + 1) * sizeof(*in->questions));
		in->questions[in->nquestions++] = xstrdup(store_col_text(st, 0));
	}
	store_finalize(st);
	return rc;
}

int design_load(struct store *db, int64_t id, struct design_in *in, struct beter_err *err)
{
	struct store_stmt *st;
	int rc, found = 0;

	memset(in, 0, sizeof(*in));
	if ((rc = store_prepare(db, "SELECT class_group, subject, doel, zichtbaar, activiteiten, check_how, als_dan "
				    "FROM design WHERE id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, id);
	if (store_next(db, st, &rc, N_("reading the design"), err)) {
		char **f[] = { &in->group, &in->subject, &in->doel, &in->zichtbaar, &in->activiteiten, &in->check,
			       &in->als_dan };
		for (int i = 0; i < 7; i++)
			*f[i] = dup_or_null(store_col(st, i));
		found = 1;
	}
	store_finalize(st);
	if (!rc && !found)
		rc = beter_err_set(err, BETER_FAIL, _("no design with number %lld (see 'beter design list')"),
				   (long long)id);
	if (!rc)
		rc = load_lists(db, id, in, err);
	if (rc)
		design_in_release(in);
	return rc;
}

/* the first of n days (0: none) */
static int first_day(const int *days, size_t n)
{
	int first = 0;

	for (size_t i = 0; i < n; i++)
		if (!first || days[i] < first)
			first = days[i];
	return first;
}

int design_copy_as(struct store *db, int64_t school, int64_t id, const struct design_in *in, int64_t period,
		   int64_t *copy, struct beter_err *err)
{
	struct design_new d;
	struct store_stmt *st;
	int64_t *authors = NULL, kept = 0;
	size_t n = 0;
	int rc, first = 0;

	memset(&d, 0, sizeof(d));
	if ((rc = store_prepare(db, "SELECT d.team_id, d.goal_id, a.person_id, d.period_id, (SELECT min(x.date) FROM "
				    "design_day x WHERE x.design_id = d.id) FROM design d JOIN design_author a ON "
				    "a.design_id = d.id WHERE d.id = ?1 ORDER BY a.person_id", &st, err)))
		return rc;
	store_bind_int(st, 1, id);
	while (store_next(db, st, &rc, N_("reading the design"), err)) {
		d.team = store_col_int(st, 0);
		d.goal = store_col_int(st, 1);
		authors = xrealloc(authors, (n + 1) * sizeof(*authors));
		authors[n++] = store_col_int(st, 2);
		kept = store_col_int(st, 3);
		first = date_of(store_col(st, 4));
	}
	store_finalize(st);
	/* the original's --period goes with the copy while the lesson keeps its first day */
	d.period = period ? period : first == first_day(in->days, in->ndays) ? kept : 0;
	d.authors = authors;
	d.nauthors = n;
	d.in = in;
	if (!rc)
		rc = design_add(db, school, &d, copy, err);
	free(authors);
	if (rc)
		return rc;
	if ((rc = store_prepare(db, "UPDATE design SET copy_of = ?2 WHERE id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, *copy);
	store_bind_int(st, 2, id);
	return store_step_done(db, st, N_("copying the design"), err);
}

int design_copy(struct store *db, int64_t school, int64_t id, const char *group, const int *days, size_t ndays,
		int64_t *copy, struct beter_err *err)
{
	struct design_in in;
	int rc;

	if ((rc = design_load(db, id, &in, err)))
		return rc;
	if (group) {
		free(in.group);
		in.group = xstrdup(group);
	}
	if (ndays) {
		free(in.days);
		in.days = xmalloc(ndays * sizeof(*in.days));
		memcpy(in.days, days, ndays * sizeof(*days));
		in.ndays = ndays;
	}
	rc = design_copy_as(db, school, id, &in, 0, copy, err);
	design_in_release(&in);
	return rc;
}
