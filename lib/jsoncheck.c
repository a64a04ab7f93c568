/* jsoncheck.c - the strict reading of JSON text (RFC 8259): jansson
 * judges the grammar and duplicate names and builds the value, handed on
 * as a cJSON tree; its faults become messages that name the place and the
 * rule. */
#include "beter/jsonin.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "beter/i18n.h"
#include "beter/util.h"

/* The longest piece of the file quoted in a message, in bytes. */
#define QUOTE_MAX 40

static int fault_at(const char *name, const char *text, size_t off, long line0, long col0, struct beter_err *err,
		    const char *fmt, ...) __attribute__((format(printf, 7, 8)));

static int fault_at(const char *name, const char *text, size_t off, long line0, long col0, struct beter_err *err,
		    const char *fmt, ...)
{
	char why[512];
	long line = line0, col = col0;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	jsonin_advance(text, off, &line, &col);
	return beter_err_set(err, BETER_DATAERR, "%s:%ld:%ld: %s", name, line, col, why);
}

const char *jsonin_byte_reason(int c, char *buf, size_t n)
{
	if (c == '\'')
		return _("a single quote (JSON strings are in double quotes)");
	if (c == '/')
		return _("a '/' (JSON has no comments)");
	if (c >= 0 && (c < 0x20 || c == 0x7f) && c != ' ' && c != '\t' && c != '\n' && c != '\r') {
		snprintf(buf, n, _("a control character (U+%04X) outside a string (JSON white space is space, tab, CR "
				 "and LF only)"), (unsigned)c);
		return buf;
	}
	return NULL;
}

/* s[0..len), valid UTF-8, for a message: at most QUOTE_MAX bytes, cut on
 * a character's start, "..." when cut; a control character (C0, DEL or
 * C1) becomes '?', so that no terminal acts on it. */
static void quote(char *out, size_t n, const char *s, size_t len)
{
	size_t k = len, o = 0;

	if (k > QUOTE_MAX) {
		k = QUOTE_MAX;
		while (k > 0 && ((unsigned char)s[k] & 0xc0) == 0x80)
			k--;
	}
	for (size_t i = 0; i < k && o + 1 < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == 0xc2 && i + 1 < k && (unsigned char)s[i + 1] < 0xa0)
			c = '?', i++;
		else if (c < 0x20 || c == 0x7f)
			c = '?';
		out[o++] = (char)c;
	}
	out[o] = '\0';
	if (k < len && o + 4 < n)
		memcpy(out + o, "...", 4);
}

void jsonin_dup_key_reason(const char *raw, size_t len, char *buf, size_t n)
{
	char q[QUOTE_MAX + 8];

	quote(q, sizeof(q), raw, len);
	snprintf(buf, n, _("duplicate name '%s' in an object (each name may appear once)"), q);
}

static int is_token_byte(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '+' ||
	       c == '.';
}

static int digit(const char *s, size_t i, size_t len)
{
	return i < len && s[i] >= '0' && s[i] <= '9';
}

/* Why t[0..len), a word or number-like token, is not a JSON value, or
 * NULL when it is one. */
static const char *number_reason(const char *t, size_t len)
{
	size_t i = 0;

	if (!(t[0] >= '0' && t[0] <= '9') && t[0] != '-' && t[0] != '+' && t[0] != '.') {
		if ((len == 4 && (!memcmp(t, "true", 4) || !memcmp(t, "null", 4))) || (len == 5 && !memcmp(t, "false", 5)))
			return NULL;
		return _("not a JSON value (the words are true, false and null, in lower case; NaN and Infinity do not exist)");
	}
	if (t[0] == '+')
		return _("a number may not start with '+'");
	if (t[0] == '.' || (t[0] == '-' && len > 1 && t[1] == '.'))
		return _("a number needs a digit before '.'");
	if (t[0] == '-' && !digit(t, 1, len))
		return _("'-' must be followed by a digit (NaN and Infinity do not exist)");
	i = t[0] == '-';
	if (t[i] == '0' && digit(t, i + 1, len))
		return _("a number may not have leading zeros");
	while (digit(t, i, len))
		i++;
	if (i < len && t[i] == '.') {
		if (!digit(t, ++i, len))
			return _("a number needs a digit after '.'");
		while (digit(t, i, len))
			i++;
	}
	if (i < len && (t[i] == 'e' || t[i] == 'E')) {
		i++;
		if (i < len && (t[i] == '+' || t[i] == '-'))
			i++;
		if (!digit(t, i, len))
			return _("a number needs digits in its exponent");
		while (digit(t, i, len))
			i++;
	}
	return i < len ? _("not a valid number") : NULL;
}

