/*
 * open1.c - the reference for start-up by counted instructions: open a
 * store and run one query, nothing else. Linked against the same static
 * SQLite as beter and configured as beter configures it (one thread, no
 * memory statistics, the size-class allocator of lib/sqlmem.c), so that
 * what it costs is what any program pays to open that store with SQLite.
 * usage: open1 STORE [SQL]   (SQL defaults to SELECT count(*) FROM team)
 */
#include <sqlite3.h>
#include <stdio.h>

#include "beter/sqlmem.h"

int main(int argc, char **argv)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int rc;

	if (argc < 2) {
		fputs("usage: open1 STORE [SQL]\n", stderr);
		return 2;
	}
	sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	sqlite3_config(SQLITE_CONFIG_MALLOC, sqlmem_methods());
	if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, argc > 2 ? argv[2] : "SELECT count(*) FROM team", -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "open1: %s\n", sqlite3_errmsg(db));
		return 1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		printf("%s\n", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(db);
	return rc == SQLITE_DONE ? 0 : 1;
}
