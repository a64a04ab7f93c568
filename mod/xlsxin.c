/* xlsxin.c - an .xlsx sheet as rows of text cells: the zip container with
 * libzip, the workbook, its relationships, styles, shared strings and the
 * sheet with expat. See xlsxin.h for what comes out and what is refused.
 * The module beter-xlsxin (module.h): libbeter calls it through its table. */
#include "beter/xlsxin.h"

#include <errno.h>
/* Debian's expat is built with DTD support: declare its billion-laughs limits */
#ifndef XML_DTD
#define XML_DTD
#endif
#include <expat.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <zip.h>

#include "beter/i18n.h"
#include "beter/module.h"
#include "beter/util.h"

#define CHUNK 65536
#define STRINGS_COUNT_MAX (16u << 20)
#define XF_MAX 65536
#define FMT_IDS 65536
#define SHEETS_MAX 4096

enum part_kind { P_WORKBOOK, P_RELS, P_STYLES, P_STRINGS, P_SHEET };

struct part {
	char *path;
	zip_file_t *zf;
	zip_uint64_t size, got;
	XML_Parser p;
};

struct xlsxin {
	char *name;
	zip_t *z;
	struct beter_err *err;
	struct xlsxin_sink sink;
	int failed;
	int date1904;

	/* the workbook: sheets in order, and the relationships to their parts */
	char **sheet_name, **sheet_rid;
	size_t nsheets;
	char **rel_id, **rel_target, **rel_type;
	size_t nrels;

	/* styles: the kind of number format (xlsxin_numfmt_kind) by format id,
	 * then per cell format */
	unsigned char *fmt_kind; /* FMT_IDS, set for the workbook's own formats (+1) */
	unsigned char *xf_kind;
	size_t nxf;

	/* shared strings, each NUL-terminated in ss */
	struct strbuf ss;
	size_t *ss_off, nss, ss_alloc;

	/* parse state */
	enum part_kind kind;
	struct part cur;
	int in_xfs, in_fmts, in_si, in_is, in_v, in_t, in_rph, in_c;
	int collect;
	struct strbuf text;
	long row, last_row;
	long col, last_col;
	int ctype; /* 's' shared, 'i' inline, 'b' boolean, 'e' error, 'd' ISO date, 't' a formula's text, 'n' */
	int cstyle;
};

/* ---- errors ---- */

