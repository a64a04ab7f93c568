/* schema.h - the store's tables as the store itself describes them
 * (sqlite_master, PRAGMA table_info, PRAGMA foreign_key_list), so that
 * export, import and check handle every table without knowing it.
 *
 * A table with a `uid` column is a record table: rows are known by uid, and a
 * column that REFERENCES the integer key of a record table is a link, written
 * in exports as the referenced row's uid. Other tables (pure link tables) are
 * known by their primary key, or by all their columns when they have none.
 */
#ifndef BETER_SCHEMA_H
#define BETER_SCHEMA_H


#include "beter/err.h"

struct store;
struct store_stmt;

enum schema_affinity { AFF_NONE, AFF_INT, AFF_REAL, AFF_NUMERIC, AFF_TEXT, AFF_BLOB };

struct schema_col {
	char *name;
	int aff;      /* enum schema_affinity of the declared type */
	int notnull;
	int pk;       /* position in the primary key (1-based), 0 if not in it */
	int ref;      /* index of the record table this column links to, or -1 */
	int rowid;    /* 1 for the INTEGER PRIMARY KEY (the record number) */
};

struct schema_table {
	char *name;
	struct schema_col *cols;
	int ncols;
	int uid;      /* index of the uid column, -1 if none */
	int rowid;    /* index of the record number column, -1 if none */
	int npk;      /* columns in the primary key */
	int *deps;    /* tables this one refers to (any foreign key) */
	int ndeps;
	int selfref;  /* has a link to itself */
};

struct schema {
	struct schema_table *t; /* in dependency order: referenced tables first */
	int n;
};

/* Read the schema of the main database. */
int schema_load(struct store *db, struct schema *s, struct beter_err *err);
void schema_release(struct schema *s);
/* Index of a table by name, -1 if none. */
int schema_find(const struct schema *s, const char *name);
int schema_col_find(const struct schema_table *t, const char *name);

/* The key of a table's rows: the uid column, else the primary key columns,
 * else all columns. Fills idx (size ncols) and returns how many. */
int schema_key(const struct schema_table *t, int *idx);

#endif