/* The start of the string whose closing quote is at text[close]. Inside
 * a string every '"' is escaped, so the opening one is the first found
 * going back with an even number of backslashes before it. */
static size_t string_start(const char *text, size_t close)
{
	for (size_t i = close; i-- > 0;) {
		if (text[i] != '"')
			continue;
		size_t bs = 0;
		while (bs < i && text[i - 1 - bs] == '\\')
			bs++;
		if (bs % 2 == 0)
			return i;
	}
	return 0;
}

static unsigned hex4(const char *s, size_t i, size_t end)
{
	unsigned v = 0;

	if (i + 4 > end)
		return 0x10000;
	for (size_t k = i; k < i + 4; k++) {
		char c = s[k];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned)(c - 'A' + 10);
		else
			return 0x10000;
	}
	return v;
}

/* The first unpaired surrogate escape in the string text[start..end): its
 * offset, and *cp its value; end when there is none. */
static size_t lone_surrogate(const char *text, size_t start, size_t end, unsigned *cp)
{
	for (size_t i = start + 1; i + 1 < end; i++) {
		if (text[i] != '\\')
			continue;
		if (text[i + 1] != 'u') {
			i++;
			continue;
		}
		unsigned u = hex4(text, i + 2, end);
		*cp = u;
		if (u >= 0xdc00 && u <= 0xdfff)
			return i;
		if (u >= 0xd800 && u <= 0xdbff) {
			unsigned lo = i + 7 < end && text[i + 6] == '\\' && text[i + 7] == 'u' ? hex4(text, i + 8, end) : 0;
			if (lo < 0xdc00 || lo > 0xdfff)
				return i;
			i += 6;
		}
		i += 5;
	}
	return end;
}

/* A fault jansson found inside a string, at the string that ends at or
 * before pos. */
static int string_fault(const char *name, const char *text, size_t len, size_t pos, long line0, long col0,
			const char *what, struct beter_err *err)
{
	if (!strncmp(what, "control character", 17) || !strncmp(what, "unexpected newline", 18)) {
		/* jansson stops before the character or just after it */
		size_t at = pos < len && (unsigned char)text[pos] < 0x20 ? pos : pos - 1;
		unsigned char c = (unsigned char)text[at];
		return fault_at(name, text, at, line0, col0, err,
				_("a control character (U+%04X) in a string (write it as an escape such as \\n, \\t or "
				"\\u%04X)"), c, c);
	}
	if (!strncmp(what, "invalid escape", 14)) {
		size_t at = pos - 1;
		while (at > 0 && text[at] != '\\')
			at--;
		char e = at + 1 < len ? text[at + 1] : 0;
		if (e == 'u')
			return fault_at(name, text, at, line0, col0, err,
					_("an invalid escape: '\\u' must be followed by four hex digits"));
		if (e > ' ' && e < 0x7f)
			return fault_at(name, text, at, line0, col0, err,
					_("an invalid escape '\\%c' (JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX)"), e);
		return fault_at(name, text, at, line0, col0, err,
				_("an invalid escape (JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX)"));
	}
	/* "invalid Unicode": jansson has read the whole string */
	size_t start = string_start(text, pos - 1);
	unsigned cp = 0;
	size_t at = lone_surrogate(text, start, pos, &cp);
	if (at == pos)
		return fault_at(name, text, start, line0, col0, err, _("a string with an invalid \\u escape"));
	return fault_at(name, text, at, line0, col0, err,
			_("an unpaired surrogate '\\u%04X' (a character beyond U+FFFF is written as a pair: one of "
			"\\uD800-\\uDBFF, then one of \\uDC00-\\uDFFF)"), cp);
}

/* The last byte before off that is not white space, or -1. */
static int prev_text(const char *text, size_t off)
{
	while (off > 0) {
		char c = text[--off];
		if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
			return (unsigned char)c;
	}
	return -1;
}

