/* design_visit.c - visits to a lesson given from a design (per step: was
 * the gewenst effect seen?), and lesfeedback waves tied to a design. */
#include "beter/design.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "beter/store.h"
#include "beter/i18n.h"
#include "beter/util.h"

static const char *const reached_names[] = { "ja", "deels", "nee" };

const char *design_reached_name(int r)
{
	return r >= 0 && r < 3 ? reached_names[r] : "?";
}

int design_reached_parse(const char *s)
{
	static const char *const en[] = { "yes", "partly", "no" };
	for (int i = 0; i < 3; i++)
		if (!strcasecmp(s, reached_names[i]) || !strcasecmp(s, en[i]))
			return i;
	return -1;
}

void design_reach_release(struct design_reach *r, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(r[i].seen);
	free(r);
}

int design_reach_parse(const char *spec, const char *what, struct design_reach **r, size_t *n, struct beter_err *err)
{
	const char *eq = strchr(spec, '=');
	char *num, *val, *colon, *seen = NULL;
	int64_t step;
	int reached = -1, rc = 0;

	if (!eq)
		return beter_err_set(err, BETER_DATAERR, _("%s: '%s' is not STEP=ja|deels|nee[:WHAT WAS SEEN] (e.g. 2=deels)"),
				     what, spec);
	num = str_trim(xstrndup(spec, (size_t)(eq - spec)));
	val = xstrdup(eq + 1);
	if ((colon = strchr(val, ':'))) {
		*colon = '\0';
		char w[300];
		snprintf(w, sizeof(w), "%s: step %s", what, num);
		rc = design_text(&seen, colon + 1, w, 0, err);
	}
	str_trim(val);
	if (rc)
		;
	else if (parse_int64(num, &step) != 0 || step < 1 || step > 1000)
		rc = beter_err_set(err, BETER_DATAERR, _("%s: '%s' is not a step number in '%s'"), what, num, spec);
	else if ((reached = design_reached_parse(val)) < 0)
		rc = beter_err_set(err, BETER_DATAERR, _("%s: '%s' is not ja, deels or nee (in '%s')"), what, val, spec);
	for (size_t i = 0; !rc && i < *n; i++)
		if ((*r)[i].step == (int)step)
			rc = beter_err_set(err, BETER_DATAERR, _("%s: step %lld is given twice; give one per step"), what,
					   (long long)step);
	if (!rc) {
		*r = xrealloc(*r, (*n + 1) * sizeof(**r));
		(*r)[*n].step = (int)step;
		(*r)[*n].reached = reached;
		(*r)[*n].seen = seen;
		(*r)[*n].line = 0;
		(*n)++;
		seen = NULL;
	}
	free(seen);
	free(num);
	free(val);
	return rc;
}

int design_visit_ok(struct store *db, int64_t design, int64_t teacher, struct beter_err *err)
{
	struct store_stmt *st;
	int rc, ok = 0;

	if ((rc = store_prepare(db, "SELECT EXISTS (SELECT 1 FROM design_author WHERE design_id = ?1 AND person_id = ?2) "
				    "OR EXISTS (SELECT 1 FROM design d JOIN team_member m ON m.team_id = d.team_id WHERE "
				    "d.id = ?1 AND m.person_id = ?2)", &st, err)))
		return rc;
	store_bind_int(st, 1, design);
	store_bind_int(st, 2, teacher);
	if (store_next(db, st, &rc, N_("reading the design"), err))
		ok = (int)store_col_int(st, 0);
	store_finalize(st);
	if (rc || ok)
		return rc;
	return beter_err_set(err, BETER_DATAERR, _("--teacher: the lesson of design %lld is given by its authors or a "
			     "member of its team; see 'beter design show %lld'"), (long long)design, (long long)design);
}

