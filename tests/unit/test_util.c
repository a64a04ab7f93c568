/* test_util.c - white space as people's names and form tools' headers hold it. */
#include "unit.h"

#include "beter/survey_columns.h"
#include "beter/util.h"

static void trimmed(const char *in, const char *want)
{
	char *s = xstrdup(in);
	assert_string_equal(str_trim(s), want);
	free(s);
}

static void test_trim_unicode(void **state)
{
	(void)state;
	trimmed("  Jan  ", "Jan");
	trimmed("\xc2\xa0Jan\xc2\xa0", "Jan");                     /* U+00A0 */
	trimmed("\xe3\x80\x80Jan de Vries\xe2\x80\x83\t", "Jan de Vries"); /* U+3000, U+2003 */
	trimmed("\xe2\x80\x8b\xef\xbb\xbfJan", "Jan");             /* U+200B, U+FEFF */
	trimmed("Jos\xc3\xa9", "Jos\xc3\xa9");                     /* é ends in a continuation byte: kept */
	trimmed("\xc3\xa0", "\xc3\xa0");                           /* à is not U+00A0 */
	trimmed("\xe2\x80\xa0", "\xe2\x80\xa0");                   /* † is not a space */
	trimmed("", "");
}

static void test_blank(void **state)
{
	(void)state;
	assert_true(str_blank(NULL));
	assert_true(str_blank(""));
	assert_true(str_blank(" \t\r\n"));
	assert_true(str_blank("\xc2\xa0\xe2\x80\x83\xe3\x80\x80\xe2\x80\xaf\xe1\x9a\x80"));
	assert_false(str_blank("\xc2\xa0x"));
	assert_false(str_blank("\xe2\x80\x99")); /* ’ */
	assert_false(str_blank("\xc3")); /* a cut-off character is not white space */
}

static void norm_equal(const char *a, const char *b)
{
	char x[256], y[256];
	survey_header_norm(a, x, sizeof(x));
	survey_header_norm(b, y, sizeof(y));
	assert_string_equal(x, y);
}

static void test_header_norm(void **state)
{
	char buf[256];

	(void)state;
	norm_equal("Collega\xe2\x80\x99s passen", "Collega's passen");
	norm_equal("Collega\xe2\x80\x98s passen", "collega's PASSEN");
	norm_equal("Het \xe2\x80\x9c" "bord\xe2\x80\x9d werkt?", "het \"bord\" werkt");
	norm_equal("Tijd\xc2\xa0van  voltooien", "tijd van voltooien");
	norm_equal("Wat \xe2\x80\x93 kort", "wat - kort");
	survey_header_norm("Collega\xe2\x80\x99s?", buf, sizeof(buf));
	assert_string_equal(buf, "collega's");
	survey_header_norm("\xc3\x89\xc3\xa9n", buf, sizeof(buf)); /* non-ASCII letters stay as they are */
	assert_string_equal(buf, "\xc3\x89\xc3\xa9n");
}

/* the columns a text takes in a table: ASCII one a byte, accents one,
 * combining marks none, East Asian wide letters two, in any mix */
static void test_utf8_width(void **state)
{
	(void)state;
	assert_int_equal(utf8_width(""), 0);
	assert_int_equal(utf8_width("Team Bovenbouw"), 14);
	assert_int_equal(utf8_width("Ge\xc3\xafnspireerd"), 12);		     /* ï */
	assert_int_equal(utf8_width("e\xcc\x81" "en"), 3);			     /* e + U+0301 */
	assert_int_equal(utf8_width("\xe6\x97\xa5\xe6\x9c\xac ok"), 7);	     /* 日本 ok */
	assert_int_equal(utf8_width("ab\xf0\x9f\x98\x80" "cd"), 6);		     /* U+1F600 */
	assert_int_equal(utf8_width("x\xffy"), 3);				     /* a stray byte: one */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_trim_unicode),
		cmocka_unit_test(test_blank),
		cmocka_unit_test(test_header_norm),
		cmocka_unit_test(test_utf8_width),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
