/* check.h - is the store sound? SQLite's integrity_check, every link
 * (foreign key) and beter's own invariants.
 *
 * The invariants are a registry in lib/check.c: one row per rule with the SQL
 * that returns the offending rows. A module adds its rules there, one row
 * each. Generic rules (well-formed, unique uids and links that resolve) are
 * derived from the schema, so new tables are checked without code. A rule
 * the schema expresses (a CHECK, a day, a fixed list, a link to a record of
 * the same school) is no row there: SQLite's integrity check names the
 * table whose CHECK a row breaks, its foreign-key check the row whose link
 * points into another school.
 */
#ifndef BETER_CHECK_H
#define BETER_CHECK_H


#include "beter/err.h"
#include "beter/out.h"

struct store;
struct store_stmt;

/* A rule: its sql returns one row per offending record with two columns,
 * the record (a code, name or uid a person recognises) and an optional
 * detail (the bad value), shown after the message. */
struct check_rule {
	const char *name;    /* short, kebab-case: "person-code" */
	const char *table;   /* the table the records are in */
	const char *sql;
	const char *message; /* what is wrong, lowercase, marked N_(): "not a person code (2-8 capitals or digits)" */
};

extern const struct check_rule check_rules[]; /* ends with a row of NULLs */

enum check_flags {
	CHECK_INTEGRITY = 1, /* also PRAGMA integrity_check (reads every page) */
	CHECK_FOR_PEOPLE = 2, /* problems in the interface language (a table, a
				 message); without it in English, as JSON and CSV
				 carry them in every language */
};

/* Called for every problem found. */
typedef void check_report_fn(void *arg, const char *check, const char *table, const char *record,
			     const char *problem);

/* Run every check; *problems gets how many were found. Returns 0 when the
 * checks could run (problems or not), else a status with a message. The
 * rules' SQL functions (beter_uid, beter_answers_given, beter_item_limits,
 * beter_answer_over) stay registered on db. */
int check_run(struct store *db, int flags, check_report_fn *fn, void *arg, long *problems, struct beter_err *err);

/* Run every check and write the problems as a list (check, table, record,
 * problem); BETER_FAIL with "N problems" when there are any. */
int check_store(struct store *db, struct out *o, long *problems, struct beter_err *err);

#endif
