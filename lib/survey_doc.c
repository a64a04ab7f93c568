/* survey_doc.c - instrument documents: the JSON that defines a survey's
 * instrument (Likert scales, scales, items, rater categories), parsed and checked. */
#include "beter/i18n.h"
#include "beter/survey.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "beter/jsonin.h"
#include "beter/share.h"
#include "survey_int.h"

static const char *const instrument_kinds[] = { "culture", "thermometer", "feedback360", "barometer", "lesson",
						"other", NULL };

#define INSTRUMENT_FILE_MAX (1024 * 1024)

/* ---- instrument documents ---- */

static void free_strs(char **v, int n)
{
	for (int i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void survey_instrument_release(struct survey_instrument *in)
{
	if (!in)
		return;
	free(in->id);
	free(in->title);
	free(in->kind);
	free(in->audience);
	free(in->description);
	free(in->team_question);
	free(in->rater_question);
	for (int i = 0; i < in->nlikert; i++) {
		free(in->likert[i].id);
		free_strs(in->likert[i].labels, in->likert[i].nlabels);
		free_strs(in->likert[i].missing, in->likert[i].nmissing);
		free(in->likert[i].label_len);
		free(in->likert[i].missing_len);
	}
	free(in->likert);
	for (int i = 0; i < in->nscales; i++) {
		free(in->scales[i].id);
		free(in->scales[i].title);
		free(in->scales[i].group);
	}
	free(in->scales);
	for (int i = 0; i < in->nitems; i++) {
		free(in->items[i].id);
		free(in->items[i].text);
	}
	free(in->items);
	for (int i = 0; i < in->nraters; i++) {
		free(in->raters[i].id);
		free(in->raters[i].label);
	}
	free(in->raters);
	free(in->json);
	memset(in, 0, sizeof(*in));
}

const struct survey_likert *survey_item_likert(const struct survey_instrument *in, int item)
{
	int s = in->items[item].scale;
	return s < 0 ? NULL : &in->likert[in->scales[s].likert];
}

struct jctx {
	const char *name;
	struct beter_err *err;
	char path[128];
};

static int jfail(struct jctx *j, const char *field, const char *what)
{
	return beter_err_set(j->err, BETER_DATAERR, _("%s: field '%s%s%s': %s"), j->name, j->path, *j->path ? "." : "",
			     field, what);
}

/* A string member: required or optional (NULL when absent). */
static int jstr(struct jctx *j, const cJSON *obj, const char *field, int required, size_t max, char **out)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, field);
	*out = NULL;
	if (!v || cJSON_IsNull(v)) {
		if (required)
			return jfail(j, field, _("missing (expected a string)"));
		return 0;
	}
	if (!cJSON_IsString(v) || !v->valuestring)
		return jfail(j, field, _("expected a string"));
	if (required && !*v->valuestring)
		return jfail(j, field, _("must not be empty"));
	if (strlen(v->valuestring) > max)
		return jfail(j, field, _("too long"));
	if (!utf8_valid(v->valuestring, strlen(v->valuestring), NULL))
		return jfail(j, field, _("not valid UTF-8"));
	*out = xstrdup(v->valuestring);
	return 0;
}

static int jint(struct jctx *j, const cJSON *obj, const char *field, int required, int lo, int hi, int *out)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, field);
	char msg[96];
	if (!v) {
		if (required)
			return jfail(j, field, _("missing (expected a number)"));
		return 0;
	}
	if (!cJSON_IsNumber(v) || v->valuedouble != floor(v->valuedouble))
		return jfail(j, field, _("expected a whole number"));
	/* the range before any cast: a double outside int has no int value */
	if (!(v->valuedouble >= lo && v->valuedouble <= hi)) {
		snprintf(msg, sizeof(msg), _("%.15g is outside %d-%d"), v->valuedouble, lo, hi);
		return jfail(j, field, msg);
	}
	*out = (int)v->valuedouble;
	return 0;
}

static int jbool(struct jctx *j, const cJSON *obj, const char *field, int *out)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, field);
	*out = 0;
	if (!v)
		return 0;
	if (!cJSON_IsBool(v))
		return jfail(j, field, _("expected true or false"));
	*out = cJSON_IsTrue(v);
	return 0;
}