/* A fault in the structure: at the byte before pos. */
static int syntax_fault(const char *name, const char *text, size_t len, size_t pos, long line0, long col0,
			const char *what, struct beter_err *err)
{
	size_t at = pos > 0 ? pos - 1 : 0;
	while (at > 0 && ((unsigned char)text[at] & 0xc0) == 0x80)
		at--; /* the start of a character jansson read whole */
	unsigned char c = at < len ? (unsigned char)text[at] : 0;
	char buf[160];
	const char *why;

	if (is_token_byte(c) && strncmp(what, "end of file expected", 20) && strncmp(what, "string or '}' expected", 22)) {
		/* a word or number that is no JSON value where a value may stand;
		 * a valid one that is out of place is named by what was expected */
		size_t a = at, b = at;
		while (a > 0 && is_token_byte((unsigned char)text[a - 1]))
			a--;
		while (b < len && is_token_byte((unsigned char)text[b]))
			b++;
		char q[QUOTE_MAX + 8];
		quote(q, sizeof(q), text + a, b - a);
		if ((why = number_reason(text + a, b - a)))
			return fault_at(name, text, a, line0, col0, err, "'%s': %s", q, why);
	}
	/* a token that is not what its place needs: at its start */
	if (c == '"' && at > 0) {
		at = string_start(text, at);
	} else if (is_token_byte(c)) {
		while (at > 0 && is_token_byte((unsigned char)text[at - 1]))
			at--;
	}
	if ((c == ']' || c == '}') && prev_text(text, at) == ',')
		return fault_at(name, text, at, line0, col0, err,
				_("a comma before '%c' (nothing may follow the last element or member)"), c);
	if ((why = jsonin_byte_reason(c, buf, sizeof(buf))))
		return fault_at(name, text, at, line0, col0, err, "%s", why);
	if (!strncmp(what, "string or '}' expected", 22))
		why = _("a member name (a string in double quotes) expected");
	else if (!strncmp(what, "':' expected", 12))
		why = _("':' expected after the member name");
	else if (!strncmp(what, "']' expected", 12))
		why = _("',' or ']' expected");
	else if (!strncmp(what, "'}' expected", 12))
		why = _("',' or '}' expected");
	else if (!strncmp(what, "end of file expected", 20))
		why = _("text after the end of the document");
	else if (!strncmp(what, "unexpected token", 16) || !strncmp(what, "invalid token", 13))
		why = _(JSONIN_VALUE_EXPECTED);
	else
		why = _("not valid JSON here");
	return fault_at(name, text, at, line0, col0, err, "%s", why);
}

/* Before parsing: UTF-8 without NUL bytes, and no \u0000 in strings. */
static int scan_text(const char *name, const char *data, size_t len, long line0, long col0, struct beter_err *err)
{
	size_t bad;

	if (!utf8_valid(data, len, &bad))
		return fault_at(name, data, bad, line0, col0, err, "%s",
				data[bad] ? _("not valid UTF-8") : _("a NUL byte (the file must be UTF-8 text)"));
	for (const char *p = memchr(data, '\\', len); p; p = memchr(p, '\\', (size_t)(data + len - p))) {
		size_t i = (size_t)(p - data);
		if (i + 5 < len && !strncmp(p + 1, "u0000", 5))
			return fault_at(name, data, i, line0, col0, err, _("\\u0000 (a NUL character) is not allowed in text"));
		p += 2; /* past the escaped character: an escaped backslash and "u0000" is text */
		if (p >= data + len)
			break;
	}
	return 0;
}

/* The place after the last text before pos (not white space). */
static size_t after_text(const char *text, size_t pos)
{
	while (pos > 0 && (text[pos - 1] == ' ' || text[pos - 1] == '\t' || text[pos - 1] == '\n' || text[pos - 1] == '\r'))
		pos--;
	return pos;
}

size_t jsonin_depth_fault(const char *text, size_t len)
{
	int depth = 0, in_str = 0;
	char open[CJSON_NESTING_LIMIT];

	for (size_t i = 0; i < len; i++) {
		char c = text[i];
		if (in_str) {
			if (c == '\\')
				i++;
			else if (c == '"')
				in_str = 0;
		} else if (c == '"') {
			in_str = 1;
		} else if (c == '[' || c == '{') {
			if (depth == CJSON_NESTING_LIMIT)
				return i;
			open[depth++] = c;
		} else if (c == ']' || c == '}') {
			/* the check names what does not close, as the stream does */
			if (depth == 0 || open[--depth] != (c == '}' ? '{' : '['))
				return len;
		}
	}
	return len;
}

