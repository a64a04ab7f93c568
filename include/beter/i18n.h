/* i18n.h - the markers for text a person reads (GNU gettext), and the
 * choice of language.
 *
 *   _("text")              translated now
 *   N_("text")             marked for the catalogue, translated where it is shown
 *   P_("1 item", "%d items", n)   plural forms (ngettext)
 *
 * Messages, help texts, table headings, status words and labels are marked;
 * JSON keys, CSV headers and enum values in JSON/CSV are not translated.
 * The catalogue is po/nl.po (see po/README); English is the msgids. */
#ifndef BETER_I18N_H
#define BETER_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)
#define P_(s, p, n) ngettext((s), (p), (unsigned long)(n))
/* A msgid with a context (msgctxt), where the same English is said
 * differently elsewhere; translated with C_(NC_("ctx", "text")). */
#define NC_(ctx, s) ctx "\004" s
#define C_(key) i18n_ctx(key)

/* The translation of a key made by NC_(); untranslated, its English. */
const char *i18n_ctx(const char *key) __attribute__((format_arg(1)));

/* Choose the language once, at start-up, before anything is printed:
 * lang_opt (--lang) if given, else $BETER_LANG, else the locale as gettext
 * reads it ($LANGUAGE unless the locale is C, then LC_ALL, LC_MESSAGES,
 * LANG). "nl" or "en" (nl_NL, en_GB... count by their language). Dutch works
 * without an nl_NL locale on the machine: the messages then run under
 * C.UTF-8 with LANGUAGE=nl. LC_NUMERIC stays "C": printf never writes a
 * decimal comma (a Dutch table asks for one itself, through out.nl).
 * The catalogue is looked up in $BETER_LOCALEDIR, else ./locale beside the
 * binary (the build tree), else ../share/locale from it (a relocated
 * install), else the LOCALEDIR compiled in.
 * 0, or -1 when lang_opt or $BETER_LANG names another language (nothing
 * changed; i18n_lang_error() says which). */
int i18n_init(const char *lang_opt);
/* "nl" or "en": the language chosen (en before i18n_init). */
const char *i18n_lang(void);
/* Whether s names a language beter speaks ("nl", "en", "nl_NL.UTF-8"...). */
int i18n_lang_valid(const char *s);
/* After i18n_init failed: "--lang: unknown language 'de' (use nl or en)". */
const char *i18n_lang_error(void);

#endif
