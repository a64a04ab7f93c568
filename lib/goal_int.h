/* goal_int.h - what the goal files share inside the library. */
#ifndef BETER_GOAL_INT_H
#define BETER_GOAL_INT_H

#include "beter/goal.h"
#include "beter/i18n.h"
#include "beter/out.h"

struct store;
struct store_stmt;

/* The goal exists and is a team goal (team 1), a personal one (team -1)
 * or either (team 0) and, with active, still active; g is filled in. */
/* A word the output writes (a status, a level, a quadrant), translated where
 * a person reads it: a Dutch table, html or md page; JSON, CSV and TSV keep
 * the English value. */
static inline const char *goal_word(const struct out *o, const char *s)
{
	return s && o->nl && (o->fmt == OUT_TABLE || o->fmt == OUT_HTML || o->fmt == OUT_MD) ? _(s) : s;
}

int goal_need(struct store *db, int64_t goal, int team, int active, struct goal_info *g, struct beter_err *err);

#endif
