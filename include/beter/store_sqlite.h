/* store_sqlite.h - the SQLite engine behind store.h, for the few files that
 * must reach it: the store layer itself (lib/store*.c), SQL functions written
 * in C (check), the online backup, the allocator and the schema's catalogue.
 * Every other file speaks store.h only.
 */
#ifndef BETER_STORE_SQLITE_H
#define BETER_STORE_SQLITE_H

#include <sqlite3.h>

#include "beter/store.h"

/* A connection or statement of store.h is SQLite's own, under another name. */
static inline sqlite3 *store_sqlite(struct store *db)
{
	return (sqlite3 *)(void *)db;
}

static inline struct store *store_of(sqlite3 *db)
{
	return (struct store *)(void *)db;
}

static inline sqlite3_stmt *store_sqlite_stmt(struct store_stmt *st)
{
	return (sqlite3_stmt *)(void *)st;
}

static inline struct store_stmt *store_stmt_of(sqlite3_stmt *st)
{
	return (struct store_stmt *)(void *)st;
}

/* Bring the store at db to this beter's schema version (lib/store_migrate.c);
 * path names it in messages. */
int store_migrate(struct store *db, const char *path, struct beter_err *err);

#endif
