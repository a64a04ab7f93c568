/* phase_model.c - phase models: the shipped ones and a school's own,
 * listed, shown and imported. */
#include "phase_int.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "beter/date.h"
#include "beter/i18n.h"
#include "beter/share.h"
#include "beter/store.h"
#include "beter/util.h"

#define MODEL_MAX_BYTES (1024 * 1024)

/* ---- shipped data ---------------------------------------------------- */

static int read_all(const char *path, struct strbuf *sb, struct beter_err *err)
{
	FILE *fp;
	char buf[8192];
	size_t n;
	int rc;

	if ((rc = input_open(path, &fp, err)))
		return rc;
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0) {
		strbuf_add(sb, buf, n);
		if (sb->len > MODEL_MAX_BYTES) {
			if (fp != stdin)
				fclose(fp);
			return beter_err_set(err, BETER_DATAERR, _("%s: larger than %d bytes"), path, MODEL_MAX_BYTES);
		}
	}
	int bad = ferror(fp);
	if (fp != stdin)
		fclose(fp);
	if (bad)
		return beter_err_set(err, BETER_IOERR, _("%s: read error"), path);
	strbuf_adds(sb, ""); /* NUL-terminated even when empty */
	return 0;
}

/* ---- models ---------------------------------------------------------- */

const char *phase_jstr(const cJSON *obj, const char *key)
{
	const cJSON *c = cJSON_GetObjectItemCaseSensitive(obj, key);
	return cJSON_IsString(c) ? c->valuestring : NULL;
}

static void shipped_path(char *buf, size_t size, const char *key)
{
	char *p = share_path("models/%s.json", key);
	snprintf(buf, size, "%s", p);
	free(p);
}

/* Load and check a shipped model file; its id must match the file name. */
static int load_shipped(const char *key, cJSON **doc, struct beter_err *err)
{
	char path[4096];
	struct strbuf sb = STRBUF_INIT;
	int rc;

	shipped_path(path, sizeof(path), key);
	if ((rc = read_all(path, &sb, err)) ||
	    (rc = phase_model_validate(strbuf_str(&sb), sb.len, path, err))) {
		strbuf_release(&sb);
		return rc;
	}
	*doc = cJSON_Parse(strbuf_str(&sb));
	strbuf_release(&sb);
	if (strcmp(phase_jstr(*doc, "id"), key)) {
		cJSON_Delete(*doc);
		*doc = NULL;
		return beter_err_set(err, BETER_DATAERR, _("%s: field 'id': does not match the file name"), path);
	}
	return 0;
}

static int shipped_exists(const char *key)
{
	char path[4096];
	shipped_path(path, sizeof(path), key);
	return phase_id_valid(key) && access(path, R_OK) == 0;
}

/* A model by id: the school's own first, else a shipped one. */
int phase_model_load(struct store *db, int64_t school, const char *key, cJSON **doc, int *own, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	*doc = NULL;
	if ((rc = store_prepare(db, "SELECT definition FROM phase_model WHERE school_id = ?1 AND key = ?2", &st, err)))
		return rc;
	store_bind_int(st, 1, school);
	store_bind_text(st, 2, key);
	if (store_next(db, st, &rc, N_("reading the phase model"), err))
		*doc = cJSON_Parse(store_col_text(st, 0));
	store_finalize(st);
	if (rc)
		return rc;
	if (*doc) {
		if (own)
			*own = 1;
		return 0;
	}
	if (own)
		*own = 0;
	if (!shipped_exists(key))
		return beter_err_set(err, BETER_FAIL, _("no phase model '%s' (see 'beter phase models')"), key ? key : "");
	return load_shipped(key, doc, err);
}

static int count_activities(const cJSON *doc)
{
	int n = 0;
	const cJSON *phases = cJSON_GetObjectItemCaseSensitive(doc, "phases");
	for (const cJSON *p = phases ? phases->child : NULL; p; p = p->next)
		n += cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(p, "activities"));
	return n;
}

static const struct out_col model_cols[] = {
	{ N_("id"), OUT_T_TEXT },  { N_("name"), OUT_T_TEXT },       { N_("phases"), OUT_T_INT },
	{ N_("activities"), OUT_T_INT }, { N_("origin"), OUT_T_TEXT },
};
#define NMODEL_COLS (sizeof(model_cols) / sizeof(*model_cols))

static void model_row(struct out *o, const cJSON *doc, const char *origin)
{
	out_text(o, phase_jstr(doc, "id"));
	out_text(o, phase_jstr(doc, "name"));
	out_int(o, cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(doc, "phases")));
	out_int(o, count_activities(doc));
	out_text(o, origin);
}

static int json_file(const struct dirent *d)
{
	size_t n = strlen(d->d_name);
	return n > 5 && d->d_name[0] != '.' && !strcmp(d->d_name + n - 5, ".json");
}

