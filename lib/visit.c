#include "beter/visit.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "beter/date.h"
#include "beter/devpoint.h"
#include "beter/framework.h"
#include "beter/goal.h"
#include "beter/jsonin.h"
#include "beter/store.h"
#include "beter/util.h"

static const char *const status_names[] = { "planned", "done", "feedback-due", "closed", "missed" };
#define NSTATUS ((int)(sizeof(status_names) / sizeof(*status_names)))

const char *visit_status_name(int status)
{
	return status >= 0 && status < NSTATUS ? status_names[status] : "?";
}

int visit_status_parse(const char *s)
{
	for (int i = 0; s && i < NSTATUS; i++)
		if (!strcmp(s, status_names[i]))
			return i;
	return -1;
}

int visit_status_of(int recorded, int feedback_held, int visit_day, int today, int feedback_days)
{
	if (feedback_held)
		return VISIT_CLOSED;
	if (!recorded)
		return visit_day < today ? VISIT_MISSED : VISIT_PLANNED;
	return today - visit_day > feedback_days ? VISIT_FEEDBACK_DUE : VISIT_DONE;
}

/* ---- the duo planner ---- */

static int overlap_of(int n, const unsigned char *prev, const int *t)
{
	int k = 0;
	for (int i = 0; prev && i < n; i++)
		k += prev[i * n + t[i]] != 0;
	return k;
}

static int gcd(int a, int b)
{
	while (b) {
		int t = a % b;
		a = b;
		b = t;
	}
	return a;
}

struct search {
	int n;
	const unsigned char *prev;
	int *t, *used;
	long nodes;
};

/* a derangement using no previous pair, trying targets from i+1 onwards */
static int search_free(struct search *s, int i)
{
	if (i == s->n)
		return 1;
	for (int d = 1; d < s->n; d++) {
		int j = (i + d) % s->n;
		if (s->used[j] || (s->prev && s->prev[i * s->n + j]))
			continue;
		if (++s->nodes > 200000)
			return 0;
		s->used[j] = 1;
		s->t[i] = j;
		if (search_free(s, i + 1))
			return 1;
		s->used[j] = 0;
	}
	return 0;
}

int visit_plan_pairs(int n, const unsigned char *prev, int *target)
{
	int best = -1, best_ov = 0, best_score = 0;
	int *t = xcalloc((size_t)n, sizeof(int));

	/* rotations of the sorted list: i visits i+k. Prefer no repeats, then
	 * no duo of the previous round the other way round, then a single cycle
	 * (nobody visits the one who visits them), then the smallest k */
	for (int k = 1; k < n; k++) {
		int rev = 0;
		for (int i = 0; i < n; i++)
			t[i] = (i + k) % n;
		for (int i = 0; prev && i < n; i++)
			rev += prev[t[i] * n + i] != 0;
		int ov = overlap_of(n, prev, t);
		int score = ov * 4 * n + rev * 2 + (gcd(k, n) != 1);
		if (best < 0 || score < best_score) {
			best = k;
			best_ov = ov;
			best_score = score;
		}
	}
	if (best_ov > 0 && n > 2) {
		struct search s = { n, prev, t, xcalloc((size_t)n, sizeof(int)), 0 };
		int found = search_free(&s, 0);
		free(s.used);
		if (found) {
			memcpy(target, t, (size_t)n * sizeof(int));
			free(t);
			return 0;
		}
	}
	for (int i = 0; i < n; i++)
		target[i] = (i + best) % n;
	free(t);
	return best_ov;
}

/* ---- observations ---- */

void visit_obs_release(struct visit_obs *obs)
{
	free(obs->seen);
	free(obs->effect);
	for (size_t i = 0; i < obs->nscores; i++)
		free(obs->scores[i].item);
	free(obs->scores);
	free(obs->from);
	memset(obs, 0, sizeof(*obs));
}

/* add a score; an item given twice is refused (which value was meant?) */
static int obs_score(struct visit_obs *obs, const char *item, int value, const char *what, struct beter_err *err)
{
	for (size_t i = 0; i < obs->nscores; i++)
		if (!strcmp(obs->scores[i].item, item))
			return beter_err_set(err, BETER_DATAERR, "%s: the item '%s' is scored twice; give one score per item",
					     what, item);
	obs->scores = xrealloc(obs->scores, (obs->nscores + 1) * sizeof(*obs->scores));
	obs->scores[obs->nscores].item = xstrdup(item);
	obs->scores[obs->nscores].value = value;
	obs->scores[obs->nscores].line = 0;
	obs->nscores++;
	return 0;
}

int visit_obs_add_score(struct visit_obs *obs, const char *spec, const char *what, struct beter_err *err)
{
	const char *eq = strchr(spec, '=');
	char *item;
	int64_t v;
	int rc = 0;

	if (!eq)
		return beter_err_set(err, BETER_DATAERR, "%s: '%s' is not ITEM=VALUE (e.g. klimaat.1=3)", what, spec);
	item = str_lower(str_trim(xstrndup(spec, (size_t)(eq - spec))));
	char *val = str_trim(xstrdup(eq + 1));
	if (!*item)
		rc = beter_err_set(err, BETER_DATAERR, "%s: '%s' names no item (use ITEM=VALUE)", what, spec);
	else if (parse_int64(val, &v) != 0 || v < -1000 || v > 1000)
		rc = beter_err_set(err, BETER_DATAERR, "%s: '%s' is not a whole number in '%s'", what, val, spec);
	else
		rc = obs_score(obs, item, (int)v, what, err);
	free(item);
	free(val);
	return rc;
}

static int text_field(char **dst, const char *src, const char *what, struct beter_err *err)
{
	char *t = str_trim(xstrdup(src ? src : ""));
	if (!*t) {
		free(t);
		return 0;
	}
	if (strlen(t) > VISIT_TEXT_MAX || !utf8_valid(t, strlen(t), NULL)) {
		free(t);
		return beter_err_set(err, BETER_DATAERR, "%s: must be at most %d bytes of UTF-8 text", what, VISIT_TEXT_MAX);
	}
	free(*dst);
	*dst = t;
	return 0;
}

/* A line that is only a word and a colon ("score:"): meant as a header. */
static int header_like(const char *t)
{
	size_t n = strlen(t);
	if (n < 2 || t[n - 1] != ':')
		return 0;
	for (size_t i = 0; i + 1 < n; i++) {
		unsigned char ch = (unsigned char)t[i];
		if (!(isalnum(ch) || ch == '_' || ch == '-' || ch >= 0x80))
			return 0;
	}
	return 1;
}

