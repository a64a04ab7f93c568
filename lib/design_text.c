/* design_text.c - a lesson design in the editor: the template with the
 * prompts of the bouwstenen and the lesontwerpformulier (seed 003), and
 * reading the text back. */
#include "beter/design.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "beter/date.h"
#include "beter/i18n.h"
#include "beter/util.h"

#define N(a) (sizeof(a) / sizeof(*(a)))

enum sec { S_GROEP, S_VAK, S_DATUM, S_DOEL, S_ZICHTBAAR, S_ACTIVITEITEN, S_CHECK, S_ALS_DAN, S_STAPPEN, S_VRAGEN };
static const char *const sec_names[] = { "groep", "vak",   "datum",   "doel",    "zichtbaar",
					 "activiteiten", "check", "als-dan", "stappen", "vragen" };
#define SEC_LIST "groep:, vak:, datum:, doel:, zichtbaar:, activiteiten:, check:, als-dan:, stappen: and vragen:"

/* A line that is only a word and a colon ("stapen:"): meant as a header. */
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

static int section_of(const char *t, size_t *hlen)
{
	for (size_t i = 0; i < N(sec_names); i++) {
		size_t n = strlen(sec_names[i]);
		if (!strncasecmp(t, sec_names[i], n) && t[n] == ':') {
			*hlen = n;
			return (int)i;
		}
	}
	if (!strncasecmp(t, "als_dan:", 8)) {
		*hlen = 7;
		return S_ALS_DAN;
	}
	return -1;
}

static int not_a_section(const char *t, const char *where, struct beter_err *err)
{
	char *word = str_lower(xstrndup(t, strlen(t) - 1));
	const char *near = str_nearest(word, sec_names, N(sec_names));
	int rc;

	if (near)
		rc = beter_err_set(err, BETER_DATAERR, _("%s: '%s' is not a section; did you mean '%s:'? (the sections "
							 "are %s)"), where, t, near, SEC_LIST);
	else
		rc = beter_err_set(err, BETER_DATAERR, _("%s: '%s' is not a section (the sections are %s); write text "
							 "after the word on the same line"), where, t, SEC_LIST);
	free(word);
	return rc;
}

/* one line of a list section: a step, a question or days */
static int list_line(struct design_in *d, int sec, const char *t, const char *where, struct beter_err *err)
{
	char what[400];
	int rc = 0;

	snprintf(what, sizeof(what), "%s: %s", where, sec_names[sec]);
	if (sec == S_VRAGEN)
		return design_in_question(d, t, what, err);
	if (sec == S_DATUM) {
		char *copy = xstrdup(t), *save = NULL;
		for (char *tok = strtok_r(copy, ",", &save); tok && !rc; tok = strtok_r(NULL, ",", &save))
			rc = design_in_day(d, tok, what, err);
		free(copy);
		return rc;
	}
	/* a step: TIJD | WAT | HOE | GEWENST EFFECT */
	char *parts[4] = { 0 }, *copy = xstrdup(t), *p = copy;
	int n = 0;
	while (n < 4) {
		char *bar = strchr(p, '|');
		parts[n++] = p;
		if (!bar)
			break;
		*bar = '\0';
		p = bar + 1;
	}
	if (n != 4 || strchr(p, '|'))
		rc = beter_err_set(err, BETER_DATAERR, _("%s: expected TIJD | WAT | HOE | GEWENST EFFECT (four parts split "
				   "by '|'; leave tijd or hoe empty when there is none)"), what);
	else
		rc = design_in_step(d, parts[0], parts[1], parts[2], parts[3], what, err);
	free(copy);
	return rc;
}

struct textrd {
	struct design_in *d;
	struct strbuf sec[N(sec_names)];
	int cur, any;
};

static int text_line(struct textrd *r, char *line, const char *where, struct beter_err *err)
{
	char *t = str_trim(xstrdup(line));
	size_t hlen = 0;
	int hdr = section_of(t, &hlen), rc = 0;

	if (hdr < 0 && header_like(t)) {
		rc = not_a_section(t, where, err);
	} else if (hdr >= 0) {
		const char *rest = t + hlen + 1;
		r->cur = hdr;
		while (*rest == ' ' || *rest == '\t')
			rest++;
		if (*rest) {
			r->any = 1;
			if (hdr == S_STAPPEN || hdr == S_VRAGEN || hdr == S_DATUM)
				rc = list_line(r->d, hdr, rest, where, err);
			else
				strbuf_addf(&r->sec[hdr], "%s\n", rest);
		}
	} else if (*t) {
		r->any = 1;
		if (r->cur < 0)
			rc = beter_err_set(err, BETER_DATAERR, _("%s: text outside a section; write it under one of %s"),
					   where, SEC_LIST);
		else if (r->cur == S_STAPPEN || r->cur == S_VRAGEN || r->cur == S_DATUM)
			rc = list_line(r->d, r->cur, t, where, err);
		else
			strbuf_addf(&r->sec[r->cur], "%s\n", line);
	} else if (r->cur >= 0) {
		strbuf_addc(&r->sec[r->cur], '\n'); /* keep paragraphs */
	}
	free(t);
	return rc;
}

