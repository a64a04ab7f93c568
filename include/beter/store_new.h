/* store_new.h - make a new store whole or not at all.
 *
 * A command that creates a store (init, import into a new path) builds it
 * under a temporary name beside its path ("PATH.beter-new-XXXXXX": made with
 * O_EXCL, mode 0600, locked with flock while this process lives), fills it in
 * one transaction, and puts it in place with a rename that never replaces a
 * file (renameat2 RENAME_NOREPLACE, else link(2) + unlink): the path then
 * holds the whole store or nothing, at every moment, and a store that another
 * process made meanwhile is never replaced or removed. What goes wrong
 * removes only this process's temporary files. A temporary file that a killed
 * process left (its lock is gone) is removed by the next store_new_begin for
 * the same path.
 *
 *   struct store_new sn;
 *   if (!(rc = store_new_begin(&sn, path, &db, err)) && !(rc = store_begin(db, err)))
 *       ... fill, store_commit(db, err) ...
 *   rc = rc ? (store_new_abort(&sn), rc) : store_new_finish(&sn, err);
 */
#ifndef BETER_STORE_NEW_H
#define BETER_STORE_NEW_H


#include "beter/err.h"

struct store;
struct store_stmt;

struct store_new {
	char *path;  /* where the store goes */
	char *tmp;   /* the temporary file, this process's own */
	int lockfd;  /* holds the flock on tmp */
	struct store *db; /* open on tmp, migrated to the current schema */
};

/* Create and open the temporary store for path (missing directories are
 * created); *db is sn->db. On failure nothing is left behind. */
int store_new_begin(struct store_new *sn, const char *path, struct store **db, struct beter_err *err);

/* Close the store (its transaction committed), sync it and put it at
 * sn->path. STORE_NEW_EXISTS when a file appeared at that path meanwhile
 * (then nothing of this store is left); else 0 or a BETER_ status. */
#define STORE_NEW_EXISTS (-1)
int store_new_finish(struct store_new *sn, struct beter_err *err);

/* Close and remove the temporary store (a failure, a dry run). */
void store_new_abort(struct store_new *sn);

#endif
