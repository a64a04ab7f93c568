/* survey.c - instruments, surveys and the import of form-tool exports. */
#include "beter/survey.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "beter/csvin.h"
#include "beter/date.h"
#include "beter/jsonin.h"
#include "beter/share.h"
#include "beter/store.h"
#include "beter/survey_columns.h"
#include "beter/survey_seal.h"
#include "beter/team.h"

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
	return beter_err_set(j->err, BETER_DATAERR, "%s: field '%s%s%s': %s", j->name, j->path, *j->path ? "." : "",
			     field, what);
}

/* A string member: required or optional (NULL when absent). */
static int jstr(struct jctx *j, const cJSON *obj, const char *field, int required, size_t max, char **out)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, field);
	*out = NULL;
	if (!v || cJSON_IsNull(v)) {
		if (required)
			return jfail(j, field, "missing (expected a string)");
		return 0;
	}
	if (!cJSON_IsString(v) || !v->valuestring)
		return jfail(j, field, "expected a string");
	if (required && !*v->valuestring)
		return jfail(j, field, "must not be empty");
	if (strlen(v->valuestring) > max)
		return jfail(j, field, "too long");
	if (!utf8_valid(v->valuestring, strlen(v->valuestring), NULL))
		return jfail(j, field, "not valid UTF-8");
	*out = xstrdup(v->valuestring);
	return 0;
}

static int jint(struct jctx *j, const cJSON *obj, const char *field, int required, int lo, int hi, int *out)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, field);
	char msg[96];
	if (!v) {
		if (required)
			return jfail(j, field, "missing (expected a number)");
		return 0;
	}
	if (!cJSON_IsNumber(v) || v->valuedouble != floor(v->valuedouble))
		return jfail(j, field, "expected a whole number");
	/* the range before any cast: a double outside int has no int value */
	if (!(v->valuedouble >= lo && v->valuedouble <= hi)) {
		snprintf(msg, sizeof(msg), "%.15g is outside %d-%d", v->valuedouble, lo, hi);
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
		return jfail(j, field, "expected true or false");
	*out = cJSON_IsTrue(v);
	return 0;
}

static const cJSON *jarray(struct jctx *j, const cJSON *obj, const char *field, int required, int *rc)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, field);
	*rc = 0;
	if (!v) {
		if (required)
			*rc = jfail(j, field, "missing (expected an array)");
		return NULL;
	}
	if (!cJSON_IsArray(v)) {
		*rc = jfail(j, field, "expected an array");
		return NULL;
	}
	if (required && cJSON_GetArraySize(v) == 0) {
		*rc = jfail(j, field, "must not be empty");
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
			return jfail(j, field, "expected an array of non-empty strings");
		(*out)[(*n)++] = xstrdup(e->valuestring);
	}
	return 0;
}

static int code_valid(const char *s)
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

static int parse_doc(struct jctx *j, const cJSON *root, struct survey_instrument *in)
{
	const cJSON *a, *e;
	int rc, i;
	char msg[256];

	if (!cJSON_IsObject(root))
		return beter_err_set(j->err, BETER_DATAERR, "%s: expected a JSON object (an instrument)", j->name);
	if ((rc = jstr(j, root, "id", 1, 64, &in->id)))
		return rc;
	if (!code_valid(in->id))
		return jfail(j, "id", "use 1-64 lowercase letters, digits, '-' or '_'");
	if ((rc = jstr(j, root, "title", 1, 200, &in->title)) || (rc = jstr(j, root, "kind", 1, 32, &in->kind)) ||
	    (rc = jstr(j, root, "audience", 0, 500, &in->audience)) ||
	    (rc = jstr(j, root, "description", 0, 4000, &in->description)) ||
	    (rc = jstr(j, root, "team_question", 0, 1000, &in->team_question)) ||
	    (rc = jstr(j, root, "rater_question", 0, 1000, &in->rater_question)))
		return rc;
	for (i = 0; instrument_kinds[i] && strcmp(instrument_kinds[i], in->kind); i++)
		;
	if (!instrument_kinds[i])
		return jfail(j, "kind", "use culture, thermometer, feedback360, barometer, lesson or other");
	in->min_n = strcmp(in->kind, "feedback360") ? 5 : 3;
	if ((rc = jint(j, root, "min_n", 0, SURVEY_MIN_N_FLOOR, 1000, &in->min_n)))
		return rc;

	if (!(a = jarray(j, root, "likert", 1, &rc)))
		return rc;
	in->likert = xcalloc((size_t)cJSON_GetArraySize(a), sizeof(*in->likert));
	cJSON_ArrayForEach(e, a)
	{
		struct survey_likert *l = &in->likert[in->nlikert];
		snprintf(j->path, sizeof(j->path), "likert[%d]", in->nlikert);
		in->nlikert++;
		if (!cJSON_IsObject(e))
			return jfail(j, "id", "expected an object");
		if ((rc = jstr(j, e, "id", 1, 64, &l->id)) || (rc = jint(j, e, "min", 1, 0, 200, &l->lo)) ||
		    (rc = jint(j, e, "max", 1, 1, 249, &l->hi)))
			return rc;
		if (l->hi <= l->lo || l->hi - l->lo > 100)
			return jfail(j, "max", "must be above min, at most 100 steps");
		if ((rc = jstrs(j, e, "labels", &l->labels, &l->nlabels)) ||
		    (rc = jstrs(j, e, "missing", &l->missing, &l->nmissing)))
			return rc;
		if (l->nlabels && l->nlabels != l->hi - l->lo + 1) {
			snprintf(msg, sizeof(msg), "expected %d labels (one for each value %d-%d), found %d",
				 l->hi - l->lo + 1, l->lo, l->hi, l->nlabels);
			return jfail(j, "labels", msg);
		}
		if (find_id(l->id, in->likert, sizeof(*l), in->nlikert - 1) >= 0)
			return jfail(j, "id", "used twice");
		l->label_len = xcalloc((size_t)l->nlabels + 1, sizeof(size_t));
		for (int k = 0; k < l->nlabels; k++)
			l->label_len[k] = strlen(l->labels[k]);
		l->missing_len = xcalloc((size_t)l->nmissing + 1, sizeof(size_t));
		for (int k = 0; k < l->nmissing; k++)
			l->missing_len[k] = strlen(l->missing[k]);
	}

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
			return jfail(j, "id", "expected an object");
		if ((rc = jstr(j, e, "id", 1, 64, &s->id)) || (rc = jstr(j, e, "title", 1, 200, &s->title)) ||
		    (rc = jstr(j, e, "group", 0, 200, &s->group)) || (rc = jstr(j, e, "likert", 1, 64, &lk)))
			return rc;
		s->likert = find_id(lk, in->likert, sizeof(*in->likert), in->nlikert);
		if (s->likert < 0) {
			snprintf(msg, sizeof(msg), "no likert scale '%.64s'", lk);
			free(lk);
			return jfail(j, "likert", msg);
		}
		free(lk);
		if (find_id(s->id, in->scales, sizeof(*s), in->nscales - 1) >= 0)
			return jfail(j, "id", "used twice");
	}

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
			return jfail(j, "id", "expected an object");
		if ((rc = jstr(j, e, "id", 1, 64, &it->id)) || (rc = jstr(j, e, "text", 1, 1000, &it->text)) ||
		    (rc = jstr(j, e, "type", 0, 16, &type)) || (rc = jbool(j, e, "reverse", &it->reverse))) {
			free(type);
			return rc;
		}
		if (find_id(it->id, in->items, sizeof(*it), in->nitems - 1) >= 0) {
			free(type);
			return jfail(j, "id", "used twice");
		}
		if (type && !strcmp(type, "text")) {
			free(type);
			it->scale = -1;
			continue;
		}
		if (type && strcmp(type, "likert")) {
			free(type);
			return jfail(j, "type", "use likert (default) or text");
		}
		free(type);
		if ((rc = jstr(j, e, "scale", 1, 64, &scale)))
			return rc;
		it->scale = find_id(scale, in->scales, sizeof(*in->scales), in->nscales);
		if (it->scale < 0) {
			snprintf(msg, sizeof(msg), "no scale '%.64s'", scale);
			free(scale);
			return jfail(j, "scale", msg);
		}
		free(scale);
		if (in->npacked == SURVEY_MAX_PACKED)
			return jfail(j, "id", "more than 255 Likert items");
		it->pos = ++in->npacked;
	}
	*j->path = '\0';
	for (i = 0; i < in->nscales; i++) {
		int used = 0;
		for (int k = 0; k < in->nitems; k++)
			used |= in->items[k].scale == i;
		if (!used) {
			snprintf(j->path, sizeof(j->path), "scales[%d]", i);
			return jfail(j, "id", "no item belongs to this scale");
		}
	}

	if ((a = jarray(j, root, "raters", 0, &rc))) {
		in->raters = xcalloc((size_t)cJSON_GetArraySize(a), sizeof(*in->raters));
		cJSON_ArrayForEach(e, a)
		{
			struct survey_rater *r = &in->raters[in->nraters];
			snprintf(j->path, sizeof(j->path), "raters[%d]", in->nraters);
			in->nraters++;
			if (!cJSON_IsObject(e))
				return jfail(j, "id", "expected an object");
			if ((rc = jstr(j, e, "id", 1, 64, &r->id)) || (rc = jstr(j, e, "label", 1, 200, &r->label)))
				return rc;
			if (find_id(r->id, in->raters, sizeof(*r), in->nraters - 1) >= 0)
				return jfail(j, "id", "used twice");
		}
	} else if (rc) {
		return rc;
	}
	*j->path = '\0';
	if (!strcmp(in->kind, "feedback360") && !in->nraters)
		return jfail(j, "raters", "a 360-degree feedback needs rater categories");
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

