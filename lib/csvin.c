#include "beter/csvin.h"

#include <errno.h>
#include <stdarg.h>
#include <string.h>

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

static int common_open(struct csvin *r, const char *name, struct beter_err *err)
{
	memset(r, 0, sizeof(*r));
	r->name = xstrdup(name);
	r->err = err;
	if (csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		return beter_err_set(err, BETER_IOERR, "%s: cannot start the CSV reader", name);
	/* blanks are kept; line ends stay libcsv's inline CR/LF test (no
	 * per-character callback) */
	csv_set_space_func(&r->p, no_space);
	r->p_ready = 1;
	return 0;
}

int csvin_open(struct csvin *r, const char *path, struct beter_err *err)
{
	int stdin_ = !strcmp(path, "-");
	int rc = common_open(r, stdin_ ? "<stdin>" : path, err);
	if (rc)
		return rc;
	if (stdin_) {
		r->fp = stdin;
	} else {
		if ((rc = input_open(path, &r->fp, err))) {
			csvin_close(r);
			return rc;
		}
		r->own_fp = 1;
	}
	return 0;
}

int csvin_open_mem(struct csvin *r, const char *name, const char *data, size_t len, struct beter_err *err)
{
	int rc = common_open(r, name, err);
	if (rc)
		return rc;
	r->fp = fmemopen((void *)data, len ? len : 1, "rb");
	if (!r->fp) {
		csvin_close(r);
		return beter_err_set(err, BETER_IOERR, "%s: cannot read", name);
	}
	if (!len) {
		/* fmemopen cannot open an empty buffer: treat as at end */
		r->eof = 1;
	}
	r->own_fp = 1;
	return 0;
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
	free(r->linebuf);
	free(r->name);
	memset(r, 0, sizeof(*r));
}

int csvin_error(struct csvin *r, size_t i, const char *fmt, ...)
{
	char msg[768];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	long line = r->rec ? r->rec->line : r->rec_line;
	r->failed = 1;
	return beter_err_set(r->err, BETER_DATAERR, "%s:%ld:%zu: %s", r->name, line, i + 1, msg);
}

static int fail_at(struct csvin *r, long line, size_t col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static int fail_at(struct csvin *r, long line, size_t col, const char *fmt, ...)
{
	char msg[768];
	va_list ap;

	if (r->failed)
		return BETER_DATAERR;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	r->failed = 1;
	return beter_err_set(r->err, BETER_DATAERR, "%s:%ld:%zu: %s", r->name, line, col, msg);
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
		fail_at(r, r->rec_line, c->n + 1, "field is longer than %d bytes", CSVIN_FIELD_MAX);
		return;
	}
	if (!utf8_ok && !utf8_valid(s ? s : "", len, &bad)) {
		const unsigned char *u = (const unsigned char *)s;
		if (u[bad] == 0)
			fail_at(r, r->rec_line, c->n + 1, "NUL byte in field (at byte %zu)", bad + 1);
		else
			fail_at(r, r->rec_line, c->n + 1,
				"not valid UTF-8 (byte 0x%02x at byte %zu); save the file as UTF-8", u[bad], bad + 1);
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

static void cb_record(int ch, void *data)
{
	struct csvin *r = data;
	struct csvin_rec *slot;

	(void)ch;
	if (r->failed) {
		rec_reset(&r->cur);
		return;
	}
	r->cur.line = r->rec_line;
	if (r->width > 0 && r->cur.n != (size_t)r->width) {
		fail_at(r, r->rec_line, r->cur.n < (size_t)r->width ? r->cur.n : (size_t)r->width + 1,
			"%zu fields, but the header has %d (a missing or extra separator?)", r->cur.n, r->width);
		rec_reset(&r->cur);
		return;
	}
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
				return beter_err_set(r->err, BETER_DATAERR, "%s: the file is empty", r->name), -1;
			return 0;
		}
		n = getline(&r->linebuf, &r->linecap, r->fp);
		if (n < 0) {
			if (ferror(r->fp))
				return beter_err_set(r->err, BETER_IOERR, "%s: read error: %s", r->name, strerror(errno)),
				       -1;
			r->eof = 1;
			if (csv_fini(&r->p, cb_field, cb_record, r) != 0 && !r->failed)
				fail_at(r, r->rec_line, r->cur.n + 1,
					"a quoted field is never closed (a '\"' is missing)");
			if (r->failed)
				return -1;
			continue;
		}
		r->line++;
		char *s = r->linebuf;
		size_t len = (size_t)n;
		if (len > CSVIN_LINE_MAX)
			return fail_at(r, r->line, 1, "line is longer than %d bytes", CSVIN_LINE_MAX), -1;
		if (r->line == 1 && len >= 3 && !memcmp(s, "\xef\xbb\xbf", 3)) {
			s += 3;
			len -= 3;
		}
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
			return fail_at(r, r->line, r->cur.n + 1, "NUL byte in the file (is it a CSV text file?)"), -1;
		if (r->p.pstate == 0 && r->cur.n == 0 && split_plain(r, s, len)) {
			if (r->failed)
				return -1;
			continue;
		}
		if (csv_parse(&r->p, s, len, cb_field, cb_record, r) != len && !r->failed)
			fail_at(r, r->line, r->cur.n + 1, "%s: a '\"' inside a field that is not quoted, "
				"or text after a closing '\"'", csv_strerror(csv_error(&r->p)));
		if (r->failed)
			return -1;
	}
	r->rec = &r->q[r->qhead++];
	r->records++;
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
	size_t end = i + 1 < r->rec->n ? r->rec->offs[i + 1] : r->rec->data.len;
	return end - r->rec->offs[i] - 1;
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