int visit_obs_parse_text(const char *name, const char *text, struct visit_obs *obs, struct beter_err *err)
{
	struct strbuf sec[3] = { STRBUF_INIT, STRBUF_INIT, STRBUF_INIT };
	static const char *const names[] = { "seen", "effect", "scores", "gezien" };
	const char *p = text;
	int cur = -1, rc = 0, any = 0;
	long lineno = 0;
	char where[300];

	memset(obs, 0, sizeof(*obs));
	if (!utf8_valid(text, strlen(text), NULL))
		return beter_err_set(err, BETER_DATAERR, "%s%sthe text is not valid UTF-8", name ? name : "",
				     name ? ": " : "");
	while (*p && !rc) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char *line = xstrndup(p, len);
		p += len + (nl ? 1 : 0);
		lineno++;
		if (name)
			snprintf(where, sizeof(where), "%s:%ld", name, lineno);
		else
			snprintf(where, sizeof(where), "line %ld", lineno);
		if (len && line[len - 1] == '\r')
			line[len - 1] = '\0';
		if (line[0] == '#') {
			free(line);
			continue;
		}
		char *t = str_trim(xstrdup(line));
		int hdr = -1;
		size_t hlen = 0;
		for (int i = 0; i < 4; i++) {
			size_t n = strlen(names[i]);
			if (!strncasecmp(t, names[i], n) && t[n] == ':') {
				hdr = i == 3 ? 0 : i; /* gezien: the template's word for seen */
				hlen = n;
			}
		}
		if (hdr < 0 && header_like(t)) {
			/* "score:" would silently become text of the section above */
			static const char *const known[] = { "gezien", "seen", "effect", "scores" };
			char *word = str_lower(xstrndup(t, strlen(t) - 1));
			const char *near = str_nearest(word, known, 4);
			if (near)
				rc = beter_err_set(err, BETER_DATAERR, "%s: '%s' is not a section; did you mean '%s:'? (the "
						   "sections are gezien: (or seen:), effect: and scores:)", where, t, near);
			else
				rc = beter_err_set(err, BETER_DATAERR, "%s: '%s' is not a section (the sections are gezien: (or "
						   "seen:), effect: and scores:); write text after the word on the same line",
						   where, t);
			free(word);
		} else if (hdr >= 0) {
			cur = hdr;
			const char *rest = t + hlen + 1;
			while (*rest == ' ' || *rest == '\t')
				rest++;
			if (*rest) {
				strbuf_adds(&sec[cur], rest);
				strbuf_addc(&sec[cur], '\n');
				any = 1;
			}
		} else if (*t) {
			any = 1;
			if (cur < 0)
				rc = beter_err_set(err, BETER_DATAERR, "%s: text outside a section; write it under 'gezien:' "
						   "(or 'seen:'), 'effect:' or 'scores:'", where);
			else if (cur == 2) {
				char what[320];
				snprintf(what, sizeof(what), "%s: scores", where);
				if (!(rc = visit_obs_add_score(obs, t, what, err)))
					obs->scores[obs->nscores - 1].line = lineno;
			} else {
				strbuf_adds(&sec[cur], line);
				strbuf_addc(&sec[cur], '\n');
			}
		} else if (cur == 0 || cur == 1) {
			strbuf_addc(&sec[cur], '\n'); /* keep paragraphs */
		}
		free(t);
		free(line);
	}
	if (!rc && !any)
		rc = beter_err_set(err, BETER_FAIL, "aborting: the text is empty, nothing was written");
	if (name)
		snprintf(where, sizeof(where), "%s: ", name);
	else
		where[0] = '\0';
	if (!rc) {
		char what[320];
		snprintf(what, sizeof(what), "%sgezien", where);
		rc = text_field(&obs->seen, strbuf_str(&sec[0]), what, err);
	}
	if (!rc) {
		char what[320];
		snprintf(what, sizeof(what), "%seffect", where);
		rc = text_field(&obs->effect, strbuf_str(&sec[1]), what, err);
	}
	for (int i = 0; i < 3; i++)
		strbuf_release(&sec[i]);
	if (rc)
		visit_obs_release(obs);
	else if (name)
		obs->from = xstrdup(name);
	return rc;
}

