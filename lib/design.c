/* design.c - writing lesson designs: adding one, its steps and questions, a
 * copy as a new version. */
#include "beter/design.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "beter/date.h"
#include "beter/goal.h"
#include "beter/store.h"
#include "beter/i18n.h"
#include "beter/period.h"
#include "beter/util.h"

int design_find(struct store *db, int64_t school, int64_t number, struct beter_err *err)
{
	struct store_stmt *st;
	int rc, found;

	if ((rc = store_prepare(db, "SELECT 1 FROM design WHERE id = ?1 AND school_id = ?2", &st, err)))
		return rc;
	store_bind_int(st, 1, number);
	store_bind_int(st, 2, school);
	found = store_next(db, st, &rc, N_("finding the design"), err);
	store_finalize(st);
	if (found || rc)
		return rc;
	return beter_err_set(err, BETER_FAIL, _("no design with number %lld (see 'beter design list')"), (long long)number);
}

/* Every author a member of the team, none twice. */
static int check_authors(struct store *db, const struct design_new *d, struct beter_err *err)
{
	struct store_stmt *st;
	int rc = 0;

	if (!d->nauthors)
		return beter_err_set(err, BETER_DATAERR, _("--authors: a design needs its authors (codes of team members, "
				     "e.g. --authors ODW,MKP)"));
	for (size_t i = 0; i < d->nauthors; i++)
		for (size_t j = 0; j < i; j++)
			if (d->authors[i] == d->authors[j])
				return beter_err_set(err, BETER_DATAERR, _("--authors: an author is named twice"));
	if ((rc = store_prepare(db, "SELECT p.code, t.name, EXISTS (SELECT 1 FROM team_member m WHERE m.team_id = t.id "
				    "AND m.person_id = p.id) FROM person p, team t WHERE p.id = ?1 AND t.id = ?2", &st, err)))
		return rc;
	for (size_t i = 0; i < d->nauthors && !rc; i++) {
		store_reset(st);
		store_bind_int(st, 1, d->authors[i]);
		store_bind_int(st, 2, d->team);
		if (store_next(db, st, &rc, N_("reading the authors"), err) && !store_col_int(st, 2))
			rc = beter_err_set(err, BETER_DATAERR, _("--authors: %s is not a member of '%s'; the authors of a "
					   "design are members of its team (see 'beter team show \"%s\"')"),
					   store_col_text(st, 0), store_col_text(st, 1), store_col_text(st, 1));
	}
	store_finalize(st);
	return rc;
}

static int check_goal(struct store *db, int64_t school, int64_t team, int64_t goal, struct beter_err *err)
{
	struct goal_info g;
	int rc;

	if (!goal)
		return 0;
	if ((rc = goal_find(db, school, goal, &g, err)))
		return rc;
	if (g.team != team)
		return beter_err_set(err, BETER_DATAERR, _("--goal: goal %lld is not a goal of the design's team (see "
				     "'beter goal list --team TEAM')"), (long long)goal);
	return 0;
}

static int insert_days(struct store *db, int64_t id, const int *days, size_t n, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(db, "INSERT OR IGNORE INTO design_day(design_id, date) VALUES (?1, ?2)", &st, err)))
		return rc;
	for (size_t i = 0; i < n; i++) {
		store_reset(st);
		store_bind_int(st, 1, id);
		store_bind_day(st, 2, days[i]);
		if ((rc = store_step(st)) != STORE_DONE) {
			store_finalize(st);
			return store_fail(db, rc, err, N_("storing the design's days"));
		}
	}
	store_finalize(st);
	return 0;
}

static int insert_authors(struct store *db, int64_t id, const int64_t *authors, size_t n, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(db, "INSERT INTO design_author(design_id, person_id) VALUES (?1, ?2)", &st, err)))
		return rc;
	for (size_t i = 0; i < n; i++) {
		store_reset(st);
		store_bind_int(st, 1, id);
		store_bind_int(st, 2, authors[i]);
		if ((rc = store_step(st)) != STORE_DONE) {
			store_finalize(st);
			return store_fail(db, rc, err, N_("storing the authors"));
		}
	}
	store_finalize(st);
	return 0;
}

