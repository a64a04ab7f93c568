/* The streaming JSON reader against jsonin_parse: the same values, and
 * the same places in messages, wherever the reader's buffer ends. */
#include "unit.h"

#include <math.h>

#include "beter/jsonin.h"
#include "beter/util.h"

/* One value read with struct jsonrd, then the end: *v, or the message. */
static int stream_value(const char *data, size_t len, cJSON **v, struct beter_err *err)
{
	FILE *fp = fmemopen((void *)data, len, "r");
	struct jsonrd r;
	int rc;

	assert_non_null(fp);
	jsonrd_init(&r, fp, "t.json", err);
	rc = jsonrd_value(&r, v);
	if (!rc && (rc = jsonrd_end(&r))) {
		cJSON_Delete(*v);
		*v = NULL;
	}
	jsonrd_release(&r);
	fclose(fp);
	return rc;
}

/* Both readers agree on text at offset pad (white space before it). */
static void agree(const char *doc, size_t pad)
{
	struct strbuf sb = STRBUF_INIT;
	struct beter_err e1 = { 0 }, e2 = { 0 };
	cJSON *a = NULL, *b = NULL;

	for (size_t i = 0; i < pad; i++)
		strbuf_addc(&sb, i % 61 == 60 ? '\n' : ' ');
	strbuf_add(&sb, doc, strlen(doc));
	int ra = jsonin_parse("t.json", sb.buf, sb.len, &a, &e1);
	int rb = stream_value(sb.buf, sb.len, &b, &e2);
	if ((ra == 0) != (rb == 0))
		fail_msg("pad %zu, '%s': whole %d '%s', stream %d '%s'", pad, doc, ra, e1.msg, rb, e2.msg);
	if (ra == 0) {
		assert_true(cJSON_Compare(a, b, 1));
	} else if (!strstr(e2.msg, "ends inside") && !strstr(e2.msg, "nested too deeply")) {
		/* where the file ends is named differently; every other fault alike */
		if (strcmp(e1.msg, e2.msg))
			fail_msg("pad %zu, '%s': whole '%s', stream '%s'", pad, doc, e1.msg, e2.msg);
	}
	cJSON_Delete(a);
	cJSON_Delete(b);
	strbuf_release(&sb);
}

static void test_buffer_edges(void **state)
{
	static const char *const docs[] = {
		"{\"a\": \"x\\\"y\\\\\", \"b\": [1, -2.5e3, true, false, null, {\"c\": \"]}\"}]}",
		"[\"\\u00e9\\ud83d\\ude00 \xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\"]",
		"{\"a\": \"\\\\u0000 is text\"}",
		"{\"a\": \"\\u0000\"}",
		"{\"a\": \"\xff\"}",
		"{\"a\": \"\xe2\x82\"}",
		"{\"a\": [1, 2,, 3]}",
		"{\"a\": [1, 2]",
		"{\"a\": tru}",
		"{\"a\": 1} x",
		"\"a\\\"b\"",
		"12345678",
		"[[[[[[[[[[]]]]]]]]]]",
	};
	(void)state;
	for (size_t d = 0; d < sizeof(docs) / sizeof(docs[0]); d++) {
		agree(docs[d], 0);
		agree(docs[d], 7);
		/* every place of the text at the end of the reader's 64 KB buffer */
		for (size_t pad = 65536 - strlen(docs[d]) - 1; pad <= 65536; pad++)
			agree(docs[d], pad);
	}
}

/* A NUL byte is named where it is. */
static void test_nul(void **state)
{
	static const char doc[] = "{\"a\":\n [1, \0 2]}";
	struct beter_err e1 = { 0 }, e2 = { 0 };
	cJSON *v = NULL;
	(void)state;

	assert_int_equal(jsonin_parse("t.json", doc, sizeof(doc) - 1, &v, &e1), BETER_DATAERR);
	assert_int_equal(stream_value(doc, sizeof(doc) - 1, &v, &e2), BETER_DATAERR);
	assert_string_equal(e1.msg, "t.json:2:6: a NUL byte (the file must be UTF-8 text)");
	assert_string_equal(e2.msg, e1.msg);
}