static int read_file(const char *path, char **out, size_t *len, struct beter_err *err)
{
	FILE *fp;
	struct strbuf sb = STRBUF_INIT;
	char buf[8192];
	size_t n;
	int rc;

	if ((rc = input_open(path, &fp, err)))
		return rc;
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0) {
		strbuf_add(&sb, buf, n);
		if (sb.len > INSTRUMENT_FILE_MAX)
			break;
	}
	int bad = ferror(fp);
	if (fp != stdin)
		fclose(fp);
	if (bad) {
		strbuf_release(&sb);
		return beter_err_set(err, BETER_IOERR, "cannot read '%s'", path);
	}
	if (sb.len > INSTRUMENT_FILE_MAX) {
		strbuf_release(&sb);
		return beter_err_set(err, BETER_DATAERR, "%s: larger than %d bytes", path, INSTRUMENT_FILE_MAX);
	}
	*len = sb.len;
	*out = sb.len ? strbuf_detach(&sb) : xstrdup("");
	return 0;
}

static int parse_file(const char *path, struct survey_instrument *in, struct beter_err *err)
{
	char *text;
	size_t len;
	int rc = read_file(path, &text, &len, err);
	if (rc)
		return rc;
	rc = survey_instrument_parse(path, text, len, in, err);
	free(text);
	return rc;
}

/* ---- instruments in the store ---- */

