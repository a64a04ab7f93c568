/* report_md.c - the report in Markdown. */
#include "report_int.h"

#include <string.h>

static void md_escape(struct strbuf *sb, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '\n' || *s == '\r')
			strbuf_addc(sb, ' ');
		else if (strchr("\\`*_[]<>|#", *s)) {
			strbuf_addc(sb, '\\');
			strbuf_addc(sb, *s);
		} else
			strbuf_addc(sb, *s);
	}
}

static void rv_md(struct strbuf *sb, const struct rv *v, enum report_lang lang)
{
	struct strbuf t = STRBUF_INIT;
	rv_human(&t, v, lang);
	md_escape(sb, strbuf_str(&t));
	strbuf_release(&t);
}

static void md_table(struct strbuf *sb, const struct rep_table *t, enum report_lang lang)
{
	strbuf_adds(sb, "### ");
	md_escape(sb, t->title);
	if (!t->nrows) {
		strbuf_addf(sb, "\n\n_%s_\n\n", S(lang, S_NONE));
		return;
	}
	strbuf_adds(sb, "\n\n|");
	for (size_t c = 0; c < t->ncols; c++) {
		strbuf_adds(sb, " ");
		md_escape(sb, t->labels[c]);
		strbuf_adds(sb, " |");
	}
	strbuf_adds(sb, "\n|");
	for (size_t c = 0; c < t->ncols; c++) {
		int num = 0;
		for (size_t r = 0; r < t->nrows && !num; r++)
			num = rv_numeric(&t->cells[r * t->ncols + c]);
		strbuf_adds(sb, num ? " ---: |" : " --- |");
	}
	strbuf_adds(sb, "\n");
	for (size_t r = 0; r < t->nrows; r++) {
		strbuf_adds(sb, "|");
		for (size_t c = 0; c < t->ncols; c++) {
			strbuf_adds(sb, " ");
			rv_md(sb, &t->cells[r * t->ncols + c], lang);
			strbuf_adds(sb, " |");
		}
		strbuf_adds(sb, "\n");
	}
	strbuf_adds(sb, "\n");
}

void report_render_md(const struct report *r, struct strbuf *sb)
{
	enum report_lang lang = r->lang;

	/* every block ends with a blank line */
	strbuf_adds(sb, "# ");
	md_escape(sb, r->title);
	strbuf_adds(sb, "\n\n");
	for (size_t i = 0; i < r->nmeta; i++) {
		strbuf_adds(sb, "- **");
		md_escape(sb, r->meta[i].label);
		strbuf_adds(sb, ":** ");
		rv_md(sb, &r->meta[i].v, lang);
		strbuf_adds(sb, "\n");
	}
	strbuf_adds(sb, "\n");
	for (size_t i = 0; i < r->nsections; i++) {
		const struct rep_section *s = r->sections[i];
		strbuf_adds(sb, "## ");
		md_escape(sb, s->title);
		strbuf_adds(sb, "\n\n");
		if (s->empty) {
			strbuf_adds(sb, "_");
			md_escape(sb, s->empty);
			strbuf_adds(sb, "_\n\n");
		}
		for (size_t j = 0; j < s->nfigs; j++) {
			strbuf_adds(sb, "- **");
			md_escape(sb, s->figs[j].label);
			strbuf_adds(sb, ":** ");
			rv_md(sb, &s->figs[j].v, lang);
			strbuf_adds(sb, "\n");
		}
		if (s->nfigs)
			strbuf_adds(sb, "\n");
		for (size_t j = 0; j < s->ncharts; j++) {
			struct rep_table t;
			rep_chart_table(s->charts[j], lang, &t);
			t.title = s->charts[j]->title;
			md_table(sb, &t, lang);
			rep_chart_table_free(&t);
			md_escape(sb, s->charts[j]->desc);
			strbuf_adds(sb, "\n\n");
		}
		for (size_t j = 0; j < s->ntables; j++)
			md_table(sb, s->tables[j], lang);
		if (s->note) {
			strbuf_adds(sb, "_");
			md_escape(sb, s->note);
			strbuf_adds(sb, "_\n\n");
		}
	}
	/* one newline at the end */
	while (sb->len >= 2 && sb->buf[sb->len - 1] == '\n' && sb->buf[sb->len - 2] == '\n')
		sb->buf[--sb->len] = '\0';
}