/* Walking a document: members, elements, the end; and a cut-off file. */
static void test_walk(void **state)
{
	static const char doc[] = "{\"k\u00e9y\": [{\"n\": 1}, {\"n\": 2}], \"z\": 3}\n";
	FILE *fp = fmemopen((void *)doc, sizeof(doc) - 1, "r");
	struct strbuf key = STRBUF_INIT;
	struct beter_err err = { 0 };
	struct jsonrd r;
	cJSON *v;
	int more;
	(void)state;

	jsonrd_init(&r, fp, "w.json", &err);
	assert_int_equal(jsonrd_expect(&r, '{'), 0);
	assert_int_equal(jsonrd_key(&r, &key), 0);
	assert_string_equal(strbuf_str(&key), "k\u00e9y");
	assert_int_equal(jsonrd_expect(&r, '['), 0);
	for (int n = 1;; n++) {
		assert_int_equal(jsonrd_value(&r, &v), 0);
		assert_int_equal(cJSON_GetObjectItem(v, "n")->valueint, n);
		cJSON_Delete(v);
		if (!(more = jsonrd_next(&r, ']')))
			break;
		assert_int_equal(more, 1);
	}
	assert_int_equal(jsonrd_next(&r, '}'), 1);
	assert_int_equal(jsonrd_key(&r, &key), 0);
	assert_string_equal(strbuf_str(&key), "z");
	assert_int_equal(jsonrd_value(&r, &v), 0);
	cJSON_Delete(v);
	assert_int_equal(jsonrd_next(&r, '}'), 0);
	assert_int_equal(jsonrd_end(&r), 0);
	jsonrd_release(&r);
	fclose(fp);

	/* cut after an element: the place after the last text */
	fp = fmemopen((void *)doc, 22, "r");
	jsonrd_init(&r, fp, "w.json", &err);
	assert_int_equal(jsonrd_expect(&r, '{'), 0);
	assert_int_equal(jsonrd_key(&r, &key), 0);
	assert_int_equal(jsonrd_expect(&r, '['), 0);
	assert_int_equal(jsonrd_value(&r, &v), 0);
	cJSON_Delete(v);
	assert_int_equal(jsonrd_next(&r, ']'), 1);
	assert_int_equal(jsonrd_value(&r, &v), BETER_DATAERR);
	assert_string_equal(err.msg, "w.json:1:22: the file ends inside the document");
	jsonrd_release(&r);
	fclose(fp);
	strbuf_release(&key);
}

/* ---- RFC 8259: what both readers refuse, rule by rule ---- */

struct refusal {
	const char *rule, *doc, *msg;
};

#define VALUE "a value expected (a string, number, object, array, true, false or null)"
#define WORD "not a JSON value (the words are true, false and null, in lower case; NaN and Infinity do not exist)"
#define CTRL(x) "a control character (U+" x ") outside a string (JSON white space is space, tab, CR and LF only)"
#define RAW(x) "a control character (U+" x ") in a string (write it as an escape such as \\n, \\t or \\u" x ")"
#define ESC(x) "an invalid escape '\\" x "' (JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX)"
#define HEX "an invalid escape: '\\u' must be followed by four hex digits"
#define LONE(x) "an unpaired surrogate '\\u" x "' (a character beyond U+FFFF is written as a pair: one of " \
		"\\uD800-\\uDBFF, then one of \\uDC00-\\uDFFF)"
#define DUP(x) "duplicate name '" x "' in an object (each name may appear once)"