static int store_instrument(sqlite3 *db, const struct survey_instrument *in, int64_t *id, struct beter_err *err)
{
	sqlite3_stmt *st = NULL;
	char uid[33];
	int64_t *scale_ids = NULL;
	int rc;

	if ((rc = store_prepare(db, "INSERT INTO survey_instrument(uid, code, title, kind, min_n, definition) "
				    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", &st, err)))
		return rc;
	uid_new(uid);
	store_bind_text(st, 1, uid);
	store_bind_text(st, 2, in->id);
	store_bind_text(st, 3, in->title);
	store_bind_text(st, 4, in->kind);
	sqlite3_bind_int(st, 5, in->min_n);
	store_bind_text(st, 6, in->json);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(db, rc, err, "storing the instrument");
	*id = sqlite3_last_insert_rowid(db);

	scale_ids = xcalloc((size_t)in->nscales + 1, sizeof(*scale_ids));
	if ((rc = store_prepare(db, "INSERT INTO survey_scale(uid, instrument_id, pos, code, title, grp) "
				    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", &st, err)))
		goto out;
	for (int i = 0; i < in->nscales; i++) {
		uid_new(uid);
		sqlite3_reset(st);
		store_bind_text(st, 1, uid);
		sqlite3_bind_int64(st, 2, *id);
		sqlite3_bind_int(st, 3, i + 1);
		store_bind_text(st, 4, in->scales[i].id);
		store_bind_text(st, 5, in->scales[i].title);
		store_bind_text(st, 6, in->scales[i].group);
		if ((rc = sqlite3_step(st)) != SQLITE_DONE) {
			rc = store_fail(db, rc, err, "storing the instrument's scales");
			goto out;
		}
		scale_ids[i] = sqlite3_last_insert_rowid(db);
	}
	sqlite3_finalize(st);
	if ((rc = store_prepare(db, "INSERT INTO survey_item(uid, instrument_id, scale_id, seq, pos, code, text, kind, "
				    "lo, hi, reverse) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", &st, err)))
		goto out;
	for (int i = 0; i < in->nitems; i++) {
		const struct survey_item *it = &in->items[i];
		const struct survey_likert *l = survey_item_likert(in, i);
		uid_new(uid);
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
		store_bind_text(st, 1, uid);
		sqlite3_bind_int64(st, 2, *id);
		if (it->scale >= 0)
			sqlite3_bind_int64(st, 3, scale_ids[it->scale]);
		sqlite3_bind_int(st, 4, i + 1);
		if (it->pos)
			sqlite3_bind_int(st, 5, it->pos);
		store_bind_text(st, 6, it->id);
		store_bind_text(st, 7, it->text);
		store_bind_text(st, 8, l ? "likert" : "text");
		if (l) {
			sqlite3_bind_int(st, 9, l->lo);
			sqlite3_bind_int(st, 10, l->hi);
		}
		sqlite3_bind_int(st, 11, it->reverse);
		if ((rc = sqlite3_step(st)) != SQLITE_DONE) {
			rc = store_fail(db, rc, err, "storing the instrument's items");
			goto out;
		}
	}
	rc = 0;
out:
	sqlite3_finalize(st);
	free(scale_ids);
	return rc;
}

/* The stored definition of an instrument: 0, BETER_FAIL when absent. */
static int load_stored(sqlite3 *db, const char *code, struct survey_instrument *in, int64_t *id,
		       struct beter_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = store_prepare(db, "SELECT id, definition, code FROM survey_instrument WHERE code = ?1", &st, err)))
		return rc;
	store_bind_text(st, 1, code);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		char name[128];
		snprintf(name, sizeof(name), "instrument '%s' in the store", store_col_text(st, 2));
		*id = sqlite3_column_int64(st, 0);
		const char *def = store_col_text(st, 1);
		rc = survey_instrument_parse(name, def, strlen(def), in, err);
		sqlite3_finalize(st);
		return rc;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(db, rc, err, "reading the instrument");
	return BETER_FAIL;
}

int survey_instrument_get(sqlite3 *db, const char *code, int store_it, struct survey_instrument *in, int64_t *id,
			  struct beter_err *err)
{
	char path[4200];
	int rc;

	*id = 0;
	if ((rc = load_stored(db, code, in, id, err)) != BETER_FAIL)
		return rc;
	if (!code_valid(code))
		return beter_err_set(err, BETER_FAIL, "no instrument '%s' (see 'beter survey instrument list')", code);
	{
		char *p = share_path("instruments/%s.json", code);
		snprintf(path, sizeof(path), "%s", p);
		free(p);
	}
	if (access(path, R_OK) != 0)
		return beter_err_set(err, BETER_FAIL, "no instrument '%s' (see 'beter survey instrument list')", code);
	if ((rc = parse_file(path, in, err)))
		return rc;
	if (strcmp(in->id, code)) {
		rc = beter_err_set(err, BETER_DATAERR, "%s: its id is '%s', not '%s'", path, in->id, code);
		survey_instrument_release(in);
		return rc;
	}
	if (store_it && (rc = store_instrument(db, in, id, err)))
		survey_instrument_release(in);
	return rc;
}

int survey_instrument_import(sqlite3 *db, const char *path, int64_t *id, int *changed, struct beter_err *err)
{
	struct survey_instrument in, old;
	int64_t old_id = 0;
	int rc;

	*changed = 0;
	if ((rc = parse_file(path, &in, err)))
		return rc;
	rc = load_stored(db, in.id, &old, &old_id, err);
	if (rc == 0) {
		int same = !strcmp(old.json, in.json);
		survey_instrument_release(&old);
		if (same) {
			*id = old_id;
			goto done;
		}
		sqlite3_stmt *st;
		if ((rc = store_prepare(db, "SELECT count(*) FROM survey WHERE instrument_id = ?1", &st, err)))
			goto done;
		sqlite3_bind_int64(st, 1, old_id);
		int64_t used = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
		sqlite3_finalize(st);
		if (used) {
			rc = beter_err_set(err, BETER_DATAERR,
					   "%s: the instrument '%s' is already used by %lld survey(s) and differs from "
					   "this file; give the changed version a new id", path, in.id, (long long)used);
			goto done;
		}
		if ((rc = store_prepare(db, "DELETE FROM survey_instrument WHERE id = ?1", &st, err)))
			goto done;
		sqlite3_bind_int64(st, 1, old_id);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE) {
			rc = store_fail(db, rc, err, "replacing the instrument");
			goto done;
		}
	} else if (rc != BETER_FAIL) {
		goto done;
	}
	rc = store_instrument(db, &in, id, err);
	*changed = rc == 0;
done:
	survey_instrument_release(&in);
	return rc;
}

struct ilist_row {
	char *id, *title, *kind, *source;
	int scales, items, min_n;
};

static int ilist_cmp(const void *a, const void *b)
{
	return strcmp(((const struct ilist_row *)a)->id, ((const struct ilist_row *)b)->id);
}

static void ilist_add(struct ilist_row **rows, size_t *n, size_t *alloc, const struct survey_instrument *in,
		      const char *source)
{
	for (size_t i = 0; i < *n; i++)
		if (!strcmp((*rows)[i].id, in->id))
			return; /* the stored copy wins */
	if (*n == *alloc) {
		*alloc = *alloc ? *alloc * 2 : 16;
		*rows = xrealloc(*rows, *alloc * sizeof(**rows));
	}
	struct ilist_row *r = &(*rows)[(*n)++];
	r->id = xstrdup(in->id);
	r->title = xstrdup(in->title);
	r->kind = xstrdup(in->kind);
	r->source = xstrdup(source);
	r->scales = in->nscales;
	r->items = in->nitems;
	r->min_n = in->min_n;
}

int survey_instrument_list(sqlite3 *db, struct out *o, struct beter_err *err)
{
	static const struct out_col cols[] = {
		{ "id", OUT_T_TEXT },	 { "title", OUT_T_TEXT }, { "kind", OUT_T_TEXT },   { "scales", OUT_T_INT },
		{ "items", OUT_T_INT }, { "min_n", OUT_T_INT },	 { "source", OUT_T_TEXT },
	};
	struct ilist_row *rows = NULL;
	size_t n = 0, alloc = 0;
	sqlite3_stmt *st;
	char dir[4200];
	int rc;

	if ((rc = store_prepare(db, "SELECT code, definition FROM survey_instrument", &st, err)))
		return rc;
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct survey_instrument in;
		const char *def = store_col_text(st, 1);
		if (survey_instrument_parse(store_col_text(st, 0), def, strlen(def), &in, NULL) == 0) {
			ilist_add(&rows, &n, &alloc, &in, "store");
			survey_instrument_release(&in);
		}
	}
	sqlite3_finalize(st);
	{
		char *p = share_path("instruments");
		snprintf(dir, sizeof(dir), "%s", p);
		free(p);
	}
	DIR *d = opendir(dir);
	if (d) {
		struct dirent *de;
		while ((de = readdir(d))) {
			size_t len = strlen(de->d_name);
			char path[8400];
			struct survey_instrument in;
			if (len < 6 || strcmp(de->d_name + len - 5, ".json"))
				continue;
			snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
			if (parse_file(path, &in, NULL) == 0) {
				ilist_add(&rows, &n, &alloc, &in, "share");
				survey_instrument_release(&in);
			}
		}
		closedir(d);
	}
	qsort(rows, n, sizeof(*rows), ilist_cmp);
	out_list(o, cols, sizeof(cols) / sizeof(*cols));
	for (size_t i = 0; i < n; i++) {
		out_text(o, rows[i].id);
		out_text(o, rows[i].title);
		out_text(o, rows[i].kind);
		out_int(o, rows[i].scales);
		out_int(o, rows[i].items);
		out_int(o, rows[i].min_n);
		out_text(o, rows[i].source);
		out_row_end(o);
		free(rows[i].id);
		free(rows[i].title);
		free(rows[i].kind);
		free(rows[i].source);
	}
	out_end(o);
	free(rows);
	return 0;
}

static void join_strs(struct strbuf *sb, char **v, int n)
{
	strbuf_reset(sb);
	for (int i = 0; i < n; i++)
		strbuf_addf(sb, "%s%s", i ? "|" : "", v[i]);
}

int survey_instrument_show(sqlite3 *db, const char *code, struct out *o, struct beter_err *err)
{
	static const struct out_col all[] = {
		{ "id", OUT_T_TEXT },	      { "title", OUT_T_TEXT },	     { "kind", OUT_T_TEXT },
		{ "audience", OUT_T_TEXT },   { "min_n", OUT_T_INT },	     { "source", OUT_T_TEXT },
		{ "description", OUT_T_TEXT }, { "likert", OUT_T_TEXT },     { "min", OUT_T_INT },
		{ "max", OUT_T_INT },	      { "labels", OUT_T_TEXT },	     { "missing", OUT_T_TEXT },
		{ "scale", OUT_T_TEXT },      { "group", OUT_T_TEXT },	     { "items", OUT_T_INT },
		{ "item", OUT_T_TEXT },	      { "reverse", OUT_T_BOOL },     { "type", OUT_T_TEXT },
		{ "text", OUT_T_TEXT },	      { "rater", OUT_T_TEXT },	     { "label", OUT_T_TEXT },
	};
	const struct out_col head[] = { all[0], all[1], all[2], all[3], all[4], all[5], all[6] };
	const struct out_col lk[] = { all[7], all[8], all[9], all[10], all[11] };
	const struct out_col sc[] = { all[12], all[1], all[13], all[7], all[14] };
	const struct out_col it[] = { all[15], all[12], all[16], all[17], all[18] };
	const struct out_col ra[] = { all[19], all[20] };
	struct survey_instrument in;
	struct strbuf sb = STRBUF_INIT;
	int64_t id;
	int rc;

	if ((rc = survey_instrument_get(db, code, 0, &in, &id, err)))
		return rc;
	out_doc_begin(o, all, sizeof(all) / sizeof(*all));
	out_section(o, "instrument", "Instrument");
	out_record(o, head, sizeof(head) / sizeof(*head));
	out_text(o, in.id);
	out_text(o, in.title);
	out_text(o, in.kind);
	out_text(o, in.audience);
	out_int(o, in.min_n);
	out_text(o, id ? "store" : "share");
	out_text(o, in.description);
	out_end(o);
	out_section(o, "likert", "Likert scales");
	out_list(o, lk, sizeof(lk) / sizeof(*lk));
	for (int i = 0; i < in.nlikert; i++) {
		out_text(o, in.likert[i].id);
		out_int(o, in.likert[i].lo);
		out_int(o, in.likert[i].hi);
		join_strs(&sb, in.likert[i].labels, in.likert[i].nlabels);
		out_text_list(o, in.likert[i].nlabels ? strbuf_str(&sb) : NULL, '|');
		join_strs(&sb, in.likert[i].missing, in.likert[i].nmissing);
		out_text_list(o, in.likert[i].nmissing ? strbuf_str(&sb) : NULL, '|');
		out_row_end(o);
	}
	out_end(o);
	out_section(o, "scales", "Scales");
	out_list(o, sc, sizeof(sc) / sizeof(*sc));
	for (int i = 0; i < in.nscales; i++) {
		int n = 0;
		for (int k = 0; k < in.nitems; k++)
			n += in.items[k].scale == i;
		out_text(o, in.scales[i].id);
		out_text(o, in.scales[i].title);
		out_text(o, in.scales[i].group);
		out_text(o, in.likert[in.scales[i].likert].id);
		out_int(o, n);
		out_row_end(o);
	}
	out_end(o);
	out_section(o, "items", "Items");
	out_list(o, it, sizeof(it) / sizeof(*it));
	for (int i = 0; i < in.nitems; i++) {
		out_text(o, in.items[i].id);
		out_text(o, in.items[i].scale >= 0 ? in.scales[in.items[i].scale].id : NULL);
		out_bool(o, in.items[i].reverse);
		out_text(o, in.items[i].scale >= 0 ? "likert" : "text");
		out_text(o, in.items[i].text);
		out_row_end(o);
	}
	out_end(o);
	out_section(o, "raters", "Rater categories");
	out_list(o, ra, sizeof(ra) / sizeof(*ra));
	for (int i = 0; i < in.nraters; i++) {
		out_text(o, in.raters[i].id);
		out_text(o, in.raters[i].label);
		out_row_end(o);
	}
	out_end(o);
	out_doc_end(o);
	strbuf_release(&sb);
	survey_instrument_release(&in);
	return 0;
}

/* ---- surveys ---- */

int survey_add(sqlite3 *db, int64_t school, const struct survey_add_opts *o, int64_t *id, struct beter_err *err)
{
	struct survey_instrument in;
	int64_t iid, leader = 0;
	int opens = 0, closes = 0, rc;
	char d1[11], d2[11], today[11], uid[33];
	sqlite3_stmt *st;

	if (!o->wave || !*o->wave || strlen(o->wave) > 100 || !utf8_valid(o->wave, strlen(o->wave), NULL))
		return beter_err_set(err, BETER_DATAERR, "--wave: give the wave a name of 1-100 characters (e.g. 0-meting)");
	if ((o->opens && (rc = date_parse(o->opens, &opens, "--opens", err))) ||
	    (o->closes && (rc = date_parse(o->closes, &closes, "--closes", err))))
		return rc;
	if (o->opens && o->closes && closes < opens)
		return beter_err_set(err, BETER_DATAERR, "--closes: %s is before --opens %s", o->closes, o->opens);
	if ((rc = survey_instrument_get(db, o->instrument, 1, &in, &iid, err)))
		return rc;
	int sealed = !strcmp(in.kind, SURVEY_SEAL_KIND);
	survey_instrument_release(&in);
	if (o->leader && !sealed)
		return beter_err_set(err, BETER_USAGE, "--leader: '%s' is not a 360-degree feedback", o->instrument);
	if (sealed && (rc = survey_seal_pick_leader(db, school, o->leader, &leader, err)))
		return rc;
	if ((rc = store_prepare(db, "INSERT INTO survey(uid, school_id, instrument_id, team_id, wave, opens, closes, created, "
				    "leader_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", &st, err)))
		return rc;
	if (leader)
		sqlite3_bind_int64(st, 9, leader);
	uid_new(uid);
	date_format(opens, d1);
	date_format(closes, d2);
	date_format(date_today(), today);
	store_bind_text(st, 1, uid);
	sqlite3_bind_int64(st, 2, school);
	sqlite3_bind_int64(st, 3, iid);
	if (o->team)
		sqlite3_bind_int64(st, 4, o->team);
	store_bind_text(st, 5, o->wave);
	store_bind_text(st, 6, o->opens ? d1 : NULL);
	store_bind_text(st, 7, o->closes ? d2 : NULL);
	store_bind_text(st, 8, today);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if ((rc & 0xff) == SQLITE_CONSTRAINT)
		return beter_err_set(err, BETER_DATAERR, "--wave: '%s' already has a survey with the wave '%s' for %s "
				     "(see 'beter survey list')", o->instrument, o->wave, o->team ? "this team" : "the school");
	if (rc != SQLITE_DONE)
		return store_fail(db, rc, err, "adding the survey");
	*id = sqlite3_last_insert_rowid(db);
	return 0;
}

int survey_find(sqlite3 *db, int64_t school, int64_t number, struct beter_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = store_prepare(db, "SELECT 1 FROM survey WHERE id = ?1 AND school_id = ?2", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, number);
	sqlite3_bind_int64(st, 2, school);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 0;
	return beter_err_set(err, BETER_FAIL, "no survey with number %lld (see 'beter survey list')", (long long)number);
}

static const struct out_col survey_cols[] = {
	{ "id", OUT_T_INT },	 { "instrument", OUT_T_TEXT }, { "wave", OUT_T_TEXT },	    { "team", OUT_T_TEXT },
	{ "opens", OUT_T_TEXT }, { "closes", OUT_T_TEXT },     { "responses", OUT_T_INT }, { "title", OUT_T_TEXT },
	{ "kind", OUT_T_TEXT },	 { "min_n", OUT_T_INT },
};

static const char survey_sql[] =
	"SELECT s.id, i.code, s.wave, t.name, s.opens, s.closes, "
	"(SELECT count(*) FROM survey_response r WHERE r.survey_id = s.id), i.title, i.kind, i.min_n "
	"FROM survey s JOIN survey_instrument i ON i.id = s.instrument_id LEFT JOIN team t ON t.id = s.team_id ";

static void survey_row(struct out *o, sqlite3_stmt *st, int ncols)
{
	for (int i = 0; i < ncols; i++) {
		if (sqlite3_column_type(st, i) == SQLITE_NULL)
			out_null(o);
		else if (survey_cols[i].type == OUT_T_INT)
			out_int(o, sqlite3_column_int64(st, i));
		else
			out_text(o, store_col_text(st, i));
	}
}

int survey_list(sqlite3 *db, int64_t school, struct out *o, struct beter_err *err)
{
	struct strbuf sql = STRBUF_INIT;
	sqlite3_stmt *st;
	int rc;

	strbuf_addf(&sql, "%s WHERE s.school_id = ?1 ORDER BY s.id", survey_sql);
	rc = store_prepare(db, strbuf_str(&sql), &st, err);
	strbuf_release(&sql);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, school);
	out_list(o, survey_cols, 7);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		survey_row(o, st, 7);
		out_row_end(o);
	}
	out_end(o);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_fail(db, rc, err, "listing surveys");
}

