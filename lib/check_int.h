/* check_int.h - what the check files share inside the library. */
#ifndef BETER_CHECK_INT_H
#define BETER_CHECK_INT_H

#include "beter/check.h"

struct store;
struct store_stmt;

/* A run of the checks: where problems go and how many there were. */
struct runner {
	struct store *db;
	check_report_fn *fn;
	void *arg;
	long problems;
};

/* The rules of lib/check_design.c (lesson designs), run after check_rules. */
extern const struct check_rule check_design_rules[];

/* One problem found. */
void check_report(struct runner *r, const char *check, const char *table, const char *record, const char *problem);

/* SQLite's integrity check, summarised per table and index; *structural
 * counts the damage found (not the broken constraints). */
void check_integrity(struct runner *r, long *structural);

#endif
