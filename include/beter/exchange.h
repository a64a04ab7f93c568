/* exchange.h - the whole store as one JSON document, and back.
 *
 * The document (format "beter-export", format_version 1):
 *
 *   {
 *     "format": "beter-export",
 *     "format_version": 1,
 *     "schema_version": 1,          the store's PRAGMA user_version
 *     "school": null,               or the uid of the one school exported
 *     "tables": {                   every table, referenced tables first
 *       "school": [
 *         {"id": 1, "uid": "…", "name": "…", …},   one row per line, by uid
 *       ],
 *       "team_member": [
 *         {"team_id": "<team uid>", "person_id": "<person uid>", "role": "lid"}
 *       ]
 *     }
 *   }
 *
 * A row has every column of its table under the column's name. Numbers are
 * JSON numbers, NULL is null, text is a string, a BLOB is a base64 string. A
 * column that links to another record holds that record's uid, never its
 * number. Record tables are in uid order, link tables in the order of their
 * key, so the same store always gives the same bytes. Tables and columns are
 * read from the store's schema: a new table is exported without code.
 */
#ifndef BETER_EXCHANGE_H
#define BETER_EXCHANGE_H

#include <stddef.h>
#include <stdint.h>

#include "beter/err.h"
#include "beter/out.h"

struct store;
struct store_stmt;

#define EXCHANGE_FORMAT "beter-export"
#define EXCHANGE_FORMAT_VERSION 1

/* Write the document to o->fp (streamed: memory does not grow with rows).
 * school 0: everything; else that school's records, what they link to, and
 * the tables that belong to no school. */
int exchange_export(struct store *db, int64_t school, struct out *o, struct beter_err *err);

struct exchange_count {
	const char *table;
	long rows, added, changed;
};

struct exchange_stats {
	struct exchange_count *t;
	int n;
};

void exchange_stats_release(struct exchange_stats *st);

/* Merge a document into the store, in the caller's transaction: rows are
 * matched by uid (link tables by their key); missing rows are added, rows
 * that differ take the file's values, nothing is deleted. A record number
 * ("id") is kept when its table was empty and never used, else the row gets
 * the next free number. Any bad value, unknown table or column, or link to a
 * uid in neither the file nor the store gives BETER_DATAERR with
 * "FILE: table 't', row 'uid': field 'f': reason" and the caller rolls back.
 * path "-" reads stdin. The document is read as a stream (struct jsonrd):
 * one row in memory at a time, plus rows that wait for rows they link to. */
int exchange_import(struct store *db, const char *path, struct exchange_stats *st, struct beter_err *err);
int exchange_import_mem(struct store *db, const char *name, const char *data, size_t len, struct exchange_stats *st,
			struct beter_err *err);

/* Write a summary of an import (table, rows, added, changed) as a list. */
void exchange_stats_out(const struct exchange_stats *st, struct out *o);

#endif
