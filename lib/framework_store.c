/* framework_store.c - frameworks in the store: loaded, copied from the
 * shipped ones, imported from JSON or CSV, listed and shown. */
#include "framework_int.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "beter/csvin.h"
#include "beter/date.h"
#include "beter/share.h"
#include "beter/store.h"
#include "beter/util.h"
#include "beter/i18n.h"

static int load_row(struct store_stmt *st, struct framework *fw, struct beter_err *err)
{
	/* columns: id, key, source, doc */
	int rc = framework_parse_json(_("stored framework"), store_col_text(st, 3), fw, err);
	if (rc)
		return rc;
	fw->id = store_col_int(st, 0);
	free(fw->key);
	fw->key = xstrdup(store_col_text(st, 1));
	fw->source = !strcmp(store_col_text(st, 2), "shipped") ? "shipped" : "imported";
	return 0;
}

int framework_load(struct store *db, int64_t id, struct framework *fw, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	memset(fw, 0, sizeof(*fw));
	if ((rc = store_prepare(db, "SELECT id, key, source, doc FROM visit_framework WHERE id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, id);
	if (store_next(db, st, &rc, N_("reading the framework"), err))
		rc = load_row(st, fw, err);
	else if (!rc)
		rc = beter_err_set(err, BETER_FAIL, _("no framework with number %lld"), (long long)id);
	store_finalize(st);
	return rc;
}

static int store_insert(struct store *db, int64_t school, struct framework *fw, const char *source,
			struct beter_err *err)
{
	struct store_stmt *st;
	char uid[33], today[11];
	char *doc = framework_to_json(fw);
	int rc;

	if ((rc = store_prepare(db, "INSERT INTO visit_framework(uid, school_id, key, title, source, doc, updated) "
				    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", &st, err))) {
		free(doc);
		return rc;
	}
	uid_new(uid);
	date_format(date_today(), today);
	store_bind_text(st, 1, uid);
	store_bind_int(st, 2, school);
	store_bind_text(st, 3, fw->key);
	store_bind_text(st, 4, fw->title);
	store_bind_text(st, 5, source);
	store_bind_text(st, 6, doc);
	store_bind_text(st, 7, today);
	rc = store_step(st);
	store_finalize(st);
	free(doc);
	if (rc != STORE_DONE)
		return store_fail(db, rc, err, N_("storing the framework"));
	fw->id = store_last_id(db);
	fw->source = source;
	return 0;
}

static int load_shipped(const char *key, struct framework *fw, struct beter_err *err)
{
	char *path = share_path("frameworks/%s.json", key);
	char *text = NULL;
	int rc;

	memset(fw, 0, sizeof(*fw));
	if ((rc = share_read_file(path, FW_FILE_MAX, &text, NULL, err)) == 0) {
		rc = framework_parse_json(path, text, fw, err);
		if (!rc) {
			free(fw->key);
			fw->key = xstrdup(key);
			fw->source = "shipped";
		}
	}
	free(text);
	free(path);
	return rc;
}

int framework_get(struct store *db, int64_t school, const char *key, int store_copy, struct framework *fw,
		  struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	memset(fw, 0, sizeof(*fw));
	if (!key || !framework_id_valid(key))
		return beter_err_set(err, BETER_FAIL, _("no framework '%s' (see 'beter visit framework list')"), key ? key : "");
	if ((rc = store_prepare(db, "SELECT id, key, source, doc FROM visit_framework WHERE school_id = ?1 AND "
				    "lower(key) = lower(?2)",
				&st, err)))
		return rc;
	store_bind_int(st, 1, school);
	store_bind_text(st, 2, key);
	if (store_next(db, st, &rc, N_("reading the framework"), err)) {
		rc = load_row(st, fw, err);
		store_finalize(st);
		return rc;
	}
	store_finalize(st);
	if (rc)
		return rc;
	char *path = share_path("frameworks/%s.json", key);
	FILE *fp = fopen(path, "r");
	free(path);
	if (!fp)
		return beter_err_set(err, BETER_FAIL, _("no framework '%s' (see 'beter visit framework list')"), key);
	fclose(fp);
	if ((rc = load_shipped(key, fw, err)))
		return rc;
	if (store_copy && (rc = store_insert(db, school, fw, "shipped", err)))
		framework_release(fw);
	return rc;
}

static int has_suffix(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);
	return n >= m && !strcasecmp(s + n - m, suf);
}

/* The default key of a CSV framework: the file name without directory and
 * extension, lowercase, spaces as '-'. */
static int csv_key(const char *path, char **keyp, struct beter_err *err)
{
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	char *key = str_lower(xstrdup(base));
	char *dot = strrchr(key, '.');
	int rc;

	if (dot)
		*dot = '\0';
	for (char *k = key; *k; k++)
		if (*k == ' ')
			*k = '-';
	if (!framework_id_valid(key)) {
		rc = beter_err_set(err, BETER_DATAERR, _("%s: the file name makes no key; give --key KEY"), path);
		free(key);
		return rc;
	}
	*keyp = key;
	return 0;
}

/* Read and parse the file, JSON or CSV, with the options' key and title. */
static int read_framework(const char *path, const struct framework_import *opt, struct framework *fw,
			  struct beter_err *err)
{
	char *text = NULL, *key = NULL;
	size_t textlen = 0;
	int rc, json;

	if ((rc = share_read_file(path, FW_FILE_MAX, &text, &textlen, err)))
		return rc;
	const char *t = text;
	if (!strncmp(t, "\xef\xbb\xbf", 3))
		t += 3;
	while (*t == ' ' || *t == '\t' || *t == '\r' || *t == '\n')
		t++;
	json = has_suffix(path, ".json") || (!has_suffix(path, ".csv") && *t == '{');
	if (json) {
		rc = framework_parse_json_mem(path, t, textlen - (size_t)(t - text), fw, err);
	} else if (opt->key || !(rc = csv_key(path, &key, err))) {
		const char *k = opt->key ? opt->key : key;
		struct csvin_opts in = { opt->sheet, opt->notes };
		rc = framework_parse_csv_in(path, text, textlen, &in, k, opt->title ? opt->title : k,
					    opt->min ? opt->min : 1, opt->max ? opt->max : 4, opt->labels, fw, err);
		free(key);
	}
	free(text);
	if (rc)
		return rc;
	if (json && opt->key) {
		free(fw->key);
		fw->key = xstrdup(opt->key);
	}
	if (json && opt->title) {
		free(fw->title);
		fw->title = xstrdup(opt->title);
	}
	if (!fw->key) {
		framework_release(fw);
		return beter_err_set(err, BETER_DATAERR, _("%s: field 'key': missing; add it or give --key KEY"), path);
	}
	return 0;
}

/* The school's framework with the key (*old, 0 for none) and where it came
 * from (NULL for nowhere; "shipped" also when only a shipped file has it). */
static int existing_framework(struct store *db, int64_t school, const char *key, int64_t *old, const char **oldsrc,
			      struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	*old = 0;
	*oldsrc = NULL;
	if ((rc = store_prepare(db, "SELECT id, source FROM visit_framework WHERE school_id = ?1 AND "
				    "lower(key) = lower(?2)", &st, err)))
		return rc;
	store_bind_int(st, 1, school);
	store_bind_text(st, 2, key);
	if (store_next(db, st, &rc, N_("reading the framework"), err)) {
		*old = store_col_int(st, 0);
		*oldsrc = !strcmp(store_col_text(st, 1), "shipped") ? "shipped" : "imported";
	}
	store_finalize(st);
	if (rc || *old)
		return rc;
	char *p = share_path("frameworks/%s.json", key);
	FILE *fp = fopen(p, "r");
	free(p);
	if (fp) {
		fclose(fp);
		*oldsrc = "shipped";
	}
	return 0;
}

/* Replace the stored framework old by fw, which keeps every scored item. */
static int replace_framework(struct store *db, int64_t old, const struct framework *fw, const char *path,
			     struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(db, "SELECT DISTINCT s.item FROM visit_score s JOIN visit v ON v.id = s.visit_id "
				    "WHERE v.framework_id = ?1 ORDER BY s.item", &st, err)))
		return rc;
	store_bind_int(st, 1, old);
	while (store_next(db, st, &rc, N_("reading the scores"), err)) {
		if (!framework_item(fw, store_col_text(st, 0))) {
			rc = beter_err_set(err, BETER_DATAERR, _("%s: item '%s' is missing, but visits have scores on it; "
					   "keep it in the new version"), path, store_col_text(st, 0));
			break;
		}
	}
	store_finalize(st);
	if (rc)
		return rc;
	char *doc = framework_to_json(fw);
	char today[11];
	date_format(date_today(), today);
	if (!(rc = store_prepare(db, "UPDATE visit_framework SET title = ?2, doc = ?3, updated = ?4 WHERE id = ?1 "
				    "AND doc IS NOT ?3", &st, err))) {
		store_bind_int(st, 1, old);
		store_bind_text(st, 2, fw->title);
		store_bind_text(st, 3, doc);
		store_bind_text(st, 4, today);
		if (store_step(st) != STORE_DONE)
			rc = store_fail(db, STORE_ERROR, err, N_("replacing the framework"));
		store_finalize(st);
	}
	free(doc);
	return rc;
}

int framework_import(struct store *db, int64_t school, const char *path, const struct framework_import *opt,
		     int64_t *id, int *replaced, struct beter_err *err)
{
	struct framework fw;
	int rc;
	int64_t old = 0;
	const char *oldsrc = NULL;

	*replaced = 0;
	if (opt->key && !framework_id_valid(opt->key))
		return beter_err_set(err, BETER_DATAERR, _("--key: '%s' is not a key (1-64 of a-z 0-9 . _ -)"), opt->key);
	if ((rc = read_framework(path, opt, &fw, err)))
		return rc;
	if ((rc = existing_framework(db, school, fw.key, &old, &oldsrc, err)))
		goto out;
	if (oldsrc && !strcmp(oldsrc, "shipped")) {
		rc = beter_err_set(err, BETER_DATAERR, _("the key '%s' belongs to a framework shipped with beter; "
				   "give the school's own another key with --key"), fw.key);
		goto out;
	}
	if (old) {
		rc = replace_framework(db, old, &fw, path, err);
		*replaced = 1;
		*id = old;
	} else if (!(rc = store_insert(db, school, &fw, "imported", err))) {
		*id = fw.id;
	}
out:
	framework_release(&fw);
	return rc;
}

/* The keys of the shipped frameworks, sorted. */
static char **shipped_keys(size_t *n)
{
	char *dir = share_path("frameworks");
	DIR *d = opendir(dir);
	char **keys = NULL;
	struct dirent *e;

	*n = 0;
	free(dir);
	if (!d)
		return NULL;
	while ((e = readdir(d))) {
		if (!has_suffix(e->d_name, ".json"))
			continue;
		char *k = xstrndup(e->d_name, strlen(e->d_name) - 5);
		if (!framework_id_valid(k)) {
			free(k);
			continue;
		}
		keys = xrealloc(keys, (*n + 1) * sizeof(*keys));
		keys[(*n)++] = k;
	}
	closedir(d);
	for (size_t i = 1; i < *n; i++)
		for (size_t j = i; j > 0 && strcmp(keys[j - 1], keys[j]) > 0; j--) {
			char *t = keys[j];
			keys[j] = keys[j - 1];
			keys[j - 1] = t;
		}
	return keys;
}

static const struct out_col fw_cols[] = {
	{ N_("key"), OUT_T_TEXT },	 { N_("title"), OUT_T_TEXT }, { N_("source"), OUT_T_TEXT }, { N_("scale"), OUT_T_TEXT },
	{ N_("domains"), OUT_T_INT }, { N_("items"), OUT_T_INT },  { N_("visits"), OUT_T_INT },
};
#define NFW_COLS (sizeof(fw_cols) / sizeof(*fw_cols))

/* "shipped" or "imported" as o shows it: in Dutch in a table people read. */
static const char *source_word(const struct out *o, const char *source)
{
	const char *w = !strcmp(source, "shipped") ? N_("shipped") : N_("imported");
	return o->nl && (o->fmt == OUT_TABLE || o->fmt == OUT_HTML || o->fmt == OUT_MD) ? _(w) : w;
}

static void fw_row(struct out *o, const struct framework *fw, int64_t visits)
{
	char scale[32];
	snprintf(scale, sizeof(scale), "%d-%d", fw->min, fw->max);
	out_text(o, fw->key);
	out_text(o, fw->title);
	out_text(o, source_word(o, fw->source));
	out_text(o, scale);
	out_int(o, (int64_t)fw->ndomains);
	out_int(o, (int64_t)fw->nitems);
	out_int(o, visits);
}

static int fw_visits(struct store *db, int64_t fwid, int64_t *n, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	*n = 0;
	if (!fwid)
		return 0;
	if ((rc = store_prepare(db, "SELECT count(*) FROM visit WHERE framework_id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, fwid);
	if (store_next(db, st, &rc, N_("counting visits"), err))
		*n = store_col_int(st, 0);
	store_finalize(st);
	return rc;
}

int framework_list(struct store *db, int64_t school, struct out *o, struct beter_err *err)
{
	size_t nk = 0;
	char **keys = shipped_keys(&nk);
	struct store_stmt *st;
	int rc = 0;

	/* the shipped ones (their stored copy when used), then the school's own */
	out_list(o, fw_cols, NFW_COLS);
	for (size_t i = 0; i < nk && !rc; i++) {
		struct framework fw;
		int64_t visits;
		if (!(rc = framework_get(db, school, keys[i], 0, &fw, err))) {
			if (!strcmp(fw.source, "shipped") && !(rc = fw_visits(db, fw.id, &visits, err))) {
				fw_row(o, &fw, visits);
				out_row_end(o);
			}
			framework_release(&fw);
		}
	}
	for (size_t i = 0; i < nk; i++)
		free(keys[i]);
	free(keys);
	if (!rc && !(rc = store_prepare(db, "SELECT id, key, source, doc FROM visit_framework WHERE school_id = ?1 "
					    "AND source = 'imported' ORDER BY lower(key)", &st, err))) {
		store_bind_int(st, 1, school);
		while (store_next(db, st, &rc, N_("listing frameworks"), err)) {
			struct framework fw;
			int64_t visits;
			if ((rc = load_row(st, &fw, err)))
				break;
			if (!(rc = fw_visits(db, fw.id, &visits, err))) {
				fw_row(o, &fw, visits);
				out_row_end(o);
			}
			framework_release(&fw);
			if (rc)
				break;
		}
		store_finalize(st);
	}
	if (!rc)
		out_end(o);
	return rc;
}

static const struct out_col fwdoc_cols[] = {
	{ N_("key"), OUT_T_TEXT },	     { N_("title"), OUT_T_TEXT },	{ N_("source"), OUT_T_TEXT }, { N_("scale"), OUT_T_TEXT },
	{ N_("domains"), OUT_T_INT },     { N_("items"), OUT_T_INT },	{ N_("visits"), OUT_T_INT },  { N_("description"), OUT_T_TEXT },
	{ N_("value"), OUT_T_INT },	     { N_("label"), OUT_T_TEXT },	{ N_("domain_id"), OUT_T_TEXT }, { N_("domain"), OUT_T_TEXT },
	{ N_("item_id"), OUT_T_TEXT },    { N_("item"), OUT_T_TEXT },
};
static const struct out_col fwrec_cols[] = {
	{ N_("key"), OUT_T_TEXT },	 { N_("title"), OUT_T_TEXT }, { N_("source"), OUT_T_TEXT }, { N_("scale"), OUT_T_TEXT },
	{ N_("domains"), OUT_T_INT }, { N_("items"), OUT_T_INT },  { N_("visits"), OUT_T_INT },  { N_("description"), OUT_T_TEXT },
};
static const struct out_col scale_cols[] = { { N_("value"), OUT_T_INT }, { N_("label"), OUT_T_TEXT } };
static const struct out_col item_cols[] = {
	{ N_("domain_id"), OUT_T_TEXT }, { N_("domain"), OUT_T_TEXT }, { N_("item_id"), OUT_T_TEXT }, { N_("item"), OUT_T_TEXT },
};

int framework_show(struct store *db, int64_t school, const char *key, struct out *o, struct beter_err *err)
{
	struct framework fw;
	int rc;

	int64_t visits;

	if ((rc = framework_get(db, school, key, 0, &fw, err)))
		return rc;
	if ((rc = fw_visits(db, fw.id, &visits, err))) {
		framework_release(&fw);
		return rc;
	}
	out_doc_begin(o, fwdoc_cols, sizeof(fwdoc_cols) / sizeof(*fwdoc_cols));
	out_section(o, "framework", _("Framework"));
	out_record(o, fwrec_cols, sizeof(fwrec_cols) / sizeof(*fwrec_cols));
	fw_row(o, &fw, visits);
	out_text(o, fw.description);
	out_end(o);
	out_section(o, "scale", _("Scale"));
	out_list(o, scale_cols, 2);
	for (int v = fw.min; v <= fw.max; v++) {
		out_int(o, v);
		out_text(o, framework_label(&fw, v));
		out_row_end(o);
	}
	out_end(o);
	out_section(o, "items", _("Items"));
	out_list(o, item_cols, 4);
	for (size_t i = 0; i < fw.nitems; i++) {
		out_text(o, fw.domains[fw.items[i].domain].id);
		out_text(o, fw.domains[fw.items[i].domain].title);
		out_text(o, fw.items[i].id);
		out_text(o, fw.items[i].text);
		out_row_end(o);
	}
	out_end(o);
	out_doc_end(o);
	framework_release(&fw);
	return 0;
}
