/* design_in.c - what a lesson design holds, as given: checked fields, and
 * the JSON form ('beter design add --from FILE'). */
#include "beter/design.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "beter/date.h"
#include "beter/jsonin.h"
#include "beter/i18n.h"
#include "beter/util.h"

#define N(a) (sizeof(a) / sizeof(*(a)))

void design_in_release(struct design_in *d)
{
	free(d->group);
	free(d->subject);
	free(d->doel);
	free(d->zichtbaar);
	free(d->activiteiten);
	free(d->check);
	free(d->als_dan);
	free(d->days);
	for (size_t i = 0; i < d->nsteps; i++) {
		free(d->steps[i].wat);
		free(d->steps[i].hoe);
		free(d->steps[i].effect);
	}
	free(d->steps);
	for (size_t i = 0; i < d->nquestions; i++)
		free(d->questions[i]);
	free(d->questions);
	memset(d, 0, sizeof(*d));
}

int design_text(char **dst, const char *src, const char *what, size_t max, struct beter_err *err)
{
	char *t;

	if (!max || max > DESIGN_TEXT_MAX)
		max = DESIGN_TEXT_MAX;
	t = str_trim(xstrdup(src ? src : ""));
	if (!*t) {
		free(t);
		return 0;
	}
	if (strlen(t) > max || !utf8_valid(t, strlen(t), NULL)) {
		free(t);
		return beter_err_set(err, BETER_DATAERR, _("%s: must be at most %zu bytes of UTF-8 text"), what, max);
	}
	free(*dst);
	*dst = t;
	return 0;
}

int design_in_day(struct design_in *d, const char *s, const char *what, struct beter_err *err)
{
	int day, rc;
	char *t = str_trim(xstrdup(s ? s : ""));

	rc = date_parse(t, &day, what, err);
	free(t);
	if (rc)
		return rc == BETER_USAGE ? BETER_DATAERR : rc;
	for (size_t i = 0; i < d->ndays; i++)
		if (d->days[i] == day)
			return 0;
	if (d->ndays >= DESIGN_DAYS_MAX)
		return beter_err_set(err, BETER_DATAERR, _("%s: at most %d days"), what, DESIGN_DAYS_MAX);
	d->days = xrealloc(d->days, (d->ndays + 1) * sizeof(*d->days));
	/* kept in order */
	size_t i = d->ndays;
	while (i > 0 && d->days[i - 1] > day) {
		d->days[i] = d->days[i - 1];
		i--;
	}
	d->days[i] = day;
	d->ndays++;
	return 0;
}

/* the name of a step's field in messages: the option (what NULL) or "WHAT: FIELD" */
static void step_field(char *buf, size_t n, const char *what, const char *opt, const char *field)
{
	if (what)
		snprintf(buf, n, "%s: %s", what, field);
	else
		snprintf(buf, n, "%s", opt);
}

int design_in_step(struct design_in *d, const char *minutes, const char *wat, const char *hoe, const char *effect,
		   const char *what, struct beter_err *err)
{
	struct design_step_in s;
	char field[400];
	int rc = 0;
	int64_t m = 0;

	memset(&s, 0, sizeof(s));
	if (d->nsteps >= DESIGN_STEPS_MAX)
		return beter_err_set(err, BETER_DATAERR, _("%s: at most %d steps"), what ? what : "--wat",
				     DESIGN_STEPS_MAX);
	if (minutes && !str_blank(minutes)) {
		char *t = str_trim(xstrdup(minutes));
		step_field(field, sizeof(field), what, "--min", "tijd");
		if (parse_int64(t, &m) != 0 || m < 1 || m > 480)
			rc = beter_err_set(err, BETER_DATAERR, _("%s: '%s' is not a number of minutes (1-480)"), field, t);
		free(t);
		if (rc)
			return rc;
	}
	s.minutes = (int)m;
	step_field(field, sizeof(field), what, "--wat", "wat");
	if ((rc = design_text(&s.wat, wat, field, 1000, err)))
		goto fail;
	if (!s.wat) {
		rc = beter_err_set(err, BETER_DATAERR, _("%s: missing; write the lesson activity (wat)"), field);
		goto fail;
	}
	step_field(field, sizeof(field), what, "--hoe", "hoe");
	if ((rc = design_text(&s.hoe, hoe, field, 1000, err)))
		goto fail;
	step_field(field, sizeof(field), what, "--effect", "effect");
	if ((rc = design_text(&s.effect, effect, field, 1000, err)))
		goto fail;
	if (!s.effect) {
		rc = beter_err_set(err, BETER_DATAERR, _("%s: missing; write the gewenst effect: what pupils do or show"),
				   field);
		goto fail;
	}
	d->steps = xrealloc(d->steps, (d->nsteps + 1) * sizeof(*d->steps));
	d->steps[d->nsteps++] = s;
	return 0;
fail:
	free(s.wat);
	free(s.hoe);
	free(s.effect);
	return rc;
}

