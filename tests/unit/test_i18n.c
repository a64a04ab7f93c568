#include "unit.h"

#include <ctype.h>
#include <langinfo.h>
#include <locale.h>

#include "beter/i18n.h"

/* The environment a person's shell would have; NULL unsets. LANGUAGE is
 * unset too: i18n_init sets it for gettext. */
static void env(const char *lc_all, const char *lang, const char *language, const char *beter_lang)
{
	const char *names[] = { "LC_ALL", "LANG", "LANGUAGE", "BETER_LANG" };
	const char *values[] = { lc_all, lang, language, beter_lang };

	unsetenv("LC_MESSAGES");
	for (int i = 0; i < 4; i++) {
		if (values[i])
			setenv(names[i], values[i], 1);
		else
			unsetenv(names[i]);
	}
}

/* the language chosen, and a message of the catalogue in it */
static void expect(const char *lang_opt, const char *lang, const char *failed)
{
	assert_int_equal(i18n_init(lang_opt), 0);
	assert_string_equal(i18n_lang(), lang);
	assert_string_equal(_("failed"), failed);
}

static void test_override(void **state)
{
	(void)state;
	env("C.UTF-8", NULL, NULL, NULL);
	expect("nl", "nl", "mislukt");
	env("C.UTF-8", NULL, NULL, NULL);
	expect("en", "en", "failed");
	/* --lang beats BETER_LANG, which beats the locale */
	env("C.UTF-8", NULL, NULL, "nl");
	expect(NULL, "nl", "mislukt");
	env("C.UTF-8", NULL, NULL, "nl");
	expect("en", "en", "failed");
	env(NULL, "nl_NL.UTF-8", NULL, "en");
	expect(NULL, "en", "failed");
	/* under the plain C locale too: gettext translates nothing there */
	env("C", NULL, NULL, NULL);
	expect("nl_NL", "nl", "mislukt");
}

static void test_locale(void **state)
{
	(void)state;
	/* nl_NL is not generated on most machines: Dutch all the same */
	env(NULL, "nl_NL.UTF-8", NULL, NULL);
	expect(NULL, "nl", "mislukt");
	env("nl_BE.UTF-8", "en_US.UTF-8", NULL, NULL);
	expect(NULL, "nl", "mislukt");
	/* LC_ALL wins over LANG; C means English, and LANGUAGE is ignored then */
	env("C", "nl_NL.UTF-8", "nl", NULL);
	expect(NULL, "en", "failed");
	/* LANGUAGE: the first language beter speaks */
	env(NULL, "C.UTF-8", "de:nl", NULL);
	expect(NULL, "nl", "mislukt");
	env(NULL, "nl_NL.UTF-8", "en:nl", NULL);
	expect(NULL, "en", "failed");
	/* another language or none: English */
	env(NULL, "de_DE.UTF-8", NULL, NULL);
	expect(NULL, "en", "failed");
	env(NULL, NULL, NULL, NULL);
	expect(NULL, "en", "failed");
}

static void test_refused(void **state)
{
	(void)state;
	env(NULL, "nl_NL.UTF-8", NULL, NULL);
	assert_int_equal(i18n_init("de"), -1);
	/* said in the locale's language */
	assert_string_equal(i18n_lang(), "nl");
	assert_string_equal(i18n_lang_error(), "--lang: onbekende taal 'de' (gebruik nl of en)");
	env(NULL, NULL, NULL, "nl");
	assert_int_equal(i18n_init("de"), -1);
	assert_string_equal(i18n_lang_error(), "--lang: onbekende taal 'de' (gebruik nl of en)");
	env(NULL, NULL, NULL, "fr");
	assert_int_equal(i18n_init(NULL), -1);
	assert_string_equal(i18n_lang_error(), "BETER_LANG: unknown language 'fr' (use nl or en)");
	assert_true(i18n_lang_valid("nl") && i18n_lang_valid("en_GB.UTF-8") && i18n_lang_valid("nl-BE"));
	assert_false(i18n_lang_valid("n") || i18n_lang_valid("nld") || i18n_lang_valid("") || i18n_lang_valid(NULL));
}

/* Dutch never turns a number's point into a comma (JSON, CSV) */
static void test_numeric(void **state)
{
	char buf[32];

	(void)state;
	env(NULL, "nl_NL.UTF-8", NULL, NULL);
	assert_int_equal(i18n_init(NULL), 0);
	snprintf(buf, sizeof(buf), "%.1f %g", 5.5, 7.25);
	assert_string_equal(buf, "5.5 7.25");
	assert_string_equal(localeconv()->decimal_point, ".");
	assert_string_equal(setlocale(LC_NUMERIC, NULL), "C");
	/* only characters and messages follow the environment */
	assert_string_equal(setlocale(LC_COLLATE, NULL), "C");
	assert_string_equal(setlocale(LC_TIME, NULL), "C");
	assert_true(strtod("5.5", NULL) == 5.5);
}

/* UTF-8 text is never read through a legacy character set: ctype works
 * on UTF-8 (as it does byte for byte under C), libc's own messages come
 * out in UTF-8 */
static void test_ctype(void **state)
{
	(void)state;
	env("C", NULL, NULL, NULL);
	assert_int_equal(i18n_init(NULL), 0);
	assert_string_equal(nl_langinfo(CODESET), "UTF-8");
	env(NULL, NULL, NULL, "nl");
	assert_int_equal(i18n_init(NULL), 0);
	assert_string_equal(nl_langinfo(CODESET), "UTF-8");
	assert_int_equal(tolower(0xC9), 0xC9); /* a byte of a UTF-8 letter is left alone */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_override), cmocka_unit_test(test_locale),
		cmocka_unit_test(test_refused),  cmocka_unit_test(test_numeric),
		cmocka_unit_test(test_ctype),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
