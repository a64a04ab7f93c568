#include "beter/out.h"

#include "out_int.h"

#include "beter/i18n.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { ACT_NONE, ACT_LIST, ACT_RECORD };
enum cell_kind { CK_NULL, CK_TEXT, CK_NUM, CK_BOOL, CK_RAW };

/* html and md pages are rendered by their commands; a list written through
 * the writer in them reads as a table */
static int tablelike(const struct out *o)
{
	return o->fmt == OUT_TABLE || o->fmt == OUT_HTML || o->fmt == OUT_MD;
}

/* CSV or TSV for a spreadsheet (--excel): decimal commas, ja/nee */
static int excel_csv(const struct out *o)
{
	return o->excel && (o->fmt == OUT_CSV || o->fmt == OUT_TSV);
}

void out_init(struct out *o, FILE *fp, enum out_format fmt)
{
	memset(o, 0, sizeof(*o));
	o->fp = fp;
	o->fmt = fmt;
	strbuf_init(&o->tmp);
}

static void table_clear(struct out *o)
{
	for (size_t i = 0; i < o->ntcells; i++)
		free(o->tcells[i]);
	o->ntcells = 0;
}

static void drow_clear(struct out *o)
{
	if (!o->drow)
		return;
	for (size_t i = 0; i < o->ndcols; i++) {
		free(o->drow[i]);
		o->drow[i] = NULL;
		o->dquote[i] = 0;
	}
}

void out_release(struct out *o)
{
	table_clear(o);
	free(o->tcells);
	drow_clear(o);
	free(o->drow);
	free(o->dquote);
	free(o->map);
	free(o->shown_title);
	out_xlsx_free(o);
	strbuf_release(&o->tmp);
	o->tcells = NULL;
	o->drow = NULL;
	o->dquote = NULL;
	o->map = NULL;
}

int out_format_parse(const char *s)
{
	if (!strcmp(s, "table"))
		return OUT_TABLE;
	if (!strcmp(s, "json"))
		return OUT_JSON;
	if (!strcmp(s, "csv"))
		return OUT_CSV;
	if (!strcmp(s, "tsv"))
		return OUT_TSV;
	if (!strcmp(s, "xlsx"))
		return OUT_XLSX;
	if (!strcmp(s, "html"))
		return OUT_HTML;
	if (!strcmp(s, "md"))
		return OUT_MD;
	return -1;
}

void out_format_real(char *buf, size_t size, double v)
{
	snprintf(buf, size, "%.15g", v);
	if (strtod(buf, NULL) != v)
		snprintf(buf, size, "%.17g", v);
}

/* The one JSON string escaper, writing through put. */
static void json_escape(const char *s, void (*put)(void *, const char *, size_t), void *ctx)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s;
	const unsigned char *run = p;

	put(ctx, "\"", 1);
	for (; *p; p++) {
		unsigned char c = *p;
		const char *e = NULL;
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		if (p > run)
			put(ctx, (const char *)run, (size_t)(p - run));
		run = p + 1;
		switch (c) {
		case '"': e = "\\\""; break;
		case '\\': e = "\\\\"; break;
		case '\n': e = "\\n"; break;
		case '\r': e = "\\r"; break;
		case '\t': e = "\\t"; break;
		case '\b': e = "\\b"; break;
		case '\f': e = "\\f"; break;
		default: {
			char u[7] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15], 0 };
			put(ctx, u, 6);
		}
		}
		if (e)
			put(ctx, e, 2);
	}
	if (p > run)
		put(ctx, (const char *)run, (size_t)(p - run));
	put(ctx, "\"", 1);
}

static void put_file(void *fp, const char *s, size_t n)
{
	fwrite(s, 1, n, fp);
}

static void put_strbuf(void *sb, const char *s, size_t n)
{
	strbuf_add(sb, s, n);
}

void out_json_string(FILE *fp, const char *s)
{
	json_escape(s, put_file, fp);
}

void out_json_strbuf(struct strbuf *sb, const char *s)
{
	json_escape(s, put_strbuf, sb);
}

static char delim(const struct out *o)
{
	if (o->fmt == OUT_TSV)
		return '\t';
	return o->excel ? ';' : ',';
}

static const char *eol(const struct out *o)
{
	return o->fmt == OUT_CSV ? "\r\n" : "\n";
}

