#include "beter/csvin.h"

#include <errno.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "beter/i18n.h"
#include "beter/xlsxin.h"

static int no_space(unsigned char c)
{
	(void)c;
	return 0;
}

static void rec_reset(struct csvin_rec *rec)
{
	strbuf_reset(&rec->data);
	rec->n = 0;
}

static void rec_release(struct csvin_rec *rec)
{
	strbuf_release(&rec->data);
	free(rec->offs);
	rec->offs = NULL;
	rec->n = rec->alloc = 0;
}

static void rec_copy(struct csvin_rec *to, const struct csvin_rec *from)
{
	rec_reset(to);
	strbuf_add(&to->data, from->data.buf, from->data.len);
	to->offs = xrealloc(to->offs, (from->n + 1) * sizeof(*to->offs));
	memcpy(to->offs, from->offs, from->n * sizeof(*to->offs));
	to->n = to->alloc = from->n;
	to->line = from->line;
}

static int common_open(struct csvin *r, const char *name, struct beter_err *err)
{
	memset(r, 0, sizeof(*r));
	r->name = xstrdup(name);
	r->err = err;
	if (csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		return beter_err_set(err, BETER_IOERR, _("%s: cannot start the CSV reader"), name);
	/* blanks are kept; line ends stay libcsv's inline CR/LF test (no
	 * per-character callback) */
	csv_set_space_func(&r->p, no_space);
	r->p_ready = 1;
	return 0;
}

static int sink_cell(void *arg, long row, size_t col, const char *s, size_t len);
static int sink_row(void *arg, long row);

static int has_suffix_ci(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && !strcasecmp(s + n - k, suffix);
}

/* What the first bytes say: 'x' a zip container (an .xlsx), 'o' an old
 * binary .xls, 'c' anything else (CSV text). */
static int magic_kind(const unsigned char *m, size_t n)
{
	if (n >= 4 && m[0] == 'P' && m[1] == 'K' && (m[2] == 3 || m[2] == 5) && (m[3] == 4 || m[3] == 6))
		return 'x';
	if (n >= 4 && m[0] == 0xd0 && m[1] == 0xcf && m[2] == 0x11 && m[3] == 0xe0)
		return 'o';
	return 'c';
}

/* Start the reader the first bytes call for. fd >= 0: a seekable file;
 * else data, len in memory. */
static int start_kind(struct csvin *r, int kind, int fd, const char *data, size_t len, const struct csvin_opts *o)
{
	struct xlsxin_sink sink = { r, sink_cell, sink_row };

	if (kind == 'o')
		return beter_err_set(r->err, BETER_DATAERR, _("%s: an old Excel .xls workbook; save it as .xlsx (Excel "
							      "workbook) or as CSV"), r->name);
	if (kind == 'c' && (has_suffix_ci(r->name, ".xlsx") || has_suffix_ci(r->name, ".xlsm")))
		return beter_err_set(r->err, BETER_DATAERR, _("%s: not an Excel workbook (an .xlsx file is a zip "
							      "container); save it again from Excel, or name a CSV "
							      "file .csv"), r->name);
	if (kind == 'c') {
		if (o && o->sheet)
			return beter_err_set(r->err, BETER_USAGE, _("--sheet: '%s' is a CSV file, not a workbook"),
					     r->name);
		return 0;
	}
	return xlsxin_open(&r->x, r->name, fd, data, len, o ? o->sheet : NULL, &sink, r->err);
}

/* A pipe's first bytes, read to tell a workbook from CSV, handed back
 * before the rest of the stream. */
struct replay {
	FILE *fp;
	int own;
	unsigned char head[8];
	size_t n, pos;
};

static ssize_t replay_read(void *cookie, char *buf, size_t size)
{
	struct replay *rp = cookie;
	size_t k;

	if (rp->pos < rp->n) {
		k = rp->n - rp->pos < size ? rp->n - rp->pos : size;
		memcpy(buf, rp->head + rp->pos, k);
		rp->pos += k;
		return (ssize_t)k;
	}
	k = fread(buf, 1, size, rp->fp);
	return k == 0 && ferror(rp->fp) ? -1 : (ssize_t)k;
}

static int replay_close(void *cookie)
{
	struct replay *rp = cookie;
	int rc = rp->own ? fclose(rp->fp) : 0;
	free(rp);
	return rc;
}

/* A stream that cannot seek (stdin, a pipe): a workbook is read into
 * memory (at most XLSXIN_PART_MAX bytes), CSV streams on. */
static int sniff_pipe(struct csvin *r, const struct csvin_opts *o)
{
	struct replay *rp = xcalloc(1, sizeof(*rp));
	cookie_io_functions_t io = { replay_read, NULL, NULL, replay_close };
	int kind;

	rp->n = fread(rp->head, 1, sizeof(rp->head), r->fp);
	kind = magic_kind(rp->head, rp->n);
	if (kind == 'x') {
		struct strbuf sb = STRBUF_INIT;
		char buf[65536];
		size_t k;
		strbuf_add(&sb, rp->head, rp->n);
		while ((k = fread(buf, 1, sizeof(buf), r->fp)) > 0 && sb.len <= XLSXIN_PART_MAX)
			strbuf_add(&sb, buf, k);
		free(rp);
		if (ferror(r->fp)) {
			strbuf_release(&sb);
			return beter_err_set(r->err, BETER_IOERR, _("%s: read error: %s"), r->name, strerror(errno));
		}
		if (sb.len > XLSXIN_PART_MAX) {
			strbuf_release(&sb);
			return beter_err_set(r->err, BETER_DATAERR, _("%s: a workbook larger than %u MB; refused"), r->name,
					     XLSXIN_PART_MAX >> 20);
		}
		size_t len = sb.len;
		r->xdata = strbuf_detach(&sb);
		return start_kind(r, kind, -1, r->xdata, len, o);
	}
	rp->fp = r->fp;
	rp->own = r->own_fp;
	r->fp = fopencookie(rp, "r", io);
	if (!r->fp) {
		r->fp = rp->fp;
		free(rp);
		return beter_err_set(r->err, BETER_IOERR, _("%s: cannot read"), r->name);
	}
	r->own_fp = 1;
	return start_kind(r, kind, -1, NULL, 0, o);
}

static int sniff(struct csvin *r, const struct csvin_opts *o)
{
	unsigned char m[8];
	size_t n;

	if (fseeko(r->fp, 0, SEEK_CUR) != 0)
		return sniff_pipe(r, o);
	n = fread(m, 1, sizeof(m), r->fp);
	if (ferror(r->fp) || fseeko(r->fp, 0, SEEK_SET) != 0)
		return beter_err_set(r->err, BETER_IOERR, _("%s: read error: %s"), r->name, strerror(errno));
	return start_kind(r, magic_kind(m, n), fileno(r->fp), NULL, 0, o);
}

int csvin_open_opts(struct csvin *r, const char *path, const struct csvin_opts *o, struct beter_err *err)
{
	int stdin_ = !strcmp(path, "-");
	int rc = common_open(r, stdin_ ? "<stdin>" : path, err);
	if (rc)
		return rc;
	r->notes = o ? o->notes : NULL;
	if (stdin_) {
		r->fp = stdin;
	} else {
		if ((rc = input_open(path, &r->fp, err))) {
			csvin_close(r);
			return rc;
		}
		r->own_fp = 1;
	}
	if ((rc = sniff(r, o)))
		csvin_close(r);
	return rc;
}

int csvin_open(struct csvin *r, const char *path, struct beter_err *err)
{
	return csvin_open_opts(r, path, NULL, err);
}

int csvin_open_mem_opts(struct csvin *r, const char *name, const char *data, size_t len, const struct csvin_opts *o,
			struct beter_err *err)
{
	int rc = common_open(r, name, err);
	if (rc)
		return rc;
	r->notes = o ? o->notes : NULL;
	int kind = magic_kind((const unsigned char *)data, len);
	if (kind != 'c' || (o && o->sheet) || has_suffix_ci(name, ".xlsx") || has_suffix_ci(name, ".xlsm")) {
		if ((rc = start_kind(r, kind, -1, data, len, o)))
			csvin_close(r);
		if (rc || r->x)
			return rc;
	}
	r->fp = fmemopen((void *)data, len ? len : 1, "rb");
	if (!r->fp) {
		csvin_close(r);
		return beter_err_set(err, BETER_IOERR, _("%s: cannot read"), name);
	}
	if (!len) {
		/* fmemopen cannot open an empty buffer: treat as at end */
		r->eof = 1;
	}
	r->own_fp = 1;
	return 0;
}

int csvin_open_mem(struct csvin *r, const char *name, const char *data, size_t len, struct beter_err *err)
{
	return csvin_open_mem_opts(r, name, data, len, NULL, err);
}

void csvin_close(struct csvin *r)
{
	if (r->p_ready)
		csv_free(&r->p);
	if (r->own_fp && r->fp)
		fclose(r->fp);
	for (size_t i = 0; i < r->qalloc; i++)
		rec_release(&r->q[i]);
	free(r->q);
	rec_release(&r->cur);
	rec_release(&r->head);
	free(r->linebuf);
	if (r->cd)
		iconv_close((iconv_t)r->cd);
	free(r->conv);
	xlsxin_close(r->x);
	free(r->xdata);
	free(r->name);
	memset(r, 0, sizeof(*r));
}

static size_t field_len(const struct csvin_rec *rec, size_t i)
{
	size_t end = i + 1 < rec->n ? rec->offs[i + 1] : rec->data.len;
	return end - rec->offs[i] - 1;
}

/* "file:line:col"; in a sheet "file:row:C (header)", col counting from 1. */
static void where(const struct csvin *r, long line, size_t col, char *buf, size_t size)
{
	char letters[8];
	const char *h;
	size_t n;

	if (!r->x) {
		snprintf(buf, size, "%s:%ld:%zu", r->name, line, col);
		return;
	}
	xlsxin_col_name(col ? col - 1 : 0, letters);
	h = col && col - 1 < r->head.n ? r->head.data.buf + r->head.offs[col - 1] : "";
	n = strlen(h);
	if (n > 40) /* at most 40 bytes, not in the middle of a character */
		for (n = 40; n && (h[n] & 0xc0) == 0x80; n--)
			;
	if (n)
		snprintf(buf, size, "%s:%ld:%s (%.*s)", r->name, line, letters, (int)n, h);
	else
		snprintf(buf, size, "%s:%ld:%s", r->name, line, letters);
}

int csvin_error(struct csvin *r, size_t i, const char *fmt, ...)
{
	char msg[768], at[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	long line = r->rec ? r->rec->line : r->rec_line;
	r->failed = 1;
	where(r, line, i + 1, at, sizeof(at));
	return beter_err_set(r->err, BETER_DATAERR, "%s: %s", at, msg);
}

void csvin_where(const struct csvin *r, size_t i, char *buf, size_t size)
{
	where(r, csvin_line(r), i + 1, buf, size);
}

void csvin_err_prefix(const struct csvin *r, size_t i, struct beter_err *err)
{
	char at[512];

	where(r, csvin_line(r), i + 1, at, sizeof(at));
	beter_err_prefix(err, "%s", at);
}

static int fail_at(struct csvin *r, long line, size_t col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static int fail_at(struct csvin *r, long line, size_t col, const char *fmt, ...)
{
	char msg[768], at[512];
	va_list ap;

	if (r->failed)
		return BETER_DATAERR;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	r->failed = 1;
	where(r, line, col, at, sizeof(at));
	return beter_err_set(r->err, BETER_DATAERR, "%s: %s", at, msg);
}

/* Add a field to the record being assembled; utf8_ok when the caller has
 * already checked the bytes. */
static void add_field(struct csvin *r, const char *s, size_t len, int utf8_ok)
{
	struct csvin_rec *c = &r->cur;
	size_t bad;

	if (r->failed)
		return;
	if (len > CSVIN_FIELD_MAX) {
		fail_at(r, r->rec_line, c->n + 1, _("field is longer than %d bytes"), CSVIN_FIELD_MAX);
		return;
	}
	if (!utf8_ok && !utf8_valid(s ? s : "", len, &bad)) {
		const unsigned char *u = (const unsigned char *)s;
		if (u[bad] == 0)
			fail_at(r, r->rec_line, c->n + 1, _("NUL byte in field (at byte %zu)"), bad + 1);
		else
			fail_at(r, r->rec_line, c->n + 1,
				_("not valid UTF-8 (byte 0x%02x at byte %zu); save the file as UTF-8"), u[bad], bad + 1);
		return;
	}
	if (c->n == c->alloc) {
		c->alloc = c->alloc ? c->alloc * 2 : 16;
		c->offs = xrealloc(c->offs, c->alloc * sizeof(*c->offs));
	}
	c->offs[c->n++] = c->data.len;
	strbuf_add(&c->data, s ? s : "", len);
	strbuf_addc(&c->data, '\0');
}

static void cb_field(void *s, size_t len, void *data)
{
	add_field(data, s, len, 0);
}

static int all_empty(const struct csvin_rec *c)
{
	for (size_t i = 0; i < c->n; i++)
		if (field_len(c, i))
			return 0;
	return 1;
}

/* A record as it is handed out, when the caller has set the width: the
 * header loses its empty fields at the end; a record the empty fields of
 * those columns (in CSV no more: past them a field too many is a misplaced
 * separator, whatever the last field holds); a sheet's row short of the
 * width gets empty fields. Then a record of another width is an error. */
static int rec_shape(struct csvin *r, struct csvin_rec *c)
{
	int header = !r->records;
	size_t keep = r->width > 0 ? (size_t)r->width : header ? 0 : c->n;

	if (header)
		r->head_n = c->n;
	if (!r->x && c->n > r->head_n)
		keep = c->n;
	while (c->n > keep && field_len(c, c->n - 1) == 0) {
		c->n--;
		c->data.len = c->offs[c->n];
	}
	while (r->x && c->n < keep) {
		if (c->n == c->alloc) {
			c->alloc = c->alloc ? c->alloc * 2 : 16;
			c->offs = xrealloc(c->offs, c->alloc * sizeof(*c->offs));
		}
		c->offs[c->n++] = c->data.len;
		strbuf_addc(&c->data, '\0');
	}
	if (r->width <= 0 || c->n == (size_t)r->width)
		return 0;
	if (r->x)
		return fail_at(r, c->line, c->n, _("a value right of the header's last column (%d columns)"), r->width);
	return fail_at(r, c->line, c->n < (size_t)r->width ? c->n : (size_t)r->width + 1,
		       P_("%zu field, but the header has %d (a missing or extra separator?)",
			  "%zu fields, but the header has %d (a missing or extra separator?)", c->n),
		       c->n, r->width);
}

static void cb_record(int ch, void *data)
{
	struct csvin *r = data;
	struct csvin_rec *slot;

	(void)ch;
	/* a record of empty fields (";;;") is skipped like a blank line */
	if (r->failed || all_empty(&r->cur)) {
		rec_reset(&r->cur);
		return;
	}
	r->cur.line = r->rec_line;
	if (r->qn == r->qalloc) {
		size_t n = r->qalloc ? r->qalloc * 2 : 4;
		r->q = xrealloc(r->q, n * sizeof(*r->q));
		memset(r->q + r->qalloc, 0, (n - r->qalloc) * sizeof(*r->q));
		r->qalloc = n;
	}
	/* swap the assembled record into the queue slot, keeping both buffers */
	slot = &r->q[r->qn++];
	struct csvin_rec tmp = *slot;
	*slot = r->cur;
	r->cur = tmp;
	rec_reset(&r->cur);
}

/* A sheet's cells: the missing ones before it are empty fields. */
static int sink_cell(void *arg, long row, size_t col, const char *s, size_t len)
{
	struct csvin *r = arg;

	r->rec_line = row;
	while (!r->failed && r->cur.n < col)
		add_field(r, "", 0, 1);
	add_field(r, s, len, 0);
	return r->failed;
}

static int sink_row(void *arg, long row)
{
	struct csvin *r = arg;

	r->rec_line = row;
	if (r->cur.n)
		cb_record(0, r);
	return r->failed;
}

/* A line of a CSV file that is not UTF-8: from the first line with a byte
 * past ASCII that is not UTF-8, every line is read as Windows-1252. */
static int recode_line(struct csvin *r, char **s, size_t *len)
{
	size_t i, bad, left = *len, room;
	char *in = *s, *out;

	if (!r->recode) {
		uint64_t w = 0;
		for (i = 0; i + 8 <= *len && !w; i += 8) { /* ASCII, 8 bytes at a time */
			memcpy(&w, *s + i, 8);
			w &= 0x8080808080808080ull;
		}
		for (; i < *len && !w; i++)
			w = (unsigned char)(*s)[i] & 0x80;
		if (!w)
			return 0;
		if (utf8_valid(*s, *len, &bad) || memchr(*s, '\0', *len)) {
			r->utf8_seen = 1;
			return 0;
		}
		iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
		if (cd == (iconv_t)-1) {
			r->utf8_seen = 1; /* said as "not valid UTF-8" */
			return 0;
		}
		r->cd = cd;
		r->recode = 1;
	}
	if (r->convcap < *len * 3 + 1) {
		r->convcap = *len * 3 + 1;
		r->conv = xrealloc(r->conv, r->convcap);
	}
	out = r->conv;
	room = r->convcap;
	iconv((iconv_t)r->cd, NULL, NULL, NULL, NULL);
	while (left) {
		if (iconv((iconv_t)r->cd, &in, &left, &out, &room) == (size_t)-1)
			return fail_at(r, r->line, r->cur.n + 1, _("byte 0x%02x is neither UTF-8 nor Windows-1252; save "
								   "the file as UTF-8"), (unsigned char)*in);
	}
	*s = r->conv;
	*len = (size_t)(out - r->conv);
	if (r->recode == 1 && r->notes) /* said once the first line reads */
		strbuf_addf(r->notes, _("'%s' is not UTF-8; read as Windows-1252\n"), r->name);
	r->recode = 2;
	return 0;
}

static char detect_delim(const char *line, size_t len)
{
	size_t comma = 0, semi = 0, tab = 0;
	int quoted = 0;

	for (size_t i = 0; i < len; i++) {
		char c = line[i];
		if (c == '"')
			quoted = !quoted;
		else if (quoted)
			continue;
		else if (c == ',')
			comma++;
		else if (c == ';')
			semi++;
		else if (c == '\t')
			tab++;
	}
	if (semi > comma && semi >= tab)
		return ';';
	if (tab > comma && tab > semi)
		return '\t';
	return ',';
}

static int is_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != '\r' && s[i] != '\n')
			return 0;
	return 1;
}

/* The common line: a whole record without quotes. Split it at the
 * separator without the character-by-character parser; the fields are the
 * same libcsv would give (blanks kept, CR LF or LF at the end). 0 when the
 * line needs the parser (quotes, a CR inside). */
static int split_plain(struct csvin *r, const char *s, size_t len)
{
	size_t body = len, bad;
	int ok;

	if (body && s[body - 1] == '\n')
		body--;
	if (body && s[body - 1] == '\r')
		body--;
	if (memchr(s, '"', body) || memchr(s, '\r', body))
		return 0;
	ok = utf8_valid(s, body, &bad);
	for (const char *p = s, *end = s + body;;) {
		const char *d = memchr(p, r->delim, (size_t)(end - p));
		add_field(r, p, (size_t)((d ? d : end) - p), ok);
		if (!d)
			break;
		p = d + 1;
	}
	cb_record(0, r);
	return 1;
}

int csvin_read(struct csvin *r)
{
	if (r->failed)
		return -1;
	/* hand back the previous record's slot */
	r->rec = NULL;
	if (r->qhead == r->qn)
		r->qhead = r->qn = 0;
	while (r->qhead == r->qn) {
		ssize_t n;

		if (r->eof) {
			if (!r->records)
				return beter_err_set(r->err, BETER_DATAERR, _("%s: the file is empty"), r->name), -1;
			return 0;
		}
		if (r->x) {
			int k = xlsxin_pump(r->x);
			if (k < 0)
				return -1;
			r->eof = k == 0;
			continue;
		}
		n = getline(&r->linebuf, &r->linecap, r->fp);
		if (n < 0) {
			if (ferror(r->fp))
				return beter_err_set(r->err, BETER_IOERR, _("%s: read error: %s"), r->name, strerror(errno)),
				       -1;
			r->eof = 1;
			if (csv_fini(&r->p, cb_field, cb_record, r) != 0 && !r->failed)
				fail_at(r, r->rec_line, r->cur.n + 1,
					_("a quoted field is never closed (a '\"' is missing)"));
			if (r->failed)
				return -1;
			continue;
		}
		r->line++;
		char *s = r->linebuf;
		size_t len = (size_t)n;
		if (len > CSVIN_LINE_MAX)
			return fail_at(r, r->line, 1, _("line is longer than %d bytes"), CSVIN_LINE_MAX), -1;
		if (r->line == 1 && len >= 3 && !memcmp(s, "\xef\xbb\xbf", 3)) {
			s += 3;
			len -= 3;
			r->utf8_seen = 1; /* a BOM says UTF-8 */
		}
		if ((!r->utf8_seen || r->recode) && recode_line(r, &s, &len))
			return -1;
		if (r->p.pstate == 0 && r->cur.n == 0) {
			if (is_blank(s, len))
				continue;
			r->rec_line = r->line;
			if (!r->delim) {
				r->delim = detect_delim(s, len);
				csv_set_delim(&r->p, (unsigned char)r->delim);
			}
		}
		if (memchr(s, '\0', len))
			return fail_at(r, r->line, r->cur.n + 1, _("NUL byte in the file (is it a CSV text file?)")), -1;
		if (r->p.pstate == 0 && r->cur.n == 0 && split_plain(r, s, len)) {
			if (r->failed)
				return -1;
			continue;
		}
		if (csv_parse(&r->p, s, len, cb_field, cb_record, r) != len && !r->failed)
			fail_at(r, r->line, r->cur.n + 1, C_(NC_("libcsv", "%s: a '\"' inside a field that is not quoted, "
				  "or text after a closing '\"'")), csv_strerror(csv_error(&r->p)));
		if (r->failed)
			return -1;
	}
	r->rec = &r->q[r->qhead++];
	if (rec_shape(r, r->rec))
		return r->rec = NULL, -1;
	if (!r->records++ && r->x)
		rec_copy(&r->head, r->rec);
	return 1;
}

size_t csvin_nfields(const struct csvin *r)
{
	return r->rec ? r->rec->n : 0;
}

const char *csvin_field(const struct csvin *r, size_t i)
{
	if (!r->rec || i >= r->rec->n)
		return "";
	return r->rec->data.buf + r->rec->offs[i];
}

size_t csvin_field_len(const struct csvin *r, size_t i)
{
	if (!r->rec || i >= r->rec->n)
		return 0;
	return field_len(r->rec, i);
}

long csvin_line(const struct csvin *r)
{
	return r->rec ? r->rec->line : r->rec_line;
}

int csvin_find(const struct csvin *r, const char *const *names)
{
	for (size_t i = 0; i < csvin_nfields(r); i++) {
		char *h = xstrdup(csvin_field(r, i));
		str_trim(h);
		for (const char *const *n = names; *n; n++)
			if (str_ieq(h, *n)) {
				free(h);
				return (int)i;
			}
		free(h);
	}
	return -1;
}
