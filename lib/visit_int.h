/* visit_int.h - helpers the visit files share (not part of the library's interface). */
#ifndef BETER_VISIT_INT_H
#define BETER_VISIT_INT_H

#include <stdint.h>

#include "beter/err.h"

struct store;
struct store_stmt;

/* Trim src into *dst (left alone when blank); at most VISIT_TEXT_MAX bytes of UTF-8. */
int visit_text_field(char **dst, const char *src, const char *what, struct beter_err *err);

/* A round name is 1-100 bytes of UTF-8 text. */
int visit_round_text_ok(const char *name, struct beter_err *err);

/* Find or create a round; widen it to include from..to. */
int visit_round_get(struct store *db, int64_t school, const char *name, int from, int to, int64_t *id,
		    struct beter_err *err);

/* The slot rule (visit_slot.c): BETER_DATAERR naming the visit (not
 * cancelled, not self) that observer has on day at time (minutes, -1: no
 * time, in no slot) already; what starts the message ("--time"). Read it in
 * the write transaction, before the write. */
int visit_slot_free(struct store *db, int64_t observer, int day, int time, int64_t self, const char *what,
		    struct beter_err *err);
/* The same for visit id moved to day at time (-1: the time it has). */
int visit_slot_free_for(struct store *db, int64_t id, int day, int time, struct beter_err *err);

#endif