static void csv_field(struct out *o, const char *s, int is_text)
{
	FILE *fp = o->fp;

	if (o->fmt == OUT_TSV) {
		for (const char *p = s; *p; p++) {
			switch (*p) {
			case '\t': fputs("\\t", fp); break;
			case '\n': fputs("\\n", fp); break;
			case '\r': fputs("\\r", fp); break;
			case '\\': fputs("\\\\", fp); break;
			default: putc(*p, fp);
			}
		}
		return;
	}
	int neutral = o->excel && is_text &&
		      (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' ||
		       s[0] == '\t' || s[0] == '\r');
	int quote = neutral || strpbrk(s, "\"\r\n") || strchr(s, delim(o));
	if (!quote) {
		fputs(s, fp);
		return;
	}
	putc('"', fp);
	if (neutral)
		putc('\'', fp);
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			putc('"', fp);
		putc(*p, fp);
	}
	putc('"', fp);
}

static void csv_bom(struct out *o)
{
	if (o->excel && o->fmt == OUT_CSV && !o->bom_done)
		fputs("\xef\xbb\xbf", o->fp);
	o->bom_done = 1;
}

static void csv_header(struct out *o, const char *first, const struct out_col *cols, size_t n)
{
	size_t k = 0;

	csv_bom(o);
	if (first) {
		csv_field(o, first, 0);
		k++;
	}
	for (size_t i = 0; i < n; i++, k++) {
		if (k)
			putc(delim(o), o->fp);
		csv_field(o, cols[i].name, 0);
	}
	fputs(eol(o), o->fp);
	o->header_done = 1;
}

static void begin(struct out *o, const struct out_col *cols, size_t ncols, int kind)
{
	o->cols = cols;
	o->ncols = ncols;
	o->cell = 0;
	o->rows = 0;
	o->active = kind;
	table_clear(o);
	if (o->cap) {
		out_cap_begin(o, kind == ACT_RECORD);
		return;
	}
	if (o->fmt == OUT_XLSX) {
		out_xlsx_begin(o, kind == ACT_RECORD);
		return;
	}
	if (o->in_doc) {
		free(o->map);
		o->map = xcalloc(ncols, sizeof(*o->map));
		for (size_t i = 0; i < ncols; i++) {
			o->map[i] = (size_t)-1;
			for (size_t j = 0; j < o->ndcols; j++)
				if (!strcmp(cols[i].name, o->dcols[j].name)) {
					o->map[i] = j;
					break;
				}
		}
	}
	switch (o->fmt) {
	case OUT_JSON:
		if (o->in_doc) {
			fputs(o->sections > 1 ? ",\n  " : "  ", o->fp);
			out_json_string(o->fp, o->section);
			fputs(": ", o->fp);
		}
		if (kind == ACT_LIST)
			putc('[', o->fp);
		else
			putc('{', o->fp);
		break;
	case OUT_CSV:
	case OUT_TSV:
		if (!o->in_doc && !o->header_done)
			csv_header(o, NULL, cols, ncols);
		break;
	default:
		break;
	}
}

void out_list(struct out *o, const struct out_col *cols, size_t ncols)
{
	begin(o, cols, ncols, ACT_LIST);
}

void out_record(struct out *o, const struct out_col *cols, size_t ncols)
{
	begin(o, cols, ncols, ACT_RECORD);
}

static void table_push(struct out *o, const char *s)
{
	if (o->ntcells == o->atcells) {
		o->atcells = o->atcells ? o->atcells * 2 : 64;
		o->tcells = xrealloc(o->tcells, o->atcells * sizeof(*o->tcells));
	}
	char *c = s ? xstrdup(s) : NULL;
	if (c)
		for (char *p = c; *p; p++)
			if (*p == '\n' || *p == '\r' || *p == '\t')
				*p = ' ';
	o->tcells[o->ntcells++] = c;
}

