/* tmpfile.h - temporary SQLite files beside a target, that a killed process
 * does not leave for good.
 *
 * A file is named PATH TAG XXXXXX (e.g. "s.db.beter-new-a1B2c3"), made with O_EXCL
 * and mode 0600, and holds an flock while the process that made it lives. A
 * process killed with kill -9 cannot remove it, but its lock goes with it: the
 * next tmpfile_sweep for the same PATH and TAG removes it then. A live
 * process's file is never swept (tmpfile_beside takes the lock before it
 * trusts the name).
 */
#ifndef BETER_TMPFILE_H
#define BETER_TMPFILE_H

#include "beter/err.h"

/* Create the file; *tmp (malloc'd) gets its name and *lockfd the descriptor
 * that holds the lock (close it when the file is gone or renamed). */
int tmpfile_beside(const char *path, const char *tag, char **tmp, int *lockfd, struct beter_err *err);

/* Remove the files of PATH TAG XXXXXX that no live process holds. Call it
 * before this process opens a file of its own with SQLite: closing a file a
 * SQLite connection of this process holds would drop that connection's locks. */
void tmpfile_sweep(const char *path, const char *tag);

/* Remove tmp and what SQLite may have put beside it (-journal, -wal, -shm). */
void tmpfile_remove(const char *tmp);

/* The directory part of path ("." for none), malloc'd. */
char *tmpfile_dir(const char *path);

#endif