static const cJSON *jarray(struct jctx *j, const cJSON *obj, const char *field, int required, int *rc)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, field);
	*rc = 0;
	if (!v) {
		if (required)
			*rc = jfail(j, field, _("missing (expected an array)"));
		return NULL;
	}
	if (!cJSON_IsArray(v)) {
		*rc = jfail(j, field, _("expected an array"));
		return NULL;
	}
	if (required && cJSON_GetArraySize(v) == 0) {
		*rc = jfail(j, field, _("must not be empty"));
		return NULL;
	}
	return v;
}

static int jstrs(struct jctx *j, const cJSON *obj, const char *field, char ***out, int *n)
{
	int rc;
	const cJSON *a = jarray(j, obj, field, 0, &rc), *e;
	*out = NULL;
	*n = 0;
	if (!a)
		return rc;
	*out = xcalloc((size_t)cJSON_GetArraySize(a) + 1, sizeof(char *));
	cJSON_ArrayForEach(e, a)
	{
		if (!cJSON_IsString(e) || !*e->valuestring || !utf8_valid(e->valuestring, strlen(e->valuestring), NULL))
			return jfail(j, field, _("expected an array of non-empty strings"));
		(*out)[(*n)++] = xstrdup(e->valuestring);
	}
	return 0;
}

int survey_code_valid(const char *s)
{
	size_t n = strlen(s);
	if (n < 1 || n > 64)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!islower((unsigned char)s[i]) && !isdigit((unsigned char)s[i]) && s[i] != '-' && s[i] != '_')
			return 0;
	return 1;
}

static int find_id(const char *id, const void *base, size_t stride, int n)
{
	for (int i = 0; i < n; i++) {
		const char *const *p = (const char *const *)((const char *)base + stride * (size_t)i);
		if (*p && !strcmp(*p, id))
			return i;
	}
	return -1;
}

/* The instrument's id, title, kind and other fields of its own. */
static int parse_head(struct jctx *j, const cJSON *root, struct survey_instrument *in)
{
	int rc, i;

	if (!cJSON_IsObject(root))
		return beter_err_set(j->err, BETER_DATAERR, _("%s: expected a JSON object (an instrument)"), j->name);
	if ((rc = jstr(j, root, "id", 1, 64, &in->id)))
		return rc;
	if (!survey_code_valid(in->id))
		return jfail(j, "id", _("use 1-64 lowercase letters, digits, '-' or '_'"));
	if ((rc = jstr(j, root, "title", 1, 200, &in->title)) || (rc = jstr(j, root, "kind", 1, 32, &in->kind)) ||
	    (rc = jstr(j, root, "audience", 0, 500, &in->audience)) ||
	    (rc = jstr(j, root, "description", 0, 4000, &in->description)) ||
	    (rc = jstr(j, root, "team_question", 0, 1000, &in->team_question)) ||
	    (rc = jstr(j, root, "rater_question", 0, 1000, &in->rater_question)))
		return rc;
	for (i = 0; instrument_kinds[i] && strcmp(instrument_kinds[i], in->kind); i++)
		;
	if (!instrument_kinds[i])
		return jfail(j, "kind", _("use culture, thermometer, feedback360, barometer, lesson or other"));
	in->min_n = strcmp(in->kind, "feedback360") ? 5 : 3;
	if ((rc = jint(j, root, "min_n", 0, SURVEY_MIN_N_FLOOR, 1000, &in->min_n)))
		return rc;
	return 0;
}