static const struct refusal refusals[] = {
	/* JSON-text = ws value ws */
	{ "JSON-text: one value", "[1] 2", "1:5: text after the end of the document" },
	{ "JSON-text: one value", "{} x", "1:4: text after the end of the document" },
	{ "JSON-text: a value", ",", "1:1: " VALUE },
	/* ws = space, tab, LF, CR */
	{ "ws: no form feed", "\f[1]", "1:1: " CTRL("000C") },
	{ "ws: no vertical tab", "[1,\v2]", "1:4: " CTRL("000B") },
	{ "ws: no other control character", "{\"a\":\x01 1}", "1:6: " CTRL("0001") },
	{ "ws: no no-break space", "[\xc2\xa0 1]", "1:2: " VALUE },
	/* value = false / null / true / object / array / number / string */
	{ "value: literals in lower case", "True", "1:1: 'True': " WORD },
	{ "value: literals whole", "[nul]", "1:2: 'nul': " WORD },
	{ "value: no NaN", "NaN", "1:1: 'NaN': " WORD },
	{ "value: no Infinity", "[-Infinity]", "1:2: '-Infinity': '-' must be followed by a digit (NaN and Infinity do not exist)" },
	{ "value: no undefined", "{\"a\": undefined}", "1:7: 'undefined': " WORD },
	{ "value: no single quotes", "['a']", "1:2: a single quote (JSON strings are in double quotes)" },
	/* object = begin-object [ member *( value-separator member ) ] end-object */
	{ "object: no trailing comma", "{\"a\": 1,}", "1:9: a comma before '}' (nothing may follow the last element or member)" },
	{ "object: no empty member", "{,}", "1:2: a member name (a string in double quotes) expected" },
	{ "object: members separated by commas", "{\"a\": 1 \"b\": 2}", "1:9: ',' or '}' expected" },
	/* member = string name-separator value */
	{ "member: a name-separator", "{\"a\" 1}", "1:6: ':' expected after the member name" },
	{ "member: the name a string", "{1: 1}", "1:2: a member name (a string in double quotes) expected" },
	{ "member: the name quoted", "{a: 1}", "1:2: a member name (a string in double quotes) expected" },
	{ "member: the name in double quotes", "{'a': 1}", "1:2: a single quote (JSON strings are in double quotes)" },
	/* array = begin-array [ value *( value-separator value ) ] end-array */
	{ "array: no trailing comma", "[1,]", "1:4: a comma before ']' (nothing may follow the last element or member)" },
	{ "array: no leading comma", "[,1]", "1:2: " VALUE },
	{ "array: no empty element", "[1,,2]", "1:4: " VALUE },
	{ "array: elements separated by commas", "[1 2]", "1:4: ',' or ']' expected" },
	{ "array: closed by ']'", "{\"a\": [1}", "1:9: ',' or ']' expected" },
	/* number = [ minus ] int [ frac ] [ exp ] */
	{ "int: no leading zeros", "[07]", "1:2: '07': a number may not have leading zeros" },
	{ "int: no leading zeros after minus", "[-01]", "1:2: '-01': a number may not have leading zeros" },
	{ "number: no plus sign", "[+1]", "1:2: '+1': a number may not start with '+'" },
	{ "number: minus then a digit", "[- 1]", "1:2: '-': '-' must be followed by a digit (NaN and Infinity do not exist)" },
	{ "frac: a digit after the point", "[2.]", "1:2: '2.': a number needs a digit after '.'" },
	{ "int: a digit before the point", "[.5]", "1:2: '.5': a number needs a digit before '.'" },
	{ "int: a digit before the point after minus", "[-.123]", "1:2: '-.123': a number needs a digit before '.'" },
	{ "exp: digits", "[1e]", "1:2: '1e': a number needs digits in its exponent" },
	{ "exp: digits after the sign", "[1E+]", "1:2: '1E+': a number needs digits in its exponent" },
	{ "number: decimal digits only", "[0x10]", "1:2: '0x10': not a valid number" },
	{ "number: within a double (section 9)", "[1e400]", "1:2: the number '1e400' is too large (numbers must lie within +-1.7e308)" },
	/* string = quotation-mark *char quotation-mark; unescaped = %x20-21 / %x23-5B / %x5D-10FFFF */
	{ "unescaped: no raw tab", "[\"a\tb\"]", "1:4: " RAW("0009") },
	{ "unescaped: no raw line feed", "[\"a\nb\"]", "1:4: " RAW("000A") },
	{ "unescaped: no raw U+001F", "{\"k\x1f\": 1}", "1:4: " RAW("001F") },
	/* escape = %x22 / %x5C / %x2F / %x62 / %x66 / %x6E / %x72 / %x74 / %x75 4HEXDIG */
	{ "escape: only the listed ones", "[\"a\\qb\"]", "1:4: " ESC("q") },
	{ "escape: no \\x", "[\"\\x41\"]", "1:3: " ESC("x") },
	{ "escape: no \\'", "[\"\\'\"]", "1:3: " ESC("'") },
	{ "escape: no \\U", "[\"\\U0041\"]", "1:3: " ESC("U") },
	{ "escape: \\u and four hex digits", "{\"a\": \"ab\\uZZZZcd\"}", "1:10: " HEX },
	{ "escape: \\u and four digits, not three", "[\"\\u12\"]", "1:3: " HEX },
	/* section 7/8.2: surrogates in pairs */
	{ "surrogates: a high one needs a low one", "[\"\\uD800\"]", "1:3: " LONE("D800") },
	{ "surrogates: a low one alone", "[\"x\\uDC00\"]", "1:4: " LONE("DC00") },
	{ "surrogates: a high one then no low one", "[\"\\uD800\\u0041\"]", "1:3: " LONE("D800") },
	{ "surrogates: in order", "[\"\\uDE00\\uD83D\"]", "1:3: " LONE("DE00") },
	/* section 4: names SHOULD be unique; here they must be */
	{ "object: unique names", "{\"a\": 1, \"a\": 2}", "1:10: " DUP("a") },
	{ "object: unique names, escapes decoded", "{\"ab\": 1, \"a\\u0062\": 2}", "1:11: " DUP("a\\u0062") },
	{ "object: unique names, shown without control characters", "{\"\xc2\x9b[2J\x7f\": 1, \"\xc2\x9b[2J\x7f\": 2}",
	  "1:14: " DUP("?[2J?") },
	{ "object: unique names, nested", "[{\"x\": {\"b\": 1, \"c\": [],\n \"b\": 1}}]", "2:2: " DUP("b") },
	/* no comments */
	{ "no comments: line", "[1] // c", "1:5: a '/' (JSON has no comments)" },
	{ "no comments: block", "/* c */ [1]", "1:1: a '/' (JSON has no comments)" },
	{ "no comments: inside", "[1, /* c */ 2]", "1:5: a '/' (JSON has no comments)" },
};