static void cell(struct out *o, enum cell_kind kind, const char *s)
{
	size_t i = o->cell++;

	if (i >= o->ncols) {
		/* a programming error: more cells than columns */
		fprintf(stderr, "%s", _("beter: internal error: extra output cell\n"));
		abort();
	}
	switch (o->fmt) {
	case OUT_JSON:
		if (o->active == ACT_LIST && i == 0) {
			fputs(o->rows ? ",\n" : "\n", o->fp);
			fputs(o->in_doc ? "    {" : "  {", o->fp);
		}
		if (i)
			fputs(", ", o->fp);
		out_json_string(o->fp, o->cols[i].name);
		fputs(": ", o->fp);
		if (kind == CK_NULL)
			fputs("null", o->fp);
		else if (kind == CK_TEXT)
			out_json_string(o->fp, s);
		else
			fputs(s, o->fp);
		break;
	case OUT_CSV:
	case OUT_TSV:
		if (o->in_doc) {
			size_t j = o->map ? o->map[i] : (size_t)-1;
			if (j != (size_t)-1) {
				free(o->drow[j]);
				o->drow[j] = kind == CK_NULL ? NULL : xstrdup(s);
				o->dquote[j] = kind == CK_TEXT;
			}
		} else {
			if (i)
				putc(delim(o), o->fp);
			if (kind != CK_NULL)
				csv_field(o, s, kind == CK_TEXT);
		}
		break;
	default:
		table_push(o, kind == CK_NULL ? NULL : s);
		break;
	}
	if (o->active == ACT_RECORD && o->cell == o->ncols)
		o->rows = 1;
}

void out_text(struct out *o, const char *s)
{
	if (o->cap) {
		out_cap_cell(o, s ? OUT_C_TEXT : OUT_C_NULL, 0, 0, s);
		return;
	}
	if (o->fmt == OUT_XLSX) {
		out_xlsx_cell(o, s ? OUT_C_TEXT : OUT_C_NULL, 0, 0, s);
		return;
	}
	cell(o, s ? CK_TEXT : CK_NULL, s);
}

void out_int(struct out *o, int64_t v)
{
	char buf[32];
	if (o->cap) {
		out_cap_cell(o, OUT_C_INT, v, 0, NULL);
		return;
	}
	if (o->fmt == OUT_XLSX) {
		out_xlsx_cell(o, OUT_C_INT, v, 0, NULL);
		return;
	}
	snprintf(buf, sizeof(buf), "%lld", (long long)v);
	cell(o, CK_NUM, buf);
}

void out_real(struct out *o, double v)
{
	char buf[40];
	if (isnan(v) || isinf(v)) {
		out_null(o);
		return;
	}
	if (o->cap) {
		out_cap_cell(o, OUT_C_REAL, 0, v, NULL);
		return;
	}
	if (o->fmt == OUT_XLSX) {
		out_xlsx_cell(o, OUT_C_REAL, 0, v, NULL);
		return;
	}
	if (tablelike(o) && o->cell < o->ncols && o->cols[o->cell].prec > 0)
		snprintf(buf, sizeof(buf), "%.*f", o->cols[o->cell].prec, v);
	else
		out_format_real(buf, sizeof(buf), v);
	/* Dutch: a decimal comma (5,5), for people and for --excel's spreadsheets */
	if (excel_csv(o) || (o->nl && tablelike(o))) {
		char *dot = strchr(buf, '.');
		if (dot)
			*dot = ',';
	}
	cell(o, CK_NUM, buf);
}

void out_bool(struct out *o, int v)
{
	if (o->cap) {
		out_cap_cell(o, OUT_C_BOOL, v != 0, 0, NULL);
		return;
	}
	if (o->fmt == OUT_XLSX)
		out_xlsx_cell(o, OUT_C_BOOL, v != 0, 0, NULL);
	else if (excel_csv(o)) /* spreadsheet users are Dutch */
		cell(o, CK_BOOL, v ? "ja" : "nee");
	else if (tablelike(o)) /* not through gettext: a column is called "no" */
		cell(o, CK_BOOL, o->nl ? (v ? "ja" : "nee") : (v ? "yes" : "no"));
	else
		cell(o, CK_BOOL, v ? "true" : "false");
}

void out_null(struct out *o)
{
	if (o->cap) {
		out_cap_cell(o, OUT_C_NULL, 0, 0, NULL);
		return;
	}
	if (o->fmt == OUT_XLSX) {
		out_xlsx_cell(o, OUT_C_NULL, 0, 0, NULL);
		return;
	}
	cell(o, CK_NULL, NULL);
}

void out_rendered(struct out *o, const char *json, const char *csv, const char *table)
{
	if (o->cap) {
		out_text(o, csv);
		return;
	}
	switch (o->fmt) {
	case OUT_JSON:
		cell(o, json ? CK_RAW : CK_NULL, json);
		break;
	case OUT_CSV:
	case OUT_TSV:
	case OUT_XLSX:
		out_text(o, csv);
		break;
	default:
		out_text(o, table);
		break;
	}
}