int phase_model_list(struct store *db, int64_t school, struct out *o, struct beter_err *err)
{
	char dir[4096];
	struct dirent **names = NULL;
	struct store_stmt *st;
	int n, rc = 0;

	{
		char *p = share_path("models");
		snprintf(dir, sizeof(dir), "%s", p);
		free(p);
	}
	n = scandir(dir, &names, json_file, alphasort);
	if (n < 0)
		return beter_err_set(err, BETER_IOERR, _("%s: %s (set BETER_SHARE to the directory with models/)"), dir,
				     strerror(errno));
	cJSON **docs = xcalloc((size_t)n + 1, sizeof(*docs));
	for (int i = 0; i < n && !rc; i++) {
		char key[256];
		snprintf(key, sizeof(key), "%.*s", (int)(strlen(names[i]->d_name) - 5), names[i]->d_name);
		rc = load_shipped(key, &docs[i], err);
	}
	if (!rc)
		rc = store_prepare(db, "SELECT definition FROM phase_model WHERE school_id = ?1 ORDER BY key", &st, err);
	if (!rc) {
		out_list(o, model_cols, NMODEL_COLS);
		for (int i = 0; i < n; i++) {
			model_row(o, docs[i], phase_word(o, N_("shipped")));
			out_row_end(o);
		}
		store_bind_int(st, 1, school);
		while (store_next(db, st, &rc, N_("listing the phase models"), err)) {
			cJSON *d = cJSON_Parse(store_col_text(st, 0));
			if (d) {
				model_row(o, d, phase_word(o, N_("school")));
				out_row_end(o);
			}
			cJSON_Delete(d);
		}
		store_finalize(st);
		if (!rc)
			out_end(o);
	}
	for (int i = 0; i < n; i++) {
		cJSON_Delete(docs[i]);
		free(names[i]);
	}
	free(docs);
	free(names);
	return rc;
}

static const struct out_col mshow_cols[] = {
	{ N_("id"), OUT_T_TEXT },          { N_("name"), OUT_T_TEXT },     { N_("origin"), OUT_T_TEXT },
	{ N_("source"), OUT_T_TEXT },      { N_("description"), OUT_T_TEXT }, { N_("phases"), OUT_T_INT },
};
static const struct out_col mphase_cols[] = {
	{ N_("n"), OUT_T_INT },   { N_("id"), OUT_T_TEXT },      { N_("name"), OUT_T_TEXT },  { N_("who"), OUT_T_TEXT },
	{ N_("typical_days"), OUT_T_INT }, { N_("activities"), OUT_T_INT }, { N_("cycle"), OUT_T_TEXT },
	{ N_("purpose"), OUT_T_TEXT },
};
static const struct out_col mtarget_cols[] = {
	{ N_("id"), OUT_T_TEXT }, { N_("text"), OUT_T_TEXT }, { N_("kind"), OUT_T_TEXT }, { N_("min"), OUT_T_INT },
};
static const struct out_col mact_cols[] = {
	{ N_("phase"), OUT_T_TEXT }, { N_("n"), OUT_T_INT }, { N_("id"), OUT_T_TEXT }, { N_("text"), OUT_T_TEXT },
};
static const struct out_col mdoc_cols[] = {
	{ N_("id"), OUT_T_TEXT },     { N_("name"), OUT_T_TEXT },        { N_("origin"), OUT_T_TEXT }, { N_("source"), OUT_T_TEXT },
	{ N_("description"), OUT_T_TEXT }, { N_("phases"), OUT_T_INT }, { N_("n"), OUT_T_INT },       { N_("who"), OUT_T_TEXT },
	{ N_("typical_days"), OUT_T_INT }, { N_("activities"), OUT_T_INT }, { N_("cycle"), OUT_T_TEXT },
	{ N_("purpose"), OUT_T_TEXT },     { N_("phase"), OUT_T_TEXT },   { N_("text"), OUT_T_TEXT },
	{ N_("kind"), OUT_T_TEXT },        { N_("min"), OUT_T_INT },
};

/* The model's targets (none: no section). */
static void model_targets(struct out *o, const cJSON *doc)
{
	const cJSON *targets = cJSON_GetObjectItemCaseSensitive(doc, "targets");

	if (!cJSON_GetArraySize(targets))
		return;
	out_section(o, "targets", _("Targets"));
	out_list(o, mtarget_cols, sizeof(mtarget_cols) / sizeof(*mtarget_cols));
	for (const cJSON *t = targets->child; t; t = t->next) {
		const cJSON *min = cJSON_GetObjectItemCaseSensitive(t, "min");
		out_text(o, phase_jstr(t, "id"));
		out_text(o, phase_jstr(t, "text"));
		out_text(o, phase_jstr(t, "count"));
		if (min)
			out_int(o, (int64_t)min->valuedouble);
		else
			out_null(o);
		out_row_end(o);
	}
	out_end(o);
}

void phase_join_who(struct strbuf *sb, const cJSON *who)
{
	for (const cJSON *w = who ? who->child : NULL; w; w = w->next)
		strbuf_addf(sb, "%s%s", sb->len ? ", " : "", w->valuestring);
	strbuf_adds(sb, "");
}

