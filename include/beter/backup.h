/* backup.h - a consistent copy of a live store. */
#ifndef BETER_BACKUP_H
#define BETER_BACKUP_H

#include <sqlite3.h>

#include "beter/err.h"

/* Copy the store through SQLite's backup API into a temporary file beside
 * path (mode 0600), sync it, then rename it to path, so path is always either
 * the old file or a complete copy. Other processes may go on writing: the
 * copy is the store as of one moment. */
int backup_write(sqlite3 *db, const char *path, struct beter_err *err);

#endif
