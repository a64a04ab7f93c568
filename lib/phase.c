#include "beter/phase.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "beter/date.h"
#include "beter/jsonin.h"
#include "beter/share.h"
#include "beter/store.h"
#include "beter/util.h"

#define MODEL_MAX_BYTES (1024 * 1024)
#define MAX_PHASES 20
#define MAX_ACTIVITIES 40
#define NAME_MAX_BYTES 200
#define TEXT_MAX_BYTES 2000
#define RETRO_MAX_BYTES 4000

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
			return beter_err_set(err, BETER_DATAERR, "%s: larger than %d bytes", path, MODEL_MAX_BYTES);
		}
	}
	int bad = ferror(fp);
	if (fp != stdin)
		fclose(fp);
	if (bad)
		return beter_err_set(err, BETER_IOERR, "%s: read error", path);
	strbuf_adds(sb, ""); /* NUL-terminated even when empty */
	return 0;
}

/* ---- validation ------------------------------------------------------ */

static int id_valid(const char *s)
{
	size_t n = s ? strlen(s) : 0;

	if (n < 1 || n > 40)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return 0;
	return 1;
}

struct vctx {
	const char *name;
	struct beter_err *err;
};

static int vfail(struct vctx *v, const char *field, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int vfail(struct vctx *v, const char *field, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return beter_err_set(v->err, BETER_DATAERR, "%s: field '%s': %s", v->name, field, msg);
}

static int only_keys(struct vctx *v, const cJSON *obj, const char *where, const char *const *keys)
{
	for (const cJSON *c = obj->child; c; c = c->next) {
		const char *const *k;
		for (k = keys; *k && strcmp(*k, c->string); k++)
			;
		if (!*k) {
			char f[128];
			snprintf(f, sizeof(f), "%s%s%s", where, *where ? "." : "", c->string);
			return vfail(v, f, "unknown field (check its spelling)");
		}
	}
	return 0;
}

static int vstring(struct vctx *v, const cJSON *obj, const char *where, const char *key, int required, size_t max,
		   int is_id)
{
	const cJSON *c = cJSON_GetObjectItemCaseSensitive(obj, key);
	char f[128];

	snprintf(f, sizeof(f), "%s%s%s", where, *where ? "." : "", key);
	if (!c) {
		if (required)
			return vfail(v, f, "missing");
		return 0;
	}
	if (!cJSON_IsString(c) || !c->valuestring)
		return vfail(v, f, "expected a string");
	const char *s = c->valuestring;
	if (!utf8_valid(s, strlen(s), NULL))
		return vfail(v, f, "not valid UTF-8");
	if (is_id && !id_valid(s))
		return vfail(v, f, "'%s' is not an id (1-40 characters a-z, 0-9 and '-')", s);
	if (!is_id && required && !*s)
		return vfail(v, f, "empty");
	if (strlen(s) > max)
		return vfail(v, f, "longer than %zu bytes", max);
	return 0;
}

int phase_model_validate(const char *json, size_t len, const char *name, struct beter_err *err)
{
	static const char *const model_keys[] = { "id", "name", "description", "source", "phases", NULL };
	static const char *const phase_keys[] = { "id", "name", "purpose", "who", "typical_days", "activities", NULL };
	static const char *const act_keys[] = { "id", "text", NULL };
	struct vctx v = { name, err };
	cJSON *doc;
	int rc = 0;

	if ((rc = jsonin_parse(name, json, len, &doc, err)))
		return rc;
	if (!cJSON_IsObject(doc)) {
		rc = beter_err_set(err, BETER_DATAERR, "%s: expected a JSON object with id, name and phases", name);
		goto out;
	}
	if ((rc = only_keys(&v, doc, "", model_keys)) || (rc = vstring(&v, doc, "", "id", 1, 40, 1)) ||
	    (rc = vstring(&v, doc, "", "name", 1, NAME_MAX_BYTES, 0)) ||
	    (rc = vstring(&v, doc, "", "description", 0, TEXT_MAX_BYTES, 0)) ||
	    (rc = vstring(&v, doc, "", "source", 0, NAME_MAX_BYTES, 0)))
		goto out;
	const cJSON *phases = cJSON_GetObjectItemCaseSensitive(doc, "phases");
	if (!phases) {
		rc = vfail(&v, "phases", "missing");
		goto out;
	}
	if (!cJSON_IsArray(phases)) {
		rc = vfail(&v, "phases", "expected an array");
		goto out;
	}
	int np = cJSON_GetArraySize(phases);
	if (np < 1 || np > MAX_PHASES) {
		rc = vfail(&v, "phases", "a model has 1-%d phases, not %d", MAX_PHASES, np);
		goto out;
	}
	int pi = 0;
	for (const cJSON *p = phases->child; p; p = p->next, pi++) {
		char where[64], f[128];
		snprintf(where, sizeof(where), "phases[%d]", pi);
		if (!cJSON_IsObject(p)) {
			rc = vfail(&v, where, "expected an object");
			goto out;
		}
		if ((rc = only_keys(&v, p, where, phase_keys)) || (rc = vstring(&v, p, where, "id", 1, 40, 1)) ||
		    (rc = vstring(&v, p, where, "name", 1, NAME_MAX_BYTES, 0)) ||
		    (rc = vstring(&v, p, where, "purpose", 0, TEXT_MAX_BYTES, 0)))
			goto out;
		const char *pid = cJSON_GetObjectItemCaseSensitive(p, "id")->valuestring;
		int qi = 0;
		for (const cJSON *q = phases->child; q != p; q = q->next, qi++)
			if (!strcmp(cJSON_GetObjectItemCaseSensitive(q, "id")->valuestring, pid)) {
				snprintf(f, sizeof(f), "%s.id", where);
				rc = vfail(&v, f, "'%s' is also the id of phases[%d]; phase ids must differ", pid, qi);
				goto out;
			}
		const cJSON *who = cJSON_GetObjectItemCaseSensitive(p, "who");
		snprintf(f, sizeof(f), "%s.who", where);
		if (!who) {
			rc = vfail(&v, f, "missing (who is involved, e.g. [\"schoolleiding\", \"leraren\"])");
			goto out;
		}
		if (!cJSON_IsArray(who) || cJSON_GetArraySize(who) < 1) {
			rc = vfail(&v, f, "expected an array of one or more strings");
			goto out;
		}
		for (const cJSON *w = who->child; w; w = w->next)
			if (!cJSON_IsString(w) || !w->valuestring[0] || strlen(w->valuestring) > NAME_MAX_BYTES ||
			    !utf8_valid(w->valuestring, strlen(w->valuestring), NULL)) {
				rc = vfail(&v, f, "expected an array of non-empty strings");
				goto out;
			}
		const cJSON *days = cJSON_GetObjectItemCaseSensitive(p, "typical_days");
		snprintf(f, sizeof(f), "%s.typical_days", where);
		if (!days) {
			rc = vfail(&v, f, "missing (the phase's typical length in days)");
			goto out;
		}
		if (!cJSON_IsNumber(days) || days->valuedouble != floor(days->valuedouble)) {
			rc = vfail(&v, f, "expected a whole number");
			goto out;
		}
		if (days->valuedouble < 1 || days->valuedouble > 730) {
			rc = vfail(&v, f, "%g is outside 1-730", days->valuedouble);
			goto out;
		}
		const cJSON *acts = cJSON_GetObjectItemCaseSensitive(p, "activities");
		snprintf(f, sizeof(f), "%s.activities", where);
		if (!acts) {
			rc = vfail(&v, f, "missing (the phase's checklist)");
			goto out;
		}
		if (!cJSON_IsArray(acts)) {
			rc = vfail(&v, f, "expected an array");
			goto out;
		}
		int na = cJSON_GetArraySize(acts);
		if (na < 1 || na > MAX_ACTIVITIES) {
			rc = vfail(&v, f, "a phase has 1-%d activities, not %d", MAX_ACTIVITIES, na);
			goto out;
		}
		int ai = 0;
		for (const cJSON *a = acts->child; a; a = a->next, ai++) {
			char aw[96];
			snprintf(aw, sizeof(aw), "%s.activities[%d]", where, ai);
			if (!cJSON_IsObject(a)) {
				rc = vfail(&v, aw, "expected an object with id and text");
				goto out;
			}
			if ((rc = only_keys(&v, a, aw, act_keys)) || (rc = vstring(&v, a, aw, "id", 1, 40, 1)) ||
			    (rc = vstring(&v, a, aw, "text", 1, TEXT_MAX_BYTES, 0)))
				goto out;
			const char *aid = cJSON_GetObjectItemCaseSensitive(a, "id")->valuestring;
			for (const cJSON *b = acts->child; b != a; b = b->next)
				if (!strcmp(cJSON_GetObjectItemCaseSensitive(b, "id")->valuestring, aid)) {
					snprintf(f, sizeof(f), "%s.id", aw);
					rc = vfail(&v, f, "'%s' appears twice in this phase; activity ids must differ", aid);
					goto out;
				}
		}
	}
out:
	cJSON_Delete(doc);
	return rc;
}

/* ---- models ---------------------------------------------------------- */

static const char *jstr(const cJSON *obj, const char *key)
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
	if (strcmp(jstr(*doc, "id"), key)) {
		cJSON_Delete(*doc);
		*doc = NULL;
		return beter_err_set(err, BETER_DATAERR, "%s: field 'id': does not match the file name", path);
	}
	return 0;
}

