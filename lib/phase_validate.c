/* phase_validate.c - checking a phase model document field by field. */
#include "phase_int.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "beter/i18n.h"
#include "beter/jsonin.h"
#include "beter/util.h"

#define MAX_PHASES 20
#define MAX_ACTIVITIES 40
#define NAME_MAX_BYTES 200
#define TEXT_MAX_BYTES 2000
#define MAX_TARGETS 20
#define TARGET_MAX 1000

int phase_id_valid(const char *s)
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
	return beter_err_set(v->err, BETER_DATAERR, _("%s: field '%s': %s"), v->name, field, msg);
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
			return vfail(v, f, _("unknown field (check its spelling)"));
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
			return vfail(v, f, _("missing"));
		return 0;
	}
	if (!cJSON_IsString(c) || !c->valuestring)
		return vfail(v, f, _("expected a string"));
	const char *s = c->valuestring;
	if (!utf8_valid(s, strlen(s), NULL))
		return vfail(v, f, _("not valid UTF-8"));
	if (is_id && !phase_id_valid(s))
		return vfail(v, f, _("'%s' is not an id (1-40 characters a-z, 0-9 and '-')"), s);
	if (!is_id && required && !*s)
		return vfail(v, f, _("empty"));
	if (strlen(s) > max)
		return vfail(v, f, _("longer than %zu bytes"), max);
	return 0;
}

/* The activities of phases[pi] (where names it). */
static int check_activities(struct vctx *v, const cJSON *p, const char *where)
{
	static const char *const act_keys[] = { "id", "text", NULL };
	const cJSON *acts = cJSON_GetObjectItemCaseSensitive(p, "activities");
	char f[128];
	int rc;

	snprintf(f, sizeof(f), "%s.activities", where);
	if (!acts)
		return vfail(v, f, _("missing (the phase's checklist)"));
	if (!cJSON_IsArray(acts))
		return vfail(v, f, _("expected an array"));
	int na = cJSON_GetArraySize(acts);
	if (na < 1 || na > MAX_ACTIVITIES)
		return vfail(v, f, _("a phase has 1-%d activities, not %d"), MAX_ACTIVITIES, na);
	int ai = 0;
	for (const cJSON *a = acts->child; a; a = a->next, ai++) {
		char aw[96];
		snprintf(aw, sizeof(aw), "%s.activities[%d]", where, ai);
		if (!cJSON_IsObject(a))
			return vfail(v, aw, _("expected an object with id and text"));
		if ((rc = only_keys(v, a, aw, act_keys)) || (rc = vstring(v, a, aw, "id", 1, 40, 1)) ||
		    (rc = vstring(v, a, aw, "text", 1, TEXT_MAX_BYTES, 0)))
			return rc;
		const char *aid = cJSON_GetObjectItemCaseSensitive(a, "id")->valuestring;
		for (const cJSON *b = acts->child; b != a; b = b->next)
			if (!strcmp(cJSON_GetObjectItemCaseSensitive(b, "id")->valuestring, aid)) {
				snprintf(f, sizeof(f), "%s.id", aw);
				return vfail(v, f, _("'%s' appears twice in this phase; activity ids must differ"), aid);
			}
	}
	return 0;
}

/* Phase p, phases[pi] of the array phases. */
static int check_phase(struct vctx *v, const cJSON *phases, const cJSON *p, int pi)
{
	static const char *const phase_keys[] = { "id",		"name",	      "purpose", "who",
						  "typical_days", "activities", "cycle",   NULL };
	char where[64], f[128];
	int rc;

	snprintf(where, sizeof(where), "phases[%d]", pi);
	if (!cJSON_IsObject(p))
		return vfail(v, where, _("expected an object"));
	if ((rc = only_keys(v, p, where, phase_keys)) || (rc = vstring(v, p, where, "id", 1, 40, 1)) ||
	    (rc = vstring(v, p, where, "name", 1, NAME_MAX_BYTES, 0)) ||
	    (rc = vstring(v, p, where, "purpose", 0, TEXT_MAX_BYTES, 0)))
		return rc;
	const char *pid = cJSON_GetObjectItemCaseSensitive(p, "id")->valuestring;
	int qi = 0;
	for (const cJSON *q = phases->child; q != p; q = q->next, qi++)
		if (!strcmp(cJSON_GetObjectItemCaseSensitive(q, "id")->valuestring, pid)) {
			snprintf(f, sizeof(f), "%s.id", where);
			return vfail(v, f, _("'%s' is also the id of phases[%d]; phase ids must differ"), pid, qi);
		}
	const cJSON *who = cJSON_GetObjectItemCaseSensitive(p, "who");
	snprintf(f, sizeof(f), "%s.who", where);
	if (!who)
		return vfail(v, f, _("missing (who is involved, e.g. [\"schoolleiding\", \"leraren\"])"));
	if (!cJSON_IsArray(who) || cJSON_GetArraySize(who) < 1)
		return vfail(v, f, _("expected an array of one or more strings"));
	for (const cJSON *w = who->child; w; w = w->next)
		if (!cJSON_IsString(w) || !w->valuestring[0] || strlen(w->valuestring) > NAME_MAX_BYTES ||
		    !utf8_valid(w->valuestring, strlen(w->valuestring), NULL))
			return vfail(v, f, _("expected an array of non-empty strings"));
	const cJSON *days = cJSON_GetObjectItemCaseSensitive(p, "typical_days");
	snprintf(f, sizeof(f), "%s.typical_days", where);
	if (!days)
		return vfail(v, f, _("missing (the phase's typical length in days)"));
	if (!cJSON_IsNumber(days) || days->valuedouble != floor(days->valuedouble))
		return vfail(v, f, _("expected a whole number"));
	if (days->valuedouble < 1 || days->valuedouble > 730)
		return vfail(v, f, _("%g is outside 1-730"), days->valuedouble);
	if ((rc = vstring(v, p, where, "cycle", 0, 40, 0)))
		return rc;
	const char *cycle = phase_jstr(p, "cycle");
	snprintf(f, sizeof(f), "%s.cycle", where);
	if (cycle && strcmp(cycle, "period"))
		return vfail(v, f, _("'%s' is not a cycle (the only one is \"period\": the phase repeats each improvement "
				     "period)"), cycle);
	if (cycle && p->next)
		return vfail(v, f, _("only the last phase repeats: the phases after it would never start"));
	return check_activities(v, p, where);
}

