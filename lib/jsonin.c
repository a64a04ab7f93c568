/* jsonin.c - reading a JSON document from outside input. */
#include "beter/jsonin.h"

#include <errno.h>
#include <string.h>

#include "beter/i18n.h"
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

int jsonin_parse(const char *name, const char *data, size_t len, cJSON **doc, struct beter_err *err)
{
	size_t i = 0;

	*doc = NULL;
	/* a byte order mark at the start is not part of the text; places are
	 * counted after it, as editors show them */
	if (len >= 3 && !memcmp(data, "\xef\xbb\xbf", 3)) {
		data += 3;
		len -= 3;
	}
	while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
		i++;
	if (i == len)
		return beter_err_set(err, BETER_DATAERR, _("%s: the file is empty (expected a JSON document)"), name);
	/* the stream's limit of nesting, at the same place */
	if ((i = jsonin_depth_fault(data, len)) < len) {
		long line = 1, col = 1;
		jsonin_advance(data, i, &line, &col);
		return beter_err_set(err, BETER_DATAERR, "%s:%ld:%ld: %s", name, line, col, _(JSONIN_TOO_DEEP));
	}
	return jsonin_check(name, data, len, 1, 1, doc, err);
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
	strbuf_init(&r->key);
}

void jsonrd_release(struct jsonrd *r)
{
	strbuf_release(&r->val);
	strbuf_release(&r->key);
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
	/* a byte order mark at the start is not part of the text */
	if (!r->started && r->len >= 3 && !memcmp(r->buf, "\xef\xbb\xbf", 3))
		r->pos = 3;
	r->started = 1;
	if (r->pos < r->len)
		return 1;
	r->eof = 1;
	if (ferror(r->fp)) {
		beter_err_set(r->err, BETER_IOERR, _("cannot read '%s': %s"), r->name, strerror(errno ? errno : EIO));
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

/* What is wrong at the reader's place, where what was expected (or "not
 * valid JSON here" when NULL). */
static int unexpected(struct jsonrd *r, const char *what)
{
	char buf[160];
	const char *why;

	if (r->err->status == BETER_IOERR)
		return BETER_IOERR;
	if (r->pos >= r->len && r->eof)
		return beter_err_set(r->err, BETER_DATAERR, _("%s:%ld:%ld: the file ends inside the document"), r->name,
				     r->tline, r->tcol);
	unsigned char c = (unsigned char)r->buf[r->pos];
	if (c == '\0')
		return jsonrd_error(r, _("a NUL byte (the file must be UTF-8 text)"));
	if (c >= 0x80) {
		size_t n = r->len - r->pos < 4 ? r->len - r->pos : 4, bad;
		if ((n == 4 || r->eof || feof(r->fp)) && !utf8_valid(r->buf + r->pos, n, &bad) && bad == 0)
			return jsonrd_error(r, _("not valid UTF-8"));
	}
	if ((c == ']' || c == '}') && r->last == ',') {
		snprintf(buf, sizeof(buf), _("a comma before '%c' (nothing may follow the last element or member)"), c);
		return jsonrd_error(r, buf);
	}
	if ((why = jsonin_byte_reason(c, buf, sizeof(buf))))
		return jsonrd_error(r, why);
	return jsonrd_error(r, what ? what : _("not valid JSON here"));
}

int jsonrd_peek(struct jsonrd *r)
{
	int rc;

	/* RFC 8259's white space: space, tab, LF and CR */
	while ((rc = fill(r)) > 0) {
		unsigned char c = (unsigned char)r->buf[r->pos];
		if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
			return c;
		step(r);
	}
	return rc == 0 ? -1 : -2;
}

/* Consume a byte of the document's structure. */
static void take(struct jsonrd *r)
{
	r->last = r->buf[r->pos];
	step(r);
	r->tline = r->line;
	r->tcol = r->col;
}

int jsonrd_expect(struct jsonrd *r, int ch)
{
	char what[32];

	snprintf(what, sizeof(what), _("'%c' expected"), ch);
	if (jsonrd_peek(r) != ch)
		return unexpected(r, ch == ':' ? _("':' expected after the member name") : what);
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
	return -unexpected(r, close == ']' ? _("',' or ']' expected") : _("',' or '}' expected"));
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
	char open[CJSON_NESTING_LIMIT]; /* the brackets open */

	strbuf_reset(&r->val);
	if (c < 0)
		return unexpected(r, NULL);
	*line0 = r->line;
	*col0 = r->col;
	if (c != '"' && c != '{' && c != '[') {
		if (!is_scalar_byte(c))
			return unexpected(r, _(JSONIN_VALUE_EXPECTED));
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
				if (depth == CJSON_NESTING_LIMIT)
					return jsonrd_error(r, _(JSONIN_TOO_DEEP));
				open[depth++] = b;
			} else if (b == '}' || b == ']') {
				/* the end, or a bracket that closes another kind: the
				 * check names that as the whole-file reader does */
				done = --depth == 0 || open[depth] != (b == '}' ? '{' : '[');
			}
			step(r);
		}
		strbuf_add(&r->val, r->buf + start, r->pos - start);
		if (done)
			return 0;
		if (r->pos < r->len)
			return unexpected(r, NULL); /* a NUL byte */
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
	return unexpected(r, NULL);
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
	r->last = 0;
	/* r->val, read from line0, col0 */
	return jsonin_check(r->name, r->val.buf ? r->val.buf : "", r->val.len, line0, col0, v, r->err);
}

int jsonrd_key(struct jsonrd *r, struct strbuf *key)
{
	cJSON *v;
	int rc;

	if (jsonrd_peek(r) != '"')
		return unexpected(r, _("a member name (a string in double quotes) expected"));
	r->kline = r->line;
	r->kcol = r->col;
	if ((rc = jsonrd_value(r, &v)))
		return rc;
	/* as written, without the quotes, for messages */
	strbuf_reset(&r->key);
	strbuf_add(&r->key, r->val.buf + 1, r->val.len - 2);
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
	return unexpected(r, _("text after the end of the document"));
}

int jsonrd_dup_key(struct jsonrd *r)
{
	char why[160];

	jsonin_dup_key_reason(strbuf_str(&r->key), r->key.len, why, sizeof(why));
	return beter_err_set(r->err, BETER_DATAERR, "%s:%ld:%ld: %s", r->name, r->kline, r->kcol, why);
}