/* Both readers refuse each document with its message and place. */
static void test_rfc_refused(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(refusals) / sizeof(refusals[0]); i++) {
		const struct refusal *t = &refusals[i];
		struct beter_err e1 = { 0 }, e2 = { 0 };
		char want[512];
		cJSON *v = NULL;

		snprintf(want, sizeof(want), "t.json:%s", t->msg);
		if (jsonin_parse("t.json", t->doc, strlen(t->doc), &v, &e1) != BETER_DATAERR || strcmp(e1.msg, want))
			fail_msg("%s: '%s': got '%s', want '%s'", t->rule, t->doc, e1.msg, want);
		assert_null(v);
		if (stream_value(t->doc, strlen(t->doc), &v, &e2) != BETER_DATAERR || strcmp(e2.msg, want))
			fail_msg("%s: '%s' (stream): got '%s', want '%s'", t->rule, t->doc, e2.msg, want);
		assert_null(v);
		/* and wherever the reader's buffer ends */
		agree(t->doc, 65536 - strlen(t->doc) / 2);
	}
}

static int parse(const char *doc, cJSON **v, struct beter_err *err)
{
	return jsonin_parse("t.json", doc, strlen(doc), v, err);
}

/* Edge cases the grammar allows: both readers take them, with the values
 * cJSON's own parser gives. */