/* A target: id, text, what is counted and the least count. */
static int check_target(struct vctx *v, const cJSON *targets, const cJSON *t, int ti)
{
	static const char *const target_keys[] = { "id", "text", "count", "min", NULL };
	char where[64], f[128];
	int rc;

	snprintf(where, sizeof(where), "targets[%d]", ti);
	if (!cJSON_IsObject(t))
		return vfail(v, where, _("expected an object with id, text and count"));
	if ((rc = only_keys(v, t, where, target_keys)) || (rc = vstring(v, t, where, "id", 1, 40, 1)) ||
	    (rc = vstring(v, t, where, "text", 1, TEXT_MAX_BYTES, 0)) || (rc = vstring(v, t, where, "count", 1, 40, 0)))
		return rc;
	const char *tid = phase_jstr(t, "id"), *count = phase_jstr(t, "count");
	for (const cJSON *u = targets->child; u != t; u = u->next)
		if (!strcmp(phase_jstr(u, "id"), tid)) {
			snprintf(f, sizeof(f), "%s.id", where);
			return vfail(v, f, _("'%s' appears twice; target ids must differ"), tid);
		}
	snprintf(f, sizeof(f), "%s.count", where);
	if (!phase_target_kind(count))
		return vfail(v, f, _("'%s' is not counted by beter (use board-sessions, study-days, designs, "
				     "visits-with-talk or teachers-with-talk)"), count);
	const cJSON *min = cJSON_GetObjectItemCaseSensitive(t, "min");
	snprintf(f, sizeof(f), "%s.min", where);
	if (!min) {
		if (strcmp(count, "teachers-with-talk"))
			return vfail(v, f, _("missing (the least count that meets the target)"));
		return 0; /* every teacher */
	}
	if (!cJSON_IsNumber(min) || min->valuedouble != floor(min->valuedouble))
		return vfail(v, f, _("expected a whole number"));
	if (min->valuedouble < 1 || min->valuedouble > TARGET_MAX)
		return vfail(v, f, _("%g is outside 1-%d"), min->valuedouble, TARGET_MAX);
	return 0;
}

static int check_targets(struct vctx *v, const cJSON *doc)
{
	const cJSON *targets = cJSON_GetObjectItemCaseSensitive(doc, "targets");
	int rc = 0, ti = 0;

	if (!targets)
		return 0;
	if (!cJSON_IsArray(targets))
		return vfail(v, "targets", _("expected an array"));
	int nt = cJSON_GetArraySize(targets);
	if (nt > MAX_TARGETS)
		return vfail(v, "targets", _("a model has at most %d targets, not %d"), MAX_TARGETS, nt);
	for (const cJSON *t = targets->child; t && !rc; t = t->next, ti++)
		rc = check_target(v, targets, t, ti);
	return rc;
}

int phase_model_validate(const char *json, size_t len, const char *name, struct beter_err *err)
{
	static const char *const model_keys[] = { "id", "name", "description", "source", "phases", "targets", NULL };
	struct vctx v = { name, err };
	cJSON *doc;
	int rc = 0;

	if ((rc = jsonin_parse(name, json, len, &doc, err)))
		return rc;
	if (!cJSON_IsObject(doc)) {
		rc = beter_err_set(err, BETER_DATAERR, _("%s: expected a JSON object with id, name and phases"), name);
		goto out;
	}
	if ((rc = only_keys(&v, doc, "", model_keys)) || (rc = vstring(&v, doc, "", "id", 1, 40, 1)) ||
	    (rc = vstring(&v, doc, "", "name", 1, NAME_MAX_BYTES, 0)) ||
	    (rc = vstring(&v, doc, "", "description", 0, TEXT_MAX_BYTES, 0)) ||
	    (rc = vstring(&v, doc, "", "source", 0, NAME_MAX_BYTES, 0)))
		goto out;
	const cJSON *phases = cJSON_GetObjectItemCaseSensitive(doc, "phases");
	if (!phases) {
		rc = vfail(&v, "phases", _("missing"));
		goto out;
	}
	if (!cJSON_IsArray(phases)) {
		rc = vfail(&v, "phases", _("expected an array"));
		goto out;
	}
	int np = cJSON_GetArraySize(phases);
	if (np < 1 || np > MAX_PHASES) {
		rc = vfail(&v, "phases", _("a model has 1-%d phases, not %d"), MAX_PHASES, np);
		goto out;
	}
	int pi = 0;
	for (const cJSON *p = phases->child; p && !rc; p = p->next, pi++)
		rc = check_phase(&v, phases, p, pi);
	if (!rc)
		rc = check_targets(&v, doc);
out:
	cJSON_Delete(doc);
	return rc;
}