static int shipped_exists(const char *key)
{
	char path[4096];
	shipped_path(path, sizeof(path), key);
	return id_valid(key) && access(path, R_OK) == 0;
}

/* A model by id: the school's own first, else a shipped one. */
static int model_load(sqlite3 *db, int64_t school, const char *key, cJSON **doc, int *own, struct beter_err *err)
{
	sqlite3_stmt *st;
	int rc;

	*doc = NULL;
	if ((rc = store_prepare(db, "SELECT definition FROM phase_model WHERE school_id = ?1 AND key = ?2", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, school);
	store_bind_text(st, 2, key);
	if (sqlite3_step(st) == SQLITE_ROW)
		*doc = cJSON_Parse(store_col_text(st, 0));
	sqlite3_finalize(st);
	if (*doc) {
		if (own)
			*own = 1;
		return 0;
	}
	if (own)
		*own = 0;
	if (!shipped_exists(key))
		return beter_err_set(err, BETER_FAIL, "no phase model '%s' (see 'beter phase models')", key ? key : "");
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
	{ "id", OUT_T_TEXT },  { "name", OUT_T_TEXT },       { "phases", OUT_T_INT },
	{ "activities", OUT_T_INT }, { "origin", OUT_T_TEXT },
};
#define NMODEL_COLS (sizeof(model_cols) / sizeof(*model_cols))

static void model_row(struct out *o, const cJSON *doc, const char *origin)
{
	out_text(o, jstr(doc, "id"));
	out_text(o, jstr(doc, "name"));
	out_int(o, cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(doc, "phases")));
	out_int(o, count_activities(doc));
	out_text(o, origin);
}

static int json_file(const struct dirent *d)
{
	size_t n = strlen(d->d_name);
	return n > 5 && d->d_name[0] != '.' && !strcmp(d->d_name + n - 5, ".json");
}

int phase_model_list(sqlite3 *db, int64_t school, struct out *o, struct beter_err *err)
{
	char dir[4096];
	struct dirent **names = NULL;
	sqlite3_stmt *st;
	int n, rc = 0;

	{
		char *p = share_path("models");
		snprintf(dir, sizeof(dir), "%s", p);
		free(p);
	}
	n = scandir(dir, &names, json_file, alphasort);
	if (n < 0)
		return beter_err_set(err, BETER_IOERR, "%s: %s (set BETER_SHARE to the directory with models/)", dir,
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
			model_row(o, docs[i], "shipped");
			out_row_end(o);
		}
		sqlite3_bind_int64(st, 1, school);
		while (sqlite3_step(st) == SQLITE_ROW) {
			cJSON *d = cJSON_Parse(store_col_text(st, 0));
			if (d) {
				model_row(o, d, "school");
				out_row_end(o);
			}
			cJSON_Delete(d);
		}
		sqlite3_finalize(st);
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
	{ "id", OUT_T_TEXT },          { "name", OUT_T_TEXT },     { "origin", OUT_T_TEXT },
	{ "source", OUT_T_TEXT },      { "description", OUT_T_TEXT }, { "phases", OUT_T_INT },
};
static const struct out_col mphase_cols[] = {
	{ "n", OUT_T_INT },   { "id", OUT_T_TEXT },      { "name", OUT_T_TEXT },  { "who", OUT_T_TEXT },
	{ "typical_days", OUT_T_INT }, { "activities", OUT_T_INT }, { "purpose", OUT_T_TEXT },
};
static const struct out_col mact_cols[] = {
	{ "phase", OUT_T_TEXT }, { "n", OUT_T_INT }, { "id", OUT_T_TEXT }, { "text", OUT_T_TEXT },
};
static const struct out_col mdoc_cols[] = {
	{ "id", OUT_T_TEXT },     { "name", OUT_T_TEXT },        { "origin", OUT_T_TEXT }, { "source", OUT_T_TEXT },
	{ "description", OUT_T_TEXT }, { "phases", OUT_T_INT }, { "n", OUT_T_INT },       { "who", OUT_T_TEXT },
	{ "typical_days", OUT_T_INT }, { "activities", OUT_T_INT }, { "purpose", OUT_T_TEXT }, { "phase", OUT_T_TEXT },
	{ "text", OUT_T_TEXT },
};

static void join_who(struct strbuf *sb, const cJSON *who)
{
	for (const cJSON *w = who ? who->child : NULL; w; w = w->next)
		strbuf_addf(sb, "%s%s", sb->len ? ", " : "", w->valuestring);
	strbuf_adds(sb, "");
}

int phase_model_show(sqlite3 *db, int64_t school, const char *key, struct out *o, struct beter_err *err)
{
	cJSON *doc;
	int own, rc, i;
	const cJSON *phases;

	if ((rc = model_load(db, school, key, &doc, &own, err)))
		return rc;
	phases = cJSON_GetObjectItemCaseSensitive(doc, "phases");
	out_doc_begin(o, mdoc_cols, sizeof(mdoc_cols) / sizeof(*mdoc_cols));
	out_section(o, "model", "Model");
	out_record(o, mshow_cols, sizeof(mshow_cols) / sizeof(*mshow_cols));
	out_text(o, jstr(doc, "id"));
	out_text(o, jstr(doc, "name"));
	out_text(o, own ? "school" : "shipped");
	out_text(o, jstr(doc, "source"));
	out_text(o, jstr(doc, "description"));
	out_int(o, cJSON_GetArraySize(phases));
	out_end(o);

	out_section(o, "phases", "Phases");
	out_list(o, mphase_cols, sizeof(mphase_cols) / sizeof(*mphase_cols));
	i = 0;
	for (const cJSON *p = phases->child; p; p = p->next) {
		struct strbuf who = STRBUF_INIT;
		join_who(&who, cJSON_GetObjectItemCaseSensitive(p, "who"));
		out_int(o, ++i);
		out_text(o, jstr(p, "id"));
		out_text(o, jstr(p, "name"));
		out_text(o, strbuf_str(&who));
		out_int(o, (int64_t)cJSON_GetObjectItemCaseSensitive(p, "typical_days")->valuedouble);
		out_int(o, cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(p, "activities")));
		out_text(o, jstr(p, "purpose"));
		out_row_end(o);
		strbuf_release(&who);
	}
	out_end(o);

	out_section(o, "activities", "Activities");
	out_list(o, mact_cols, sizeof(mact_cols) / sizeof(*mact_cols));
	for (const cJSON *p = phases->child; p; p = p->next) {
		i = 0;
		for (const cJSON *a = cJSON_GetObjectItemCaseSensitive(p, "activities")->child; a; a = a->next) {
			out_text(o, jstr(p, "id"));
			out_int(o, ++i);
			out_text(o, jstr(a, "id"));
			out_text(o, jstr(a, "text"));
			out_row_end(o);
		}
	}
	out_end(o);
	out_doc_end(o);
	cJSON_Delete(doc);
	return 0;
}

