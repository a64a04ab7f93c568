/* school.h - schools in a store (a school board keeps several in one). */
#ifndef BETER_SCHOOL_H
#define BETER_SCHOOL_H

#include <sqlite3.h>
#include <stdint.h>

#include "beter/err.h"
#include "beter/out.h"

/* "po", "vo", "mbo", "so" in any case (stored in lower case) */
int school_sector_valid(const char *sector);

int school_add(sqlite3 *db, const char *name, const char *brin, const char *sector, int64_t *id,
	       struct beter_err *err);

/* Pick a school: by name, BRIN or number when given; else the only school in
 * the store. BETER_FAIL when there is none or it is not found, BETER_USAGE when
 * the store has several and none was named. */
int school_resolve(sqlite3 *db, const char *which, int64_t *id, struct beter_err *err);

int school_list(sqlite3 *db, struct out *o, struct beter_err *err);
int school_show(sqlite3 *db, int64_t id, struct out *o, struct beter_err *err);

#endif
