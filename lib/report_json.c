/* report_json.c - the report in JSON. */
#include "report_int.h"

#include <math.h>
#include <string.h>

#include "beter/out.h"

/* A JSON string by out.c's escaper (NULL as ""). */
static void json_str(struct strbuf *sb, const char *s)
{
	out_json_strbuf(sb, s ? s : "");
}

static void json_num(struct strbuf *sb, double d)
{
	char buf[64];
	if (isnan(d) || isinf(d)) {
		strbuf_adds(sb, "null");
		return;
	}
	out_format_real(buf, sizeof(buf), d);
	strbuf_adds(sb, buf);
}

static void rv_json(struct strbuf *sb, const struct rv *v)
{
	switch (v->t) {
	case RV_NULL: strbuf_adds(sb, "null"); break;
	case RV_TEXT:
	case RV_ENUM: json_str(sb, v->s); break;
	case RV_INT: strbuf_addf(sb, "%lld", (long long)v->i); break;
	case RV_REAL: json_num(sb, round_to(v->d, rv_prec(v))); break;
	case RV_SHARE: json_num(sb, round_to(v->d * 100, 0) / 100); break;
	}
}

static void json_values(struct strbuf *sb, const double *v, size_t n, int prec)
{
	strbuf_adds(sb, "[");
	for (size_t i = 0; i < n; i++) {
		if (i)
			strbuf_adds(sb, ", ");
		json_num(sb, isnan(v[i]) ? v[i] : round_to(v[i], prec));
	}
	strbuf_adds(sb, "]");
}

static void json_strv(struct strbuf *sb, char *const *v, size_t n)
{
	strbuf_adds(sb, "[");
	for (size_t i = 0; i < n; i++) {
		if (i)
			strbuf_adds(sb, ", ");
		json_str(sb, v[i]);
	}
	strbuf_adds(sb, "]");
}

void report_render_json(const struct report *r, struct strbuf *sb)
{
	strbuf_adds(sb, "{\n  \"title\": ");
	json_str(sb, r->title);
	strbuf_addf(sb, ",\n  \"lang\": \"%s\"", r->lang == REPORT_EN ? "en" : "nl");
	for (size_t i = 0; i < r->nmeta; i++) {
		strbuf_adds(sb, ",\n  ");
		json_str(sb, r->meta[i].key);
		strbuf_adds(sb, ": ");
		rv_json(sb, &r->meta[i].v);
	}
	strbuf_adds(sb, ",\n  \"sections\": [");
	for (size_t i = 0; i < r->nsections; i++) {
		const struct rep_section *s = r->sections[i];
		strbuf_adds(sb, i ? ",\n    {" : "\n    {");
		strbuf_adds(sb, "\n      \"key\": ");
		json_str(sb, s->key);
		strbuf_adds(sb, ",\n      \"title\": ");
		json_str(sb, s->title);
		strbuf_addf(sb, ",\n      \"has_data\": %s", s->empty ? "false" : "true");
		strbuf_adds(sb, ",\n      \"note\": ");
		if (s->note)
			json_str(sb, s->note);
		else
			strbuf_adds(sb, "null");
		strbuf_adds(sb, ",\n      \"figures\": {");
		for (size_t j = 0; j < s->nfigs; j++) {
			strbuf_adds(sb, j ? ", " : "");
			json_str(sb, s->figs[j].key);
			strbuf_adds(sb, ": ");
			rv_json(sb, &s->figs[j].v);
		}
		strbuf_adds(sb, "},\n      \"charts\": [");
		for (size_t j = 0; j < s->ncharts; j++) {
			const struct rep_chart *c = s->charts[j];
			strbuf_adds(sb, j ? ",\n        {" : "\n        {");
			strbuf_addf(sb, "\"key\": ");
			json_str(sb, c->key);
			strbuf_addf(sb, ", \"kind\": \"%s\", \"title\": ", c->kind == REP_CHART_LINE ? "line" : "bars");
			json_str(sb, c->title);
			strbuf_adds(sb, ", \"labels\": ");
			json_strv(sb, c->labels, c->n);
			if (c->kind == REP_CHART_BARS) {
				strbuf_adds(sb, ", \"groups\": ");
				json_strv(sb, c->groups, c->ngroups);
			}
			strbuf_adds(sb, ", \"values\": ");
			json_values(sb, c->values, c->n * (c->kind == REP_CHART_LINE ? 1 : c->ngroups), c->prec);
			if (c->kind == REP_CHART_LINE) {
				strbuf_adds(sb, ", \"norm\": ");
				json_num(sb, c->norm);
				strbuf_adds(sb, ", \"baseline\": ");
				json_num(sb, c->baseline);
			}
			strbuf_adds(sb, "}");
		}
		strbuf_adds(sb, s->ncharts ? "\n      ]" : "]");
		strbuf_adds(sb, ",\n      \"tables\": [");
		for (size_t j = 0; j < s->ntables; j++) {
			const struct rep_table *t = s->tables[j];
			strbuf_adds(sb, j ? ",\n        {" : "\n        {");
			strbuf_adds(sb, "\"key\": ");
			json_str(sb, t->key);
			strbuf_adds(sb, ", \"title\": ");
			json_str(sb, t->title);
			strbuf_adds(sb, ", \"rows\": [");
			for (size_t row = 0; row < t->nrows; row++) {
				strbuf_adds(sb, row ? ",\n          {" : "\n          {");
				for (size_t c = 0; c < t->ncols; c++) {
					strbuf_adds(sb, c ? ", " : "");
					json_str(sb, t->keys[c]);
					strbuf_adds(sb, ": ");
					rv_json(sb, &t->cells[row * t->ncols + c]);
				}
				strbuf_adds(sb, "}");
			}
			strbuf_adds(sb, t->nrows ? "\n        ]}" : "]}");
		}
		strbuf_adds(sb, s->ntables ? "\n      ]" : "]");
		strbuf_adds(sb, "\n    }");
	}
	strbuf_adds(sb, "\n  ]\n}\n");
}