int survey_show(sqlite3 *db, int64_t id, struct out *o, struct beter_err *err)
{
	struct strbuf sql = STRBUF_INIT;
	sqlite3_stmt *st;
	int rc;

	strbuf_addf(&sql, "%s WHERE s.id = ?1", survey_sql);
	rc = store_prepare(db, strbuf_str(&sql), &st, err);
	strbuf_release(&sql);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return beter_err_set(err, BETER_FAIL, "no survey with number %lld", (long long)id);
	}
	out_record(o, survey_cols, sizeof(survey_cols) / sizeof(*survey_cols));
	survey_row(o, st, sizeof(survey_cols) / sizeof(*survey_cols));
	out_end(o);
	sqlite3_finalize(st);
	return 0;
}

/* ---- answer cells ---- */

static int ieq_len(const char *a, size_t an, const char *b, size_t bn)
{
	if (an != bn)
		return 0;
	if (!memcmp(a, b, an))
		return 1;
	for (size_t i = 0; i < an; i++)
		if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[i]))
			return 0;
	return 1;
}

static int ieq_n(const char *a, size_t an, const char *b)
{
	size_t bn = strlen(b);
	if (an != bn)
		return 0;
	for (size_t i = 0; i < an; i++)
		if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[i]))
			return 0;
	return 1;
}