/* the id of step pos of the visit's design; 0 when it has none */
static int step_id(struct store *db, int64_t visit, int pos, int64_t *design, int64_t *id, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	*id = 0;
	if ((rc = store_prepare(db, "SELECT v.design_id, s.id FROM visit v LEFT JOIN design_step s ON s.design_id = "
				    "v.design_id AND s.pos = ?2 WHERE v.id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, visit);
	store_bind_int(st, 2, pos);
	if (store_next(db, st, &rc, N_("reading the visit's design"), err)) {
		*design = store_col_int(st, 0);
		*id = store_col_int(st, 1);
	}
	store_finalize(st);
	return rc;
}

int design_visit_record(struct store *db, int64_t visit, const struct design_reach *r, size_t n, const char *from,
			struct beter_err *err)
{
	struct store_stmt *st;
	int64_t design = 0, sid;
	int rc;

	for (size_t i = 0; i < n; i++) {
		char where[300];
		if (r[i].line > 0)
			snprintf(where, sizeof(where), "%s:%ld: stappen", from, r[i].line);
		else
			snprintf(where, sizeof(where), "%s", from);
		if ((rc = step_id(db, visit, r[i].step, &design, &sid, err)))
			return rc;
		if (!design)
			return beter_err_set(err, BETER_DATAERR, _("%s: visit %lld is not to a lesson from a design; plan it "
					     "with 'beter visit add --design N'"), where, (long long)visit);
		if (!sid)
			return beter_err_set(err, BETER_DATAERR, _("%s: design %lld has no step %d (see 'beter design step "
					     "list %lld')"), where, (long long)design, r[i].step, (long long)design);
	}
	/* what is given is the record: steps written before and not given now go */
	if ((rc = store_prepare(db, "DELETE FROM visit_step WHERE visit_id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, visit);
	if ((rc = store_step_done(db, st, N_("recording the steps"), err)))
		return rc;
	for (size_t i = 0; i < n; i++) {
		char uid[33];
		if ((rc = step_id(db, visit, r[i].step, &design, &sid, err)))
			return rc;
		if ((rc = store_prepare(db, "INSERT INTO visit_step(uid, visit_id, step_id, reached, seen) VALUES (?1, ?2, "
					    "?3, ?4, ?5)", &st, err)))
			return rc;
		uid_new(uid);
		store_bind_text(st, 1, uid);
		store_bind_int(st, 2, visit);
		store_bind_int(st, 3, sid);
		store_bind_text(st, 4, design_reached_name(r[i].reached));
		store_bind_text(st, 5, r[i].seen);
		if ((rc = store_step_done(db, st, N_("recording the steps"), err)))
			return rc;
	}
	return 0;
}

int design_survey_link(struct store *db, int64_t survey, int64_t design, struct beter_err *err)
{
	struct store_stmt *st;
	int rc, lesson = 0, same = 0;

	if ((rc = store_prepare(db, "SELECT i.kind = 'lesson', s.team_id IS d.team_id FROM survey s JOIN "
				    "survey_instrument i ON i.id = s.instrument_id, design d WHERE s.id = ?1 AND d.id = ?2",
				    &st, err)))
		return rc;
	store_bind_int(st, 1, survey);
	store_bind_int(st, 2, design);
	if (store_next(db, st, &rc, N_("reading the survey"), err)) {
		lesson = (int)store_col_int(st, 0);
		same = (int)store_col_int(st, 1);
	}
	store_finalize(st);
	if (rc)
		return rc;
	if (!lesson)
		return beter_err_set(err, BETER_DATAERR, _("--design: only a survey of pupils' feedback on a lesson (an "
				     "instrument of kind 'lesson', e.g. lesfeedback-leerlingen) is tied to a design"));
	if (!same)
		return beter_err_set(err, BETER_DATAERR, _("--team: a survey tied to design %lld is of the design's team; "
				     "leave --team out"), (long long)design);
	if ((rc = store_prepare(db, "UPDATE survey SET design_id = ?2 WHERE id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, survey);
	store_bind_int(st, 2, design);
	return store_step_done(db, st, N_("tying the survey to the design"), err);
}

int design_visit_template(struct store *db, int64_t design, const struct design_reach *cur, size_t ncur,
			  struct strbuf *sb, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	strbuf_addf(sb, "stappen:\n# Lesontwerp %lld: per lesstap of het gewenste effect gezien werd, één regel per stap:\n"
			"# STAP=ja, STAP=deels of STAP=nee, met na een ':' wat je zag (feiten), bijvoorbeeld\n"
			"# 2=deels: de helft van de tweetallen gaf elkaar een tip\n", (long long)design);
	if ((rc = store_prepare(db, "SELECT pos, wat, effect FROM design_step WHERE design_id = ?1 ORDER BY pos", &st, err)))
		return rc;
	store_bind_int(st, 1, design);
	while (store_next(db, st, &rc, N_("reading the steps"), err))
		strbuf_addf(sb, "# %lld. %s; gewenst effect: %s\n", (long long)store_col_int(st, 0), store_col_text(st, 1),
			    store_col_text(st, 2));
	store_finalize(st);
	for (size_t i = 0; i < ncur; i++)
		strbuf_addf(sb, "%d=%s%s%s\n", cur[i].step, design_reached_name(cur[i].reached), cur[i].seen ? ": " : "",
			    cur[i].seen ? cur[i].seen : "");
	return rc;
}

int design_visit_load(struct store *db, int64_t visit, struct design_reach **r, size_t *n, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(db, "SELECT s.pos, vs.reached, vs.seen FROM visit_step vs JOIN design_step s ON s.id = "
				    "vs.step_id WHERE vs.visit_id = ?1 ORDER BY s.pos", &st, err)))
		return rc;
	store_bind_int(st, 1, visit);
	while (store_next(db, st, &rc, N_("reading the steps"), err)) {
		*r = xrealloc(*r, (*n + 1) * sizeof(**r));
		(*r)[*n].step = (int)store_col_int(st, 0);
		(*r)[*n].reached = design_reached_parse(store_col_text(st, 1));
		(*r)[*n].seen = store_col_null(st, 2) ? NULL : xstrdup(store_col_text(st, 2));
		(*r)[*n].line = 0;
		(*n)++;
	}
	store_finalize(st);
	return rc;
}