static int fail(struct xlsxin *x, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(struct xlsxin *x, const char *fmt, ...)
{
	char msg[768];
	va_list ap;

	if (x->failed)
		return BETER_DATAERR;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	x->failed = 1;
	if (x->cur.p)
		XML_StopParser(x->cur.p, XML_FALSE);
	return beter_err_set(x->err, BETER_DATAERR, "%s: %s", x->name, msg);
}

/* The sink failed and keeps its own message. */
static void sink_failed(struct xlsxin *x)
{
	x->failed = 1;
	XML_StopParser(x->cur.p, XML_FALSE);
}

static int damaged(struct xlsxin *x, const char *what)
{
	return fail(x, _("not a readable .xlsx workbook (%s); open it in Excel and save it again, or save it as CSV"),
		    what);
}

/* ---- names and attributes ---- */

static const char *local(const char *name)
{
	const char *c = strrchr(name, ':');
	return c ? c + 1 : name;
}

static const char *attr(const char **atts, const char *name)
{
	for (; atts[0]; atts += 2)
		if (!strcmp(local(atts[0]), name))
			return atts[1];
	return NULL;
}

static void push(char ***v, size_t n, const char *s)
{
	*v = xrealloc(*v, (n + 1) * sizeof(**v));
	(*v)[n] = xstrdup(s ? s : "");
}

/* ---- the parts ---- */

static void text_add(struct xlsxin *x, const char *s, int len)
{
	if (x->collect && x->text.len <= XLSXIN_CELL_MAX)
		strbuf_add(&x->text, s, (size_t)len > XLSXIN_CELL_MAX + 1 - x->text.len ?
					       XLSXIN_CELL_MAX + 1 - x->text.len : (size_t)len);
}

static void XMLCALL on_text(void *ud, const XML_Char *s, int len)
{
	text_add(ud, s, len);
}

static void XMLCALL on_doctype(void *ud, const XML_Char *name, const XML_Char *sys, const XML_Char *pub, int sub)
{
	struct xlsxin *x = ud;
	(void)name, (void)sys, (void)pub, (void)sub;
	fail(x, _("part '%s' declares a DTD, which a workbook never does; refused"), x->cur.path);
}

static void XMLCALL on_entity(void *ud, const XML_Char *name, int pe, const XML_Char *v, int vlen,
			      const XML_Char *base, const XML_Char *sys, const XML_Char *pub, const XML_Char *nota)
{
	struct xlsxin *x = ud;
	(void)name, (void)pe, (void)v, (void)vlen, (void)base, (void)sys, (void)pub, (void)nota;
	fail(x, _("part '%s' declares an entity, which a workbook never does; refused"), x->cur.path);
}

static void start_el(void *ud, const XML_Char *el, const XML_Char **atts);
static void end_el(void *ud, const XML_Char *el);

static XML_Parser new_parser(struct xlsxin *x)
{
	XML_Parser p = XML_ParserCreate(NULL);
	if (!p)
		abort();
	XML_SetUserData(p, x);
	XML_SetElementHandler(p, start_el, end_el);
	XML_SetCharacterDataHandler(p, on_text);
	XML_SetStartDoctypeDeclHandler(p, on_doctype);
	XML_SetEntityDeclHandler(p, on_entity);
	XML_SetParamEntityParsing(p, XML_PARAM_ENTITY_PARSING_NEVER);
	/* refused at the DTD already; the limits hold should that ever change */
	XML_SetBillionLaughsAttackProtectionMaximumAmplification(p, 10.0f);
	XML_SetBillionLaughsAttackProtectionActivationThreshold(p, 1u << 20);
	return p;
}

/* Open a part (case-insensitive, as OPC names are); 0 with cur.zf NULL
 * when it is absent and not required. */
static int part_open(struct xlsxin *x, const char *path, enum part_kind kind, int required)
{
	zip_stat_t st;
	zip_int64_t i = zip_name_locate(x->z, path, ZIP_FL_NOCASE);

	memset(&x->cur, 0, sizeof(x->cur));
	x->cur.path = xstrdup(path);
	x->kind = kind;
	if (i < 0)
		return required ? fail(x, _("part '%s' is missing; is it an Excel workbook?"), path) : 0;
	zip_stat_init(&st);
	if (zip_stat_index(x->z, (zip_uint64_t)i, 0, &st) != 0)
		return damaged(x, zip_strerror(x->z));
	if ((st.valid & ZIP_STAT_SIZE) && st.size > XLSXIN_PART_MAX)
		return fail(x, _("part '%s' unpacks to %llu MB, more than %u MB; refused (a zip bomb?)"), path,
			    (unsigned long long)(st.size >> 20), XLSXIN_PART_MAX >> 20);
	if ((st.valid & ZIP_STAT_SIZE) && (st.valid & ZIP_STAT_COMP_SIZE) && st.size > XLSXIN_RATIO_FROM &&
	    st.size / (st.comp_size ? st.comp_size : 1) > XLSXIN_RATIO_MAX)
		return fail(x, _("part '%s' unpacks to %llu times its packed size; refused (a zip bomb?)"), path,
			    (unsigned long long)(st.size / (st.comp_size ? st.comp_size : 1)));
	x->cur.size = (st.valid & ZIP_STAT_SIZE) ? st.size : XLSXIN_PART_MAX;
	x->cur.zf = zip_fopen_index(x->z, (zip_uint64_t)i, 0);
	if (!x->cur.zf)
		return damaged(x, zip_strerror(x->z));
	x->cur.p = new_parser(x);
	x->in_xfs = x->in_fmts = x->in_si = x->in_is = x->in_v = x->in_t = x->in_rph = x->in_c = x->collect = 0;
	return 0;
}

static void part_close(struct xlsxin *x)
{
	if (x->cur.zf)
		zip_fclose(x->cur.zf);
	if (x->cur.p)
		XML_ParserFree(x->cur.p);
	free(x->cur.path);
	memset(&x->cur, 0, sizeof(x->cur));
}

/* Parse the next chunk: 1 more, 0 at the end, -1 on an error. */
static int part_feed(struct xlsxin *x)
{
	XML_ParsingStatus ps;
	enum XML_Status st;
	zip_int64_t n = 1;

	XML_GetParsingStatus(x->cur.p, &ps);
	if (ps.parsing == XML_FINISHED)
		return 0;
	if (ps.parsing == XML_SUSPENDED) {
		st = XML_ResumeParser(x->cur.p);
	} else {
		void *buf = XML_GetBuffer(x->cur.p, CHUNK);
		if (!buf)
			return beter_err_set(x->err, BETER_IOERR, _("%s: out of memory"), x->name), x->failed = 1, -1;
		n = zip_fread(x->cur.zf, buf, CHUNK);
		if (n < 0)
			return damaged(x, zip_file_strerror(x->cur.zf)), -1;
		x->cur.got += (zip_uint64_t)n;
		if (x->cur.got > x->cur.size || x->cur.got > XLSXIN_PART_MAX)
			return fail(x, _("part '%s' unpacks to more than it says; refused (a zip bomb?)"), x->cur.path),
			       -1;
		st = XML_ParseBuffer(x->cur.p, (int)n, n == 0);
	}
	if (st == XML_STATUS_ERROR && !x->failed)
		fail(x, _("part '%s' line %lu: %s (the workbook is damaged; save it again from Excel)"), x->cur.path,
		     (unsigned long)XML_GetCurrentLineNumber(x->cur.p), XML_ErrorString(XML_GetErrorCode(x->cur.p)));
	if (x->failed)
		return -1;
	XML_GetParsingStatus(x->cur.p, &ps);
	return ps.parsing != XML_FINISHED;
}

/* Read a whole part (absent and not required: nothing). */
static int part_read(struct xlsxin *x, const char *path, enum part_kind kind, int required)
{
	int rc;

	if (part_open(x, path, kind, required)) {
		part_close(x);
		return -1;
	}
	if (!x->cur.zf) {
		part_close(x);
		return 0;
	}
	while ((rc = part_feed(x)) > 0)
		;
	part_close(x);
	return rc;
}

/* ---- the elements ---- */

static void shared_string_end(struct xlsxin *x)
{
	if (x->nss >= STRINGS_COUNT_MAX || x->ss.len + x->text.len + 1 > XLSXIN_STRINGS_MAX) {
		fail(x, _("the shared strings are larger than %u MB; refused"), XLSXIN_STRINGS_MAX >> 20);
		return;
	}
	if (x->nss == x->ss_alloc) {
		x->ss_alloc = x->ss_alloc ? x->ss_alloc * 2 : 256;
		x->ss_off = xrealloc(x->ss_off, x->ss_alloc * sizeof(*x->ss_off));
	}
	x->ss_off[x->nss++] = x->ss.len;
	strbuf_add(&x->ss, x->text.buf ? x->text.buf : "", x->text.len);
	strbuf_addc(&x->ss, '\0');
}

static void style_el(struct xlsxin *x, const char *el, const char **atts)
{
	const char *id = attr(atts, "numFmtId");

	if (!strcmp(el, "cellXfs"))
		x->in_xfs = 1;
	else if (!strcmp(el, "numFmts"))
		x->in_fmts = 1;
	else if (x->in_fmts && !strcmp(el, "numFmt") && id && atoi(id) >= 0 && atoi(id) < FMT_IDS) {
		const char *code = attr(atts, "formatCode");
		if (!x->fmt_kind)
			x->fmt_kind = xcalloc(FMT_IDS, 1);
		x->fmt_kind[atoi(id)] = (unsigned char)(1 + xlsxin_numfmt_kind(atoi(id), code ? code : ""));
	} else if (x->in_xfs && !strcmp(el, "xf")) {
		int fid = id ? atoi(id) : 0, kind = xlsxin_numfmt_kind(fid, NULL);
		if (x->nxf >= XF_MAX) {
			fail(x, _("more than %d cell formats; refused"), XF_MAX);
			return;
		}
		if (x->fmt_kind && fid >= 0 && fid < FMT_IDS && x->fmt_kind[fid])
			kind = x->fmt_kind[fid] - 1;
		x->xf_kind = xrealloc(x->xf_kind, x->nxf + 1);
		x->xf_kind[x->nxf++] = (unsigned char)kind;
	}
}

/* "C5": column 2 (0-based); -1 when it is no cell reference. */
static long ref_col(const char *r)
{
	long col = 0;
	int n = 0;

	while ((*r >= 'A' && *r <= 'Z') || (*r >= 'a' && *r <= 'z')) {
		col = col * 26 + ((*r | 0x20) - 'a' + 1);
		if (++n > 3)
			return -1;
		r++;
	}
	if (!n || col > XLSXIN_COLS_MAX)
		return -1;
	for (; *r; r++)
		if (*r < '0' || *r > '9')
			return -1;
	return col - 1;
}

static void cell_start(struct xlsxin *x, const char **atts)
{
	const char *r = attr(atts, "r"), *t = attr(atts, "t"), *s = attr(atts, "s");

	x->col = r ? ref_col(r) : x->last_col + 1;
	if (x->col < 0 || x->col >= XLSXIN_COLS_MAX) {
		fail(x, _("sheet row %ld: '%.20s' is not a cell reference (the workbook is damaged)"), x->row,
		     r ? r : "");
		return;
	}
	if (x->col <= x->last_col) {
		fail(x, _("sheet row %ld: cell '%.20s' out of order (the workbook is damaged)"), x->row, r ? r : "");
		return;
	}
	x->ctype = !t ? 'n' : !strcmp(t, "s") ? 's' : !strcmp(t, "inlineStr") ? 'i' : !strcmp(t, "b") ? 'b'
		 : !strcmp(t, "e") ? 'e' : !strcmp(t, "d") ? 'd' : !strcmp(t, "str") ? 't' : 'n';
	x->cstyle = s ? atoi(s) : 0;
	x->in_c = 1;
	strbuf_reset(&x->text);
}

static void row_start(struct xlsxin *x, const char **atts)
{
	const char *r = attr(atts, "r");
	long n = r ? atol(r) : x->last_row + 1;

	if (n <= x->last_row || n > XLSXIN_ROWS_MAX) {
		fail(x, _("sheet row '%.20s' out of order (the workbook is damaged)"), r ? r : "");
		return;
	}
	x->row = n;
	x->last_col = -1;
}

static void XMLCALL start_el(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct xlsxin *x = ud;
	const char *el = local(name);

	if (x->failed)
		return;
	switch (x->kind) {
	case P_WORKBOOK:
		if (!strcmp(el, "workbookPr")) {
			const char *d = attr(atts, "date1904");
			x->date1904 = d && (!strcmp(d, "1") || !strcmp(d, "true"));
		} else if (!strcmp(el, "sheet") && x->nsheets < SHEETS_MAX) {
			push(&x->sheet_name, x->nsheets, attr(atts, "name"));
			push(&x->sheet_rid, x->nsheets++, attr(atts, "id"));
		}
		break;
	case P_RELS:
		if (!strcmp(el, "Relationship") && x->nrels < SHEETS_MAX * 2) {
			push(&x->rel_id, x->nrels, attr(atts, "Id"));
			push(&x->rel_type, x->nrels, attr(atts, "Type"));
			push(&x->rel_target, x->nrels++, attr(atts, "Target"));
		}
		break;
	case P_STYLES:
		style_el(x, el, atts);
		break;
	case P_STRINGS:
		if (!strcmp(el, "si")) {
			x->in_si = 1;
			strbuf_reset(&x->text);
		} else if (!strcmp(el, "rPh")) {
			x->in_rph = 1;
		} else if (x->in_si && !strcmp(el, "t")) {
			x->collect = !x->in_rph;
		}
		break;
	case P_SHEET:
		if (!strcmp(el, "row"))
			row_start(x, atts);
		else if (!strcmp(el, "c"))
			cell_start(x, atts);
		else if (x->in_c && !strcmp(el, "v"))
			x->collect = 1;
		else if (x->in_c && !strcmp(el, "rPh"))
			x->in_rph = 1;
		else if (x->in_c && !strcmp(el, "t"))
			x->collect = !x->in_rph;
		break;
	}
}

static void cell_end(struct xlsxin *x)
{
	char buf[128];
	const char *s = strbuf_str(&x->text);
	size_t len = x->text.len;

	x->in_c = 0;
	x->last_col = x->col;
	if (x->ctype == 's') {
		char *end;
		unsigned long i = strtoul(s, &end, 10);
		if (end == s || *end || i >= x->nss) {
			xlsxin_col_name((size_t)x->col, buf);
			fail(x, _("cell %s%ld refers to shared string '%.20s' of %zu (the workbook is damaged)"), buf, x->row,
			     s, x->nss);
			return;
		}
		s = x->ss.buf + x->ss_off[i];
		len = (i + 1 < x->nss ? x->ss_off[i + 1] : x->ss.len) - x->ss_off[i] - 1;
	} else if (x->ctype == 'b') {
		s = !strcmp(s, "1") || !strcmp(s, "true") ? "true" : "false";
		len = strlen(s);
	} else if (x->ctype == 'd') {
		/* an ISO 8601 date-time: the date alone at midnight */
		snprintf(buf, sizeof(buf), "%.40s", s);
		char *tpos = strchr(buf, 'T');
		if (tpos && !strncmp(tpos, "T00:00:00", 9) && (!tpos[9] || tpos[9] == 'Z' || tpos[9] == '.'))
			*tpos = '\0';
		else if (tpos)
			*tpos = ' ';
		s = buf;
		len = strlen(s);
	} else if (x->ctype == 'n' && len) {
		int kind = x->cstyle >= 0 && (size_t)x->cstyle < x->nxf ? x->xf_kind[x->cstyle] : 0;
		xlsxin_value_text(s, kind, x->date1904, buf, sizeof(buf));
		s = buf;
		len = strlen(s);
	}
	if (len && x->sink.cell(x->sink.arg, x->row, (size_t)x->col, s, len))
		sink_failed(x);
}

static void XMLCALL end_el(void *ud, const XML_Char *name)
{
	struct xlsxin *x = ud;
	const char *el = local(name);

	if (x->failed)
		return;
	if (!strcmp(el, "t") || !strcmp(el, "v"))
		x->collect = 0;
	else if (!strcmp(el, "rPh"))
		x->in_rph = 0;
	else if (x->kind == P_STYLES && !strcmp(el, "cellXfs"))
		x->in_xfs = 0;
	else if (x->kind == P_STYLES && !strcmp(el, "numFmts"))
		x->in_fmts = 0;
	else if (x->kind == P_STRINGS && !strcmp(el, "si")) {
		x->in_si = 0;
		shared_string_end(x);
	} else if (x->kind == P_SHEET && x->in_c && !strcmp(el, "c")) {
		cell_end(x);
	} else if (x->kind == P_SHEET && !strcmp(el, "row")) {
		x->last_row = x->row;
		if (x->sink.row(x->sink.arg, x->row))
			sink_failed(x);
		else /* a row at a time: memory holds one row, however wide */
			XML_StopParser(x->cur.p, XML_TRUE);
	}
}

/* ---- the workbook ---- */

/* The part a relationship of xl/workbook.xml points to: "worksheets/x.xml"
 * is xl/worksheets/x.xml, "/xl/worksheets/x.xml" the same. */
static char *rel_path(const char *target)
{
	struct strbuf sb = STRBUF_INIT;

	if (target[0] == '/')
		strbuf_adds(&sb, target + 1);
	else if (!strncmp(target, "../", 3))
		strbuf_adds(&sb, target + 3);
	else
		strbuf_addf(&sb, "xl/%s", target);
	return strbuf_detach(&sb);
}

/* The part of the relationship of this type (its last path segment), or
 * the usual place. */
static char *rel_part(struct xlsxin *x, const char *type, const char *usual)
{
	for (size_t i = 0; i < x->nrels; i++) {
		const char *t = strrchr(x->rel_type[i], '/');
		if (t && !strcmp(t + 1, type) && x->rel_target[i][0])
			return rel_path(x->rel_target[i]);
	}
	return xstrdup(usual);
}

static char *sheet_part(struct xlsxin *x, const char *sheet)
{
	size_t i = 0;

	if (!x->nsheets)
		return fail(x, _("the workbook has no sheets")), NULL;
	if (sheet) {
		for (i = 0; i < x->nsheets && strcmp(x->sheet_name[i], sheet); i++)
			;
		if (i == x->nsheets)
			for (i = 0; i < x->nsheets && !str_ieq(x->sheet_name[i], sheet); i++)
				;
		if (i == x->nsheets) {
			struct strbuf names = STRBUF_INIT;
			for (size_t k = 0; k < x->nsheets && names.len < 400; k++)
				strbuf_addf(&names, "%s'%s'", k ? ", " : "", x->sheet_name[k]);
			fail(x, _("no sheet named '%s' (the sheets: %s); name one with --sheet"), sheet, strbuf_str(&names));
			strbuf_release(&names);
			return NULL;
		}
	}
	for (size_t k = 0; k < x->nrels; k++)
		if (!strcmp(x->rel_id[k], x->sheet_rid[i]) && x->rel_target[k][0])
			return rel_path(x->rel_target[k]);
	if (!sheet && x->nsheets == 1)
		return xstrdup("xl/worksheets/sheet1.xml");
	return fail(x, _("sheet '%s' has no part (the workbook is damaged)"), x->sheet_name[i]), NULL;
}

static int open_zip(struct xlsxin *x, int fd, const void *data, size_t len)
{
	zip_error_t ze;
	zip_source_t *src;
	int fd2 = -1;

	zip_error_init(&ze);
	if (fd >= 0) {
		if ((fd2 = dup(fd)) < 0)
			return beter_err_set(x->err, BETER_IOERR, _("cannot read '%s': %s"), x->name, strerror(errno));
		FILE *fp = fdopen(fd2, "rb");
		if (!fp) {
			close(fd2);
			return beter_err_set(x->err, BETER_IOERR, _("cannot read '%s': %s"), x->name, strerror(errno));
		}
		if (!(src = zip_source_filep_create(fp, 0, -1, &ze)))
			fclose(fp);
	} else {
		src = zip_source_buffer_create(data, len, 0, &ze);
	}
	if (src)
		x->z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
	if (!x->z) {
		if (src)
			zip_source_free(src);
		damaged(x, zip_error_strerror(&ze));
		zip_error_fini(&ze);
		return BETER_DATAERR;
	}
	zip_error_fini(&ze);
	return 0;
}

static int x_open(struct xlsxin **xp, const char *name, int fd, const void *data, size_t len, const char *sheet,
		const struct xlsxin_sink *sink, struct beter_err *err)
{
	struct xlsxin *x = xcalloc(1, sizeof(*x));
	char *path = NULL;
	int rc;

	*xp = x;
	x->name = xstrdup(name);
	x->err = err;
	x->sink = *sink;
	if ((rc = open_zip(x, fd, data, len)))
		return rc;
	if (part_read(x, "xl/workbook.xml", P_WORKBOOK, 1) < 0 ||
	    part_read(x, "xl/_rels/workbook.xml.rels", P_RELS, 0) < 0)
		return BETER_DATAERR;
	path = rel_part(x, "styles", "xl/styles.xml");
	rc = part_read(x, path, P_STYLES, 0);
	free(path);
	if (rc < 0)
		return BETER_DATAERR;
	path = rel_part(x, "sharedStrings", "xl/sharedStrings.xml");
	rc = part_read(x, path, P_STRINGS, 0);
	free(path);
	if (rc < 0 || !(path = sheet_part(x, sheet)))
		return BETER_DATAERR;
	x->last_row = 0;
	rc = part_open(x, path, P_SHEET, 1);
	free(path);
	return rc;
}

static int x_pump(struct xlsxin *x)
{
	int rc;

	if (x->failed)
		return -1;
	if (!x->cur.zf)
		return 0;
	rc = part_feed(x);
	if (rc <= 0)
		part_close(x);
	return rc;
}

static void free_list(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void x_close(struct xlsxin *x)
{
	if (!x)
		return;
	part_close(x);
	if (x->z)
		zip_discard(x->z);
	free_list(x->sheet_name, x->nsheets);
	free_list(x->sheet_rid, x->nsheets);
	free_list(x->rel_id, x->nrels);
	free_list(x->rel_type, x->nrels);
	free_list(x->rel_target, x->nrels);
	free(x->fmt_kind);
	free(x->xf_kind);
	strbuf_release(&x->ss);
	free(x->ss_off);
	strbuf_release(&x->text);
	free(x->name);
	free(x);
}

/* The module's entry point (module.h). */
__attribute__((visibility("default"))) const struct beter_xlsxin_ops *beter_module_xlsxin(void)
{
	static const struct beter_xlsxin_ops ops = { BETER_MODULE_ABI, x_open, x_pump, x_close };
	return &ops;
}
