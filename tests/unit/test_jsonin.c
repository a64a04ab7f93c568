/* The streaming JSON reader against jsonin_parse: the same values, and
 * the same places in messages, wherever the reader's buffer ends. */
#include "unit.h"

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buffer_edges),
		cmocka_unit_test(test_nul),
		cmocka_unit_test(test_walk),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
