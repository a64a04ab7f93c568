/* jsonin.c - reading a JSON document from outside input. */
#include "beter/jsonin.h"

#include <errno.h>
#include <string.h>

#include "beter/util.h"

void jsonin_advance(const char *data, size_t len, long *line, long *col)
{
	for (size_t i = 0; i < len; i++) {
		if (data[i] == '\n') {
			(*line)++;
			*col = 1;
		} else if (((unsigned char)data[i] & 0xc0) != 0x80) {
			(*col)++;
		}
	}
}

void jsonin_line_col(const char *data, size_t off, long *line, long *col)
{
	*line = 1;
	*col = 1;
	jsonin_advance(data, off, line, col);
}

/* Before parsing: UTF-8 without NUL bytes, and no \u0000 in strings. The
 * text starts at line0, col0 of the file. */
static int scan_text(const char *name, const char *data, size_t len, long line0, long col0, struct beter_err *err)
{
	size_t bad;
	long line = line0, col = col0;

	if (!utf8_valid(data, len, &bad)) {
		jsonin_advance(data, bad, &line, &col);
		return beter_err_set(err, BETER_DATAERR, "%s:%ld:%ld: %s", name, line, col,
				     data[bad] ? "not valid UTF-8" : "a NUL byte (the file must be UTF-8 text)");
	}
	for (const char *p = memchr(data, '\\', len); p; p = memchr(p, '\\', (size_t)(data + len - p))) {
		size_t i = (size_t)(p - data);
		if (i + 5 < len && !strncmp(p + 1, "u0000", 5)) {
			jsonin_advance(data, i, &line, &col);
			return beter_err_set(err, BETER_DATAERR, "%s:%ld:%ld: \\u0000 (a NUL character) is not allowed in text",
					     name, line, col);
		}
		p += 2; /* past the escaped character: an escaped backslash and "u0000" is text */
		if (p >= data + len)
			break;
	}
	return 0;
}

int jsonin_parse(const char *name, const char *data, size_t len, cJSON **doc, struct beter_err *err)
{
	const char *end = NULL;
	long line = 0, col = 0;
	int rc;

	size_t i = 0;

	*doc = NULL;
	while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
		i++;
	if (i == len)
		return beter_err_set(err, BETER_DATAERR, "%s: the file is empty (expected a JSON document)", name);
	if ((rc = scan_text(name, data, len, 1, 1, err)))
		return rc;
	*doc = cJSON_ParseWithLengthOpts(data, len, &end, 0);
	if (!*doc) {
		const char *at = cJSON_GetErrorPtr();
		if (at && at >= data && at <= data + len)
			jsonin_line_col(data, (size_t)(at - data), &line, &col);
		return beter_err_set(err, BETER_DATAERR, "%s:%ld:%ld: not valid JSON here", name, line, col);
	}
	/* nothing but white space (any control character, as cJSON skips
	 * them between values) may follow the document */
	while (end && end < data + len && (unsigned char)*end <= ' ')
		end++;
	if (end && end < data + len) {
		jsonin_line_col(data, (size_t)(end - data), &line, &col);
		cJSON_Delete(*doc);
		*doc = NULL;
		return beter_err_set(err, BETER_DATAERR, "%s:%ld:%ld: text after the end of the document", name, line, col);
	}
	return 0;
}

/* ---- a document from a stream ---- */

void jsonrd_init(struct jsonrd *r, FILE *fp, const char *name, struct beter_err *err)
{
	memset(r, 0, sizeof(*r));
	r->fp = fp;
	r->name = name;
	r->err = err;
	r->line = r->tline = 1;
	r->col = r->tcol = 1;
	strbuf_init(&r->val);
}

void jsonrd_release(struct jsonrd *r)
{
	strbuf_release(&r->val);
}

/* Make buf[pos] readable: 1, or 0 at the end, or -2 when reading failed. */
static int fill(struct jsonrd *r)
{
	if (r->pos < r->len)
		return 1;
	if (r->eof)
		return 0;
	r->pos = 0;
	r->len = fread(r->buf, 1, sizeof(r->buf), r->fp);
	if (r->len > 0)
		return 1;
	r->eof = 1;
	if (ferror(r->fp)) {
		beter_err_set(r->err, BETER_IOERR, "cannot read '%s': %s", r->name, strerror(errno ? errno : EIO));
		return -2;
	}
	return 0;
}

static void step(struct jsonrd *r)
{
	unsigned char c = (unsigned char)r->buf[r->pos++];
	if (c == '\n') {
		r->line++;
		r->col = 1;
	} else if ((c & 0xc0) != 0x80) {
		r->col++;
	}
}

int jsonrd_error(struct jsonrd *r, const char *what)
{
	return beter_err_set(r->err, BETER_DATAERR, "%s:%ld:%ld: %s", r->name, r->line, r->col, what);
}

/* What is wrong at the reader's place. */
static int unexpected(struct jsonrd *r)
{
	if (r->err->status == BETER_IOERR)
		return BETER_IOERR;
	if (r->pos < r->len && r->buf[r->pos] == '\0')
		return jsonrd_error(r, "a NUL byte (the file must be UTF-8 text)");
	if (r->pos >= r->len && r->eof)
		return beter_err_set(r->err, BETER_DATAERR, "%s:%ld:%ld: the file ends inside the document", r->name,
				     r->tline, r->tcol);
	return jsonrd_error(r, "not valid JSON here");
}