int survey_cell_value(const struct survey_likert *lk, const char *s, size_t len, int *value)
{
	while (len && isspace((unsigned char)*s))
		s++, len--;
	while (len && isspace((unsigned char)s[len - 1]))
		len--;
	if (!len)
		return SURVEY_CELL_NONE;
	if (len <= 6) {
		size_t i = 0;
		int neg = 0;
		long v = 0;
		if (s[0] == '-' || s[0] == '+')
			neg = s[0] == '-', i = 1;
		if (i < len) {
			for (; i < len && isdigit((unsigned char)s[i]); i++)
				v = v * 10 + (s[i] - '0');
			if (i == len) {
				*value = (int)(neg ? -v : v);
				return *value < lk->lo || *value > lk->hi ? SURVEY_CELL_RANGE : SURVEY_CELL_VALUE;
			}
		}
	}
	for (int i = 0; i < lk->nlabels; i++)
		if (ieq_len(s, len, lk->labels[i], lk->label_len ? lk->label_len[i] : strlen(lk->labels[i]))) {
			*value = lk->lo + i;
			return SURVEY_CELL_VALUE;
		}
	for (int i = 0; i < lk->nmissing; i++)
		if (ieq_len(s, len, lk->missing[i], lk->missing_len ? lk->missing_len[i] : strlen(lk->missing[i])))
			return SURVEY_CELL_NONE;
	return SURVEY_CELL_UNKNOWN;
}

/* ---- the respondent key ---- */

char *survey_key_path(void)
{
	struct strbuf sb = STRBUF_INIT;
	const char *env = getenv("BETER_KEY_FILE");

	if (env && *env)
		return xstrdup(env);
	env = getenv("XDG_CONFIG_HOME");
	if (env && *env) {
		strbuf_addf(&sb, "%s/beter/key", env);
	} else {
		const char *home = getenv("HOME");
		strbuf_addf(&sb, "%s/.config/beter/key", home && *home ? home : ".");
	}
	return strbuf_detach(&sb);
}

int survey_key_mkdirs(const char *path, struct beter_err *err)
{
	char *dir = xstrdup(path);
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			beter_err_set(err, BETER_IOERR, "cannot create directory '%s': %s", dir, strerror(errno));
			free(dir);
			return BETER_IOERR;
		}
		*p = '/';
	}
	free(dir);
	return 0;
}

int survey_key_load(const char *path, unsigned char key[32], struct beter_err *err)
{
	struct stat st;
	int fd, rc;

	if (sodium_init() < 0)
		return beter_err_set(err, BETER_IOERR, "cannot start the crypto library");
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 && errno == ENOENT) {
		if ((rc = survey_key_mkdirs(path, err)))
			return rc;
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd < 0)
			return beter_err_set(err, BETER_IOERR, "cannot create the key file '%s': %s", path, strerror(errno));
		randombytes_buf(key, 32);
		ssize_t w = write(fd, key, 32);
		if (w != 32 || close(fd) != 0) {
			unlink(path);
			sodium_memzero(key, 32);
			return beter_err_set(err, BETER_IOERR, "cannot write the key file '%s'", path);
		}
		return 0;
	}
	if (fd < 0)
		return beter_err_set(err, BETER_IOERR, "cannot read the key file '%s': %s", path, strerror(errno));
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size != 32) {
		close(fd);
		return beter_err_set(err, BETER_IOERR, "the key file '%s' must be a file of 32 bytes (move it away to "
				     "have a new one made; respondents then get new keys)", path);
	}
	if (st.st_mode & 077) {
		close(fd);
		return beter_err_set(err, BETER_IOERR, "the key file '%s' can be read by others; run chmod 600 '%s'", path,
				     path);
	}
	ssize_t r = read(fd, key, 32);
	close(fd);
	if (r != 32)
		return beter_err_set(err, BETER_IOERR, "cannot read the key file '%s'", path);
	return 0;
}

/* ---- import ---- */

/* Insert; returns the line of an earlier equal key, or 0. */
static long keyset_add(struct keyset *ks, const unsigned char key[32], long line)
{
	if ((ks->n + 1) * 2 > ks->cap) {
		struct keyset old = *ks;
		ks->cap = ks->cap ? ks->cap * 2 : 1024;
		ks->keys = xcalloc(ks->cap, 32);
		ks->lines = xcalloc(ks->cap, sizeof(long));
		ks->n = 0;
		for (size_t i = 0; i < old.cap; i++)
			if (old.lines[i])
				keyset_add(ks, old.keys[i], old.lines[i]);
		free(old.keys);
		free(old.lines);
	}
	size_t h;
	memcpy(&h, key, sizeof(h));
	for (size_t i = h & (ks->cap - 1);; i = (i + 1) & (ks->cap - 1)) {
		if (!ks->lines[i]) {
			memcpy(ks->keys[i], key, 32);
			ks->lines[i] = line;
			ks->n++;
			return 0;
		}
		if (!memcmp(ks->keys[i], key, 32))
			return ks->lines[i];
	}
}

