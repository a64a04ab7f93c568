/* check_int.h - what the check files share inside the library. */
#ifndef BETER_CHECK_INT_H
#define BETER_CHECK_INT_H

#include "beter/check.h"
#include "beter/i18n.h"

struct store;
struct store_stmt;

/* A run of the checks: where problems go and how many there were. */
struct runner {
	struct store *db;
	check_report_fn *fn;
	void *arg;
	long problems;
	int people; /* CHECK_FOR_PEOPLE: problems in the interface language */
};

/* A problem's text as the run writes it: translated for people (a table, a
 * message), English for JSON and CSV, which are the same in every language. */
static inline __attribute__((format_arg(2))) const char *check_tr(int people, const char *msgid)
{
	return people ? gettext(msgid) : msgid;
}

/* How a problem of a damaged file begins ("damaged: "): 'beter check' tells
 * those from the broken constraints SQLite's integrity check also reports. */
const char *check_damaged_prefix(int people);

/* The rules of lib/check_design.c (lesson designs), run after check_rules. */
extern const struct check_rule check_design_rules[];
/* The rules of lib/check_period.c (improvement periods), run after those. */
extern const struct check_rule check_period_rules[];

/* beter_tr(TEXT, ARG...) in the queries of db (lib/check_words.c): TEXT
 * with each %s filled by the next ARG, translated when *people is set. */
int check_words_register(struct store *db, const int *people);
/* The end of a run: PostgreSQL's beter_tr writes plain English again. */
void check_words_unregister(struct store *db);
/* On PostgreSQL beter_tr marks its text and values (the server cannot
 * translate): s with each marked text translated and filled in, NULL when s
 * has none. Free it. */
char *check_words_text(int people, const char *s);

/* One problem found. */
void check_report(struct runner *r, const char *check, const char *table, const char *record, const char *problem);

/* SQLite's integrity check, summarised per table and index; *structural
 * counts the damage found (not the broken constraints). */
void check_integrity(struct runner *r, long *structural);

#endif
