/* backup.h - a consistent copy of a live store. */
#ifndef BETER_BACKUP_H
#define BETER_BACKUP_H


#include "beter/err.h"

struct store;
struct store_stmt;

/* Copy the store through SQLite's backup API into a temporary file beside
 * path (mode 0600), sync it, then rename it to path, so path is always either
 * the old file or a complete copy. Other processes may go on writing: the
 * copy is the store as of one moment. */
int backup_write(struct store *db, const char *path, struct beter_err *err);

/* The same of a PostgreSQL store at address: pg_dump's custom format
 * (restore it with pg_restore), through the same temporary file and rename. */
int backup_write_pg(const char *address, const char *path, struct beter_err *err);

#endif