int phase_model_import(sqlite3 *db, int64_t school, const char *path, int today, char **key, int *changed,
		       struct beter_err *err)
{
	struct strbuf sb = STRBUF_INIT;
	const char *name = strcmp(path, "-") ? path : "stdin";
	sqlite3_stmt *st;
	cJSON *doc = NULL;
	char *canon = NULL, uid[33], day[11];
	int rc;

	*changed = 0;
	*key = NULL;
	if ((rc = read_all(path, &sb, err)) ||
	    (rc = phase_model_validate(strbuf_str(&sb), sb.len, name, err)))
		goto out;
	doc = cJSON_Parse(strbuf_str(&sb));
	if (shipped_exists(jstr(doc, "id"))) {
		rc = beter_err_set(err, BETER_DATAERR,
				   "%s: field 'id': '%s' is a shipped model; give your own model another id", name,
				   jstr(doc, "id"));
		goto out;
	}
	*key = xstrdup(jstr(doc, "id"));
	canon = cJSON_PrintUnformatted(doc);
	if ((rc = store_prepare(db, "SELECT definition = ?3 FROM phase_model WHERE school_id = ?1 AND key = ?2", &st, err)))
		goto out;
	sqlite3_bind_int64(st, 1, school);
	store_bind_text(st, 2, *key);
	store_bind_text(st, 3, canon);
	int exists = sqlite3_step(st) == SQLITE_ROW;
	int same = exists && sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (same)
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
	sqlite3_bind_int64(st, 2, school);
	store_bind_text(st, 3, *key);
	store_bind_text(st, 4, jstr(doc, "name"));
	store_bind_text(st, 5, canon);
	store_bind_text(st, 6, day);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	rc = rc == SQLITE_DONE ? 0 : store_fail(db, rc, err, "storing the phase model");
	*changed = rc == 0;
out:
	free(canon);
	cJSON_Delete(doc);
	strbuf_release(&sb);
	return rc;
}

