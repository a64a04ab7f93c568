/* school.h - schools in a store (a school board keeps several in one). */
#ifndef BETER_SCHOOL_H
#define BETER_SCHOOL_H

#include <stdint.h>

#include "beter/err.h"
#include "beter/out.h"

struct store;
struct store_stmt;

/* "po", "vo", "mbo", "so" in any case (stored in lower case) */
int school_sector_valid(const char *sector);

int school_add(struct store *db, const char *name, const char *brin, const char *sector, int64_t *id,
	       struct beter_err *err);

/* Pick a school: by name, BRIN or number when given; else the only school in
 * the store. BETER_FAIL when there is none or it is not found, BETER_USAGE when
 * the store has several and none was named. */
int school_resolve(struct store *db, const char *which, int64_t *id, struct beter_err *err);

int school_list(struct store *db, struct out *o, struct beter_err *err);
int school_show(struct store *db, int64_t id, struct out *o, struct beter_err *err);

#endif