int visit_obs_load(sqlite3 *db, int64_t id, struct visit_obs *obs, struct beter_err *err)
{
	sqlite3_stmt *st;
	int rc;

	memset(obs, 0, sizeof(*obs));
	if ((rc = store_prepare(db, "SELECT seen, effect FROM visit WHERE id = ?1 AND recorded IS NOT NULL", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		obs->seen = xstrdup(store_col_text(st, 0));
		obs->effect = xstrdup(store_col_text(st, 1));
	}
	sqlite3_finalize(st);
	if (!obs->seen)
		return 0;
	if ((rc = store_prepare(db, "SELECT item, score FROM visit_score WHERE visit_id = ?1 ORDER BY item", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		obs->scores = xrealloc(obs->scores, (obs->nscores + 1) * sizeof(*obs->scores));
		obs->scores[obs->nscores].item = xstrdup(store_col_text(st, 0));
		obs->scores[obs->nscores].value = sqlite3_column_int(st, 1);
		obs->scores[obs->nscores].line = 0;
		obs->nscores++;
	}
	sqlite3_finalize(st);
	return 0;
}

int visit_obs_parse_json(const char *name, const char *text, size_t len, struct visit_obs *obs, struct beter_err *err)
{
	cJSON *root, *v;
	int rc = 0;

	memset(obs, 0, sizeof(*obs));
	if ((rc = jsonin_parse(name, text, len, &root, err)))
		return rc;
	if (!cJSON_IsObject(root)) {
		cJSON_Delete(root);
		return beter_err_set(err, BETER_DATAERR, "%s: expected an object {\"seen\": ..., \"effect\": ..., "
				     "\"scores\": {...}}", name);
	}
	static const char *const fields[] = { "seen", "effect" };
	for (int i = 0; i < 2 && !rc; i++) {
		v = cJSON_GetObjectItemCaseSensitive(root, fields[i]);
		if (v && !cJSON_IsNull(v) && !cJSON_IsString(v))
			rc = beter_err_set(err, BETER_DATAERR, "%s: field '%s': expected a string", name, fields[i]);
		else if (v && cJSON_IsString(v)) {
			char what[300];
			snprintf(what, sizeof(what), "%s: field '%s'", name, fields[i]);
			rc = text_field(i ? &obs->effect : &obs->seen, v->valuestring, what, err);
		}
	}
	v = cJSON_GetObjectItemCaseSensitive(root, "scores");
	if (!rc && v && !cJSON_IsNull(v)) {
		cJSON *s;
		if (!cJSON_IsObject(v))
			rc = beter_err_set(err, BETER_DATAERR, "%s: field 'scores': expected an object {\"ITEM\": VALUE}", name);
		cJSON_ArrayForEach(s, v)
		{
			if (rc)
				break;
			if (!cJSON_IsNumber(s) || s->valuedouble != floor(s->valuedouble) || fabs(s->valuedouble) > 1000)
				rc = beter_err_set(err, BETER_DATAERR, "%s: field 'scores.%s': expected a whole number", name,
						   s->string);
			else {
				char *item = str_lower(str_trim(xstrdup(s->string)));
				char what[300];
				snprintf(what, sizeof(what), "%s: field 'scores'", name);
				rc = obs_score(obs, item, (int)s->valuedouble, what, err);
				free(item);
			}
		}
	}
	cJSON_Delete(root);
	if (rc)
		visit_obs_release(obs);
	else
		obs->from = xstrdup(name);
	return rc;
}

int visit_template(sqlite3 *db, int64_t school, const char *header, const char *framework_key,
		   const struct visit_obs *cur, struct strbuf *sb, struct beter_err *err)
{
	struct framework fw;
	int rc;

	if (cur && cur->seen) {
		strbuf_addf(sb, "gezien:\n%s\n\neffect:\n%s\n\nscores:\n", cur->seen, cur->effect ? cur->effect : "");
		for (size_t i = 0; i < cur->nscores; i++)
			strbuf_addf(sb, "%s=%d\n", cur->scores[i].item, cur->scores[i].value);
		strbuf_addc(sb, '\n');
	} else {
		strbuf_adds(sb, "gezien:\n\neffect:\n\nscores:\n\n");
	}
	if (header)
		strbuf_addf(sb, "# %s\n", header);
	strbuf_adds(sb,
		    "#\n"
		    "# Schrijf op wat er gebeurde: feiten, geen oordeel.\n"
		    "# gezien: wat deed de leraar? Beschrijf de situatie met concrete voorbeelden\n"
		    "#         zoals jij ze zag, bijvoorbeeld \"Ik zag dat je drie leerlingen liet\n"
		    "#         uitleggen hoe ...\".\n"
		    "# effect: wat deden de leerlingen daarop? Bijvoorbeeld \"... daarna gingen de\n"
		    "#         leerlingen ...\". Het gaat om het effect op de leerlingen, niet op jou.\n"
		    "# In het nagesprek: houd even stil, vraag hoe de leraar het zag en wat de\n"
		    "# bedoeling was (\"Herken je dit? Wilde je dat bereiken?\") en zoek samen naar\n"
		    "# wat beter kan.\n"
		    "# Ga voor het nagesprek na of je feedback getimed is (is dit het moment, is er\n"
		    "# tijd), opbouwend (wil je samen het werk beter maken, welke woorden kies je)\n"
		    "# en juist (kloppen je feiten, ben jij de aangewezen persoon).\n"
		    "#\n");
	rc = framework_get(db, school, framework_key ? framework_key : FRAMEWORK_DEFAULT, 0, &fw, err);
	if (rc == BETER_FAIL && !framework_key) {
		rc = 0; /* no default framework installed: no scores section help */
	} else if (rc == 0) {
		strbuf_addf(sb, "# scores: per regel ITEM=WAARDE, items van '%s', schaal %d-%d", fw.key, fw.min, fw.max);
		for (int v = fw.min; v <= fw.max; v++)
			if (framework_label(&fw, v))
				strbuf_addf(sb, "%s%d %s", v == fw.min ? " (" : ", ", v, framework_label(&fw, v));
		strbuf_adds(sb, framework_label(&fw, fw.min) ? "):\n" : ":\n");
		for (size_t i = 0; i < fw.nitems; i++)
			strbuf_addf(sb, "#   %-20s %s\n", fw.items[i].id, fw.items[i].text);
		framework_release(&fw);
	}
	if (!rc)
		strbuf_adds(sb, "#\n# Regels die met '#' beginnen vallen weg. Is de tekst leeg, dan wordt er niets\n"
				"# opgeslagen.\n");
	return rc;
}

/* ---- writing visits ---- */

static int in_school(sqlite3 *db, const char *sql, int64_t school, int64_t id)
{
	sqlite3_stmt *st;
	int ok = 0;
	if (store_prepare(db, sql, &st, NULL))
		return 0;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, school);
	ok = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return ok;
}

int visit_round_find(sqlite3 *db, int64_t school, const char *name, int64_t *id, struct beter_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = store_prepare(db, "SELECT id FROM visit_round WHERE school_id = ?1 AND name = ?2", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, school);
	store_bind_text(st, 2, name);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 0;
	return beter_err_set(err, BETER_FAIL, "no round named '%s' (see 'beter visit list')", name ? name : "");
}

static int round_text_ok(const char *name, struct beter_err *err)
{
	if (str_blank(name) || strlen(name) > 100 || !utf8_valid(name, strlen(name), NULL))
		return beter_err_set(err, BETER_DATAERR, "--round: a round name must be 1-100 bytes of UTF-8 text");
	return 0;
}

/* Find or create a round; widen it to include day (day < 0: no widening). */
static int round_get(sqlite3 *db, int64_t school, const char *name, int from, int to, int64_t *id,
		     struct beter_err *err)
{
	sqlite3_stmt *st;
	char f[11], t[11], uid[33];
	int rc;

	if ((rc = round_text_ok(name, err)))
		return rc;
	date_format(from, f);
	date_format(to, t);
	if (visit_round_find(db, school, name, id, NULL) == 0) {
		if ((rc = store_prepare(db, "UPDATE visit_round SET from_date = min(from_date, ?2), to_date = max(to_date, ?3) "
					    "WHERE id = ?1", &st, err)))
			return rc;
		sqlite3_bind_int64(st, 1, *id);
	} else {
		if ((rc = store_prepare(db, "INSERT INTO visit_round(uid, school_id, name, from_date, to_date) "
					    "VALUES (?4, ?1, ?5, ?2, ?3)", &st, err)))
			return rc;
		uid_new(uid);
		sqlite3_bind_int64(st, 1, school);
		store_bind_text(st, 4, uid);
		store_bind_text(st, 5, name);
	}
	store_bind_text(st, 2, f);
	store_bind_text(st, 3, t);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(db, rc, err, "storing the round");
	if (visit_round_find(db, school, name, id, err))
		return BETER_IOERR;
	return 0;
}

static int check_text(const char *s, const char *what, size_t max, struct beter_err *err)
{
	if (s && (str_blank(s) || strlen(s) > max || !utf8_valid(s, strlen(s), NULL)))
		return beter_err_set(err, BETER_DATAERR, "%s: must be 1-%zu bytes of UTF-8 text", what, max);
	return 0;
}

int visit_add(sqlite3 *db, int64_t school, const struct visit_new *v, int64_t *id, struct beter_err *err)
{
	sqlite3_stmt *st;
	struct framework fw;
	int64_t round = 0, goal = 0, fwid = 0, team = v->team;
	const char *focus = NULL, *item = NULL;
	char uid[33], date[11], tm[16], today[11];
	int rc;

	memset(&fw, 0, sizeof(fw));
	if (v->observer == v->teacher)
		return beter_err_set(err, BETER_DATAERR, "--observer: a teacher cannot visit themself; the observer "
				     "must be someone else");
	if ((rc = check_text(v->group, "--group", 100, err)) || (rc = check_text(v->subject, "--subject", 200, err)) ||
	    (rc = check_text(v->lesson_goal, "--lesson-goal", 1000, err)))
		return rc;
	if (v->focus) {
		if (!strncmp(v->focus, "goal:", 5)) {
			if (parse_int64(v->focus + 5, &goal) != 0 || goal <= 0)
				return beter_err_set(err, BETER_DATAERR, "--focus: '%s' needs a goal number, e.g. goal:3", v->focus);
			focus = "goal";
		} else if (!strncmp(v->focus, "item:", 5)) {
			item = v->focus + 5;
			focus = "item";
		} else if (!strcmp(v->focus, "points")) {
			focus = "points";
		} else {
			return beter_err_set(err, BETER_DATAERR, "--focus: '%s' is not goal:N, item:ID or points", v->focus);
		}
	}
	if (v->framework || item) {
		const char *key = v->framework ? v->framework : FRAMEWORK_DEFAULT;
		if ((rc = framework_get(db, school, key, 1, &fw, err)))
			return rc;
		fwid = fw.id;
		if (item && !framework_item(&fw, item)) {
			rc = beter_err_set(err, BETER_DATAERR, "--focus: no item '%s' in the framework '%s' (see 'beter visit "
					   "framework show %s')", item, fw.key, fw.key);
			framework_release(&fw);
			return rc;
		}
		framework_release(&fw);
	}
	if (goal > 0) {
		struct goal_info g;
		if ((rc = goal_find(db, school, goal, &g, err)))
			return rc;
		if (!g.team)
			return beter_err_set(err, BETER_DATAERR, "--focus: goal %lld is a personal goal; use --focus points "
					     "for the teacher's development points", (long long)goal);
	}
	if (v->round && (rc = round_get(db, school, v->round, v->day, v->day, &round, err)))
		return rc;
	if (!team) {
		/* the teacher's teacher team, when there is exactly one */
		sqlite3_stmt *q;
		if ((rc = store_prepare(db, "SELECT min(t.id), count(*) FROM team_member m JOIN team t ON t.id = m.team_id "
					    "WHERE m.person_id = ?1 AND t.kind = 'leraren'", &q, err)))
			return rc;
		sqlite3_bind_int64(q, 1, v->teacher);
		if (sqlite3_step(q) == SQLITE_ROW && sqlite3_column_int64(q, 1) == 1)
			team = sqlite3_column_int64(q, 0);
		sqlite3_finalize(q);
	}
	if ((rc = store_prepare(db, "INSERT INTO visit(uid, school_id, observer_id, teacher_id, team_id, round_id, "
				    "framework_id, date, time, class_group, subject, lesson_goal, focus, focus_goal_id, "
				    "focus_item, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
				    "?14, ?15, ?16)", &st, err)))
		return rc;
	uid_new(uid);
	date_format(v->day, date);
	date_format(date_today(), today);
	store_bind_text(st, 1, uid);
	sqlite3_bind_int64(st, 2, school);
	sqlite3_bind_int64(st, 3, v->observer);
	sqlite3_bind_int64(st, 4, v->teacher);
	if (team)
		sqlite3_bind_int64(st, 5, team);
	if (round)
		sqlite3_bind_int64(st, 6, round);
	if (fwid)
		sqlite3_bind_int64(st, 7, fwid);
	store_bind_text(st, 8, date);
	if (v->time >= 0) {
		snprintf(tm, sizeof(tm), "%02d:%02d", (v->time / 60) % 24, v->time % 60);
		store_bind_text(st, 9, tm);
	}
	store_bind_text(st, 10, v->group);
	store_bind_text(st, 11, v->subject);
	store_bind_text(st, 12, v->lesson_goal);
	store_bind_text(st, 13, focus);
	if (goal)
		sqlite3_bind_int64(st, 14, goal);
	store_bind_text(st, 15, item);
	store_bind_text(st, 16, today);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(db, rc, err, "adding the visit");
	*id = sqlite3_last_insert_rowid(db);
	if (focus && !strcmp(focus, "points"))
		return devpoint_focus_visit(db, *id, v->teacher, NULL, err);
	return 0;
}

int visit_find(sqlite3 *db, int64_t school, int64_t number, struct beter_err *err)
{
	if (in_school(db, "SELECT 1 FROM visit WHERE id = ?1 AND school_id = ?2", school, number))
		return 0;
	return beter_err_set(err, BETER_FAIL, "no visit with number %lld (see 'beter visit list')", (long long)number);
}

int visit_may_record(sqlite3 *db, int64_t id, int replace, struct beter_err *err)
{
	sqlite3_stmt *st;
	char *recorded = NULL;
	int rc;

	if (replace)
		return 0;
	if ((rc = store_prepare(db, "SELECT recorded FROM visit WHERE id = ?1 AND recorded IS NOT NULL", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		recorded = xstrdup(store_col_text(st, 0));
	sqlite3_finalize(st);
	if (recorded) {
		rc = beter_err_set(err, BETER_DATAERR, "visit %lld was recorded on %s; give --replace to write it again",
				   (long long)id, recorded);
		free(recorded);
	}
	return rc;
}

int visit_record(sqlite3 *db, int64_t school, int64_t id, const struct visit_obs *obs, const char *framework_key,
		 int day, int replace, struct beter_err *err)
{
	sqlite3_stmt *st;
	struct framework fw;
	int64_t fwid = 0;
	int vday = 0, rc;
	char date[11];

	memset(&fw, 0, sizeof(fw));
	if ((rc = visit_may_record(db, id, replace, err)) || (rc = date_not_future(day, "--date", err)))
		return rc;
	if (!obs->seen)
		return beter_err_set(err, BETER_DATAERR, "seen: missing; write what you saw the teacher do "
				     "(facts, e.g. \"I saw you ...\")");
	if (!obs->effect)
		return beter_err_set(err, BETER_DATAERR, "effect: missing; write what the pupils did in response");
	if ((rc = store_prepare(db, "SELECT date, framework_id FROM visit WHERE id = ?1", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		date_parse(store_col_text(st, 0), &vday, "date", NULL);
		fwid = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	if (vday > day) {
		date_format(vday, date);
		return beter_err_set(err, BETER_DATAERR, "visit %lld is planned for %s; record it on or after that day",
				     (long long)id, date);
	}
	if (obs->nscores || framework_key) {
		if (fwid && framework_key) {
			if ((rc = framework_load(db, fwid, &fw, err)))
				return rc;
			if (strcmp(fw.key, framework_key)) {
				rc = beter_err_set(err, BETER_DATAERR, "--framework: visit %lld is scored on '%s' already",
						   (long long)id, fw.key);
				framework_release(&fw);
				return rc;
			}
		} else if (fwid) {
			if ((rc = framework_load(db, fwid, &fw, err)))
				return rc;
		} else if ((rc = framework_get(db, school, framework_key ? framework_key : FRAMEWORK_DEFAULT, 1, &fw, err))) {
			return rc;
		}
		for (size_t i = 0; i < obs->nscores && !rc; i++) {
			const struct visit_score_in *s = &obs->scores[i];
			char what[700], where[300];
			if (s->line > 0) /* from the editor's text: name its line */
				snprintf(where, sizeof(where), "%s:%ld: scores", obs->from ? obs->from : "line", s->line);
			else
				snprintf(where, sizeof(where), "%s", obs->from ? obs->from : "--score");
			if (s->line > 0)
				snprintf(what, sizeof(what), "%s: %s=", where, s->item);
			else if (obs->from)
				snprintf(what, sizeof(what), "%s: field 'scores.%s': ", obs->from, s->item);
			else
				snprintf(what, sizeof(what), "--score: %s=", s->item);
			if (!framework_item(&fw, s->item))
				rc = beter_err_set(err, BETER_DATAERR, "%s: no item '%s' in the framework '%s' (see 'beter "
						   "visit framework show %s')", where, s->item, fw.key, fw.key);
			else if (s->value < fw.min || s->value > fw.max)
				rc = beter_err_set(err, BETER_DATAERR, "%s%d is outside %d-%d", what, s->value, fw.min, fw.max);
		}
		fwid = fw.id;
		framework_release(&fw);
		if (rc)
			return rc;
	}
	date_format(day, date);
	if ((rc = store_prepare(db, "UPDATE visit SET seen = ?2, effect = ?3, recorded = ?4, framework_id = ?5 "
				    "WHERE id = ?1", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, id);
	store_bind_text(st, 2, obs->seen);
	store_bind_text(st, 3, obs->effect);
	store_bind_text(st, 4, date);
	if (fwid)
		sqlite3_bind_int64(st, 5, fwid);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(db, rc, err, "recording the visit");
	/* what is given is the record: scores written before and not given now go */
	if ((rc = store_prepare(db, "DELETE FROM visit_score WHERE visit_id = ?1", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(db, rc, err, "recording the scores");
	if ((rc = store_prepare(db, "INSERT INTO visit_score(uid, visit_id, item, score) VALUES (?1, ?2, ?3, ?4)", &st,
				err)))
		return rc;
	for (size_t i = 0; i < obs->nscores; i++) {
		char uid[33];
		uid_new(uid);
		sqlite3_reset(st);
		store_bind_text(st, 1, uid);
		sqlite3_bind_int64(st, 2, id);
		store_bind_text(st, 3, obs->scores[i].item);
		sqlite3_bind_int(st, 4, obs->scores[i].value);
		if ((rc = sqlite3_step(st)) != SQLITE_DONE) {
			sqlite3_finalize(st);
			return store_fail(db, rc, err, "recording the scores");
		}
	}
	sqlite3_finalize(st);
	return 0;
}

int visit_feedback(sqlite3 *db, int64_t id, int day, const char *agreed, char *const *points, int npoints,
		   struct beter_err *err)
{
	sqlite3_stmt *st;
	char date[11], vdate[11] = "", held[11] = "";
	int recorded = 0, rc;
	int64_t teacher = 0;
	char *a = NULL;

	if ((rc = store_prepare(db, "SELECT date, recorded IS NOT NULL, feedback_date, teacher_id FROM visit WHERE id = ?1",
				&st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(vdate, sizeof(vdate), "%s", store_col_text(st, 0));
		recorded = sqlite3_column_int(st, 1);
		snprintf(held, sizeof(held), "%s", store_col_text(st, 2));
		teacher = sqlite3_column_int64(st, 3);
	}
	sqlite3_finalize(st);
	if (!teacher)
		return beter_err_set(err, BETER_FAIL, "no visit with number %lld (see 'beter visit list')", (long long)id);
	if (*held)
		return beter_err_set(err, BETER_FAIL, "the feedback talk of visit %lld was held already on %s",
				     (long long)id, held);
	if (!recorded)
		return beter_err_set(err, BETER_FAIL, "visit %lld is not recorded yet; write what was seen first with "
				     "'beter visit record %lld'", (long long)id, (long long)id);
	date_format(day, date);
	if (strcmp(date, vdate) < 0)
		return beter_err_set(err, BETER_DATAERR, "--date: %s is before the visit (%s)", date, vdate);
	if ((rc = date_not_future(day, "--date", err)))
		return rc;
	if ((rc = text_field(&a, agreed, "--agreed", err)))
		return rc;
	if (!a)
		return beter_err_set(err, BETER_DATAERR, "--agreed: missing; write what you agreed in the talk");
	if ((rc = store_prepare(db, "UPDATE visit SET feedback_date = ?2, agreed = ?3 WHERE id = ?1", &st, err))) {
		free(a);
		return rc;
	}
	sqlite3_bind_int64(st, 1, id);
	store_bind_text(st, 2, date);
	store_bind_text(st, 3, a);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	free(a);
	if (rc != SQLITE_DONE)
		return store_fail(db, rc, err, "recording the feedback talk");
	for (int i = 0; i < npoints; i++)
		if ((rc = devpoint_add(db, teacher, points[i], day, id, NULL, err)))
			return rc;
	return 0;
}

/* ---- listing ---- */

void visit_filter_init(struct visit_filter *f)
{
	memset(f, 0, sizeof(*f));
	f->from = 1;
	f->to = 0;
	f->status = -1;
	f->today = date_today();
	f->feedback_days = VISIT_FEEDBACK_DAYS;
}

static const char visit_sql[] =
	"SELECT v.id, v.date, v.time, o.code, t.code, t.name, tm.name, r.name, v.class_group, v.subject, "
	"v.lesson_goal, CASE v.focus WHEN 'goal' THEN 'goal:' || v.focus_goal_id WHEN 'item' THEN 'item:' || "
	"v.focus_item ELSE v.focus END, fw.key, v.recorded IS NOT NULL, v.feedback_date IS NOT NULL, v.recorded, "
	"v.feedback_date, v.seen, v.effect, v.agreed "
	"FROM visit v JOIN person o ON o.id = v.observer_id JOIN person t ON t.id = v.teacher_id "
	"LEFT JOIN team tm ON tm.id = v.team_id LEFT JOIN visit_round r ON r.id = v.round_id "
	"LEFT JOIN visit_framework fw ON fw.id = v.framework_id ";

static const struct out_col list_cols[] = {
	{ "id", OUT_T_INT },	      { "date", OUT_T_TEXT },	  { "time", OUT_T_TEXT },   { "observer", OUT_T_TEXT },
	{ "teacher", OUT_T_TEXT },    { "team", OUT_T_TEXT },	  { "round", OUT_T_TEXT },  { "group", OUT_T_TEXT },
	{ "focus", OUT_T_TEXT },      { "status", OUT_T_TEXT },	  { "feedback_date", OUT_T_TEXT },
};
#define NLIST_COLS (sizeof(list_cols) / sizeof(*list_cols))

static int row_status(sqlite3_stmt *st, const struct visit_filter *f)
{
	int day = 0;
	date_parse(store_col_text(st, 1), &day, "date", NULL);
	return visit_status_of(sqlite3_column_int(st, 13), sqlite3_column_int(st, 14), day, f->today, f->feedback_days);
}

static int bind_filter(sqlite3 *db, const char *tail, int64_t school, const struct visit_filter *f,
		       sqlite3_stmt **st, struct beter_err *err)
{
	struct strbuf sql = STRBUF_INIT;
	char from[11], to[11];
	int rc;

	strbuf_addf(&sql, "%s WHERE v.school_id = ?1 AND (?2 = 0 OR v.teacher_id = ?2) AND (?3 = 0 OR v.observer_id = ?3) "
			  "AND (?4 = 0 OR v.team_id = ?4) AND (?5 IS NULL OR r.name = ?5) AND (?6 IS NULL OR v.date >= ?6) "
			  "AND (?7 IS NULL OR v.date <= ?7) %s", visit_sql, tail);
	rc = store_prepare(db, strbuf_str(&sql), st, err);
	strbuf_release(&sql);
	if (rc)
		return rc;
	sqlite3_bind_int64(*st, 1, school);
	sqlite3_bind_int64(*st, 2, f->teacher);
	sqlite3_bind_int64(*st, 3, f->observer);
	sqlite3_bind_int64(*st, 4, f->team);
	store_bind_text(*st, 5, f->round);
	if (f->from <= f->to) {
		date_format(f->from, from);
		date_format(f->to, to);
		store_bind_text(*st, 6, from);
		store_bind_text(*st, 7, to);
	}
	return 0;
}

int visit_list(sqlite3 *db, int64_t school, const struct visit_filter *f, struct out *o, struct beter_err *err)
{
	sqlite3_stmt *st;
	int rc;
	int64_t rid;

	if (f->round && (rc = visit_round_find(db, school, f->round, &rid, err)))
		return rc;
	if ((rc = bind_filter(db, "ORDER BY v.date, v.time IS NOT NULL, v.time, v.id", school, f, &st, err)))
		return rc;
	out_list(o, list_cols, NLIST_COLS);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int status = row_status(st, f);
		if (f->status >= 0 && status != f->status)
			continue;
		out_int(o, sqlite3_column_int64(st, 0));
		out_text(o, (const char *)sqlite3_column_text(st, 1));
		out_text(o, (const char *)sqlite3_column_text(st, 2));
		out_text(o, (const char *)sqlite3_column_text(st, 3));
		out_text(o, (const char *)sqlite3_column_text(st, 4));
		out_text(o, (const char *)sqlite3_column_text(st, 6));
		out_text(o, (const char *)sqlite3_column_text(st, 7));
		out_text(o, (const char *)sqlite3_column_text(st, 8));
		out_text(o, (const char *)sqlite3_column_text(st, 11));
		out_text(o, visit_status_name(status));
		out_text(o, (const char *)sqlite3_column_text(st, 16));
		out_row_end(o);
	}
	out_end(o);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_fail(db, rc, err, "listing visits");
}

static const struct out_col show_cols[] = {
	{ "id", OUT_T_INT },	       { "date", OUT_T_TEXT },	      { "time", OUT_T_TEXT },
	{ "observer", OUT_T_TEXT },    { "teacher", OUT_T_TEXT },     { "teacher_name", OUT_T_TEXT },
	{ "team", OUT_T_TEXT },	       { "round", OUT_T_TEXT },	      { "group", OUT_T_TEXT },
	{ "subject", OUT_T_TEXT },     { "lesson_goal", OUT_T_TEXT }, { "focus", OUT_T_TEXT },
	{ "framework", OUT_T_TEXT },   { "status", OUT_T_TEXT },      { "recorded", OUT_T_TEXT },
	{ "feedback_date", OUT_T_TEXT }, { "seen", OUT_T_TEXT },	{ "effect", OUT_T_TEXT },
	{ "agreed", OUT_T_TEXT },
};
#define NSHOW_COLS (sizeof(show_cols) / sizeof(*show_cols))
static const struct out_col score_cols[] = {
	{ "domain", OUT_T_TEXT }, { "item_id", OUT_T_TEXT }, { "item", OUT_T_TEXT }, { "score", OUT_T_INT },
	{ "label", OUT_T_TEXT },
};
static const struct out_col vpoint_cols[] = {
	{ "point_id", OUT_T_INT }, { "point", OUT_T_TEXT }, { "relation", OUT_T_TEXT }, { "point_status", OUT_T_TEXT },
};

int visit_show(sqlite3 *db, int64_t id, const struct visit_filter *f, struct out *o, struct beter_err *err)
{
	sqlite3_stmt *st;
	struct framework fw;
	int64_t fwid = 0;
	int rc, have_fw = 0;
	struct out_col all[NSHOW_COLS + 16];
	size_t nall = 0;

	if ((rc = store_prepare(db, "SELECT framework_id FROM visit WHERE id = ?1", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return beter_err_set(err, BETER_FAIL, "no visit with number %lld (see 'beter visit list')", (long long)id);
	}
	fwid = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (fwid) {
		if ((rc = framework_load(db, fwid, &fw, err)))
			return rc;
		have_fw = 1;
	}
	for (size_t i = 0; i < NSHOW_COLS; i++)
		all[nall++] = show_cols[i];
	for (size_t i = 0; i < 5; i++)
		if (strcmp(score_cols[i].name, "domain"))
			all[nall++] = score_cols[i];
	all[nall++] = score_cols[0];
	for (size_t i = 0; i < 4; i++)
		all[nall++] = vpoint_cols[i];

	{
		struct strbuf sql = STRBUF_INIT;
		strbuf_addf(&sql, "%s WHERE v.id = ?1", visit_sql);
		rc = store_prepare(db, strbuf_str(&sql), &st, err);
		strbuf_release(&sql);
		if (rc)
			goto out;
	}
	sqlite3_bind_int64(st, 1, id);
	sqlite3_step(st);
	out_doc_begin(o, all, nall);
	out_section(o, "visit", "Visit");
	out_record(o, show_cols, NSHOW_COLS);
	out_int(o, sqlite3_column_int64(st, 0));
	for (int i = 1; i <= 11; i++)
		out_text(o, (const char *)sqlite3_column_text(st, i));
	out_text(o, (const char *)sqlite3_column_text(st, 12));
	out_text(o, visit_status_name(row_status(st, f)));
	for (int i = 15; i <= 19; i++)
		out_text(o, (const char *)sqlite3_column_text(st, i));
	out_end(o);
	sqlite3_finalize(st);

	out_section(o, "scores", "Scores");
	out_list(o, score_cols, 5);
	if (have_fw && !(rc = store_prepare(db, "SELECT item, score FROM visit_score WHERE visit_id = ?1", &st, err))) {
		/* in the framework's order */
		sqlite3_bind_int64(st, 1, id);
		int *score = xcalloc(fw.nitems ? fw.nitems : 1, sizeof(int));
		unsigned char *has = xcalloc(fw.nitems ? fw.nitems : 1, 1);
		while (sqlite3_step(st) == SQLITE_ROW) {
			const struct fw_item *it = framework_item(&fw, store_col_text(st, 0));
			if (it) {
				score[it - fw.items] = sqlite3_column_int(st, 1);
				has[it - fw.items] = 1;
			}
		}
		sqlite3_finalize(st);
		for (size_t i = 0; i < fw.nitems; i++) {
			if (!has[i])
				continue;
			out_text(o, fw.domains[fw.items[i].domain].title);
			out_text(o, fw.items[i].id);
			out_text(o, fw.items[i].text);
			out_int(o, score[i]);
			out_text(o, framework_label(&fw, score[i]));
			out_row_end(o);
		}
		free(score);
		free(has);
	}
	out_end(o);

	out_section(o, "points", "Development points");
	out_list(o, vpoint_cols, 4);
	if (!rc && !(rc = store_prepare(db, "SELECT g.id, g.text, CASE l.made WHEN 1 THEN 'agreed' ELSE 'focus' END, "
					    "CASE WHEN g.status = 'active' THEN 'open' ELSE 'closed' END FROM visit_devpoint l "
					    "JOIN goal g ON g.id = l.goal_id WHERE l.visit_id = ?1 ORDER BY 3 DESC, 1",
					    &st, err))) {
		sqlite3_bind_int64(st, 1, id);
		while (sqlite3_step(st) == SQLITE_ROW) {
			out_int(o, sqlite3_column_int64(st, 0));
			for (int i = 1; i < 4; i++)
				out_text(o, (const char *)sqlite3_column_text(st, i));
			out_row_end(o);
		}
		sqlite3_finalize(st);
	}
	out_end(o);
	out_doc_end(o);
out:
	if (have_fw)
		framework_release(&fw);
	return rc;
}

/* ---- rounds: the duo plan ---- */

static int weekdays_in(int from, int to)
{
	int n = 0;
	for (int d = from; d <= to; d++)
		n += date_weekday(d) <= 5;
	return n;
}

/* The days of a plan. Given dates must hold a weekday and lie today or
 * later. Without them: four weeks from today for a new round; the rest of an
 * existing round from today on, widened to four weeks when it is over or
 * spans a single day (a round made by 'visit add --round'). */
static int plan_window(sqlite3 *db, int64_t school, const struct visit_plan_opts *p, int *from, int *to,
		       struct beter_err *err)
{
	sqlite3_stmt *st;
	char f[11], t[11], today[11];
	int rc, have = 0, rf = 0, rt = 0;

	date_format(p->today, today);
	if (p->from <= p->to) {
		date_format(p->from, f);
		date_format(p->to, t);
		if (!weekdays_in(p->from, p->to))
			return beter_err_set(err, BETER_DATAERR, "--from/--to: %s to %s has no weekday; visits are planned "
					     "on Monday to Friday", f, t);
		if (p->to < p->today)
			return beter_err_set(err, BETER_DATAERR, "--from/--to: %s to %s lies in the past (today is %s); "
					     "plans are for the future (add a visit that took place with 'beter visit "
					     "add ... --seen ... --effect ...')", f, t, today);
		if (p->from < p->today)
			return beter_err_set(err, BETER_DATAERR, "--from: %s is before today (%s); plans are for the "
					     "future: start the round today or later", f, today);
		*from = p->from;
		*to = p->to;
		return 0;
	}
	if ((rc = store_prepare(db, "SELECT from_date, to_date FROM visit_round WHERE school_id = ?1 AND name = ?2", &st,
				err)))
		return rc;
	sqlite3_bind_int64(st, 1, school);
	store_bind_text(st, 2, p->round);
	if (sqlite3_step(st) == SQLITE_ROW) {
		have = 1;
		date_parse(store_col_text(st, 0), &rf, "from", NULL);
		date_parse(store_col_text(st, 1), &rt, "to", NULL);
	}
	sqlite3_finalize(st);
	if (!have) {
		*from = p->today;
		*to = p->today + 27;
		return 0;
	}
	*from = rf > p->today ? rf : p->today;
	*to = rt;
	if (rf == rt || *to < *from || !weekdays_in(*from, *to))
		*to = *from + 27;
	return 0;
}

/* Observers for the members still to be visited when the round holds visits
 * of the team already: teacher need[k] gets obs[k], an observer who has no
 * visit in the round yet, never themself, each observer once; pairs of the
 * previous round only when nothing else fits. Deterministic: the member
 * before the teacher (by code) first. */
struct fill {
	int n, nneed, lax;
	const int *need;
	const unsigned char *busy, *prev;
	unsigned char *used;
	int *obs;
	long nodes;
};

static int fill_search(struct fill *s, int k)
{
	if (k == s->nneed)
		return 1;
	int j = s->need[k];
	for (int d = 1; d < s->n; d++) {
		int i = (j - d + s->n) % s->n;
		if (s->busy[i] || s->used[i] || (!s->lax && s->prev[i * s->n + j]))
			continue;
		if (++s->nodes > 200000)
			return 0;
		s->used[i] = 1;
		s->obs[k] = i;
		if (fill_search(s, k + 1))
			return 1;
		s->used[i] = 0;
	}
	return 0;
}

int visit_plan(sqlite3 *db, int64_t school, const struct visit_plan_opts *p, int *nplanned, int *repeats,
	       struct beter_err *err)
{
	sqlite3_stmt *st;
	int64_t *ids = NULL, round = 0, prev_round = 0;
	int n = 0, rc, from = 0, to = 0, nvis = 0, nexist = 0;
	int *obs = NULL, *tea = NULL, *days = NULL, nd = 0;
	unsigned char *prev = NULL, *busy = NULL, *visited = NULL;

	*nplanned = *repeats = 0;
	if ((rc = round_text_ok(p->round, err)))
		return rc;
	if ((rc = plan_window(db, school, p, &from, &to, err)))
		return rc;

	/* the members, by code */
	if ((rc = store_prepare(db, "SELECT p.id FROM team_member m JOIN person p ON p.id = m.person_id "
				    "WHERE m.team_id = ?1 ORDER BY p.code", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, p->team);
	while (sqlite3_step(st) == SQLITE_ROW) {
		ids = xrealloc(ids, (size_t)(n + 1) * sizeof(*ids));
		ids[n++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	if (n < 2) {
		free(ids);
		return beter_err_set(err, BETER_DATAERR, "--team: the team has %d member%s; a duo round needs at least 2",
				     n, n == 1 ? "" : "s");
	}
	if ((rc = round_get(db, school, p->round, from, to, &round, err))) {
		free(ids);
		return rc;
	}

	/* visits of the team in the round already (e.g. added by hand): whoever
	 * visits in them is busy, whoever is visited is done */
	busy = xcalloc((size_t)n, 1);
	visited = xcalloc((size_t)n, 1);
	if (!(rc = store_prepare(db, "SELECT observer_id, teacher_id FROM visit WHERE round_id = ?1 AND (team_id = ?2 "
				     "OR teacher_id IN (SELECT person_id FROM team_member WHERE team_id = ?2))",
				 &st, err))) {
		sqlite3_bind_int64(st, 1, round);
		sqlite3_bind_int64(st, 2, p->team);
		while (sqlite3_step(st) == SQLITE_ROW) {
			nexist++;
			for (int i = 0; i < n; i++) {
				if (ids[i] == sqlite3_column_int64(st, 0))
					busy[i] = 1;
				if (ids[i] == sqlite3_column_int64(st, 1))
					visited[i] = 1;
			}
		}
		sqlite3_finalize(st);
	}
	if (!rc && nexist && !memchr(visited, 0, (size_t)n))
		rc = beter_err_set(err, BETER_FAIL, "the round '%s' has %d visits for this team already and every member "
				   "is visited (see 'beter visit list --round \"%s\"')", p->round, nexist, p->round);

	/* the pairs of the team's previous round */
	prev = xcalloc((size_t)n * (size_t)n, 1);
	if (!rc && !(rc = store_prepare(db, "SELECT v.round_id FROM visit v JOIN visit_round r ON r.id = v.round_id "
					    "WHERE v.team_id = ?1 AND v.round_id <> ?2 ORDER BY r.from_date DESC, r.id DESC "
					    "LIMIT 1", &st, err))) {
		sqlite3_bind_int64(st, 1, p->team);
		sqlite3_bind_int64(st, 2, round);
		if (sqlite3_step(st) == SQLITE_ROW)
			prev_round = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	if (!rc && prev_round &&
	    !(rc = store_prepare(db, "SELECT observer_id, teacher_id FROM visit WHERE round_id = ?1", &st, err))) {
		sqlite3_bind_int64(st, 1, prev_round);
		while (sqlite3_step(st) == SQLITE_ROW) {
			int a = -1, b = -1;
			for (int i = 0; i < n; i++) {
				if (ids[i] == sqlite3_column_int64(st, 0))
					a = i;
				if (ids[i] == sqlite3_column_int64(st, 1))
					b = i;
			}
			if (a >= 0 && b >= 0)
				prev[a * n + b] = 1;
		}
		sqlite3_finalize(st);
	}
	obs = xcalloc((size_t)n, sizeof(int));
	tea = xcalloc((size_t)n, sizeof(int));
	if (!rc && !nexist) {
		int *target = xcalloc((size_t)n, sizeof(int));
		*repeats = visit_plan_pairs(n, prev, target);
		for (int i = 0; i < n; i++) {
			obs[nvis] = i;
			tea[nvis++] = target[i];
		}
		free(target);
	} else if (!rc) {
		int *need = xcalloc((size_t)n, sizeof(int)), nneed = 0, *o2 = xcalloc((size_t)n, sizeof(int));
		for (int j = 0; j < n; j++)
			if (!visited[j])
				need[nneed++] = j;
		struct fill s = { n, nneed, 0, need, busy, prev, xcalloc((size_t)n, 1), o2, 0 };
		int found = fill_search(&s, 0);
		if (!found) {
			memset(s.used, 0, (size_t)n);
			s.lax = 1;
			s.nodes = 0;
			found = fill_search(&s, 0);
		}
		if (found) {
			for (int k = 0; k < nneed; k++) {
				obs[nvis] = o2[k];
				tea[nvis++] = need[k];
				*repeats += prev[o2[k] * n + need[k]] != 0;
			}
		} else {
			rc = beter_err_set(err, BETER_FAIL, "the round '%s' has %d visits for this team already and no free "
					   "observer is left for every member still to be visited; add the rest with "
					   "'beter visit add --round \"%s\"'", p->round, nexist, p->round);
		}
		free(s.used);
		free(need);
		free(o2);
	}

	/* days: spread over the weekdays of the window */
	days = xcalloc((size_t)(to - from + 1), sizeof(int));
	for (int d = from; d <= to; d++)
		if (date_weekday(d) <= 5)
			days[nd++] = d;
	for (int k = 0; k < nvis && !rc; k++) {
		struct visit_new v;
		int64_t vid;
		memset(&v, 0, sizeof(v));
		v.observer = ids[obs[k]];
		v.teacher = ids[tea[k]];
		v.team = p->team;
		v.round = p->round;
		v.day = days[(long)k * nd / nvis];
		v.time = -1;
		v.framework = p->framework;
		if (!(rc = visit_add(db, school, &v, &vid, err)))
			(*nplanned)++;
	}
	free(days);
	free(obs);
	free(tea);
	free(prev);
	free(busy);
	free(visited);
	free(ids);
	return rc;
}

/* ---- coverage ---- */

static const struct out_col cov_cols[] = {
	{ "teacher", OUT_T_TEXT }, { "name", OUT_T_TEXT },	    { "team", OUT_T_TEXT },
	{ "planned", OUT_T_INT },  { "missed", OUT_T_INT },	    { "done", OUT_T_INT },
	{ "observers", OUT_T_TEXT },
	{ "visited", OUT_T_BOOL }, { "feedback_held", OUT_T_BOOL }, { "last_visit", OUT_T_TEXT },
};

int visit_coverage(sqlite3 *db, int64_t school, const struct visit_filter *f, struct out *o,
		   struct visit_coverage *cov, struct beter_err *err)
{
	sqlite3_stmt *st;
	char from[11], to[11];
	int64_t round = 0;
	int rc;

	memset(cov, 0, sizeof(*cov));
	if (f->round && (rc = visit_round_find(db, school, f->round, &round, err)))
		return rc;
	cov->from = f->from;
	cov->to = f->to;
	if (!f->round && f->from > f->to) { /* neither: the school year of today, for cron */
		int y = date_school_year(f->today);
		cov->from = date_from_ymd(y, 8, 1);
		cov->to = date_from_ymd(y + 1, 7, 31);
	}
	if ((rc = store_prepare(db,
				"WITH scope(pid) AS ("
				"  SELECT m.person_id FROM team_member m JOIN team t ON t.id = m.team_id WHERE t.school_id = ?1 "
				"  AND CASE WHEN ?2 <> 0 THEN t.id = ?2 WHEN ?3 <> 0 THEN t.id IN "
				"    (SELECT team_id FROM visit WHERE round_id = ?3) ELSE t.kind = 'leraren' END "
				"  UNION SELECT teacher_id FROM visit WHERE ?3 <> 0 AND ?2 = 0 AND round_id = ?3), "
				"vs AS (SELECT * FROM visit WHERE school_id = ?1 AND (?3 = 0 OR round_id = ?3) "
				"  AND (?4 IS NULL OR date >= ?4) AND (?5 IS NULL OR date <= ?5)) "
				"SELECT p.code, p.name, "
				" (SELECT group_concat(name, '|') FROM (SELECT t.name FROM team_member m JOIN team t ON "
				"   t.id = m.team_id WHERE m.person_id = p.id AND t.kind = 'leraren' ORDER BY t.name)), "
				" (SELECT count(*) FROM vs WHERE vs.teacher_id = p.id AND vs.recorded IS NULL AND vs.date >= ?6), "
				" (SELECT count(*) FROM vs WHERE vs.teacher_id = p.id AND vs.recorded IS NOT NULL), "
				" (SELECT group_concat(code, '|') FROM (SELECT DISTINCT o.code FROM vs JOIN person o ON "
				"   o.id = vs.observer_id WHERE vs.teacher_id = p.id AND vs.recorded IS NOT NULL ORDER BY o.code)), "
				" EXISTS (SELECT 1 FROM vs WHERE vs.teacher_id = p.id AND vs.feedback_date IS NOT NULL), "
				" (SELECT max(date) FROM vs WHERE vs.teacher_id = p.id AND vs.recorded IS NOT NULL), "
				" (SELECT count(*) FROM vs WHERE vs.teacher_id = p.id AND vs.recorded IS NULL AND vs.date < ?6) "
				"FROM person p WHERE p.id IN (SELECT pid FROM scope) ORDER BY p.code",
				&st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, school);
	sqlite3_bind_int64(st, 2, f->team);
	sqlite3_bind_int64(st, 3, round);
	if (cov->from <= cov->to) {
		date_format(cov->from, from);
		date_format(cov->to, to);
		store_bind_text(st, 4, from);
		store_bind_text(st, 5, to);
	}
	{
		char today[11];
		date_format(f->today, today);
		store_bind_text(st, 6, today);
	}
	out_list(o, cov_cols, sizeof(cov_cols) / sizeof(*cov_cols));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t done = sqlite3_column_int64(st, 4);
		int fb = sqlite3_column_int(st, 6);
		for (int i = 0; i < 3; i++)
			out_text(o, (const char *)sqlite3_column_text(st, i));
		out_int(o, sqlite3_column_int64(st, 3));
		out_int(o, sqlite3_column_int64(st, 8));
		out_int(o, done);
		out_text(o, (const char *)sqlite3_column_text(st, 5));
		out_bool(o, done > 0);
		out_bool(o, fb);
		out_text(o, (const char *)sqlite3_column_text(st, 7));
		out_row_end(o);
		cov->teachers++;
		cov->visited += done > 0;
		cov->feedback += fb;
		cov->missed += sqlite3_column_int(st, 8);
	}
	out_end(o);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_fail(db, rc, err, "computing coverage");
}
