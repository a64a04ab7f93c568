/* out_xlsx.c - the output writer's workbook renderer (--format xlsx), with
 * libxlsxwriter.
 *
 * Every list or record is a worksheet: a header row with the column keys
 * (the CSV header), frozen, an autofilter over the data, column widths from
 * what they hold. A document's sections are one worksheet each, named by
 * their titles; a list outside a document is named by the output's name
 * ("goal list"). Cells keep their types: integers and reals are numbers (a
 * real with decimals declared for a table gets that number format), a
 * YYYY-MM-DD text in a date column (OUT_T_DATE) is a date, a boolean is a
 * boolean, null is an empty cell, the rest is text.
 *
 * libxlsxwriter (in the module beter-xlsxout, loaded on first use) writes
 * the file when the workbook is closed; it is written into an anonymous
 * memory file (memfd), and out_xlsx_finish hands the bytes
 * to the atomic --out writer or to stdout. A command that fails leaves no
 * file behind.
 */
#include "out_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <unistd.h>

#include "beter/date.h"
#include "beter/i18n.h"
#include "beter/module.h"
#include "beter/report.h"

#define WIDTH_MIN 4
#define WIDTH_MAX 60
#define PREC_MAX 6
#define STR_MAX 32767 /* Excel's longest text in a cell */
#define SHEETNAME_MAX 31 /* and longest worksheet name */

struct out_xlsx {
	const struct beter_xlsxout_ops *m;
	struct beter_err load_err; /* why the module could not be loaded */
	void *wb;
	int fd;            /* the memory file the workbook is written into */
	char *tmp;         /* or a named temporary file where there is no memfd */
	char path[64];
	void *head, *date, *real[PREC_MAX + 1];
	void *ws;
	unsigned row;     /* the row the next cells go to */
	double *width;
	char **names;      /* the worksheets' names */
	size_t nnames;
	int fail;          /* the first error, 0 none */
	int too_many;      /* a worksheet ran out of rows */
};

static void fail(struct out_xlsx *x, int e)
{
	if (e && !x->fail)
		x->fail = e;
}

static int open_file(struct out_xlsx *x)
{
	x->fd = memfd_create("beter-xlsx", MFD_CLOEXEC);
	if (x->fd >= 0 && access("/proc/self/fd", X_OK) == 0) {
		snprintf(x->path, sizeof(x->path), "/proc/self/fd/%d", x->fd);
		return 0;
	}
	if (x->fd >= 0)
		close(x->fd);
	const char *dir = getenv("TMPDIR");
	struct strbuf sb = STRBUF_INIT;
	strbuf_addf(&sb, "%s/beter-xlsx-XXXXXX", dir && *dir ? dir : "/tmp");
	x->fd = mkostemp(sb.buf, O_CLOEXEC);
	if (x->fd < 0) {
		strbuf_release(&sb);
		return -1;
	}
	x->tmp = strbuf_detach(&sb);
	return 0;
}

static struct out_xlsx *workbook(struct out *o)
{
	struct out_xlsx *x = o->xlsx;

	if (x)
		return x;
	x = o->xlsx = xcalloc(1, sizeof(*x));
	x->fd = -1;
	if (!(x->m = module_xlsxout(&x->load_err)))
		return x;
	if (open_file(x) != 0 || !(x->wb = x->m->wb_new(x->tmp ? x->tmp : x->path))) {
		x->fail = x->m->err_tmpfile;
		return x;
	}
	x->head = x->m->format(x->wb, 1, NULL);
	x->date = x->m->format(x->wb, 0, "yyyy-mm-dd");
	for (int p = 1; p <= PREC_MAX; p++) {
		char nf[16] = "0.";
		memset(nf + 2, '0', (size_t)p);
		x->real[p] = x->m->format(x->wb, 0, nf);
	}
	return x;
}

/* A worksheet name Excel accepts: no []:*?/\, no ' at either end, at most
 * 31 characters, unique regardless of case. */