static void test_rfc_accepted(void **state)
{
	static const char ws[] = " \t\r\n[ 1 ,\t2\r\n,\n3 ]\n\t\r ";
	struct beter_err err = { 0 };
	cJSON *v;
	(void)state;

	assert_int_equal(parse("\"\\u00e9\"", &v, &err), 0);
	assert_string_equal(v->valuestring, "\xc3\xa9");
	cJSON_Delete(v);
	assert_int_equal(parse("\"\\uD83D\\uDE00\"", &v, &err), 0);
	assert_string_equal(v->valuestring, "\xf0\x9f\x98\x80");
	cJSON_Delete(v);
	assert_int_equal(parse("[-0, 1E+2, 1e-2, 0.5e0, -12.25E-1, 100000000000000000000]", &v, &err), 0);
	assert_true(cJSON_GetArrayItem(v, 0)->valuedouble == 0 && signbit(cJSON_GetArrayItem(v, 0)->valuedouble));
	assert_true(cJSON_GetArrayItem(v, 1)->valuedouble == 100);
	assert_true(cJSON_GetArrayItem(v, 2)->valuedouble == 0.01);
	assert_true(cJSON_GetArrayItem(v, 3)->valuedouble == 0.5);
	assert_true(cJSON_GetArrayItem(v, 4)->valuedouble == -1.225);
	assert_true(cJSON_GetArrayItem(v, 5)->valuedouble == 1e20);
	cJSON_Delete(v);
	assert_int_equal(parse(ws, &v, &err), 0);
	assert_int_equal(cJSON_GetArraySize(v), 3);
	cJSON_Delete(v);
	assert_int_equal(parse("{\"a\": {}, \"b\": [], \"c\": \"\", \"a \": [[]]}", &v, &err), 0);
	assert_string_equal(v->child->next->next->next->string, "a ");
	cJSON_Delete(v);
	assert_int_equal(parse("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\x7f\"", &v, &err), 0);
	assert_string_equal(v->valuestring, "\"\\/\b\f\n\r\t\x7f");
	cJSON_Delete(v);
	assert_int_equal(parse("[true, false, null]", &v, &err), 0);
	cJSON_Delete(v);
	/* the same values from the stream, wherever its buffer ends */
	agree("\"\\u00e9\\uD83D\\uDE00\"", 65530);
	agree("[-0, 1E+2, 1e-2, 100000000000000000000]", 65520);
	agree(ws, 65530);
	agree("{\"a\": {}, \"b\": [], \"c\": \"\"}", 65520);
}

/* A byte order mark at the start is skipped by both, and places are
 * counted after it; anywhere else it is no white space. */
static void test_bom(void **state)
{
	static const char doc[] = "\xef\xbb\xbf{\"a\": [1,]}", good[] = "\xef\xbb\xbf{\"a\": [1]}";
	struct beter_err e1 = { 0 }, e2 = { 0 };
	cJSON *v;
	(void)state;

	assert_int_equal(jsonin_parse("t.json", good, sizeof(good) - 1, &v, &e1), 0);
	assert_int_equal(cJSON_GetArrayItem(cJSON_GetObjectItem(v, "a"), 0)->valueint, 1);
	cJSON_Delete(v);
	assert_int_equal(stream_value(good, sizeof(good) - 1, &v, &e2), 0);
	assert_int_equal(cJSON_GetArrayItem(cJSON_GetObjectItem(v, "a"), 0)->valueint, 1);
	cJSON_Delete(v);
	assert_int_equal(jsonin_parse("t.json", doc, sizeof(doc) - 1, &v, &e1), BETER_DATAERR);
	assert_int_equal(stream_value(doc, sizeof(doc) - 1, &v, &e2), BETER_DATAERR);
	assert_string_equal(e1.msg, "t.json:1:10: a comma before ']' (nothing may follow the last element or member)");
	assert_string_equal(e2.msg, e1.msg);
	assert_int_equal(parse("[1, \xef\xbb\xbf 2]", &v, &e1), BETER_DATAERR);
	assert_string_equal(e1.msg, "t.json:1:5: " VALUE);
	assert_int_equal(parse("\xef\xbb\xbf \n", &v, &e1), BETER_DATAERR);
	assert_string_equal(e1.msg, "t.json: the file is empty (expected a JSON document)");
}

