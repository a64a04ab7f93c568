/* exchange_int.h - what the import's files share inside the library. */
#ifndef BETER_EXCHANGE_INT_H
#define BETER_EXCHANGE_INT_H

#include <cjson/cJSON.h>
#include <stdint.h>

#include "beter/exchange.h"
#include "beter/schema.h"

struct store;
struct store_stmt;

struct cache {
	uint64_t mask;
	int keep_id;
	struct store_stmt *upd, *sel, *ins;
};

/* A row that links to a row not imported yet. */
struct later {
	int ti;
	long n;
	cJSON *row;
};

struct imp {
	struct store *db;
	const char *name;
	struct schema s;
	struct beter_err *err;
	struct exchange_stats *st;
	struct store_stmt **find;    /* per table with a uid: SELECT its number by uid */
	struct store_stmt **scratch; /* per table: SELECT ?1, ?2, ...: a row's values, converted */
	int *fresh;             /* per table: empty and never used, so record numbers are kept */
	int *given;             /* per table: in the document already */
	struct cache *cache;    /* per table */
	struct store_stmt *seen;     /* duplicate rows in the file */
	struct later *later;    /* rows waiting for the rows they link to */
	size_t nlater, alater;
};

enum { ROW_DONE = 0, ROW_LATER = -1 };

/* Apply one row (the n-th of its table in the file). Returns 0, ROW_LATER
 * (only with may_wait) when it links to a row not imported yet, or an error
 * status. */
int exchange_apply_row(struct imp *im, int ti, const cJSON *row, long n, int may_wait);

/* Finalize a table's cached statements. */
void exchange_cache_clear(struct cache *c);

#endif
