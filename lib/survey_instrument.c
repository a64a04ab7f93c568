/* survey_instrument.c - instruments in the store: stored from their
 * documents, loaded, listed and shown. */
#include "beter/survey.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "beter/share.h"
#include "beter/store.h"
#include "survey_int.h"
#include "beter/i18n.h"

/* ---- instruments in the store ---- */

static int store_instrument(struct store *db, const struct survey_instrument *in, int64_t *id, struct beter_err *err)
{
	struct store_stmt *st = NULL;
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
	store_bind_int(st, 5, in->min_n);
	store_bind_text(st, 6, in->json);
	rc = store_step(st);
	store_finalize(st);
	if (rc != STORE_DONE)
		return store_fail(db, rc, err, N_("storing the instrument"));
	*id = store_last_id(db);

	scale_ids = xcalloc((size_t)in->nscales + 1, sizeof(*scale_ids));
	if ((rc = store_prepare(db, "INSERT INTO survey_scale(uid, instrument_id, pos, code, title, grp) "
				    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", &st, err)))
		goto out;
	for (int i = 0; i < in->nscales; i++) {
		uid_new(uid);
		store_reset(st);
		store_bind_text(st, 1, uid);
		store_bind_int(st, 2, *id);
		store_bind_int(st, 3, i + 1);
		store_bind_text(st, 4, in->scales[i].id);
		store_bind_text(st, 5, in->scales[i].title);
		store_bind_text(st, 6, in->scales[i].group);
		if ((rc = store_step(st)) != STORE_DONE) {
			rc = store_fail(db, rc, err, N_("storing the instrument's scales"));
			goto out;
		}
		scale_ids[i] = store_last_id(db);
	}
	store_finalize(st);
	if ((rc = store_prepare(db, "INSERT INTO survey_item(uid, instrument_id, scale_id, seq, pos, code, text, kind, "
				    "lo, hi, reverse) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", &st, err)))
		goto out;
	for (int i = 0; i < in->nitems; i++) {
		const struct survey_item *it = &in->items[i];
		const struct survey_likert *l = survey_item_likert(in, i);
		uid_new(uid);
		store_reset(st);
		store_clear(st);
		store_bind_text(st, 1, uid);
		store_bind_int(st, 2, *id);
		if (it->scale >= 0)
			store_bind_int(st, 3, scale_ids[it->scale]);
		store_bind_int(st, 4, i + 1);
		if (it->pos)
			store_bind_int(st, 5, it->pos);
		store_bind_text(st, 6, it->id);
		store_bind_text(st, 7, it->text);
		store_bind_text(st, 8, l ? "likert" : "text");
		if (l) {
			store_bind_int(st, 9, l->lo);
			store_bind_int(st, 10, l->hi);
		}
		store_bind_int(st, 11, it->reverse);
		if ((rc = store_step(st)) != STORE_DONE) {
			rc = store_fail(db, rc, err, N_("storing the instrument's items"));
			goto out;
		}
	}
	rc = 0;
out:
	store_finalize(st);
	free(scale_ids);
	return rc;
}

/* The stored definition of an instrument: 0, BETER_FAIL when absent. */
static int load_stored(struct store *db, const char *code, struct survey_instrument *in, int64_t *id,
		       struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(db, "SELECT id, definition, code FROM survey_instrument WHERE "
				    "lower(code) = lower(?1)", &st, err)))
		return rc;
	store_bind_text(st, 1, code);
	rc = store_step(st);
	if (rc == STORE_ROW) {
		char name[128];
		snprintf(name, sizeof(name), "instrument '%s' in the store", store_col_text(st, 2));
		*id = store_col_int(st, 0);
		const char *def = store_col_text(st, 1);
		rc = survey_instrument_parse(name, def, strlen(def), in, err);
		store_finalize(st);
		return rc;
	}
	store_finalize(st);
	if (rc != STORE_DONE)
		return store_fail(db, rc, err, N_("reading the instrument"));
	return BETER_FAIL;
}

int survey_instrument_get(struct store *db, const char *code, int store_it, struct survey_instrument *in, int64_t *id,
			  struct beter_err *err)
{
	char path[4200];
	int rc;

	*id = 0;
	if ((rc = load_stored(db, code, in, id, err)) != BETER_FAIL)
		return rc;
	if (!survey_code_valid(code))
		return beter_err_set(err, BETER_FAIL, _("no instrument '%s' (see 'beter survey instrument list')"), code);
	{
		char *p = share_path("instruments/%s.json", code);
		snprintf(path, sizeof(path), "%s", p);
		free(p);
	}
	if (access(path, R_OK) != 0)
		return beter_err_set(err, BETER_FAIL, _("no instrument '%s' (see 'beter survey instrument list')"), code);
	if ((rc = survey_instrument_parse_file(path, in, err)))
		return rc;
	if (strcmp(in->id, code)) {
		rc = beter_err_set(err, BETER_DATAERR, _("%s: its id is '%s', not '%s'"), path, in->id, code);
		survey_instrument_release(in);
		return rc;
	}
	if (store_it && (rc = store_instrument(db, in, id, err)))
		survey_instrument_release(in);
	return rc;
}

int survey_instrument_import(struct store *db, const char *path, int64_t *id, int *changed, struct beter_err *err)
{
	struct survey_instrument in, old;
	int64_t old_id = 0;
	int rc;

	*changed = 0;
	if ((rc = survey_instrument_parse_file(path, &in, err)))
		return rc;
	rc = load_stored(db, in.id, &old, &old_id, err);
	if (rc == 0) {
		int same = !strcmp(old.json, in.json);
		survey_instrument_release(&old);
		if (same) {
			*id = old_id;
			goto done;
		}
		struct store_stmt *st;
		if ((rc = store_prepare(db, "SELECT count(*) FROM survey WHERE instrument_id = ?1", &st, err)))
			goto done;
		store_bind_int(st, 1, old_id);
		int64_t used = store_step(st) == STORE_ROW ? store_col_int(st, 0) : 0;
		store_finalize(st);
		if (used) {
			rc = beter_err_set(err, BETER_DATAERR,
					   P_("%s: the instrument '%s' is already used by %lld survey and differs from "
					      "this file; give the changed version a new id",
					      "%s: the instrument '%s' is already used by %lld surveys and differs from "
					      "this file; give the changed version a new id", used),
					   path, in.id, (long long)used);
			goto done;
		}
		if ((rc = store_prepare(db, "DELETE FROM survey_instrument WHERE id = ?1", &st, err)))
			goto done;
		store_bind_int(st, 1, old_id);
		rc = store_step(st);
		store_finalize(st);
		if (rc != STORE_DONE) {
			rc = store_fail(db, rc, err, N_("replacing the instrument"));
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

static void ilist_free(struct ilist_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(rows[i].id);
		free(rows[i].title);
		free(rows[i].kind);
		free(rows[i].source);
	}
	free(rows);
}

/* An instrument's kind or source as o shows it: the English value in JSON
 * and CSV, in the interface's language in a table people read. */
static const char *instrument_word(const struct out *o, const char *w)
{
	static const char *const words[][2] = {
		{ "culture", N_("culture") },	 { "lesson", N_("lesson") },	   { "barometer", N_("barometer") },
		{ "thermometer", N_("thermometer") }, { "feedback360", N_("feedback360") },
		{ "share", N_("shipped") },	   { "store", N_("imported") },
	};
	if (!w || !o->nl || (o->fmt != OUT_TABLE && o->fmt != OUT_HTML && o->fmt != OUT_MD))
		return w;
	for (size_t i = 0; i < sizeof(words) / sizeof(*words); i++)
		if (!strcmp(w, words[i][0]))
			return _(words[i][1]);
	return w;
}

int survey_instrument_list(struct store *db, struct out *o, struct beter_err *err)
{
	static const struct out_col cols[] = {
		{ N_("id"), OUT_T_TEXT },	 { N_("title"), OUT_T_TEXT }, { N_("kind"), OUT_T_TEXT },   { N_("scales"), OUT_T_INT },
		{ N_("items"), OUT_T_INT }, { N_("min_n"), OUT_T_INT },	 { N_("source"), OUT_T_TEXT },
	};
	struct ilist_row *rows = NULL;
	size_t n = 0, alloc = 0;
	struct store_stmt *st;
	char dir[4200];
	int rc;

	if ((rc = store_prepare(db, "SELECT code, definition FROM survey_instrument", &st, err)))
		return rc;
	while (store_next(db, st, &rc, N_("listing instruments"), err)) {
		struct survey_instrument in;
		const char *def = store_col_text(st, 1);
		if (survey_instrument_parse(store_col_text(st, 0), def, strlen(def), &in, NULL) == 0) {
			ilist_add(&rows, &n, &alloc, &in, "store");
			survey_instrument_release(&in);
		}
	}
	store_finalize(st);
	if (rc) {
		ilist_free(rows, n);
		return rc;
	}
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
			if (survey_instrument_parse_file(path, &in, NULL) == 0) {
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
		out_text(o, instrument_word(o, rows[i].kind));
		out_int(o, rows[i].scales);
		out_int(o, rows[i].items);
		out_int(o, rows[i].min_n);
		out_text(o, instrument_word(o, rows[i].source));
		out_row_end(o);
	}
	out_end(o);
	ilist_free(rows, n);
	return 0;
}

static void join_strs(struct strbuf *sb, char **v, int n)
{
	strbuf_reset(sb);
	for (int i = 0; i < n; i++)
		strbuf_addf(sb, "%s%s", i ? "|" : "", v[i]);
}

int survey_instrument_show(struct store *db, const char *code, struct out *o, struct beter_err *err)
{
	static const struct out_col all[] = {
		{ N_("id"), OUT_T_TEXT },	      { N_("title"), OUT_T_TEXT },	     { N_("kind"), OUT_T_TEXT },
		{ N_("audience"), OUT_T_TEXT },   { N_("min_n"), OUT_T_INT },	     { N_("source"), OUT_T_TEXT },
		{ N_("description"), OUT_T_TEXT }, { N_("likert"), OUT_T_TEXT },     { N_("min"), OUT_T_INT },
		{ N_("max"), OUT_T_INT },	      { N_("labels"), OUT_T_TEXT },	     { N_("missing"), OUT_T_TEXT },
		{ N_("scale"), OUT_T_TEXT },      { N_("group"), OUT_T_TEXT },	     { N_("items"), OUT_T_INT },
		{ N_("item"), OUT_T_TEXT },	      { N_("reverse"), OUT_T_BOOL },     { N_("type"), OUT_T_TEXT },
		{ N_("text"), OUT_T_TEXT },	      { N_("rater"), OUT_T_TEXT },	     { N_("label"), OUT_T_TEXT },
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
	out_section(o, "instrument", _("Instrument"));
	out_record(o, head, sizeof(head) / sizeof(*head));
	out_text(o, in.id);
	out_text(o, in.title);
	out_text(o, instrument_word(o, in.kind));
	out_text(o, in.audience);
	out_int(o, in.min_n);
	out_text(o, instrument_word(o, id ? "store" : "share"));
	out_text(o, in.description);
	out_end(o);
	out_section(o, "likert", _("Likert scales"));
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
	out_section(o, "scales", _("Scales"));
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
	out_section(o, "items", _("Items"));
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
	out_section(o, "raters", _("Rater categories"));
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