int design_in_question(struct design_in *d, const char *text, const char *what, struct beter_err *err)
{
	char *q = NULL;
	int rc;

	if (d->nquestions >= DESIGN_QUESTIONS_MAX)
		return beter_err_set(err, BETER_DATAERR, _("%s: at most %d questions"), what, DESIGN_QUESTIONS_MAX);
	if ((rc = design_text(&q, text, what, 1000, err)))
		return rc;
	if (!q)
		return beter_err_set(err, BETER_DATAERR, _("%s: the question is empty"), what);
	d->questions = xrealloc(d->questions, (d->nquestions + 1) * sizeof(*d->questions));
	d->questions[d->nquestions++] = q;
	return 0;
}

/* ---- JSON ---- */

static int json_string(const char *name, const cJSON *root, const char *key, char **dst, size_t max,
		       struct beter_err *err)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(root, key);
	char what[300];

	snprintf(what, sizeof(what), "%s: field '%s'", name, key);
	if (!v || cJSON_IsNull(v))
		return 0;
	if (!cJSON_IsString(v))
		return beter_err_set(err, BETER_DATAERR, _("%s: expected a string"), what);
	return design_text(dst, v->valuestring, what, max, err);
}

static const char *json_str(const cJSON *o, const char *key, int *bad)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
	if (!v || cJSON_IsNull(v))
		return NULL;
	if (!cJSON_IsString(v)) {
		*bad = 1;
		return NULL;
	}
	return v->valuestring;
}

static int json_step(const char *name, int i, const cJSON *s, struct design_in *d, struct beter_err *err)
{
	static const char *const keys[] = { "min", "wat", "hoe", "effect" };
	const cJSON *m = cJSON_GetObjectItemCaseSensitive(s, "min");
	char what[300], mins[32] = "";
	const char *txt[3];
	int bad = 0;

	snprintf(what, sizeof(what), "%s: field 'steps[%d]'", name, i);
	if (!cJSON_IsObject(s))
		return beter_err_set(err, BETER_DATAERR, _("%s: expected an object {\"min\", \"wat\", \"hoe\", \"effect\"}"),
				     what);
	for (const cJSON *f = s->child; f; f = f->next) {
		int known = 0;
		for (int k = 0; k < 4; k++)
			known |= !strcmp(f->string, keys[k]);
		if (!known)
			return beter_err_set(err, BETER_DATAERR, _("%s: unknown field '%s' (min, wat, hoe, effect)"), what,
					     f->string);
	}
	if (m && !cJSON_IsNull(m)) {
		if (!cJSON_IsNumber(m) || m->valuedouble != floor(m->valuedouble) || fabs(m->valuedouble) > 1e6)
			return beter_err_set(err, BETER_DATAERR, _("%s.min: expected a whole number of minutes"), what);
		snprintf(mins, sizeof(mins), "%d", (int)m->valuedouble);
	}
	for (int k = 0; k < 3; k++) {
		txt[k] = json_str(s, keys[k + 1], &bad);
		if (bad)
			return beter_err_set(err, BETER_DATAERR, _("%s.%s: expected a string"), what, keys[k + 1]);
	}
	snprintf(what, sizeof(what), "%s: field 'steps[%d]'", name, i);
	return design_in_step(d, mins, txt[0], txt[1], txt[2], what, err);
}