/* jansson's tree as cJSON's, for the code that reads documents: the
 * same values as cJSON's own parser gives (numbers are doubles, names in
 * the order of the file). NULL when memory ran out. */
static cJSON *to_cjson(json_t *j)
{
	cJSON *c = NULL;

	switch (json_typeof(j)) {
	case JSON_OBJECT: {
		const char *k;
		json_t *v;
		if (!(c = cJSON_CreateObject()))
			return NULL;
		json_object_foreach (j, k, v) {
			cJSON *cv = to_cjson(v);
			if (!cv || !cJSON_AddItemToObject(c, k, cv)) {
				cJSON_Delete(cv);
				cJSON_Delete(c);
				return NULL;
			}
		}
		return c;
	}
	case JSON_ARRAY: {
		size_t i;
		json_t *v;
		if (!(c = cJSON_CreateArray()))
			return NULL;
		json_array_foreach (j, i, v) {
			cJSON *cv = to_cjson(v);
			if (!cv || !cJSON_AddItemToArray(c, cv)) {
				cJSON_Delete(cv);
				cJSON_Delete(c);
				return NULL;
			}
		}
		return c;
	}
	case JSON_STRING:
		return cJSON_CreateString(json_string_value(j));
	case JSON_INTEGER:
		return cJSON_CreateNumber((double)json_integer_value(j));
	case JSON_REAL:
		return cJSON_CreateNumber(json_real_value(j));
	case JSON_TRUE:
		return cJSON_CreateTrue();
	case JSON_FALSE:
		return cJSON_CreateFalse();
	default:
		return cJSON_CreateNull();
	}
}

int jsonin_check(const char *name, const char *text, size_t len, long line0, long col0, cJSON **doc,
		 struct beter_err *err)
{
	json_error_t e;
	json_t *j;
	int rc;

	if (doc)
		*doc = NULL;
	if ((rc = scan_text(name, text, len, line0, col0, err)))
		return rc;
	j = json_loadb(text, len, JSON_DECODE_ANY | JSON_REJECT_DUPLICATES | JSON_DECODE_INT_AS_REAL, &e);
	if (j) {
		if (doc && !(*doc = to_cjson(j)))
			rc = beter_err_set(err, BETER_FAIL, _("%s: out of memory"), name);
		json_decref(j);
		return rc;
	}
	size_t pos = e.position > 0 && (size_t)e.position <= len ? (size_t)e.position : 0;
	switch (json_error_code(&e)) {
	case json_error_premature_end_of_input:
		return fault_at(name, text, after_text(text, len), line0, col0, err, _("the file ends inside the document"));
	case json_error_duplicate_key: {
		char why[160];
		size_t start = pos ? string_start(text, pos - 1) : 0;
		jsonin_dup_key_reason(text + start + 1, pos > start + 2 ? pos - start - 2 : 0, why, sizeof(why));
		return fault_at(name, text, start, line0, col0, err, "%s", why);
	}
	case json_error_numeric_overflow: {
		size_t a = pos;
		char q[QUOTE_MAX + 8];
		while (a > 0 && is_token_byte((unsigned char)text[a - 1]))
			a--;
		quote(q, sizeof(q), text + a, pos - a);
		return fault_at(name, text, a, line0, col0, err,
				_("the number '%s' is too large (numbers must lie within +-1.7e308)"), q);
	}
	case json_error_stack_overflow:
		return fault_at(name, text, pos ? pos - 1 : 0, line0, col0, err, "%s", _(JSONIN_TOO_DEEP));
	default:
		break;
	}
	if (pos && (!strncmp(e.text, "control character", 17) || !strncmp(e.text, "unexpected newline", 18) || !strncmp(e.text, "invalid escape", 14) ||
		    !strncmp(e.text, "invalid Unicode", 15)))
		return string_fault(name, text, len, pos, line0, col0, e.text, err);
	return syntax_fault(name, text, len, pos, line0, col0, e.text, err);
}
