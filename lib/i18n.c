/* i18n.c - the language a person reads: Dutch or English, from --lang,
 * $BETER_LANG or the locale, with gettext's catalogue found beside the
 * binary or where it was installed. */
#include "beter/i18n.h"

#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef BETER_LOCALEDIR
#define BETER_LOCALEDIR "/usr/local/share/locale"
#endif

#define DOMAIN "beter"

static const char *lang = "en";
static char bad_lang[48];  /* the value refused */
static const char *bad_from; /* "--lang" or "BETER_LANG" */

int i18n_lang_valid(const char *s)
{
	if (!s || strlen(s) < 2 || (strncmp(s, "nl", 2) && strncmp(s, "en", 2)))
		return 0;
	return s[2] == '\0' || strchr("_.@-", s[2]) != NULL;
}

/* The language gettext would take from the environment: "nl", "en", or NULL
 * when the locale is C or names another language. */
static const char *locale_lang(void)
{
	const char *name = NULL;
	const char *vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };

	for (size_t i = 0; i < sizeof(vars) / sizeof(*vars) && !name; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			name = v;
	}
	if (!name || !strcmp(name, "C") || !strcmp(name, "POSIX"))
		return NULL; /* gettext ignores LANGUAGE under the C locale */
	const char *language = getenv("LANGUAGE");
	while (language && *language) {
		/* the first entry that is a language beter speaks */
		size_t n = strcspn(language, ":");
		char entry[64];
		if (n < sizeof(entry)) {
			memcpy(entry, language, n);
			entry[n] = '\0';
			if (i18n_lang_valid(entry))
				return strncmp(entry, "nl", 2) ? "en" : "nl";
		}
		language += n + (language[n] == ':');
	}
	return i18n_lang_valid(name) ? (strncmp(name, "nl", 2) ? "en" : "nl") : NULL;
}

static int has_catalogue(const char *dir)
{
	char path[PATH_MAX];
	int n = snprintf(path, sizeof(path), "%s/nl/LC_MESSAGES/" DOMAIN ".mo", dir);
	return n > 0 && (size_t)n < sizeof(path) && access(path, R_OK) == 0;
}

/* Where the catalogue is: $BETER_LOCALEDIR, ./locale beside the binary (the
 * build tree), ../share/locale from it (an install moved elsewhere), else
 * the compiled-in directory. */
static void bind_domain(void)
{
	static char dir[PATH_MAX];
	const char *env = getenv("BETER_LOCALEDIR");
	const char *use = BETER_LOCALEDIR;

	if (env && *env) {
		use = env;
	} else {
		char exe[PATH_MAX];
		ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
		char *slash = n > 0 ? memrchr(exe, '/', (size_t)n) : NULL;
		if (slash) {
			*slash = '\0';
			const char *rel[] = { "/locale", "/../share/locale" };
			for (size_t i = 0; i < sizeof(rel) / sizeof(*rel); i++) {
				int m = snprintf(dir, sizeof(dir), "%s%s", exe, rel[i]);
				if (m > 0 && (size_t)m < sizeof(dir) && has_catalogue(dir)) {
					use = dir;
					break;
				}
			}
		}
	}
	bindtextdomain(DOMAIN, use);
	bind_textdomain_codeset(DOMAIN, "UTF-8");
	textdomain(DOMAIN);
}

int i18n_init(const char *lang_opt)
{
	const char *env = getenv("BETER_LANG");
	const char *want = NULL;
	int rc = 0;

	bad_from = NULL;
	/* --lang, then $BETER_LANG; one refused is said in the language the
	 * next one chooses */
	const char *given[2] = { lang_opt, env && *env ? env : NULL };
	for (int i = 0; i < 2 && !want; i++) {
		if (!given[i])
			continue;
		if (i18n_lang_valid(given[i])) {
			want = given[i];
		} else if (!bad_from) {
			bad_from = i == 0 ? "--lang" : "BETER_LANG";
			snprintf(bad_lang, sizeof(bad_lang), "%s", given[i]);
			rc = -1;
		}
	}
	if (!want)
		want = locale_lang();
	lang = want && !strncmp(want, "nl", 2) ? "nl" : "en";

	/* the locale of the environment for the two categories beter uses
	 * (characters and messages; the others stay "C", so a number keeps its
	 * point and loading them costs nothing); C.UTF-8 (built into glibc) where
	 * it is not there, or where Dutch is asked for under C: gettext
	 * translates nothing under "C" */
	const char *loc = setlocale(LC_CTYPE, "") ? setlocale(LC_MESSAGES, "") : NULL;
	if (!loc || (!strcmp(lang, "nl") && (!strcmp(loc, "C") || !strcmp(loc, "POSIX")))) {
		setlocale(LC_CTYPE, "C.UTF-8");
		setlocale(LC_MESSAGES, "C.UTF-8");
	}
	setlocale(LC_NUMERIC, "C");
	/* beter's text is UTF-8: a legacy locale's ctype (nl_NL, ISO-8859-1)
	 * would lowercase the bytes of a UTF-8 letter into other ones */
	if (strcmp(nl_langinfo(CODESET), "UTF-8"))
		setlocale(LC_CTYPE, "C.UTF-8");
	setenv("LANGUAGE", lang, 1);
	if (!strcmp(lang, "nl"))
		bind_domain();
	else
		textdomain("messages"); /* the msgids are the English */
	return rc;
}

const char *i18n_lang(void)
{
	return lang;
}

const char *i18n_lang_error(void)
{
	static char msg[256];

	if (!bad_from)
		return "";
	snprintf(msg, sizeof(msg), _("%s: unknown language '%s' (use nl or en)"), bad_from, bad_lang);
	return msg;
}

const char *i18n_ctx(const char *key)
{
	const char *t = gettext(key), *c;
	return t == key && (c = strchr(key, '\004')) ? c + 1 : t;
}