static int json_lists(const char *name, const cJSON *root, struct design_in *d, struct beter_err *err)
{
	const cJSON *v, *e;
	char what[300];
	int rc = 0, i = 0;

	if ((v = cJSON_GetObjectItemCaseSensitive(root, "dates")) && !cJSON_IsNull(v)) {
		if (!cJSON_IsArray(v))
			return beter_err_set(err, BETER_DATAERR, _("%s: field 'dates': expected an array of dates"), name);
		cJSON_ArrayForEach(e, v)
		{
			snprintf(what, sizeof(what), "%s: field 'dates[%d]'", name, i++);
			if (!cJSON_IsString(e))
				return beter_err_set(err, BETER_DATAERR, _("%s: expected a date (YYYY-MM-DD)"), what);
			if ((rc = design_in_day(d, e->valuestring, what, err)))
				return rc;
		}
	}
	i = 0;
	if ((v = cJSON_GetObjectItemCaseSensitive(root, "steps")) && !cJSON_IsNull(v)) {
		if (!cJSON_IsArray(v))
			return beter_err_set(err, BETER_DATAERR, _("%s: field 'steps': expected an array of steps"), name);
		cJSON_ArrayForEach(e, v)
		if ((rc = json_step(name, i++, e, d, err)))
			return rc;
	}
	i = 0;
	if ((v = cJSON_GetObjectItemCaseSensitive(root, "questions")) && !cJSON_IsNull(v)) {
		if (!cJSON_IsArray(v))
			return beter_err_set(err, BETER_DATAERR, _("%s: field 'questions': expected an array of strings"), name);
		cJSON_ArrayForEach(e, v)
		{
			snprintf(what, sizeof(what), "%s: field 'questions[%d]'", name, i++);
			if (!cJSON_IsString(e))
				return beter_err_set(err, BETER_DATAERR, _("%s: expected a string"), what);
			if ((rc = design_in_question(d, e->valuestring, what, err)))
				return rc;
		}
	}
	return 0;
}

int design_in_parse_json(const char *name, const char *text, size_t len, struct design_in *d, struct beter_err *err)
{
	static const char *const known[] = { "group",	  "subject", "dates", "doel",  "zichtbaar", "activiteiten",
					     "check",	  "als_dan", "steps", "questions" };
	cJSON *root;
	int rc = 0;

	memset(d, 0, sizeof(*d));
	if ((rc = jsonin_parse(name, text, len, &root, err)))
		return rc;
	if (!cJSON_IsObject(root)) {
		cJSON_Delete(root);
		return beter_err_set(err, BETER_DATAERR, _("%s: expected an object {\"doel\": ..., \"steps\": [...], ...}"),
				     name);
	}
	for (const cJSON *f = root->child; f && !rc; f = f->next) {
		size_t k = 0;
		while (k < N(known) && strcmp(f->string, known[k]))
			k++;
		if (k == N(known))
			rc = beter_err_set(err, BETER_DATAERR, _("%s: unknown field '%s' (group, subject, dates, doel, "
					   "zichtbaar, activiteiten, check, als_dan, steps, questions)"), name, f->string);
	}
	if (!rc)
		rc = json_string(name, root, "group", &d->group, 100, err);
	if (!rc)
		rc = json_string(name, root, "subject", &d->subject, 200, err);
	if (!rc)
		rc = json_string(name, root, "doel", &d->doel, 0, err);
	if (!rc)
		rc = json_string(name, root, "zichtbaar", &d->zichtbaar, 0, err);
	if (!rc)
		rc = json_string(name, root, "activiteiten", &d->activiteiten, 0, err);
	if (!rc)
		rc = json_string(name, root, "check", &d->check, 0, err);
	if (!rc)
		rc = json_string(name, root, "als_dan", &d->als_dan, 0, err);
	if (!rc)
		rc = json_lists(name, root, d, err);
	cJSON_Delete(root);
	if (rc)
		design_in_release(d);
	return rc;
}