/* "likert": the answer scales, with their labels. */
static int parse_likerts(struct jctx *j, const cJSON *root, struct survey_instrument *in)
{
	const cJSON *a, *e;
	int rc;
	char msg[256];

	if (!(a = jarray(j, root, "likert", 1, &rc)))
		return rc;
	in->likert = xcalloc((size_t)cJSON_GetArraySize(a), sizeof(*in->likert));
	cJSON_ArrayForEach(e, a)
	{
		struct survey_likert *l = &in->likert[in->nlikert];
		snprintf(j->path, sizeof(j->path), "likert[%d]", in->nlikert);
		in->nlikert++;
		if (!cJSON_IsObject(e))
			return jfail(j, "id", _("expected an object"));
		if ((rc = jstr(j, e, "id", 1, 64, &l->id)) || (rc = jint(j, e, "min", 1, 0, 200, &l->lo)) ||
		    (rc = jint(j, e, "max", 1, 1, 249, &l->hi)))
			return rc;
		if (l->hi <= l->lo || l->hi - l->lo > 100)
			return jfail(j, "max", _("must be above min, at most 100 steps"));
		if ((rc = jstrs(j, e, "labels", &l->labels, &l->nlabels)) ||
		    (rc = jstrs(j, e, "missing", &l->missing, &l->nmissing)))
			return rc;
		if (l->nlabels && l->nlabels != l->hi - l->lo + 1) {
			snprintf(msg, sizeof(msg), _("expected %d labels (one for each value %d-%d), found %d"),
				 l->hi - l->lo + 1, l->lo, l->hi, l->nlabels);
			return jfail(j, "labels", msg);
		}
		if (find_id(l->id, in->likert, sizeof(*l), in->nlikert - 1) >= 0)
			return jfail(j, "id", _("used twice"));
		l->label_len = xcalloc((size_t)l->nlabels + 1, sizeof(size_t));
		for (int k = 0; k < l->nlabels; k++)
			l->label_len[k] = strlen(l->labels[k]);
		l->missing_len = xcalloc((size_t)l->nmissing + 1, sizeof(size_t));
		for (int k = 0; k < l->nmissing; k++)
			l->missing_len[k] = strlen(l->missing[k]);
	}
	return 0;
}

/* "scales": the scales that items belong to. */
static int parse_scales(struct jctx *j, const cJSON *root, struct survey_instrument *in)
{
	const cJSON *a, *e;
	int rc;
	char msg[256];

	if (!(a = jarray(j, root, "scales", 1, &rc)))
		return rc;
	in->scales = xcalloc((size_t)cJSON_GetArraySize(a), sizeof(*in->scales));
	cJSON_ArrayForEach(e, a)
	{
		struct survey_scale *s = &in->scales[in->nscales];
		char *lk = NULL;
		snprintf(j->path, sizeof(j->path), "scales[%d]", in->nscales);
		in->nscales++;
		if (!cJSON_IsObject(e))
			return jfail(j, "id", _("expected an object"));
		if ((rc = jstr(j, e, "id", 1, 64, &s->id)) || (rc = jstr(j, e, "title", 1, 200, &s->title)) ||
		    (rc = jstr(j, e, "group", 0, 200, &s->group)) || (rc = jstr(j, e, "likert", 1, 64, &lk)))
			return rc;
		s->likert = find_id(lk, in->likert, sizeof(*in->likert), in->nlikert);
		if (s->likert < 0) {
			snprintf(msg, sizeof(msg), _("no likert scale '%.64s'"), lk);
			free(lk);
			return jfail(j, "likert", msg);
		}
		free(lk);
		if (find_id(s->id, in->scales, sizeof(*s), in->nscales - 1) >= 0)
			return jfail(j, "id", _("used twice"));
	}
	return 0;
}

