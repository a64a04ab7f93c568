/* visit_obs.c - what an observer saw: the text and JSON forms, the editor template. */
#include "beter/visit.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "beter/design.h"
#include "beter/framework.h"
#include "beter/i18n.h"
#include "beter/jsonin.h"
#include "beter/store.h"
#include "beter/util.h"
#include "visit_int.h"

/* ---- observations ---- */

void visit_obs_release(struct visit_obs *obs)
{
	free(obs->seen);
	free(obs->effect);
	for (size_t i = 0; i < obs->nscores; i++)
		free(obs->scores[i].item);
	free(obs->scores);
	free(obs->from);
	design_reach_release(obs->reached, obs->nreached);
	memset(obs, 0, sizeof(*obs));
}

/* add a score; an item given twice is refused (which value was meant?) */
static int obs_score(struct visit_obs *obs, const char *item, int value, const char *what, struct beter_err *err)
{
	for (size_t i = 0; i < obs->nscores; i++)
		if (!strcmp(obs->scores[i].item, item))
			return beter_err_set(err, BETER_DATAERR, _("%s: the item '%s' is scored twice; give one score per item"),
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
		return beter_err_set(err, BETER_DATAERR, _("%s: '%s' is not ITEM=VALUE (e.g. klimaat.1=3)"), what, spec);
	item = str_lower(str_trim(xstrndup(spec, (size_t)(eq - spec))));
	char *val = str_trim(xstrdup(eq + 1));
	if (!*item)
		rc = beter_err_set(err, BETER_DATAERR, _("%s: '%s' names no item (use ITEM=VALUE)"), what, spec);
	else if (parse_int64(val, &v) != 0 || v < -1000 || v > 1000)
		rc = beter_err_set(err, BETER_DATAERR, _("%s: '%s' is not a whole number in '%s'"), what, val, spec);
	else
		rc = obs_score(obs, item, (int)v, what, err);
	free(item);
	free(val);
	return rc;
}

int visit_text_field(char **dst, const char *src, const char *what, struct beter_err *err)
{
	char *t = str_trim(xstrdup(src ? src : ""));
	if (!*t) {
		free(t);
		return 0;
	}
	if (strlen(t) > VISIT_TEXT_MAX || !utf8_valid(t, strlen(t), NULL)) {
		free(t);
		return beter_err_set(err, BETER_DATAERR, _("%s: must be at most %d bytes of UTF-8 text"), what, VISIT_TEXT_MAX);
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

/* The section a line starts ("seen:", ...; *hlen the word's length), or -1. */
static int section_of(const char *t, size_t *hlen)
{
	static const char *const names[] = { "seen", "effect", "scores", "gezien", "stappen", "steps" };
	static const int sec[] = { 0, 1, 2, 0, 3, 3 }; /* gezien: the template's word for seen */
	int hdr = -1;

	for (int i = 0; i < 6; i++) {
		size_t n = strlen(names[i]);
		if (!strncasecmp(t, names[i], n) && t[n] == ':') {
			hdr = sec[i];
			*hlen = n;
		}
	}
	return hdr;
}

/* "score:" would silently become text of the section above */
static int not_a_section(const char *t, const char *where, struct beter_err *err)
{
	static const char *const known[] = { "gezien", "seen", "effect", "scores", "stappen", "steps" };
	char *word = str_lower(xstrndup(t, strlen(t) - 1));
	const char *near = str_nearest(word, known, 6);
	int rc;

	if (near)
		rc = beter_err_set(err, BETER_DATAERR, _("%s: '%s' is not a section; did you mean '%s:'? (the "
				   "sections are gezien: (or seen:), effect:, scores: and stappen:)"), where, t, near);
	else
		rc = beter_err_set(err, BETER_DATAERR, _("%s: '%s' is not a section (the sections are gezien: (or "
				   "seen:), effect:, scores: and stappen:); write text after the word on the same line"),
				   where, t);
	free(word);
	return rc;
}

int visit_obs_parse_text(const char *name, const char *text, struct visit_obs *obs, struct beter_err *err)
{
	struct strbuf sec[4] = { STRBUF_INIT, STRBUF_INIT, STRBUF_INIT, STRBUF_INIT };
	const char *p = text;
	int cur = -1, rc = 0, any = 0;
	long lineno = 0;
	char where[300];

	memset(obs, 0, sizeof(*obs));
	if (!utf8_valid(text, strlen(text), NULL))
		return beter_err_set(err, BETER_DATAERR, _("%s%sthe text is not valid UTF-8"), name ? name : "",
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
			snprintf(where, sizeof(where), _("line %ld"), lineno);
		if (len && line[len - 1] == '\r')
			line[len - 1] = '\0';
		if (line[0] == '#') {
			free(line);
			continue;
		}
		char *t = str_trim(xstrdup(line));
		size_t hlen = 0;
		int hdr = section_of(t, &hlen);
		if (hdr < 0 && header_like(t)) {
			rc = not_a_section(t, where, err);
		} else if (hdr >= 0) {
			cur = hdr;
			const char *rest = t + hlen + 1;
			while (*rest == ' ' || *rest == '\t')
				rest++;
			if (*rest && cur == 3) {
				char what[320];
				snprintf(what, sizeof(what), "%s: stappen", where);
				if (!(rc = design_reach_parse(rest, what, &obs->reached, &obs->nreached, err)))
					obs->reached[obs->nreached - 1].line = lineno;
				any = 1;
			} else if (*rest) {
				strbuf_adds(&sec[cur], rest);
				strbuf_addc(&sec[cur], '\n');
				any = 1;
			}
		} else if (*t) {
			any = 1;
			if (cur < 0)
				rc = beter_err_set(err, BETER_DATAERR, _("%s: text outside a section; write it under 'gezien:' "
						   "(or 'seen:'), 'effect:', 'scores:' or 'stappen:'"), where);
			else if (cur == 2) {
				char what[320];
				snprintf(what, sizeof(what), "%s: scores", where);
				if (!(rc = visit_obs_add_score(obs, t, what, err)))
					obs->scores[obs->nscores - 1].line = lineno;
			} else if (cur == 3) { /* a step of the visit's design: N=ja|deels|nee[: what was seen] */
				char what[320];
				snprintf(what, sizeof(what), "%s: stappen", where);
				if (!(rc = design_reach_parse(t, what, &obs->reached, &obs->nreached, err)))
					obs->reached[obs->nreached - 1].line = lineno;
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
		rc = beter_err_set(err, BETER_FAIL, _("aborting: the text is empty, nothing was written"));
	if (name)
		snprintf(where, sizeof(where), "%s: ", name);
	else
		where[0] = '\0';
	if (!rc) {
		char what[320];
		snprintf(what, sizeof(what), "%sgezien", where);
		rc = visit_text_field(&obs->seen, strbuf_str(&sec[0]), what, err);
	}
	if (!rc) {
		char what[320];
		snprintf(what, sizeof(what), "%seffect", where);
		rc = visit_text_field(&obs->effect, strbuf_str(&sec[1]), what, err);
	}
	for (int i = 0; i < 4; i++)
		strbuf_release(&sec[i]);
	if (rc)
		visit_obs_release(obs);
	else if (name)
		obs->from = xstrdup(name);
	return rc;
}

int visit_obs_load(struct store *db, int64_t id, struct visit_obs *obs, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	memset(obs, 0, sizeof(*obs));
	if ((rc = store_prepare(db, "SELECT seen, effect FROM visit WHERE id = ?1 AND recorded IS NOT NULL", &st, err)))
		return rc;
	store_bind_int(st, 1, id);
	if (store_next(db, st, &rc, N_("reading the visit"), err)) {
		obs->seen = xstrdup(store_col_text(st, 0));
		obs->effect = xstrdup(store_col_text(st, 1));
	}
	store_finalize(st);
	if (rc || !obs->seen)
		return rc;
	if ((rc = store_prepare(db, "SELECT item, score FROM visit_score WHERE visit_id = ?1 ORDER BY item", &st, err)))
		return rc;
	store_bind_int(st, 1, id);
	while (store_next(db, st, &rc, N_("reading the scores"), err)) {
		obs->scores = xrealloc(obs->scores, (obs->nscores + 1) * sizeof(*obs->scores));
		obs->scores[obs->nscores].item = xstrdup(store_col_text(st, 0));
		obs->scores[obs->nscores].value = (int)store_col_int(st, 1);
		obs->scores[obs->nscores].line = 0;
		obs->nscores++;
	}
	store_finalize(st);
	if (!rc)
		rc = design_visit_load(db, id, &obs->reached, &obs->nreached, err);
	if (rc)
		visit_obs_release(obs);
	return rc;
}

/* "reached": {"2": "deels"} or {"2": {"reached": "deels", "seen": "..."}} */
static int visit_obs_reached_json(const char *name, const cJSON *v, struct visit_obs *obs, struct beter_err *err)
{
	const cJSON *s;
	int rc = 0;

	if (!cJSON_IsObject(v))
		return beter_err_set(err, BETER_DATAERR, _("%s: field 'reached': expected an object {\"STEP\": \"ja\"}"),
				     name);
	cJSON_ArrayForEach(s, v)
	{
		const cJSON *r = cJSON_IsObject(s) ? cJSON_GetObjectItemCaseSensitive(s, "reached") : s;
		const cJSON *seen = cJSON_IsObject(s) ? cJSON_GetObjectItemCaseSensitive(s, "seen") : NULL;
		struct strbuf spec = STRBUF_INIT;
		char what[300];
		snprintf(what, sizeof(what), _("%s: field 'reached.%s'"), name, s->string);
		if (!cJSON_IsString(r) || (seen && !cJSON_IsNull(seen) && !cJSON_IsString(seen)) ||
		    strchr(r->valuestring, ':'))
			rc = beter_err_set(err, BETER_DATAERR, _("%s: expected \"ja\", \"deels\", \"nee\" or {\"reached\": "
					   "..., \"seen\": TEXT}"), what);
		else {
			strbuf_addf(&spec, "%s=%s", s->string, r->valuestring);
			if (cJSON_IsString(seen))
				strbuf_addf(&spec, ":%s", seen->valuestring);
			rc = design_reach_parse(strbuf_str(&spec), what, &obs->reached, &obs->nreached, err);
		}
		strbuf_release(&spec);
		if (rc)
			break;
	}
	return rc;
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
		return beter_err_set(err, BETER_DATAERR, _("%s: expected an object {\"seen\": ..., \"effect\": ..., "
				     "\"scores\": {...}}"), name);
	}
	static const char *const fields[] = { "seen", "effect" };
	for (int i = 0; i < 2 && !rc; i++) {
		v = cJSON_GetObjectItemCaseSensitive(root, fields[i]);
		if (v && !cJSON_IsNull(v) && !cJSON_IsString(v))
			rc = beter_err_set(err, BETER_DATAERR, _("%s: field '%s': expected a string"), name, fields[i]);
		else if (v && cJSON_IsString(v)) {
			char what[300];
			snprintf(what, sizeof(what), _("%s: field '%s'"), name, fields[i]);
			rc = visit_text_field(i ? &obs->effect : &obs->seen, v->valuestring, what, err);
		}
	}
	v = cJSON_GetObjectItemCaseSensitive(root, "scores");
	if (!rc && v && !cJSON_IsNull(v)) {
		cJSON *s;
		if (!cJSON_IsObject(v))
			rc = beter_err_set(err, BETER_DATAERR, _("%s: field 'scores': expected an object {\"ITEM\": VALUE}"), name);
		cJSON_ArrayForEach(s, v)
		{
			if (rc)
				break;
			if (!cJSON_IsNumber(s) || s->valuedouble != floor(s->valuedouble) || fabs(s->valuedouble) > 1000)
				rc = beter_err_set(err, BETER_DATAERR, _("%s: field 'scores.%s': expected a whole number"), name,
						   s->string);
			else {
				char *item = str_lower(str_trim(xstrdup(s->string)));
				char what[300];
				snprintf(what, sizeof(what), _("%s: field 'scores'"), name);
				rc = obs_score(obs, item, (int)s->valuedouble, what, err);
				free(item);
			}
		}
	}
	v = cJSON_GetObjectItemCaseSensitive(root, "reached");
	if (!rc && v && !cJSON_IsNull(v))
		rc = visit_obs_reached_json(name, v, obs, err);
	cJSON_Delete(root);
	if (rc)
		visit_obs_release(obs);
	else
		obs->from = xstrdup(name);
	return rc;
}

/* The template's section word for what was seen: the interface's language
 * (the parser reads both, see section_of). */
static const char *seen_word(void)
{
	return strcmp(i18n_lang(), "nl") ? "seen" : "gezien";
}

int visit_template(struct store *db, int64_t school, const char *header, const char *framework_key,
		   const struct visit_obs *cur, struct strbuf *sb, struct beter_err *err)
{
	struct framework fw;
	int rc;

	if (cur && cur->seen) {
		strbuf_addf(sb, "%s:\n%s\n\neffect:\n%s\n\nscores:\n", seen_word(), cur->seen, cur->effect ? cur->effect : "");
		for (size_t i = 0; i < cur->nscores; i++)
			strbuf_addf(sb, "%s=%d\n", cur->scores[i].item, cur->scores[i].value);
		strbuf_addc(sb, '\n');
	} else {
		strbuf_addf(sb, "%s:\n\neffect:\n\nscores:\n\n", seen_word());
	}
	if (header)
		strbuf_addf(sb, "# %s\n", header);
	/* the prompts of the feedback model: '#' lines, one message so that the
	 * translation can wrap them as it likes */
	strbuf_adds(sb, _("#\n"
			  "# Write down what happened: facts, no judgement.\n"
			  "# seen:   what did the teacher do? Describe the situation with concrete\n"
			  "#         examples as you saw them, e.g. \"I saw you let three pupils\n"
			  "#         explain how ...\".\n"
			  "# effect: what did the pupils do in response? E.g. \"... then the pupils\n"
			  "#         ...\". It is about the effect on the pupils, not on you.\n"
			  "# In the feedback talk: pause, ask how the teacher saw it and what they\n"
			  "# meant (\"Do you recognise this? Did you want to achieve that?\") and look\n"
			  "# together for what can be better.\n"
			  "# Before the feedback talk, check that your feedback is timely (is this the\n"
			  "# moment, is there time), constructive (do you want to make the work better\n"
			  "# together, which words do you choose) and right (are your facts right, are\n"
			  "# you the one to give it).\n"
			  "#\n"));
	rc = framework_get(db, school, framework_key ? framework_key : FRAMEWORK_DEFAULT, 0, &fw, err);
	if (rc == BETER_FAIL && !framework_key) {
		rc = 0; /* no default framework installed: no scores section help */
	} else if (rc == 0) {
		strbuf_addf(sb, _("# scores: one ITEM=VALUE a line, items of '%s', scale %d-%d"), fw.key, fw.min, fw.max);
		for (int v = fw.min; v <= fw.max; v++)
			if (framework_label(&fw, v))
				strbuf_addf(sb, "%s%d %s", v == fw.min ? " (" : ", ", v, framework_label(&fw, v));
		strbuf_adds(sb, framework_label(&fw, fw.min) ? "):\n" : ":\n");
		for (size_t i = 0; i < fw.nitems; i++)
			strbuf_addf(sb, "#   %-20s %s\n", fw.items[i].id, fw.items[i].text);
		framework_release(&fw);
	}
	if (!rc)
		strbuf_adds(sb, _("#\n# Lines that start with '#' are dropped. When the text is empty, nothing is\n"
				  "# stored.\n"));
	return rc;
}
