/* i18n.h - the markers for text a person reads (GNU gettext).
 *
 *   _("text")              translated now
 *   N_("text")             marked for the catalogue, translated where it is shown
 *   P_("1 item", "%d items", n)   plural forms (ngettext)
 *
 * Messages, help texts, table headings, status words and labels are marked;
 * JSON keys, CSV headers and enum values in JSON/CSV are not translated. */
#ifndef BETER_I18N_H
#define BETER_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)
#define P_(s, p, n) ngettext((s), (p), (unsigned long)(n))

#endif