/* "items", and every scale has one. */
static int parse_items(struct jctx *j, const cJSON *root, struct survey_instrument *in)
{
	const cJSON *a, *e;
	int rc, i;
	char msg[256];

	if (!(a = jarray(j, root, "items", 1, &rc)))
		return rc;
	in->items = xcalloc((size_t)cJSON_GetArraySize(a), sizeof(*in->items));
	cJSON_ArrayForEach(e, a)
	{
		struct survey_item *it = &in->items[in->nitems];
		char *type = NULL, *scale = NULL;
		snprintf(j->path, sizeof(j->path), "items[%d]", in->nitems);
		in->nitems++;
		if (!cJSON_IsObject(e))
			return jfail(j, "id", _("expected an object"));
		if ((rc = jstr(j, e, "id", 1, 64, &it->id)) || (rc = jstr(j, e, "text", 1, 1000, &it->text)) ||
		    (rc = jstr(j, e, "type", 0, 16, &type)) || (rc = jbool(j, e, "reverse", &it->reverse))) {
			free(type);
			return rc;
		}
		if (find_id(it->id, in->items, sizeof(*it), in->nitems - 1) >= 0) {
			free(type);
			return jfail(j, "id", _("used twice"));
		}
		if (type && !strcmp(type, "text")) {
			free(type);
			it->scale = -1;
			continue;
		}
		if (type && strcmp(type, "likert")) {
			free(type);
			return jfail(j, "type", _("use likert (default) or text"));
		}
		free(type);
		if ((rc = jstr(j, e, "scale", 1, 64, &scale)))
			return rc;
		it->scale = find_id(scale, in->scales, sizeof(*in->scales), in->nscales);
		if (it->scale < 0) {
			snprintf(msg, sizeof(msg), _("no scale '%.64s'"), scale);
			free(scale);
			return jfail(j, "scale", msg);
		}
		free(scale);
		if (in->npacked == SURVEY_MAX_PACKED)
			return jfail(j, "id", _("more than 255 Likert items"));
		it->pos = ++in->npacked;
	}
	*j->path = '\0';
	for (i = 0; i < in->nscales; i++) {
		int used = 0;
		for (int k = 0; k < in->nitems; k++)
			used |= in->items[k].scale == i;
		if (!used) {
			snprintf(j->path, sizeof(j->path), "scales[%d]", i);
			return jfail(j, "id", _("no item belongs to this scale"));
		}
	}
	return 0;
}

/* "raters": the rater categories of a 360-degree feedback. */
static int parse_raters(struct jctx *j, const cJSON *root, struct survey_instrument *in)
{
	const cJSON *a, *e;
	int rc;

	if ((a = jarray(j, root, "raters", 0, &rc))) {
		in->raters = xcalloc((size_t)cJSON_GetArraySize(a), sizeof(*in->raters));
		cJSON_ArrayForEach(e, a)
		{
			struct survey_rater *r = &in->raters[in->nraters];
			snprintf(j->path, sizeof(j->path), "raters[%d]", in->nraters);
			in->nraters++;
			if (!cJSON_IsObject(e))
				return jfail(j, "id", _("expected an object"));
			if ((rc = jstr(j, e, "id", 1, 64, &r->id)) || (rc = jstr(j, e, "label", 1, 200, &r->label)))
				return rc;
			if (find_id(r->id, in->raters, sizeof(*r), in->nraters - 1) >= 0)
				return jfail(j, "id", _("used twice"));
		}
	} else if (rc) {
		return rc;
	}
	*j->path = '\0';
	if (!strcmp(in->kind, "feedback360") && !in->nraters)
		return jfail(j, "raters", _("a 360-degree feedback needs rater categories"));
	return 0;
}

static int parse_doc(struct jctx *j, const cJSON *root, struct survey_instrument *in)
{
	int rc;

	if ((rc = parse_head(j, root, in)) || (rc = parse_likerts(j, root, in)) || (rc = parse_scales(j, root, in)) ||
	    (rc = parse_items(j, root, in)) || (rc = parse_raters(j, root, in)))
		return rc;
	return 0;
}

int survey_instrument_parse(const char *name, const char *text, size_t len, struct survey_instrument *in,
			    struct beter_err *err)
{
	struct jctx j = { name, err, "" };
	cJSON *root;
	int rc;

	memset(in, 0, sizeof(*in));
	if ((rc = jsonin_parse(name, text, len, &root, err)))
		return rc;
	rc = parse_doc(&j, root, in);
	if (!rc) {
		char *s = cJSON_PrintUnformatted(root);
		in->json = xstrdup(s);
		cJSON_free(s);
	}
	cJSON_Delete(root);
	if (rc)
		survey_instrument_release(in);
	return rc;
}

int survey_instrument_parse_file(const char *path, struct survey_instrument *in, struct beter_err *err)
{
	char *text;
	size_t len;
	int rc = share_read_file(path, INSTRUMENT_FILE_MAX, &text, &len, err);
	if (rc)
		return rc;
	rc = survey_instrument_parse(path, text, len, in, err);
	free(text);
	return rc;
}