void out_text_list(struct out *o, const char *s, char sep)
{
	if (!s) {
		out_null(o);
		return;
	}
	if (o->cap || o->fmt == OUT_CSV || o->fmt == OUT_TSV) {
		out_text(o, s);
		return;
	}
	strbuf_reset(&o->tmp);
	if (tablelike(o) || o->fmt == OUT_XLSX) {
		for (const char *p = s; *p; p++) {
			if (*p == sep)
				strbuf_adds(&o->tmp, ", ");
			else
				strbuf_addc(&o->tmp, *p);
		}
		if (o->fmt == OUT_XLSX)
			out_xlsx_cell(o, o->tmp.len ? OUT_C_TEXT : OUT_C_NULL, 0, 0, strbuf_str(&o->tmp));
		else
			cell(o, o->tmp.len ? CK_TEXT : CK_NULL, strbuf_str(&o->tmp));
		return;
	}
	/* JSON: an array of strings, escaped into a memory stream */
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	putc('[', mem);
	if (*s) {
		const char *p = s;
		for (int first = 1;; first = 0) {
			const char *e = strchr(p, sep);
			size_t n = e ? (size_t)(e - p) : strlen(p);
			char *item = xstrndup(p, n);
			if (!first)
				fputs(", ", mem);
			out_json_string(mem, item);
			free(item);
			if (!e)
				break;
			p = e + 1;
		}
	}
	putc(']', mem);
	fclose(mem);
	cell(o, CK_RAW, buf);
	free(buf);
}

static void csv_doc_row(struct out *o)
{
	csv_field(o, o->section, 0);
	for (size_t j = 0; j < o->ndcols; j++) {
		putc(delim(o), o->fp);
		if (o->drow[j])
			csv_field(o, o->drow[j], o->dquote[j]);
	}
	fputs(eol(o), o->fp);
	drow_clear(o);
}

void out_row_end(struct out *o)
{
	while (o->cell < o->ncols)
		out_null(o);
	if (o->cap) {
		out_cap_row_end(o);
		o->cell = 0;
		o->rows++;
		return;
	}
	switch (o->fmt) {
	case OUT_JSON:
		putc('}', o->fp);
		break;
	case OUT_CSV:
	case OUT_TSV:
		if (o->in_doc)
			csv_doc_row(o);
		else
			fputs(eol(o), o->fp);
		break;
	case OUT_XLSX:
		out_xlsx_row_end(o);
		break;
	default:
		break;
	}
	o->cell = 0;
	o->rows++;
}

static void pad(FILE *fp, size_t n)
{
	static const char spaces[] = "                                ";

	for (; n >= sizeof(spaces) - 1; n -= sizeof(spaces) - 1)
		fwrite(spaces, 1, sizeof(spaces) - 1, fp);
	if (n)
		fwrite(spaces, 1, n, fp);
}

/* A column's key as a person reads it (translated when the interface is Dutch). */
static const char *col_label(const struct out *o, const char *name)
{
	return o->nl ? _(name) : name;
}

static void header_name(struct strbuf *sb, const char *name)
{
	strbuf_reset(sb);
	for (const char *p = name; *p; p++)
		strbuf_addc(sb, *p == '_' ? ' ' : (char)((*p >= 'a' && *p <= 'z') ? *p - 32 : *p));
}

static void table_flush_list(struct out *o)
{
	size_t nc = o->ncols, nr = o->rows;
	size_t *w, *cw;

	if (o->in_doc && nr == 0) {
		fputs(o->nl ? _("(none)") : "(none)", o->fp);
		putc('\n', o->fp);
		return;
	}
	/* w: each column's width; cw: each cell's, the header's row first */
	w = xcalloc(nc * (nr + 2), sizeof(*w));
	cw = w + nc;
	for (size_t c = 0; c < nc; c++) {
		header_name(&o->tmp, col_label(o, o->cols[c].name));
		w[c] = cw[c] = utf8_width(strbuf_str(&o->tmp));
	}
	for (size_t r = 0; r < nr; r++)
		for (size_t c = 0; c < nc; c++) {
			const char *s = o->tcells[r * nc + c];
			size_t n = cw[(r + 1) * nc + c] = s ? utf8_width(s) : 1;
			if (n > w[c])
				w[c] = n;
		}
	for (size_t r = 0; r <= nr; r++) {
		for (size_t c = 0; c < nc; c++) {
			const char *s;
			if (r == 0) {
				header_name(&o->tmp, col_label(o, o->cols[c].name));
				s = strbuf_str(&o->tmp);
			} else {
				s = o->tcells[(r - 1) * nc + c];
				if (!s)
					s = "-";
			}
			size_t sw = cw[r * nc + c];
			int right = o->cols[c].type == OUT_T_INT || o->cols[c].type == OUT_T_REAL;
			if (c)
				fputs("  ", o->fp);
			if (right)
				pad(o->fp, w[c] - sw);
			fputs(s, o->fp);
			if (!right && c + 1 < nc)
				pad(o->fp, w[c] - sw);
		}
		putc('\n', o->fp);
	}
	free(w);
}