static char *sheet_name(struct out_xlsx *x, const char *want)
{
	struct strbuf base = STRBUF_INIT, name = STRBUF_INIT;

	const char *p = want && *want ? want : "data";
	while (*p == '\'')
		p++;
	for (; *p; p++)
		strbuf_addc(&base, strchr("[]:*?/\\", *p) || (unsigned char)*p < 0x20 ? '-' : *p);
	for (int n = 1;; n++) {
		char suffix[16] = "";
		size_t chars = 0, keep = 0;
		if (n > 1)
			snprintf(suffix, sizeof(suffix), " (%d)", n);
		/* keep whole UTF-8 characters: 31 less the suffix */
		while (keep < base.len && chars < SHEETNAME_MAX - strlen(suffix)) {
			keep++;
			while (keep < base.len && ((unsigned char)base.buf[keep] & 0xc0) == 0x80)
				keep++;
			chars++;
		}
		while (keep && base.buf[keep - 1] == '\'')
			keep--;
		strbuf_reset(&name);
		strbuf_add(&name, base.buf, keep);
		if (!keep)
			strbuf_adds(&name, "data");
		strbuf_adds(&name, suffix);
		size_t i = 0;
		while (i < x->nnames && strcasecmp(x->names[i], name.buf))
			i++;
		if (i == x->nnames && strcasecmp(name.buf, "History"))
			break;
	}
	strbuf_release(&base);
	x->names = xrealloc(x->names, (x->nnames + 1) * sizeof(*x->names));
	x->names[x->nnames++] = xstrdup(name.buf);
	return strbuf_detach(&name);
}

static void widen(struct out_xlsx *x, size_t col, size_t w)
{
	if ((double)w > x->width[col])
		x->width[col] = (double)w;
}

void out_xlsx_begin(struct out *o, int record)
{
	struct out_xlsx *x = workbook(o);
	(void)record;

	x->ws = NULL;
	if (!x->wb)
		return;
	char *name = sheet_name(x, o->in_doc ? o->section_title : o->name);
	x->ws = x->m->sheet(x->wb, name);
	free(name);
	if (!x->ws) {
		fail(x, x->m->err_sheetname);
		return;
	}
	free(x->width);
	x->width = xcalloc(o->ncols ? o->ncols : 1, sizeof(*x->width));
	for (size_t c = 0; c < o->ncols; c++) {
		fail(x, x->m->string(x->ws, 0, (unsigned)c, o->cols[c].name, x->head));
		widen(x, c, utf8_width(o->cols[c].name) + 2); /* room for the filter button */
	}
	x->row = 1;
}

static void write_text(struct out_xlsx *x, unsigned col, const char *s, enum out_type type)
{
	int day;
	char back[11];

	if (type == OUT_T_DATE && strlen(s) == 10 && (day = date_of(s), date_format(day, back), !strcmp(back, s)) &&
	    s[0] != '0' && strcmp(s, "1900-03-01") >= 0) {
		fail(x, x->m->date(x->ws, x->row, col, atoi(s), atoi(s + 5), atoi(s + 8), x->date));
		widen(x, col, 10);
		return;
	}
	size_t len = strlen(s);
	if (len > STR_MAX) { /* Excel's limit: cut at a whole character */
		len = STR_MAX;
		while (len && ((unsigned char)s[len] & 0xc0) == 0x80)
			len--;
		char *cut = xstrndup(s, len);
		fail(x, x->m->string(x->ws, x->row, col, cut, NULL));
		free(cut);
	} else {
		fail(x, x->m->string(x->ws, x->row, col, s, NULL));
	}
	/* the longest line of the text */
	size_t w = 0;
	for (const char *p = s; p;) {
		const char *e = strchr(p, '\n');
		char *line = e ? xstrndup(p, (size_t)(e - p)) : NULL;
		size_t lw = utf8_width(line ? line : p);
		free(line);
		w = lw > w ? lw : w;
		p = e ? e + 1 : NULL;
	}
	widen(x, col, w);
}