/* ---- trajectories ---------------------------------------------------- */

static void scope_name(sqlite3 *db, int64_t team, char *buf, size_t size)
{
	sqlite3_stmt *st;

	if (team <= 0) {
		snprintf(buf, size, "the school");
		return;
	}
	snprintf(buf, size, "the team");
	if (sqlite3_prepare_v2(db, "SELECT name FROM team WHERE id = ?1", -1, &st, NULL) != SQLITE_OK)
		return;
	sqlite3_bind_int64(st, 1, team);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(buf, size, "the team '%s'", store_col_text(st, 0));
	sqlite3_finalize(st);
}

#define SCOPE_SQL "(?2 = -1 OR (?2 = 0 AND t.team_id IS NULL) OR t.team_id = ?2)"

int phase_active(sqlite3 *db, int64_t school, int64_t team, int64_t *trajectory, struct beter_err *err)
{
	sqlite3_stmt *st;
	int rc, n = 0;
	char who[300];

	if ((rc = store_prepare(db, "SELECT t.id FROM trajectory t WHERE t.school_id = ?1 AND t.status = 'active' AND "
				    SCOPE_SQL " ORDER BY t.id", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, school);
	sqlite3_bind_int64(st, 2, team);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n++ == 0)
			*trajectory = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(db, rc, err, "finding the trajectory");
	if (n == 1)
		return 0;
	if (n > 1)
		return beter_err_set(err, BETER_USAGE,
				     "%d trajectories are active; choose one with --team TEAM or --school "
				     "(see 'beter phase history')", n);
	if (team == PHASE_ANY)
		return beter_err_set(err, BETER_FAIL, "no active trajectory (start one with 'beter phase start MODEL')");
	scope_name(db, team, who, sizeof(who));
	return beter_err_set(err, BETER_FAIL, "%s has no active trajectory (start one with 'beter phase start MODEL%s')",
			     who, team > 0 ? " --team TEAM" : " --school");
}

static int insert_phase(sqlite3 *db, int64_t tid, int ord, const cJSON *p, int date, struct beter_err *err)
{
	sqlite3_stmt *st;
	struct strbuf who = STRBUF_INIT;
	char uid[33], day[11];
	int rc, i = 0;
	int64_t pid;

	join_who(&who, cJSON_GetObjectItemCaseSensitive(p, "who"));
	if ((rc = store_prepare(db, "INSERT INTO trajectory_phase(uid, trajectory_id, ord, key, name, purpose, who, "
				    "typical_days, status, started) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
				&st, err))) {
		strbuf_release(&who);
		return rc;
	}
	uid_new(uid);
	date_format(date, day);
	store_bind_text(st, 1, uid);
	sqlite3_bind_int64(st, 2, tid);
	sqlite3_bind_int(st, 3, ord);
	store_bind_text(st, 4, jstr(p, "id"));
	store_bind_text(st, 5, jstr(p, "name"));
	store_bind_text(st, 6, jstr(p, "purpose"));
	store_bind_text(st, 7, strbuf_str(&who));
	sqlite3_bind_int(st, 8, (int)cJSON_GetObjectItemCaseSensitive(p, "typical_days")->valuedouble);
	store_bind_text(st, 9, ord == 1 ? "active" : "pending");
	store_bind_text(st, 10, ord == 1 ? day : NULL);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	strbuf_release(&who);
	if (rc != SQLITE_DONE)
		return store_fail(db, rc, err, "starting the trajectory");
	pid = sqlite3_last_insert_rowid(db);
	if ((rc = store_prepare(db, "INSERT INTO trajectory_item(uid, phase_id, ord, key, text) VALUES (?1, ?2, ?3, ?4, ?5)",
				&st, err)))
		return rc;
	for (const cJSON *a = cJSON_GetObjectItemCaseSensitive(p, "activities")->child; a; a = a->next) {
		uid_new(uid);
		sqlite3_reset(st);
		store_bind_text(st, 1, uid);
		sqlite3_bind_int64(st, 2, pid);
		sqlite3_bind_int(st, 3, ++i);
		store_bind_text(st, 4, jstr(a, "id"));
		store_bind_text(st, 5, jstr(a, "text"));
		if ((rc = sqlite3_step(st)) != SQLITE_DONE) {
			sqlite3_finalize(st);
			return store_fail(db, rc, err, "starting the trajectory");
		}
	}
	sqlite3_finalize(st);
	return 0;
}

int phase_start(sqlite3 *db, int64_t school, int64_t team, const char *model, int date, int64_t *trajectory,
		struct beter_err *err)
{
	sqlite3_stmt *st;
	cJSON *doc;
	char uid[33], day[11], who[300];
	int64_t existing;
	int rc, ord = 0;

	if ((rc = model_load(db, school, model, &doc, NULL, err)))
		return rc;
	if (phase_active(db, school, team, &existing, err) == 0) {
		cJSON_Delete(doc);
		scope_name(db, team, who, sizeof(who));
		return beter_err_set(err, BETER_FAIL,
				     "%s already has an active trajectory (#%lld); close its phases with 'beter phase next' "
				     "first", who, (long long)existing);
	}
	beter_err_clear(err);
	if ((rc = store_prepare(db, "INSERT INTO trajectory(uid, school_id, team_id, model_key, model_name, started) "
				    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", &st, err))) {
		cJSON_Delete(doc);
		return rc;
	}
	uid_new(uid);
	date_format(date, day);
	store_bind_text(st, 1, uid);
	sqlite3_bind_int64(st, 2, school);
	if (team > 0)
		sqlite3_bind_int64(st, 3, team);
	store_bind_text(st, 4, jstr(doc, "id"));
	store_bind_text(st, 5, jstr(doc, "name"));
	store_bind_text(st, 6, day);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		cJSON_Delete(doc);
		return store_fail(db, rc, err, "starting the trajectory");
	}
	*trajectory = sqlite3_last_insert_rowid(db);
	rc = 0;
	for (const cJSON *p = cJSON_GetObjectItemCaseSensitive(doc, "phases")->child; p && !rc; p = p->next)
		rc = insert_phase(db, *trajectory, ++ord, p, date, err);
	cJSON_Delete(doc);
	return rc;
}

/* The active phase of a trajectory: id, name and start day. */
static int current_phase(sqlite3 *db, int64_t tid, int64_t *pid, char *name, size_t size, int *started,
			 struct beter_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = store_prepare(db, "SELECT id, name, started FROM trajectory_phase WHERE trajectory_id = ?1 AND "
				    "status = 'active'", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, tid);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*pid = sqlite3_column_int64(st, 0);
		snprintf(name, size, "%s", store_col_text(st, 1));
		date_parse(store_col_text(st, 2), started, "started", NULL);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 0;
	return beter_err_set(err, BETER_FAIL, "trajectory #%lld has no open phase", (long long)tid);
}

static const struct out_col status_cols[] = {
	{ "trajectory", OUT_T_INT }, { "model", OUT_T_TEXT },     { "team", OUT_T_TEXT },
	{ "phase_no", OUT_T_INT },   { "phases", OUT_T_INT },     { "phase", OUT_T_TEXT },
	{ "started", OUT_T_TEXT },   { "days_in_phase", OUT_T_INT }, { "typical_days", OUT_T_INT },
	{ "who", OUT_T_TEXT },       { "done", OUT_T_INT },       { "items", OUT_T_INT },
};
static const struct out_col check_cols[] = {
	{ "n", OUT_T_INT }, { "item", OUT_T_TEXT }, { "activity", OUT_T_TEXT }, { "done", OUT_T_TEXT },
};
static const struct out_col status_doc_cols[] = {
	{ "trajectory", OUT_T_INT }, { "model", OUT_T_TEXT },     { "team", OUT_T_TEXT },
	{ "phase_no", OUT_T_INT },   { "phases", OUT_T_INT },     { "phase", OUT_T_TEXT },
	{ "started", OUT_T_TEXT },   { "days_in_phase", OUT_T_INT }, { "typical_days", OUT_T_INT },
	{ "who", OUT_T_TEXT },       { "done", OUT_T_TEXT },      { "items", OUT_T_INT },
	{ "n", OUT_T_INT },          { "item", OUT_T_TEXT },      { "activity", OUT_T_TEXT },
};

int phase_status(sqlite3 *db, int64_t trajectory, int today, struct out *o, struct beter_err *err)
{
	sqlite3_stmt *st;
	int64_t pid;
	char name[256];
	int started, rc;

	if ((rc = current_phase(db, trajectory, &pid, name, sizeof(name), &started, err)))
		return rc;
	if ((rc = store_prepare(db,
				"SELECT t.id, t.model_name, tm.name, p.ord, "
				"(SELECT count(*) FROM trajectory_phase q WHERE q.trajectory_id = t.id), p.name, p.started, "
				"p.typical_days, p.who, "
				"(SELECT count(*) FROM trajectory_item i WHERE i.phase_id = p.id AND i.done IS NOT NULL), "
				"(SELECT count(*) FROM trajectory_item i WHERE i.phase_id = p.id) "
				"FROM trajectory t JOIN trajectory_phase p ON p.trajectory_id = t.id "
				"LEFT JOIN team tm ON tm.id = t.team_id WHERE p.id = ?1", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, pid);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return beter_err_set(err, BETER_IOERR, "reading the trajectory");
	}
	out_doc_begin(o, status_doc_cols, sizeof(status_doc_cols) / sizeof(*status_doc_cols));
	out_section(o, "phase", "Phase");
	out_record(o, status_cols, sizeof(status_cols) / sizeof(*status_cols));
	out_int(o, sqlite3_column_int64(st, 0));
	out_text(o, (const char *)sqlite3_column_text(st, 1));
	out_text(o, (const char *)sqlite3_column_text(st, 2));
	out_int(o, sqlite3_column_int64(st, 3));
	out_int(o, sqlite3_column_int64(st, 4));
	out_text(o, (const char *)sqlite3_column_text(st, 5));
	out_text(o, (const char *)sqlite3_column_text(st, 6));
	out_int(o, today - started);
	if (sqlite3_column_type(st, 7) == SQLITE_NULL)
		out_null(o);
	else
		out_int(o, sqlite3_column_int64(st, 7));
	out_text(o, (const char *)sqlite3_column_text(st, 8));
	out_int(o, sqlite3_column_int64(st, 9));
	out_int(o, sqlite3_column_int64(st, 10));
	out_end(o);
	sqlite3_finalize(st);

	if ((rc = store_prepare(db, "SELECT ord, key, text, done FROM trajectory_item WHERE phase_id = ?1 ORDER BY ord",
				&st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, pid);
	out_section(o, "checklist", "Checklist");
	out_list(o, check_cols, sizeof(check_cols) / sizeof(*check_cols));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		out_int(o, sqlite3_column_int64(st, 0));
		for (int i = 1; i < 4; i++)
			out_text(o, (const char *)sqlite3_column_text(st, i));
		out_row_end(o);
	}
	out_end(o);
	out_doc_end(o);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_fail(db, rc, err, "reading the checklist");
}

int phase_check(sqlite3 *db, int64_t trajectory, const char *item, int undo, int date, int *changed, char *key,
		size_t keysize, struct beter_err *err)
{
	sqlite3_stmt *st;
	int64_t pid = 0, iid = 0;
	char name[256], day[11], sday[11];
	int started, rc, was_done;

	*changed = 0;
	if ((rc = current_phase(db, trajectory, &pid, name, sizeof(name), &started, err)))
		return rc;
	if ((rc = store_prepare(db, "SELECT id, done IS NOT NULL, key FROM trajectory_item WHERE phase_id = ?1 AND "
				    "(key = ?2 OR CAST(ord AS TEXT) = ?2) ORDER BY key = ?2 DESC LIMIT 1", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, pid);
	store_bind_text(st, 2, item);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		iid = sqlite3_column_int64(st, 0);
		was_done = sqlite3_column_int(st, 1);
		if (key && keysize)
			snprintf(key, keysize, "%s", store_col_text(st, 2));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return beter_err_set(err, BETER_FAIL, "no item '%s' in the checklist of '%s' (see 'beter phase status')",
				     item ? item : "", name);
	if (!undo && date < started) {
		date_format(date, day);
		date_format(started, sday);
		return beter_err_set(err, BETER_DATAERR, "--date: %s is before the phase '%s' started (%s)", day, name,
				     sday);
	}
	if (was_done == !undo)
		return 0;
	if ((rc = store_prepare(db, "UPDATE trajectory_item SET done = ?2 WHERE id = ?1", &st, err)))
		return rc;
	date_format(date, day);
	sqlite3_bind_int64(st, 1, iid);
	store_bind_text(st, 2, undo ? NULL : day);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(db, rc, err, "updating the checklist");
	*changed = 1;
	return 0;
}

static int retro_text(const char *s, const char *what, struct beter_err *err)
{
	if (!s)
		return 0;
	if (str_blank(s))
		return beter_err_set(err, BETER_DATAERR, "%s: empty; say in a few words what you found", what);
	if (!utf8_valid(s, strlen(s), NULL))
		return beter_err_set(err, BETER_DATAERR, "%s: not valid UTF-8", what);
	if (strlen(s) > RETRO_MAX_BYTES)
		return beter_err_set(err, BETER_DATAERR, "%s: longer than %d bytes", what, RETRO_MAX_BYTES);
	return 0;
}

int phase_next(sqlite3 *db, int64_t trajectory, const struct phase_retro *r, int date, struct phase_next_result *res,
	       struct beter_err *err)
{
	sqlite3_stmt *st;
	int64_t pid;
	char day[11], sday[11];
	int started, rc, ord;

	memset(res, 0, sizeof(*res));
	if (r->no_retro_reason) {
		if ((rc = retro_text(r->no_retro_reason, "--reason", err)))
			return rc;
	} else if (!r->went_well || !r->improve) {
		return beter_err_set(err, BETER_USAGE,
				     "a phase closes with a retrospective: give --went-well TEXT and --improve TEXT "
				     "(or, to close without one, --no-retro --reason TEXT)");
	} else if ((rc = retro_text(r->went_well, "--went-well", err)) || (rc = retro_text(r->improve, "--improve", err))) {
		return rc;
	}
	if ((rc = current_phase(db, trajectory, &pid, res->closed, sizeof(res->closed), &started, err)))
		return rc;
	if (date < started) {
		date_format(date, day);
		date_format(started, sday);
		return beter_err_set(err, BETER_DATAERR, "--date: %s is before the phase '%s' started (%s)", day,
				     res->closed, sday);
	}
	date_format(date, day);
	if ((rc = store_prepare(db, "SELECT ord, (SELECT count(*) FROM trajectory_item WHERE phase_id = ?1 AND done IS NULL) "
				    "FROM trajectory_phase WHERE id = ?1", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, pid);
	sqlite3_step(st);
	ord = sqlite3_column_int(st, 0);
	res->open_items = sqlite3_column_int(st, 1);
	sqlite3_finalize(st);

	if ((rc = store_prepare(db, "UPDATE trajectory_phase SET status = 'closed', closed = ?2, went_well = ?3, "
				    "improve = ?4, no_retro_reason = ?5 WHERE id = ?1", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, pid);
	store_bind_text(st, 2, day);
	store_bind_text(st, 3, r->no_retro_reason ? NULL : r->went_well);
	store_bind_text(st, 4, r->no_retro_reason ? NULL : r->improve);
	store_bind_text(st, 5, r->no_retro_reason);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(db, rc, err, "closing the phase");

	if ((rc = store_prepare(db, "UPDATE trajectory_phase SET status = 'active', started = ?3 "
				    "WHERE trajectory_id = ?1 AND ord = ?2 RETURNING name", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, trajectory);
	sqlite3_bind_int(st, 2, ord + 1);
	store_bind_text(st, 3, day);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		snprintf(res->opened, sizeof(res->opened), "%s", store_col_text(st, 0));
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(db, rc, err, "starting the next phase");
	if (rc == SQLITE_ROW)
		return 0;
	if ((rc = store_prepare(db, "UPDATE trajectory SET status = 'done', ended = ?2 WHERE id = ?1", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, trajectory);
	store_bind_text(st, 2, day);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_fail(db, rc, err, "completing the trajectory");
}

static const struct out_col history_cols[] = {
	{ "trajectory", OUT_T_INT }, { "team", OUT_T_TEXT },    { "model", OUT_T_TEXT },
	{ "n", OUT_T_INT },          { "phase", OUT_T_TEXT },   { "status", OUT_T_TEXT },
	{ "started", OUT_T_TEXT },   { "closed", OUT_T_TEXT },  { "days", OUT_T_INT },
	{ "done", OUT_T_INT },       { "items", OUT_T_INT },    { "retrospective", OUT_T_TEXT },
};

int phase_history(sqlite3 *db, int64_t school, int64_t team, int today, struct out *o, struct beter_err *err)
{
	sqlite3_stmt *st;
	char day[11];
	int rc;

	if ((rc = store_prepare(db,
				"SELECT t.id, tm.name, t.model_key, p.ord, p.name, p.status, p.started, p.closed, "
				"CAST(julianday(coalesce(p.closed, ?3)) - julianday(p.started) AS INTEGER), "
				"(SELECT count(*) FROM trajectory_item i WHERE i.phase_id = p.id AND i.done IS NOT NULL), "
				"(SELECT count(*) FROM trajectory_item i WHERE i.phase_id = p.id), "
				"CASE WHEN p.status <> 'closed' THEN NULL WHEN p.no_retro_reason IS NOT NULL THEN 'skipped' "
				"ELSE 'held' END "
				"FROM trajectory t JOIN trajectory_phase p ON p.trajectory_id = t.id "
				"LEFT JOIN team tm ON tm.id = t.team_id WHERE t.school_id = ?1 AND " SCOPE_SQL
				" ORDER BY t.id, p.ord", &st, err)))
		return rc;
	date_format(today, day);
	sqlite3_bind_int64(st, 1, school);
	sqlite3_bind_int64(st, 2, team);
	store_bind_text(st, 3, day);
	out_list(o, history_cols, sizeof(history_cols) / sizeof(*history_cols));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; i < 12; i++) {
			if (sqlite3_column_type(st, i) == SQLITE_NULL)
				out_null(o);
			else if (history_cols[i].type == OUT_T_INT)
				out_int(o, sqlite3_column_int64(st, i));
			else
				out_text(o, (const char *)sqlite3_column_text(st, i));
		}
		out_row_end(o);
	}
	out_end(o);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_fail(db, rc, err, "listing the phases");
}

static const struct out_col retro_cols[] = {
	{ "trajectory", OUT_T_INT }, { "team", OUT_T_TEXT },      { "model", OUT_T_TEXT },
	{ "n", OUT_T_INT },          { "phase", OUT_T_TEXT },     { "closed", OUT_T_TEXT },
	{ "went_well", OUT_T_TEXT }, { "improve", OUT_T_TEXT },   { "no_retro_reason", OUT_T_TEXT },
};

int phase_retro_list(sqlite3 *db, int64_t school, int64_t team, struct out *o, struct beter_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = store_prepare(db,
				"SELECT t.id, tm.name, t.model_key, p.ord, p.name, p.closed, p.went_well, p.improve, "
				"p.no_retro_reason FROM trajectory t JOIN trajectory_phase p ON p.trajectory_id = t.id "
				"LEFT JOIN team tm ON tm.id = t.team_id WHERE t.school_id = ?1 AND p.status = 'closed' AND "
				SCOPE_SQL " ORDER BY p.closed, t.id, p.ord", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, school);
	sqlite3_bind_int64(st, 2, team);
	out_list(o, retro_cols, sizeof(retro_cols) / sizeof(*retro_cols));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; i < 9; i++) {
			if (retro_cols[i].type == OUT_T_INT)
				out_int(o, sqlite3_column_int64(st, i));
			else
				out_text(o, (const char *)sqlite3_column_text(st, i));
		}
		out_row_end(o);
	}
	out_end(o);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_fail(db, rc, err, "listing the retrospectives");
}

/* ---- conditions ------------------------------------------------------ */

void phase_rhythm_weeks(int from, int to, const int *team_days, size_t nteam, const int *school_days,
			size_t nschool, int64_t *weeks, int64_t *with_session)
{
	*weeks = 0;
	*with_session = 0;
	if (from > to)
		return;
	/* the Mondays of the first and last weeks */
	int first = from - (date_weekday(from) - 1), last = to - (date_weekday(to) - 1);
	for (int mon = first; mon <= last; mon += 7) {
		int fri = mon + 4, y, m, d, team = 0, any = 0;
		/* a school week has at least one weekday in the period */
		if (fri < from || mon > to)
			continue;
		for (size_t i = 0; i < nteam; i++)
			team |= team_days[i] >= mon && team_days[i] < mon + 7 && team_days[i] >= from && team_days[i] <= to;
		for (size_t i = 0; i < nschool; i++)
			any |= school_days[i] >= mon && school_days[i] < mon + 7 && school_days[i] >= from &&
			       school_days[i] <= to;
		date_to_ymd(mon, &y, &m, &d);
		/* Monday to Friday within the summer holiday, with no session of any team */
		if (!any && !team && mon >= date_from_ymd(y, 7, 15) && fri <= date_from_ymd(y, 8, 31))
			continue;
		(*weeks)++;
		*with_session += team;
	}
}

/* The days of the board sessions of a team (team > 0) or of every team of
 * the school (team 0) in [from, to]. */
static int session_days(sqlite3 *db, int64_t school, int64_t team, const char *from, const char *to, int **days,
			size_t *n, struct beter_err *err)
{
	sqlite3_stmt *st;
	size_t a = 0;
	int rc;

	*days = NULL;
	*n = 0;
	if ((rc = store_prepare(db,
				"SELECT DISTINCT s.date FROM board_session s JOIN team t ON t.id = s.team_id "
				"WHERE t.school_id = ?1 AND (?2 = 0 OR t.id = ?2) AND s.date BETWEEN ?3 AND ?4 ORDER BY s.date",
				&st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, school);
	sqlite3_bind_int64(st, 2, team);
	store_bind_text(st, 3, from);
	store_bind_text(st, 4, to);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int d;
		if (date_parse((const char *)sqlite3_column_text(st, 0), &d, "date", NULL))
			continue;
		if (*n == a)
			*days = xrealloc(*days, (a = a ? 2 * a : 32) * sizeof(**days));
		(*days)[(*n)++] = d;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(*days);
		*days = NULL;
		return store_fail(db, rc, err, "reading board sessions");
	}
	return 0;
}

/* Ambition and rhythm from the improvement boards. A team has an ambition
 * when an item of the board's section 'ambitie' is on the board on the last
 * day of the period. Rhythm: see phase_rhythm_weeks(). The school: ambition
 * set when every teacher team has one (ambition_teams of teams), rhythm the
 * mean of the teacher teams' rhythms, weeks with a session of any team. */
static int board_conditions(sqlite3 *db, int64_t school, int64_t team, int from, int to, struct phase_conditions *pc,
			    struct beter_err *err)
{
	char f[11], t[11];
	int *sdays = NULL, *tdays = NULL;
	size_t ns = 0, nt = 0;
	sqlite3_stmt *st;
	int rc;

	pc->ambition = -1;
	pc->rhythm = NAN;
	pc->rhythm_weeks = 0;
	pc->rhythm_sessions = 0;
	pc->ambition_teams = 0;
	pc->teams = 0;
	date_format(from, f);
	date_format(to, t);
	if ((rc = session_days(db, school, 0, f, t, &sdays, &ns, err)))
		return rc;
	if (team != PHASE_SCHOOL) {
		if ((rc = session_days(db, school, team, f, t, &tdays, &nt, err)))
			goto out;
		phase_rhythm_weeks(from, to, tdays, nt, sdays, ns, &pc->rhythm_weeks, &pc->rhythm_sessions);
		if (pc->rhythm_weeks)
			pc->rhythm = (double)pc->rhythm_sessions / (double)pc->rhythm_weeks;
		if ((rc = store_prepare(db,
					"SELECT EXISTS (SELECT 1 FROM board_item WHERE team_id = ?1 AND section = 'ambitie' "
					"AND added <= ?2 AND (removed IS NULL OR removed > ?2))", &st, err)))
			goto out;
		sqlite3_bind_int64(st, 1, team);
		store_bind_text(st, 2, t);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW)
			pc->ambition = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
		rc = rc == SQLITE_ROW ? 0 : store_fail(db, rc, err, "reading the ambition");
		goto out;
	}
	/* the school: weeks with a session of any team, then the teacher teams */
	phase_rhythm_weeks(from, to, sdays, ns, sdays, ns, &pc->rhythm_weeks, &pc->rhythm_sessions);
	if ((rc = store_prepare(db, "SELECT id FROM team WHERE school_id = ?1 AND kind = 'leraren' ORDER BY id", &st, err)))
		goto out;
	sqlite3_bind_int64(st, 1, school);
	{
		double sum = 0;
		int64_t known = 0;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			struct phase_conditions tc;
			memset(&tc, 0, sizeof(tc));
			int r2 = board_conditions(db, school, sqlite3_column_int64(st, 0), from, to, &tc, err);
			if (r2) {
				sqlite3_finalize(st);
				rc = r2;
				goto out;
			}
			pc->teams++;
			pc->ambition_teams += tc.ambition == 1;
			if (!isnan(tc.rhythm)) {
				sum += tc.rhythm;
				known++;
			}
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE) {
			rc = store_fail(db, rc, err, "listing teams");
			goto out;
		}
		rc = 0;
		if (pc->teams)
			pc->ambition = pc->ambition_teams == pc->teams;
		if (known)
			pc->rhythm = sum / (double)known;
	}
out:
	free(sdays);
	free(tdays);
	return rc;
}

int phase_conditions(sqlite3 *db, int64_t school, int64_t team, int from, int to, struct phase_conditions *pc,
		     struct beter_err *err)
{
	sqlite3_stmt *st;
	char f[11], t[11];
	int rc;

	memset(pc, 0, sizeof(*pc));
	if ((rc = board_conditions(db, school, team, from, to, pc, err)))
		return rc;
	if ((rc = store_prepare(db,
				"SELECT count(*), count(*) FILTER (WHERE p.went_well IS NOT NULL) "
				"FROM trajectory t JOIN trajectory_phase p ON p.trajectory_id = t.id "
				"WHERE t.school_id = ?1 AND ((?2 = 0 AND t.team_id IS NULL) OR t.team_id = ?2) "
				"AND p.status = 'closed' AND p.closed BETWEEN ?3 AND ?4", &st, err)))
		return rc;
	date_format(from, f);
	date_format(to, t);
	sqlite3_bind_int64(st, 1, school);
	sqlite3_bind_int64(st, 2, team);
	store_bind_text(st, 3, f);
	store_bind_text(st, 4, t);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		pc->closed = sqlite3_column_int64(st, 0);
		pc->with_retro = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return store_fail(db, rc, err, "counting retrospectives");
	pc->retrospective = pc->closed ? (double)pc->with_retro / (double)pc->closed : NAN;
	return 0;
}

static const struct out_col cond_cols[] = {
	{ "scope", OUT_T_TEXT },         { "team", OUT_T_TEXT },          { "ambition", OUT_T_BOOL },     { "rhythm", OUT_T_REAL },
	{ "school_weeks", OUT_T_INT },   { "weeks_with_session", OUT_T_INT }, { "retrospective", OUT_T_REAL },
	{ "phases_closed", OUT_T_INT },  { "with_retrospective", OUT_T_INT }, { "teams_with_ambition", OUT_T_INT },
	{ "teacher_teams", OUT_T_INT },
};

static void cond_row(struct out *o, const char *team, const struct phase_conditions *pc)
{
	out_text(o, team ? "team" : "school");
	out_text(o, team);
	if (pc->ambition < 0)
		out_null(o);
	else
		out_bool(o, pc->ambition);
	out_real(o, isnan(pc->rhythm) ? NAN : round(pc->rhythm * 1000) / 1000);
	if (isnan(pc->rhythm)) {
		out_null(o);
		out_null(o);
	} else {
		out_int(o, pc->rhythm_weeks);
		out_int(o, pc->rhythm_sessions);
	}
	out_real(o, isnan(pc->retrospective) ? NAN : round(pc->retrospective * 1000) / 1000);
	out_int(o, pc->closed);
	out_int(o, pc->with_retro);
	if (team) {
		out_null(o);
		out_null(o);
	} else {
		out_int(o, pc->ambition_teams);
		out_int(o, pc->teams);
	}
	out_row_end(o);
}

int phase_conditions_list(sqlite3 *db, int64_t school, int from, int to, struct out *o, struct beter_err *err)
{
	sqlite3_stmt *st;
	struct phase_conditions pc;
	int rc;

	if ((rc = store_prepare(db, "SELECT id, name FROM team WHERE school_id = ?1 AND (kind = 'leraren' OR "
				    "EXISTS (SELECT 1 FROM board_session bs WHERE bs.team_id = team.id) OR "
				    "EXISTS (SELECT 1 FROM board_item bi WHERE bi.team_id = team.id) OR "
				    "EXISTS (SELECT 1 FROM trajectory tr WHERE tr.team_id = team.id)) ORDER BY name, id", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, school);
	out_list(o, cond_cols, sizeof(cond_cols) / sizeof(*cond_cols));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int r2 = phase_conditions(db, school, sqlite3_column_int64(st, 0), from, to, &pc, err);
		if (r2) {
			sqlite3_finalize(st);
			out_end(o);
			return r2;
		}
		cond_row(o, (const char *)sqlite3_column_text(st, 1), &pc);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		out_end(o);
		return store_fail(db, rc, err, "listing teams");
	}
	if ((rc = phase_conditions(db, school, PHASE_SCHOOL, from, to, &pc, err))) {
		out_end(o);
		return rc;
	}
	cond_row(o, NULL, &pc);
	out_end(o);
	return 0;
}
