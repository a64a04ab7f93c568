/* phase_int.h - what the phase files share inside the library. */
#ifndef BETER_PHASE_INT_H
#define BETER_PHASE_INT_H

#include <cjson/cJSON.h>

#include "beter/i18n.h"
#include "beter/out.h"
#include "beter/phase.h"
#include "beter/util.h"

struct store;
struct store_stmt;

/* A status word (marked with N_()) as o shows it: in Dutch in a table
 * people read, the English value in JSON, CSV and TSV. */
static inline const char *phase_word(const struct out *o, const char *w)
{
	return o->nl && (o->fmt == OUT_TABLE || o->fmt == OUT_HTML || o->fmt == OUT_MD) ? _(w) : w;
}

/* 1-40 characters a-z, 0-9 and '-'. */
int phase_id_valid(const char *s);

/* A string member of obj, NULL when missing or not a string. */
const char *phase_jstr(const cJSON *obj, const char *key);

/* The who array as "a, b, c" (NUL-terminated, also when empty). */
void phase_join_who(struct strbuf *sb, const cJSON *who);

/* A model by id: the school's own first, else a shipped one; *own (if
 * given) says which. */
int phase_model_load(struct store *db, int64_t school, const char *key, cJSON **doc, int *own, struct beter_err *err);

#endif