void out_xlsx_cell(struct out *o, enum out_ctype t, int64_t i, double d, const char *s)
{
	struct out_xlsx *x = o->xlsx;
	size_t c = o->cell;

	if (c >= o->ncols) {
		/* a programming error: more cells than columns */
		fprintf(stderr, "%s", _("beter: internal error: extra output cell\n"));
		abort();
	}
	o->cell++;
	if (!x || !x->ws || x->row >= XLSXW_ROW_MAX) {
		if (x && x->ws)
			x->too_many = 1;
		return;
	}
	unsigned col = (unsigned)c;
	char buf[40];
	int prec = o->cols[c].prec;
	switch (t) {
	case OUT_C_NULL:
		break;
	case OUT_C_INT:
		fail(x, x->m->number(x->ws, x->row, col, (double)i, NULL));
		widen(x, c, (size_t)snprintf(buf, sizeof(buf), "%lld", (long long)i));
		break;
	case OUT_C_REAL:
		prec = prec > PREC_MAX ? PREC_MAX : prec;
		fail(x, x->m->number(x->ws, x->row, col, d, prec > 0 ? x->real[prec] : NULL));
		if (prec > 0)
			snprintf(buf, sizeof(buf), "%.*f", prec, d);
		else
			out_format_real(buf, sizeof(buf), d);
		widen(x, c, strlen(buf));
		break;
	case OUT_C_BOOL:
		fail(x, x->m->boolean(x->ws, x->row, col, (int)i, NULL));
		widen(x, c, 6);
		break;
	case OUT_C_TEXT:
		write_text(x, col, s, o->cols[c].type);
		break;
	}
}

void out_xlsx_row_end(struct out *o)
{
	struct out_xlsx *x = o->xlsx;

	if (x && x->ws && x->row < XLSXW_ROW_MAX)
		x->row++;
}

void out_xlsx_end(struct out *o, int record)
{
	struct out_xlsx *x = o->xlsx;

	if (!x || !x->ws)
		return;
	if (record)
		x->row = 2;
	for (size_t c = 0; c < o->ncols; c++) {
		double w = x->width[c] < WIDTH_MIN ? WIDTH_MIN : x->width[c] > WIDTH_MAX ? WIDTH_MAX : x->width[c];
		fail(x, x->m->width(x->ws, (unsigned)c, w + 1));
	}
	x->m->freeze(x->ws, 1, 0);
	if (o->ncols)
		fail(x, x->m->filter(x->ws, 0, 0, x->row - 1, (unsigned)(o->ncols - 1)));
	x->ws = NULL;
}

void out_xlsx_free(struct out *o)
{
	struct out_xlsx *x = o->xlsx;

	if (!x)
		return;
	if (x->wb)
		x->m->discard(x->wb);
	if (x->fd >= 0)
		close(x->fd);
	if (x->tmp)
		unlink(x->tmp);
	for (size_t i = 0; i < x->nnames; i++)
		free(x->names[i]);
	free(x->names);
	free(x->width);
	free(x->tmp);
	free(x);
	o->xlsx = NULL;
}

int out_xlsx_finish(struct out *o, const char *path, int *wrote, struct beter_err *err)
{
	struct out_xlsx *x = o->xlsx;
	int rc = 0;

	*wrote = 0;
	if (!x)
		return 0;
	if (x->too_many) {
		rc = beter_err_set(err, BETER_FAIL, _("--format xlsx: more than %d rows for one worksheet (use --csv)"),
				   XLSXW_ROW_MAX - 1);
		goto out;
	}
	if (!x->m) {
		rc = beter_err_set(err, x->load_err.status, "%s", x->load_err.msg);
		goto out;
	}
	if (x->fail || !x->wb) {
		rc = beter_err_set(err, BETER_IOERR, _("--format xlsx: writing the workbook: %s"), x->m->strerror(x->fail));
		goto out;
	}
	int e = x->m->close(x->wb);
	x->wb = NULL;
	if (e) {
		rc = beter_err_set(err, BETER_IOERR, _("--format xlsx: writing the workbook: %s"), x->m->strerror(e));
		goto out;
	}
	off_t len = lseek(x->fd, 0, SEEK_END);
	void *data = len > 0 ? mmap(NULL, (size_t)len, PROT_READ, MAP_SHARED, x->fd, 0) : MAP_FAILED;
	if (data == MAP_FAILED) {
		rc = beter_err_set(err, BETER_IOERR, _("--format xlsx: reading the workbook back: %s"),
				   strerror(len > 0 ? errno : EIO));
		goto out;
	}
	if (path)
		rc = report_write_file(path, data, (size_t)len, err);
	else if (fwrite(data, 1, (size_t)len, o->fp) != (size_t)len)
		rc = beter_err_set(err, BETER_IOERR, _("writing output: %s"), strerror(errno));
	munmap(data, (size_t)len);
	*wrote = rc == 0;
out:
	out_xlsx_free(o);
	return rc;
}