static void table_flush_record(struct out *o)
{
	size_t kw = 0;

	for (size_t c = 0; c < o->ncols; c++) {
		size_t n = utf8_width(col_label(o, o->cols[c].name));
		if (n > kw)
			kw = n;
	}
	for (size_t c = 0; c < o->ncols && c < o->ntcells; c++) {
		const char *s = o->tcells[c] ? o->tcells[c] : "-";
		const char *k = col_label(o, o->cols[c].name);
		fputs(k, o->fp);
		putc(':', o->fp);
		pad(o->fp, kw - utf8_width(k) + 1);
		fputs(s, o->fp);
		putc('\n', o->fp);
	}
}

void out_end(struct out *o)
{
	if (o->active == ACT_RECORD)
		while (o->cell < o->ncols)
			out_null(o);
	if (o->cap) {
		o->active = ACT_NONE;
		o->cell = 0;
		return;
	}
	switch (o->fmt) {
	case OUT_JSON:
		if (o->active == ACT_LIST) {
			if (o->rows)
				fputs(o->in_doc ? "\n  ]" : "\n]", o->fp);
			else
				putc(']', o->fp);
		} else {
			putc('}', o->fp);
		}
		if (!o->in_doc)
			putc('\n', o->fp);
		break;
	case OUT_CSV:
	case OUT_TSV:
		if (o->active == ACT_RECORD) {
			if (o->in_doc)
				csv_doc_row(o);
			else
				fputs(eol(o), o->fp);
		}
		break;
	case OUT_XLSX:
		out_xlsx_end(o, o->active == ACT_RECORD);
		break;
	default:
		if (o->active == ACT_LIST)
			table_flush_list(o);
		else
			table_flush_record(o);
		table_clear(o);
		break;
	}
	o->active = ACT_NONE;
	o->cell = 0;
}

void out_doc_begin(struct out *o, const struct out_col *all, size_t nall)
{
	o->in_doc = 1;
	o->sections = 0;
	o->dcols = all;
	o->ndcols = nall;
	free(o->drow);
	free(o->dquote);
	o->drow = xcalloc(nall ? nall : 1, sizeof(*o->drow));
	o->dquote = xcalloc(nall ? nall : 1, sizeof(*o->dquote));
	if (o->cap)
		return;
	switch (o->fmt) {
	case OUT_JSON:
		fputs("{\n", o->fp);
		break;
	case OUT_CSV:
	case OUT_TSV:
		if (!o->header_done)
			csv_header(o, "section", all, nall);
		break;
	default:
		break;
	}
}

/* A text heading: a section with the same title as the one before it (a
 * step's question, then its rows) goes on under that heading. */
void out_section(struct out *o, const char *key, const char *title)
{
	o->sections++;
	o->section = key;
	o->section_title = title ? title : key;
	if (tablelike(o) && !o->cap) {
		size_t w = utf8_width(o->section_title);
		if (o->sections > 1)
			putc('\n', o->fp);
		if (o->sections > 1 && o->shown_title && !strcmp(o->shown_title, o->section_title))
			return;
		free(o->shown_title);
		o->shown_title = xstrdup(o->section_title);
		fputs(o->section_title, o->fp);
		putc('\n', o->fp);
		while (w--)
			putc('-', o->fp);
		putc('\n', o->fp);
	}
}

void out_doc_end(struct out *o)
{
	if (o->fmt == OUT_JSON && !o->cap)
		fputs(o->sections ? "\n}\n" : "}\n", o->fp);
	o->in_doc = 0;
	drow_clear(o);
}

int out_flush(struct out *o)
{
	if (o->cap)
		return 0;
	if (fflush(o->fp) != 0 || ferror(o->fp)) {
		if (!errno)
			errno = EIO;
		return -1;
	}
	return 0;
}
