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

/* A trajectory as its targets and its period cycle count it: the school,
 * the team (0: the school), and the days counted, from its start up to
 * today (or its end). */
struct phase_scope {
	int64_t trajectory, school, team;
	char from[11], to[11];
	int today;
};

/* The scope of a trajectory, the model it follows (NULL when it is no
 * longer there) and the key of its active phase (key[keysize], "" when
 * none). The caller frees *model. */
int phase_scope_load(struct store *db, int64_t trajectory, int today, struct phase_scope *sc, cJSON **model,
		     char *key, size_t keysize, struct beter_err *err);

/* The targets of model counted over the scope: a section "targets" (none
 * when the model has no targets). */
int phase_targets_out(struct store *db, const struct phase_scope *sc, const cJSON *model, struct out *o,
		      struct beter_err *err);

/* The period cycle of a phase that repeats each period ("cycle": "period"):
 * sections "period" (the running period) and "cycle" (its steps). */
int phase_cycle_out(struct store *db, const struct phase_scope *sc, struct out *o, struct beter_err *err);

/* The phase of model with id key repeats each period. */
int phase_is_cycle(const cJSON *model, const char *key);

/* What a target of a model counts: 1 when kind is one beter counts. */
int phase_target_kind(const char *kind);

/* A model by id: the school's own first, else a shipped one; *own (if
 * given) says which. */
int phase_model_load(struct store *db, int64_t school, const char *key, cJSON **doc, int *own, struct beter_err *err);

#endif
