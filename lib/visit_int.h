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

#endif