int design_add(struct store *db, int64_t school, const struct design_new *d, int64_t *id, struct beter_err *err)
{
	const struct design_in *in = d->in;
	struct store_stmt *st;
	char uid[33], today[11];
	int rc;

	if ((rc = check_authors(db, d, err)) || (rc = check_goal(db, school, d->team, d->goal, err)))
		return rc;
	if (d->period && (rc = period_find(db, school, d->period, err))) {
		beter_err_prefix(err, "--period");
		return rc;
	}
	if ((rc = store_prepare(db, "INSERT INTO design(uid, school_id, team_id, goal_id, class_group, subject, doel, "
				    "zichtbaar, activiteiten, check_how, als_dan, created, period_id) VALUES (?1, ?2, ?3, "
				    "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)", &st, err)))
		return rc;
	uid_new(uid);
	date_format(date_today(), today);
	store_bind_text(st, 1, uid);
	store_bind_int(st, 2, school);
	store_bind_int(st, 3, d->team);
	if (d->goal)
		store_bind_int(st, 4, d->goal);
	store_bind_text(st, 5, in->group);
	store_bind_text(st, 6, in->subject);
	store_bind_text(st, 7, in->doel);
	store_bind_text(st, 8, in->zichtbaar);
	store_bind_text(st, 9, in->activiteiten);
	store_bind_text(st, 10, in->check);
	store_bind_text(st, 11, in->als_dan);
	store_bind_text(st, 12, today);
	if (d->period)
		store_bind_int(st, 13, d->period);
	if ((rc = store_step_done(db, st, N_("adding the design"), err)))
		return rc;
	*id = store_last_id(db);
	if ((rc = insert_days(db, *id, in->days, in->ndays, err)) ||
	    (rc = insert_authors(db, *id, d->authors, d->nauthors, err)))
		return rc;
	for (size_t i = 0; i < in->nsteps && !rc; i++)
		rc = design_step_add(db, *id, &in->steps[i], NULL, err);
	for (size_t i = 0; i < in->nquestions && !rc; i++)
		rc = design_question_add(db, *id, in->questions[i], NULL, err);
	return rc;
}

/* the next position in table (design_step or design_question) */
static int next_pos(struct store *db, const char *table, int64_t design, int *pos, struct beter_err *err)
{
	char *sql = store_sqlf("SELECT coalesce(max(pos), 0) + 1, count(*) FROM \"%w\" WHERE design_id = ?1", table);
	struct store_stmt *st;
	int rc, n = 0;

	rc = store_prepare(db, sql, &st, err);
	free(sql);
	if (rc)
		return rc;
	store_bind_int(st, 1, design);
	if (store_next(db, st, &rc, N_("reading the design"), err)) {
		*pos = (int)store_col_int(st, 0);
		n = (int)store_col_int(st, 1);
	}
	store_finalize(st);
	if (rc)
		return rc;
	if (!strcmp(table, "design_step") && n >= DESIGN_STEPS_MAX)
		return beter_err_set(err, BETER_DATAERR, _("design %lld has %d steps already, the most a design holds"),
				     (long long)design, n);
	if (!strcmp(table, "design_question") && n >= DESIGN_QUESTIONS_MAX)
		return beter_err_set(err, BETER_DATAERR, _("design %lld has %d questions already, the most a design holds"),
				     (long long)design, n);
	return 0;
}

int design_step_add(struct store *db, int64_t design, const struct design_step_in *s, int *pos,
		    struct beter_err *err)
{
	struct store_stmt *st;
	char uid[33];
	int rc, p = 0;

	if ((rc = next_pos(db, "design_step", design, &p, err)))
		return rc;
	if ((rc = store_prepare(db, "INSERT INTO design_step(uid, design_id, pos, minutes, wat, hoe, effect) VALUES "
				    "(?1, ?2, ?3, ?4, ?5, ?6, ?7)", &st, err)))
		return rc;
	uid_new(uid);
	store_bind_text(st, 1, uid);
	store_bind_int(st, 2, design);
	store_bind_int(st, 3, p);
	if (s->minutes)
		store_bind_int(st, 4, s->minutes);
	store_bind_text(st, 5, s->wat);
	store_bind_text(st, 6, s->hoe);
	store_bind_text(st, 7, s->effect);
	if ((rc = store_step_done(db, st, N_("adding the step"), err)))
		return rc;
	if (pos)
		*pos = p;
	return 0;
}

int design_question_add(struct store *db, int64_t design, const char *text, int *pos, struct beter_err *err)
{
	struct store_stmt *st;
	char uid[33];
	int rc, p = 0;

	if ((rc = next_pos(db, "design_question", design, &p, err)))
		return rc;
	if ((rc = store_prepare(db, "INSERT INTO design_question(uid, design_id, pos, text) VALUES (?1, ?2, ?3, ?4)",
				&st, err)))
		return rc;
	uid_new(uid);
	store_bind_text(st, 1, uid);
	store_bind_int(st, 2, design);
	store_bind_int(st, 3, p);
	store_bind_text(st, 4, text);
	if ((rc = store_step_done(db, st, N_("adding the question"), err)))
		return rc;
	if (pos)
		*pos = p;
	return 0;
}