/* The structure the stream walks itself keeps the same rules: white space,
 * commas, and names given twice (jsonrd_dup_key). */
static void test_walk_rules(void **state)
{
	static const struct {
		const char *doc, *msg;
	} docs[] = {
		{ "{\"t\": [1,\f2]}", "w.json:1:10: " CTRL("000C") },
		{ "{\"t\": [1, 2,]}", "w.json:1:13: a comma before ']' (nothing may follow the last element or member)" },
		{ "{\"t\": [1 2]}", "w.json:1:10: ',' or ']' expected" },
		{ "{\"t\": [1],}", "w.json:1:11: a comma before '}' (nothing may follow the last element or member)" },
		{ "{\"t\" [1]}", "w.json:1:6: ':' expected after the member name" },
		{ "{'t': [1]}", "w.json:1:2: a single quote (JSON strings are in double quotes)" },
		{ "{\"t\\u00\": [1]}", "w.json:1:4: " HEX },
		{ "{\"t\": [1], \"t\": [2]}", "w.json:1:12: " DUP("t") },
		{ "{\"t\": [1]} // end", "w.json:1:12: a '/' (JSON has no comments)" },
	};
	struct strbuf key = STRBUF_INIT, seen = STRBUF_INIT;
	(void)state;

	for (size_t i = 0; i < sizeof(docs) / sizeof(docs[0]); i++) {
		FILE *fp = fmemopen((void *)docs[i].doc, strlen(docs[i].doc), "r");
		struct beter_err err = { 0 };
		struct jsonrd r;
		int rc = 0, more = 1;

		strbuf_reset(&seen);
		jsonrd_init(&r, fp, "w.json", &err);
		rc = jsonrd_expect(&r, '{');
		while (!rc && more) {
			if ((rc = jsonrd_key(&r, &key)))
				break;
			if (strstr(strbuf_str(&seen), strbuf_str(&key))) {
				rc = jsonrd_dup_key(&r);
				break;
			}
			strbuf_adds(&seen, strbuf_str(&key));
			if ((rc = jsonrd_expect(&r, '[')))
				break;
			for (int el = 1; el == 1 && !rc;) {
				cJSON *v;
				if ((rc = jsonrd_value(&r, &v)))
					break;
				cJSON_Delete(v);
				if ((el = jsonrd_next(&r, ']')) < 0)
					rc = -el;
			}
			if (!rc && (more = jsonrd_next(&r, '}')) < 0)
				rc = -more;
		}
		if (!rc)
			rc = jsonrd_end(&r);
		if (rc != BETER_DATAERR || strcmp(err.msg, docs[i].msg))
			fail_msg("'%s': got %d '%s', want '%s'", docs[i].doc, rc, err.msg, docs[i].msg);
		jsonrd_release(&r);
		fclose(fp);
	}
	strbuf_release(&key);
	strbuf_release(&seen);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buffer_edges),
		cmocka_unit_test(test_nul),
		cmocka_unit_test(test_walk),
		cmocka_unit_test(test_rfc_refused),
		cmocka_unit_test(test_rfc_accepted),
		cmocka_unit_test(test_bom),
		cmocka_unit_test(test_walk_rules),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