static void hex(const unsigned char *b, size_t n, char *out)
{
	static const char d[] = "0123456789abcdef";
	for (size_t i = 0; i < n; i++) {
		out[2 * i] = d[b[i] >> 4];
		out[2 * i + 1] = d[b[i] & 15];
	}
	out[2 * n] = '\0';
}

static void trim_span(const char **s, size_t *len)
{
	while (*len && isspace((unsigned char)**s))
		(*s)++, (*len)--;
	while (*len && isspace((unsigned char)(*s)[*len - 1]))
		(*len)--;
}

static void imp_release(struct imp *m)
{
	sqlite3_finalize(m->ins);
	sqlite3_finalize(m->get);
	sqlite3_finalize(m->upd);
	sqlite3_finalize(m->tget);
	sqlite3_finalize(m->tins);
	sqlite3_finalize(m->tupd);
	sqlite3_finalize(m->tdel);
	survey_instrument_release(&m->in);
	free(m->item_ids);
	free(m->plan);
	free(m->seen.keys);
	free(m->seen.lines);
	for (size_t i = 0; i < m->teams.n; i++)
		free(m->teams.names[i]);
	free(m->teams.names);
	free(m->teams.ids);
	strbuf_release(&m->skips.names);
	strbuf_release(&m->idbuf);
	strbuf_release(&m->plain);
	sodium_memzero(m->key, sizeof(m->key));
}