static int text_fields(struct textrd *r, const char *name, struct beter_err *err)
{
	char **dst[] = { &r->d->group, &r->d->subject, NULL, &r->d->doel, &r->d->zichtbaar, &r->d->activiteiten,
			 &r->d->check, &r->d->als_dan };
	int rc = 0;

	for (size_t i = 0; i < N(dst) && !rc; i++) {
		char what[320];
		if (!dst[i])
			continue;
		snprintf(what, sizeof(what), "%s%s%s", name ? name : "", name ? ": " : "", sec_names[i]);
		rc = design_text(dst[i], strbuf_str(&r->sec[i]), what, i == S_GROEP ? 100 : i == S_VAK ? 200 : 0, err);
	}
	return rc;
}

int design_in_parse_text(const char *name, const char *text, struct design_in *d, struct beter_err *err)
{
	struct textrd r;
	const char *p = text;
	long lineno = 0;
	int rc = 0;

	memset(d, 0, sizeof(*d));
	memset(&r, 0, sizeof(r));
	r.d = d;
	r.cur = -1;
	if (!utf8_valid(text, strlen(text), NULL))
		return beter_err_set(err, BETER_DATAERR, _("%s%sthe text is not valid UTF-8"), name ? name : "",
				     name ? ": " : "");
	for (size_t i = 0; i < N(sec_names); i++)
		strbuf_init(&r.sec[i]);
	while (*p && !rc) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char *line = xstrndup(p, len), where[300];
		p += len + (nl ? 1 : 0);
		lineno++;
		if (name)
			snprintf(where, sizeof(where), "%s:%ld", name, lineno);
		else
			snprintf(where, sizeof(where), "line %ld", lineno);
		if (len && line[len - 1] == '\r')
			line[len - 1] = '\0';
		if (line[0] != '#')
			rc = text_line(&r, line, where, err);
		free(line);
	}
	if (!rc && !r.any)
		rc = beter_err_set(err, BETER_FAIL, _("aborting: the text is empty, nothing was written"));
	if (!rc)
		rc = text_fields(&r, name, err);
	for (size_t i = 0; i < N(sec_names); i++)
		strbuf_release(&r.sec[i]);
	if (rc)
		design_in_release(d);
	return rc;
}

static void tmpl_text(struct strbuf *sb, const char *name, const char *value, const char *prompt)
{
	strbuf_addf(sb, "%s:\n%s", name, prompt);
	if (value)
		strbuf_addf(sb, "%s\n", value);
	strbuf_addc(sb, '\n');
}

void design_template(const char *header, const struct design_in *cur, struct strbuf *sb)
{
	static const struct design_in none;
	const struct design_in *c = cur ? cur : &none;
	char day[11];

	if (header)
		strbuf_addf(sb, "# %s\n", header);
	strbuf_adds(sb, "# Schrijf onder elk kopje. Regels die met '#' beginnen worden weggelaten;\n"
			"# een lege tekst breekt af en er wordt niets bewaard.\n\n");
	strbuf_addf(sb, "groep: %s\nvak: %s\ndatum: ", c->group ? c->group : "", c->subject ? c->subject : "");
	for (size_t i = 0; i < c->ndays; i++) {
		date_format(c->days[i], day);
		strbuf_addf(sb, "%s%s", i ? ", " : "", day);
	}
	strbuf_adds(sb, "\n# De dag(en) waarop de les gegeven wordt: JJJJ-MM-DD, gescheiden door komma's.\n\n"
			"# Gezamenlijk lesontwerp - bouwstenen\n\n");
	tmpl_text(sb, "doel", c->doel,
		  "# Doel(en): wat is het leerdoel / zijn de leerdoelen?\n"
		  "# Beschrijf het doel dat de leerlingen moeten kennen en kunnen.\n");
	tmpl_text(sb, "zichtbaar", c->zichtbaar,
		  "# Hoe maak je het leerdoel inzichtelijk, zodat alle leerlingen begrijpen wat ze gaan leren?\n");
	tmpl_text(sb, "activiteiten", c->activiteiten,
		  "# Welke discussies, taken, activiteiten en materialen zetten we in zodat alle\n"
		  "# leerlingen het leerdoel halen?\n");
	tmpl_text(sb, "check", c->check, "# Hoe check je of leerlingen het leerdoel behaald hebben?\n");
	tmpl_text(sb, "als-dan", c->als_dan,
		  "# Als uit de check blijkt dat de leerlingen het leerdoel (al/onvoldoende) beheersen, dan ...\n");
	strbuf_adds(sb, "# Gezamenlijk lesontwerp - lesontwerpformulier\n\n"
			"stappen:\n"
			"# Eén lesstap per regel, vier delen gescheiden door '|':\n"
			"# Tijd (minuten) | Lesactiviteit (wat) | Aanpak (hoe) | Gewenst effect (wat leerlingen doen of laten zien)\n"
			"# bijvoorbeeld: 10 | Voordoen met een voorbeeldtekst | Hardop denken | Leerlingen noemen zelf een tip\n");
	for (size_t i = 0; i < c->nsteps; i++) {
		const struct design_step_in *s = &c->steps[i];
		if (s->minutes)
			strbuf_addf(sb, "%d", s->minutes);
		strbuf_addf(sb, " | %s | %s | %s\n", s->wat, s->hoe ? s->hoe : "", s->effect);
	}
	strbuf_adds(sb, "\nvragen:\n# Feedback vragen aan de leerlingen na de les: één vraag per regel.\n");
	for (size_t i = 0; i < c->nquestions; i++)
		strbuf_addf(sb, "%s\n", c->questions[i]);
}