int phase_model_show(struct store *db, int64_t school, const char *key, struct out *o, struct beter_err *err)
{
	cJSON *doc;
	int own, rc, i;
	const cJSON *phases;

	if ((rc = phase_model_load(db, school, key, &doc, &own, err)))
		return rc;
	phases = cJSON_GetObjectItemCaseSensitive(doc, "phases");
	out_doc_begin(o, mdoc_cols, sizeof(mdoc_cols) / sizeof(*mdoc_cols));
	out_section(o, "model", _("Model"));
	out_record(o, mshow_cols, sizeof(mshow_cols) / sizeof(*mshow_cols));
	out_text(o, phase_jstr(doc, "id"));
	out_text(o, phase_jstr(doc, "name"));
	out_text(o, phase_word(o, own ? N_("school") : N_("shipped")));
	out_text(o, phase_jstr(doc, "source"));
	out_text(o, phase_jstr(doc, "description"));
	out_int(o, cJSON_GetArraySize(phases));
	out_end(o);

	out_section(o, "phases", _("Phases"));
	out_list(o, mphase_cols, sizeof(mphase_cols) / sizeof(*mphase_cols));
	i = 0;
	for (const cJSON *p = phases->child; p; p = p->next) {
		struct strbuf who = STRBUF_INIT;
		phase_join_who(&who, cJSON_GetObjectItemCaseSensitive(p, "who"));
		out_int(o, ++i);
		out_text(o, phase_jstr(p, "id"));
		out_text(o, phase_jstr(p, "name"));
		out_text(o, strbuf_str(&who));
		out_int(o, (int64_t)cJSON_GetObjectItemCaseSensitive(p, "typical_days")->valuedouble);
		out_int(o, cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(p, "activities")));
		out_text(o, phase_jstr(p, "cycle"));
		out_text(o, phase_jstr(p, "purpose"));
		out_row_end(o);
		strbuf_release(&who);
	}
	out_end(o);

	out_section(o, "activities", _("Activities"));
	out_list(o, mact_cols, sizeof(mact_cols) / sizeof(*mact_cols));
	for (const cJSON *p = phases->child; p; p = p->next) {
		i = 0;
		for (const cJSON *a = cJSON_GetObjectItemCaseSensitive(p, "activities")->child; a; a = a->next) {
			out_text(o, phase_jstr(p, "id"));
			out_int(o, ++i);
			out_text(o, phase_jstr(a, "id"));
			out_text(o, phase_jstr(a, "text"));
			out_row_end(o);
		}
	}
	out_end(o);
	model_targets(o, doc);
	out_doc_end(o);
	cJSON_Delete(doc);
	return 0;
}

int phase_model_import(struct store *db, int64_t school, const char *path, int today, char **key, int *changed,
		       struct beter_err *err)
{
	struct strbuf sb = STRBUF_INIT;
	const char *name = strcmp(path, "-") ? path : "stdin";
	struct store_stmt *st;
	cJSON *doc = NULL;
	char *canon = NULL, uid[33], day[11];
	int rc;

	*changed = 0;
	*key = NULL;
	if ((rc = read_all(path, &sb, err)) ||
	    (rc = phase_model_validate(strbuf_str(&sb), sb.len, name, err)))
		goto out;
	doc = cJSON_Parse(strbuf_str(&sb));
	if (shipped_exists(phase_jstr(doc, "id"))) {
		rc = beter_err_set(err, BETER_DATAERR,
				   _("%s: field 'id': '%s' is a shipped model; give your own model another id"), name,
				   phase_jstr(doc, "id"));
		goto out;
	}
	*key = xstrdup(phase_jstr(doc, "id"));
	canon = cJSON_PrintUnformatted(doc);
	if ((rc = store_prepare(db, "SELECT definition = ?3 FROM phase_model WHERE school_id = ?1 AND key = ?2", &st, err)))
		goto out;
	store_bind_int(st, 1, school);
	store_bind_text(st, 2, *key);
	store_bind_text(st, 3, canon);
	int exists = store_next(db, st, &rc, N_("reading the phase model"), err);
	int same = exists && (int)store_col_int(st, 0);
	store_finalize(st);
	if (rc || same)
		goto out;
	if ((rc = store_prepare(db, exists ? "UPDATE phase_model SET name = ?4, definition = ?5, imported = ?6 "
					     "WHERE school_id = ?2 AND key = ?3"
					   : "INSERT INTO phase_model(uid, school_id, key, name, definition, imported) "
					     "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
				&st, err)))
		goto out;
	uid_new(uid);
	date_format(today, day);
	store_bind_text(st, 1, uid);
	store_bind_int(st, 2, school);
	store_bind_text(st, 3, *key);
	store_bind_text(st, 4, phase_jstr(doc, "name"));
	store_bind_text(st, 5, canon);
	store_bind_text(st, 6, day);
	rc = store_step(st);
	store_finalize(st);
	rc = rc == STORE_DONE ? 0 : store_fail(db, rc, err, N_("storing the phase model"));
	*changed = rc == 0;
out:
	free(canon);
	cJSON_Delete(doc);
	strbuf_release(&sb);
	return rc;
}