static int imp_prepare(struct imp *m, struct beter_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = store_prepare(m->db, "SELECT s.school_id, s.team_id, s.uid, i.code FROM survey s "
				       "JOIN survey_instrument i ON i.id = s.instrument_id WHERE s.id = ?1", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, m->survey);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return beter_err_set(err, BETER_FAIL, "no survey with number %lld", (long long)m->survey);
	}
	m->school = sqlite3_column_int64(st, 0);
	m->team = sqlite3_column_int64(st, 1);
	snprintf(m->survey_uid, sizeof(m->survey_uid), "%s", store_col_text(st, 2));
	char *code = xstrdup(store_col_text(st, 3));
	sqlite3_finalize(st);
	rc = survey_instrument_get(m->db, code, 0, &m->in, &m->instrument, err);
	free(code);
	if (rc)
		return rc;
	m->item_ids = xcalloc((size_t)m->in.nitems + 1, sizeof(int64_t));
	if ((rc = store_prepare(m->db, "SELECT seq, id FROM survey_item WHERE instrument_id = ?1", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, m->instrument);
	while (sqlite3_step(st) == SQLITE_ROW) {
		int seq = sqlite3_column_int(st, 0);
		if (seq >= 1 && seq <= m->in.nitems)
			m->item_ids[seq - 1] = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	if ((rc = store_prepare(m->db, "INSERT INTO survey_response(uid, survey_id, team_id, rater, respondent, n_answers, "
				       "answers) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
				&m->ins, err)) ||
	    (rc = store_prepare(m->db, "SELECT id FROM survey_response WHERE uid = ?1", &m->get, err)) ||
	    (rc = store_prepare(m->db, "UPDATE survey_response SET team_id = ?2, rater = ?3, n_answers = ?4, answers = ?5 "
				       "WHERE id = ?1 AND (team_id IS NOT ?2 OR rater IS NOT ?3 OR answers IS NOT ?5)",
				&m->upd, err)) ||
	    /* insert, or else update: an upsert would use up a number of the
	     * AUTOINCREMENT sequence, and importing a file again must change nothing */
	    /* an earlier import's text is found by its response and item, not
	     * by its uid: stores hold texts under uids of an earlier derivation */
	    (rc = store_prepare(m->db, "SELECT 1 FROM survey_text WHERE response_id = ?1 AND item_id = ?2", &m->tget,
				err)) ||
	    (rc = store_prepare(m->db, "INSERT INTO survey_text(uid, response_id, item_id, text) VALUES (?1, ?2, ?3, ?4)",
				&m->tins, err)) ||
	    (rc = store_prepare(m->db, "UPDATE survey_text SET text = ?3 WHERE response_id = ?1 AND item_id = ?2 AND "
				       "text IS NOT ?3", &m->tupd, err)) ||
	    (rc = store_prepare(m->db, "DELETE FROM survey_text WHERE response_id = ?1 AND item_id = ?2", &m->tdel, err)))
		return rc;
	return 0;
}

/* A free text's uid: the first half of its response's (the survey's prefix
 * and, for anonymous rows, the row's position), then a hash of the response
 * and the item, so that the texts of one import append to the uid index as
 * the responses do instead of landing on pages all over a large store. */
static void text_uid(const char *response_uid, const char *item, char out[33])
{
	unsigned char h[8];
	crypto_generichash_state gs;
	crypto_generichash_init(&gs, NULL, 0, sizeof(h));
	crypto_generichash_update(&gs, (const unsigned char *)response_uid, strlen(response_uid) + 1);
	crypto_generichash_update(&gs, (const unsigned char *)item, strlen(item) + 1);
	crypto_generichash_final(&gs, h, sizeof(h));
	memcpy(out, response_uid, 16);
	hex(h, sizeof(h), out + 16);
}

/* A 360-degree feedback row: rater, answers and free texts as one sealed box. */
static unsigned char *seal_row(struct imp *m, struct csvin *r, const char *rater, const unsigned char *blob,
			       size_t *len)
{
	survey_seal_begin(&m->plain, rater, blob, m->in.npacked);
	for (size_t c = 0; c < m->ncols; c++) {
		if (m->plan[c].kind != COL_ITEM || m->in.items[m->plan[c].item].pos)
			continue;
		const char *s = csvin_field(r, c);
		size_t n = strlen(s);
		trim_span(&s, &n);
		if (n)
			survey_seal_add_text(&m->plain, m->plan[c].item, s, n);
	}
	return survey_seal_box(m->pk, &m->plain, len);
}

/* A row's free texts: stored, changed, or (empty now) removed. *changed is
 * set when a response that was there already changes. */
static int import_texts(struct imp *m, struct csvin *r, const char *uid, int64_t rid, int added, int *changed,
			struct beter_err *err)
{
	const struct survey_instrument *in = &m->in;
	int rc;

	for (size_t c = 0; c < m->ncols; c++) {
		if (m->plan[c].kind != COL_ITEM || in->items[m->plan[c].item].pos)
			continue;
		int item = m->plan[c].item, there = 0;
		const char *s = csvin_field(r, c);
		size_t len = strlen(s);
		trim_span(&s, &len);
		if (!added) {
			sqlite3_reset(m->tget);
			sqlite3_bind_int64(m->tget, 1, rid);
			sqlite3_bind_int64(m->tget, 2, m->item_ids[item]);
			rc = sqlite3_step(m->tget);
			if (rc != SQLITE_ROW && rc != SQLITE_DONE)
				return store_fail(m->db, rc, err, "finding a free-text answer");
			there = rc == SQLITE_ROW;
		}
		if (!len) {
			if (there) {
				sqlite3_reset(m->tdel);
				sqlite3_bind_int64(m->tdel, 1, rid);
				sqlite3_bind_int64(m->tdel, 2, m->item_ids[item]);
				if ((rc = sqlite3_step(m->tdel)) != SQLITE_DONE)
					return store_fail(m->db, rc, err, "removing a free-text answer");
				*changed = 1;
			}
			continue;
		}
		if (there) {
			sqlite3_reset(m->tupd);
			sqlite3_bind_int64(m->tupd, 1, rid);
			sqlite3_bind_int64(m->tupd, 2, m->item_ids[item]);
			sqlite3_bind_text(m->tupd, 3, s, (int)len, SQLITE_STATIC);
			if ((rc = sqlite3_step(m->tupd)) != SQLITE_DONE)
				return store_fail(m->db, rc, err, "storing a free-text answer");
			*changed |= sqlite3_changes(m->db) > 0;
			continue;
		}
		char tuid[33];
		text_uid(uid, in->items[item].id, tuid);
		sqlite3_reset(m->tins);
		store_bind_text(m->tins, 1, tuid);
		sqlite3_bind_int64(m->tins, 2, rid);
		sqlite3_bind_int64(m->tins, 3, m->item_ids[item]);
		sqlite3_bind_text(m->tins, 4, s, (int)len, SQLITE_STATIC);
		if ((rc = sqlite3_step(m->tins)) != SQLITE_DONE)
			return store_fail(m->db, rc, err, "storing a free-text answer");
		*changed |= !added;
	}
	return 0;
}

static int import_row(struct imp *m, struct csvin *r, long index, unsigned char *blob,
		      const struct survey_import_opts *o, struct survey_import_stats *st, struct beter_err *err)
{
	const struct survey_instrument *in = &m->in;
	unsigned char mac[32];
	char respondent[65], uid[33];
	int64_t team = m->team, rid;
	const char *rater = NULL;
	int n = 0, ntext = 0, rc, added = 0, changed = 0;

	memset(blob, 0, (size_t)in->npacked);
	for (size_t c = 0; c < m->ncols; c++) {
		const struct colplan *p = &m->plan[c];
		const char *s;
		size_t len;
		int v;
		if (p->kind != COL_ITEM)
			continue;
		const struct survey_item *it = &in->items[p->item];
		const struct survey_likert *lk = survey_item_likert(in, p->item);
		s = csvin_field(r, c);
		len = csvin_field_len(r, c);
		if (!lk) {
			trim_span(&s, &len);
			ntext += len > 0;
			continue;
		}
		switch (survey_cell_value(lk, s, len, &v)) {
		case SURVEY_CELL_NONE:
			break;
		case SURVEY_CELL_VALUE:
			blob[it->pos - 1] = survey_pack(lk->lo, v);
			n++;
			break;
		case SURVEY_CELL_RANGE:
			return csvin_error(r, c, "item '%s': %d is outside %d-%d", it->id, v, lk->lo, lk->hi);
		default: {
			struct strbuf sb = STRBUF_INIT;
			for (int i = 0; i < lk->nlabels && i < 3; i++)
				strbuf_addf(&sb, ", '%s'", lk->labels[i]);
			rc = csvin_error(r, c, "item '%s': unknown answer '%.60s' (use %d-%d%s%s)", it->id, s, lk->lo, lk->hi,
					 strbuf_str(&sb), lk->nlabels > 3 ? ", ..." : "");
			strbuf_release(&sb);
			return rc;
		}
		}
	}
	if (m->team_col >= 0) {
		const char *s = csvin_field(r, (size_t)m->team_col);
		size_t len = strlen(s);
		trim_span(&s, &len);
		team = 0;
		if (len) {
			char name[256];
			if (len >= sizeof(name))
				return csvin_error(r, (size_t)m->team_col, "team: name longer than 255 bytes");
			memcpy(name, s, len);
			name[len] = '\0';
			if ((rc = survey_team_lookup(m, r, (size_t)m->team_col, name, o, &team, err)))
				return rc == 1 ? 0 : rc; /* 1: skipped (--skip-unknown-team) */
		}
	}
	if (m->rater_col >= 0) {
		const char *s = csvin_field(r, (size_t)m->rater_col);
		size_t len = strlen(s);
		trim_span(&s, &len);
		for (int i = 0; i < in->nraters && !rater; i++)
			if (ieq_n(s, len, in->raters[i].id) || ieq_n(s, len, in->raters[i].label))
				rater = in->raters[i].id;
		if (!rater) {
			struct strbuf sb = STRBUF_INIT;
			for (int i = 0; i < in->nraters; i++)
				strbuf_addf(&sb, "%s%s", i ? ", " : "", in->raters[i].label);
			rc = csvin_error(r, (size_t)m->rater_col, "rater: %s '%.60s' (use %s)",
					 len ? "unknown rater category" : "missing", s, strbuf_str(&sb));
			strbuf_release(&sb);
			return rc;
		}
	}
	if (!n && !ntext) {
		st->empty++;
		return 0;
	}

	/* the response's identity */
	unsigned char h[16];
	crypto_generichash_state gs;
	/* sealed rows: keyed, or the uid would let one try every answer */
	crypto_generichash_init(&gs, m->sealed ? m->key : NULL, m->sealed ? sizeof(m->key) : 0, sizeof(h));
	crypto_generichash_update(&gs, (const unsigned char *)m->survey_uid, sizeof(m->survey_uid));
	if (m->keyed) {
		const char *s = csvin_field(r, (size_t)m->id_col);
		size_t len = strlen(s);
		trim_span(&s, &len);
		if (!len)
			return csvin_error(r, (size_t)m->id_col, "the respondent id is empty (every row needs one with "
					   "--id-column)");
		strbuf_reset(&m->idbuf);
		strbuf_add(&m->idbuf, s, len);
		str_lower(m->idbuf.buf);
		crypto_auth_hmacsha256(mac, (const unsigned char *)m->idbuf.buf, m->idbuf.len, m->key);
		long first = keyset_add(&m->seen, mac, csvin_line(r));
		if (first)
			return csvin_error(r, (size_t)m->id_col, "the same respondent as on line %ld", first);
		hex(mac, sizeof(mac), respondent);
		crypto_generichash_update(&gs, (const unsigned char *)"k", 1);
		crypto_generichash_update(&gs, mac, sizeof(mac));
	} else {
		unsigned char idx[8];
		for (int i = 0; i < 8; i++)
			idx[i] = (unsigned char)((unsigned long)index >> (8 * i));
		crypto_generichash_update(&gs, (const unsigned char *)"a", 1);
		crypto_generichash_update(&gs, idx, sizeof(idx));
		for (int i = 0; i < 8; i++)
			idx[i] = (unsigned char)((uint64_t)team >> (8 * i));
		crypto_generichash_update(&gs, idx, sizeof(idx));
		crypto_generichash_update(&gs, (const unsigned char *)(rater ? rater : ""), rater ? strlen(rater) + 1 : 1);
		crypto_generichash_update(&gs, blob, (size_t)in->npacked);
		for (size_t c = 0; c < m->ncols; c++) {
			if (m->plan[c].kind != COL_ITEM || in->items[m->plan[c].item].pos)
				continue;
			const char *s = csvin_field(r, c);
			size_t len = strlen(s);
			trim_span(&s, &len);
			crypto_generichash_update(&gs, (const unsigned char *)in->items[m->plan[c].item].id,
						  strlen(in->items[m->plan[c].item].id) + 1);
			crypto_generichash_update(&gs, (const unsigned char *)s, len);
			crypto_generichash_update(&gs, (const unsigned char *)"", 1);
		}
	}
	crypto_generichash_final(&gs, h, sizeof(h));
	/* the survey's prefix, then (anonymous rows) the row's position, then
	 * the hash: rows of one import land next to each other in the uid
	 * index, so that an import appends instead of touching pages all over
	 * a store that holds many waves */
	memcpy(uid, m->survey_uid, 8);
	if (m->keyed) {
		hex(h, 12, uid + 8);
	} else {
		snprintf(uid + 8, 9, "%08lx", (unsigned long)index & 0xffffffffUL);
		hex(h, 8, uid + 16);
	}

	/* look first: a conflicting insert would still advance the AUTOINCREMENT counter */
	rc = SQLITE_DONE;
	if (!m->fresh) {
		sqlite3_reset(m->get);
		store_bind_text(m->get, 1, uid);
		rc = sqlite3_step(m->get);
	}
	if (rc == SQLITE_ROW) {
		rid = sqlite3_column_int64(m->get, 0);
		if (m->keyed) {
			sqlite3_reset(m->upd);
			sqlite3_bind_int64(m->upd, 1, rid);
			if (team)
				sqlite3_bind_int64(m->upd, 2, team);
			else
				sqlite3_bind_null(m->upd, 2);
			store_bind_text(m->upd, 3, rater);
			sqlite3_bind_int(m->upd, 4, n);
			sqlite3_bind_blob(m->upd, 5, blob, in->npacked, SQLITE_STATIC);
			if ((rc = sqlite3_step(m->upd)) != SQLITE_DONE)
				return store_fail(m->db, rc, err, "updating a response");
			changed = sqlite3_changes(m->db) > 0;
		}
	} else if (rc != SQLITE_DONE) {
		return store_fail(m->db, rc, err, "finding a response");
	} else {
		sqlite3_reset(m->ins);
		store_bind_text(m->ins, 1, uid);
		sqlite3_bind_int64(m->ins, 2, m->survey);
		if (team)
			sqlite3_bind_int64(m->ins, 3, team);
		else
			sqlite3_bind_null(m->ins, 3);
		store_bind_text(m->ins, 4, m->sealed ? NULL : rater);
		store_bind_text(m->ins, 5, m->keyed ? respondent : NULL);
		sqlite3_bind_int(m->ins, 6, m->sealed ? 0 : n); /* sealed: not even how many were answered */
		if (m->sealed) {
			size_t boxlen;
			unsigned char *box = seal_row(m, r, rater, blob, &boxlen);
			sqlite3_bind_blob(m->ins, 7, box, (int)boxlen, free);
		} else {
			sqlite3_bind_blob(m->ins, 7, blob, in->npacked, SQLITE_STATIC);
		}
		if ((rc = sqlite3_step(m->ins)) != SQLITE_DONE)
			return store_fail(m->db, rc, err, "storing a response");
		rid = sqlite3_last_insert_rowid(m->db);
		added = 1;
	}
	if (!m->sealed && (rc = import_texts(m, r, uid, rid, added, &changed, err)))
		return rc;
	if (added)
		st->added++;
	else if (changed)
		st->changed++;
	else
		st->unchanged++;
	return 0;
}

int survey_import(sqlite3 *db, int64_t survey, const char *path, const struct survey_import_opts *o,
		  struct survey_import_stats *st, struct strbuf *notes, struct beter_err *err)
{
	struct imp m;
	struct csvin r;
	unsigned char *blob = NULL;
	int rc;
	int r_open = 0;

	memset(st, 0, sizeof(*st));
	memset(&m, 0, sizeof(m));
	m.db = db;
	m.survey = survey;
	if (sodium_init() < 0)
		return beter_err_set(err, BETER_IOERR, "cannot start the crypto library");
	if ((rc = imp_prepare(&m, err)))
		goto out;
	if ((rc = csvin_open(&r, path, err)))
		goto out;
	r_open = 1;
	if ((rc = csvin_read(&r)) <= 0) {
		rc = rc == 0 ? beter_err_set(err, BETER_DATAERR, "%s: the file is empty", r.name) : err->status;
		goto out;
	}
	if ((rc = survey_plan_columns(&m, &r, o, notes, err)))
		goto out;
	for (size_t c = 0; c < m.ncols; c++)
		st->matched += m.plan[c].kind == COL_ITEM;
	if ((m.sealed = !strcmp(m.in.kind, SURVEY_SEAL_KIND))) {
		char code[16];
		int64_t leader;
		if (o->id_column) {
			rc = beter_err_set(err, BETER_USAGE, "--id-column: a 360-degree feedback is anonymous; import it "
					   "without --id-column");
			goto out;
		}
		if ((rc = survey_seal_leader(db, survey, &leader, code, m.pk, err)))
			goto out;
	}
	if (o->id_column || m.sealed) {
		char *kp = o->key_path ? xstrdup(o->key_path) : survey_key_path();
		rc = survey_key_load(kp, m.key, err);
		free(kp);
		if (rc)
			goto out;
		m.keyed = st->keyed = !m.sealed;
	}
	{
		/* anonymous and keyed rows of one export would count respondents twice */
		sqlite3_stmt *q;
		if ((rc = store_prepare(db, "SELECT count(*) FROM survey_response WHERE survey_id = ?1 AND "
					    "(respondent IS NULL) = ?2", &q, err)))
			goto out;
		sqlite3_bind_int64(q, 1, survey);
		sqlite3_bind_int(q, 2, m.keyed);
		int64_t other = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
		sqlite3_finalize(q);
		if ((rc = store_prepare(db, "SELECT NOT EXISTS (SELECT 1 FROM survey_response WHERE survey_id = ?1)", &q,
					err)))
			goto out;
		sqlite3_bind_int64(q, 1, survey);
		m.fresh = sqlite3_step(q) == SQLITE_ROW && sqlite3_column_int(q, 0);
		sqlite3_finalize(q);
		if (other) {
			rc = beter_err_set(err, BETER_DATAERR, "survey %lld already holds %s responses; import %s --id-column "
					   "as before", (long long)survey, m.keyed ? "anonymous" : "keyed",
					   m.keyed ? "without" : "with");
			goto out;
		}
	}
	r.width = (int)m.ncols;
	blob = xmalloc((size_t)m.in.npacked + 1);
	long index = 0;
	while ((rc = csvin_read(&r)) == 1) {
		st->rows++;
		if ((rc = import_row(&m, &r, index++, blob, o, st, err)))
			goto out;
	}
	st->skipped = m.skips.rows;
	survey_team_skips_note(&m, r.name, o, notes);
	rc = rc < 0 ? err->status : 0;
	if (!rc && st->rows == 0)
		rc = beter_err_set(err, BETER_DATAERR, "%s: no responses after the header", r.name);
out:
	free(blob);
	if (r_open)
		csvin_close(&r);
	imp_release(&m);
	return rc;
}