int jsonrd_peek(struct jsonrd *r)
{
	int rc;

	/* white space as cJSON has it inside values: every control character
	 * but NUL, so that both readers take the same documents */
	while ((rc = fill(r)) > 0) {
		unsigned char c = (unsigned char)r->buf[r->pos];
		if (c == 0 || c > ' ')
			return c;
		step(r);
	}
	return rc == 0 ? -1 : -2;
}

/* Consume a byte of the document's structure. */
static void take(struct jsonrd *r)
{
	step(r);
	r->tline = r->line;
	r->tcol = r->col;
}

int jsonrd_expect(struct jsonrd *r, int ch)
{
	if (jsonrd_peek(r) != ch)
		return unexpected(r);
	take(r);
	return 0;
}

int jsonrd_next(struct jsonrd *r, int close)
{
	int c = jsonrd_peek(r);

	if (c == ',' || c == close) {
		take(r);
		return c == ',';
	}
	return -unexpected(r);
}

static int is_scalar_byte(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '+' ||
	       c == '.';
}

/* The text of one value into r->val: a string, an object or array (to its
 * closing bracket, brackets in strings aside) or a number or literal. Only
 * the extent is found here; cJSON judges the text. */
static int capture(struct jsonrd *r, long *line0, long *col0)
{
	int c = jsonrd_peek(r), depth = 0, in_str = 0, esc = 0, rc;

	strbuf_reset(&r->val);
	if (c < 0)
		return unexpected(r);
	*line0 = r->line;
	*col0 = r->col;
	if (c != '"' && c != '{' && c != '[') {
		if (!is_scalar_byte(c))
			return unexpected(r);
		while ((rc = fill(r)) > 0 && is_scalar_byte((unsigned char)r->buf[r->pos])) {
			strbuf_addc(&r->val, r->buf[r->pos]);
			step(r);
		}
		return rc < 0 ? BETER_IOERR : 0;
	}
	while ((rc = fill(r)) > 0) {
		size_t start = r->pos;
		int done = 0;
		while (r->pos < r->len && !done) {
			char b = r->buf[r->pos];
			if (b == '\0')
				break;
			if (in_str) {
				if (esc)
					esc = 0;
				else if (b == '\\')
					esc = 1;
				else if (b == '"')
					in_str = 0, done = depth == 0;
			} else if (b == '"') {
				in_str = 1;
			} else if (b == '{' || b == '[') {
				if (++depth > CJSON_NESTING_LIMIT)
					return jsonrd_error(r, "nested too deeply");
			} else if (b == '}' || b == ']') {
				done = --depth == 0;
			}
			step(r);
		}
		strbuf_add(&r->val, r->buf + start, r->pos - start);
		if (done)
			return 0;
		if (r->pos < r->len)
			return unexpected(r); /* a NUL byte */
	}
	if (rc < 0)
		return BETER_IOERR;
	/* the end of the file: the place after the value's last text */
	size_t n = r->val.len;
	while (n > 0 && (unsigned char)r->val.buf[n - 1] <= ' ')
		n--;
	r->tline = *line0;
	r->tcol = *col0;
	jsonin_advance(r->val.buf, n, &r->tline, &r->tcol);
	return unexpected(r);
}

/* Parse r->val, read from line0, col0. */
static int parse_val(struct jsonrd *r, long line0, long col0, cJSON **v)
{
	const char *text = r->val.buf ? r->val.buf : "", *end = NULL;
	size_t len = r->val.len;
	long line = line0, col = col0;
	int rc;

	*v = NULL;
	if ((rc = scan_text(r->name, text, len, line0, col0, r->err)))
		return rc;
	/* with the byte that follows in the file, if any: cJSON names a fault
	 * at the end of its text on the text's last byte, so it sees as much
	 * as it would of the whole file */
	size_t more = 0;
	if ((rc = fill(r)) < 0)
		return BETER_IOERR;
	if (rc > 0) {
		strbuf_addc(&r->val, r->buf[r->pos]);
		more = 1;
	}
	text = r->val.buf ? r->val.buf : "";
	*v = cJSON_ParseWithLengthOpts(text, len + more, &end, 0);
	if (*v && end == text + len)
		return 0;
	if (*v) {
		cJSON_Delete(*v);
		*v = NULL;
	} else {
		end = cJSON_GetErrorPtr();
		if (!end || end < text || end > text + len)
			end = text + len;
	}
	jsonin_advance(text, (size_t)(end - text), &line, &col);
	return beter_err_set(r->err, BETER_DATAERR, "%s:%ld:%ld: not valid JSON here", r->name, line, col);
}

int jsonrd_value(struct jsonrd *r, cJSON **v)
{
	long line0 = r->line, col0 = r->col;
	int rc;

	*v = NULL;
	if ((rc = capture(r, &line0, &col0)))
		return rc;
	r->tline = r->line;
	r->tcol = r->col;
	return parse_val(r, line0, col0, v);
}

int jsonrd_key(struct jsonrd *r, struct strbuf *key)
{
	cJSON *v;
	int rc;

	if (jsonrd_peek(r) != '"')
		return unexpected(r);
	if ((rc = jsonrd_value(r, &v)))
		return rc;
	strbuf_reset(key);
	strbuf_adds(key, v->valuestring);
	cJSON_Delete(v);
	return jsonrd_expect(r, ':');
}

int jsonrd_end(struct jsonrd *r)
{
	int c = jsonrd_peek(r);

	if (c == -1)
		return 0;
	if (c == -2)
		return BETER_IOERR;
	return jsonrd_error(r, "text after the end of the document");
}
