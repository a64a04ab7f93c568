/* arena.h - stem van de leerling: a leerlingarena on an improvement theme and
 * the top-3 conversation held separately with pupils (leerlingen), teachers
 * (leraren) and management (mt).
 *
 * An arena belongs to a team or to the whole school. What was said is kept
 * per group, never per pupil: there is no column for a pupil anywhere, and
 * text that looks like it identifies a pupil (an e-mail address, a number of
 * six or more digits such as a pupil number) is refused. Each input gets a
 * number that is stable within its arena (item 1, 2, ...). The top N of a
 * group is computed from the votes; three deepening questions per group (a, b,
 * c) collect answers per item; the top lists of the three groups are compared
 * side by side, items in more than one list marked; the outcome of the arena
 * goes onto the team's improvement board.
 */
#ifndef BETER_ARENA_H
#define BETER_ARENA_H

#include <stddef.h>
#include <stdint.h>

#include "beter/err.h"
#include "beter/out.h"

struct store;
struct store_stmt;

enum arena_group { ARENA_LEERLINGEN, ARENA_LERAREN, ARENA_MT, ARENA_NGROUPS };

extern const char *const arena_groups[]; /* "leerlingen", "leraren", "mt", NULL */

#define ARENA_TEXT_MAX 1000  /* bytes of an input, answer, question or outcome */
#define ARENA_THEME_MAX 200
#define ARENA_LABEL_MAX 60   /* --group and --tag */
#define ARENA_VOTES_MAX 100000
#define ARENA_TOP_MAX 20

/* The group for "leerlingen", "leraren" or "mt"; -1 if none. */
int arena_group_parse(const char *s);

/* The deepening question a, b or c (answer 'a'..'c') of a group. */
const char *arena_deepen_question(int group, char answer);

/* Fold text for comparing: lowercase, accents removed (é ë ï -> e e i, ß ->
 * ss, ĳ -> ij), punctuation dropped, white space collapsed to one space and
 * trimmed. The result is malloc'd; the input must be valid UTF-8. */
char *arena_normalise(const char *s);

/* NULL if s may be stored, else why it looks like it identifies a pupil. */
const char *arena_identifying(const char *s);

/* Check a text field: non-empty, UTF-8, at most max bytes, nothing
 * identifying. what names it in the message ("TEXT", "--theme"). */
int arena_check_text(const char *s, size_t max, const char *what, struct beter_err *err);

/* team 0: the arena is for the whole school. day: a day number (date.h). */
int arena_add(struct store *db, int64_t school, int64_t team, const char *theme, int day, const char *pupil_group,
	      int64_t *id, struct beter_err *err);
/* BETER_FAIL "no arena with number N" when absent. */
int arena_find(struct store *db, int64_t id, struct beter_err *err);
int arena_question_add(struct store *db, int64_t arena, const char *text, int64_t *no, struct beter_err *err);
/* votes >= 0; tag may be NULL. *item gets the per-arena item number. */
int arena_input(struct store *db, int64_t arena, int group, const char *text, int64_t votes, const char *tag,
		int64_t *item, struct beter_err *err);
/* Change an input: votes < 0, tag or text NULL leave it as it is; tag "" removes it. */
int arena_edit(struct store *db, int64_t arena, int64_t item, int64_t votes, const char *tag, const char *text,
	       struct beter_err *err);
/* answer 'a', 'b' or 'c'; several answers to one question are kept in order. */
int arena_deepen(struct store *db, int64_t arena, int64_t item, char answer, const char *text, struct beter_err *err);
/* Record (or replace) the outcome, dated day. */
int arena_set_outcome(struct store *db, int64_t arena, const char *text, int day, struct beter_err *err);

/* team > 0: only that team's arenas; team 0: all arenas of the school. */
/* The outcome of an arena of the school and its team (0 for a whole-school
 * arena); *outcome is malloc'd. BETER_FAIL when there is no such arena or it
 * has no outcome yet. */
int arena_outcome_get(struct store *db, int64_t school, int64_t arena, int64_t *team, char **outcome,
		      struct beter_err *err);

/* period 0: any; else the arenas held within the period's dates. */
int arena_list(struct store *db, int64_t school, int64_t team, int64_t period, struct out *o, struct beter_err *err);
/* One arena with the columns of arena_list. */
int arena_summary(struct store *db, int64_t arena, struct out *o, struct beter_err *err);
int arena_show(struct store *db, int64_t arena, int n, struct out *o, struct beter_err *err);
/* group -1: the top of every group. */
int arena_top(struct store *db, int64_t arena, int group, int n, struct out *o, struct beter_err *err);
int arena_compare(struct store *db, int64_t arena, int n, struct out *o, struct beter_err *err);

/* One item of a top list. */
struct arena_item {
	int64_t no;
	int64_t votes;
	int rank;     /* 1-based competition rank: equal votes share a rank */
	int tie;      /* another input of the group has the same votes */
	char *text;
	char *tag;    /* NULL if none */
};

struct arena_toplist {
	struct arena_item *items;
	size_t n;
	int cut_tie;  /* the cut after n items falls inside a tie */
};

/* Rank items (in input order) by votes, most first; equal votes keep input
 * order (the earlier input goes first) and are marked as ties. Keeps the
 * first n; items beyond n are freed. */
void arena_rank(struct arena_toplist *l, size_t n);
int arena_toplist_load(struct store *db, int64_t arena, int group, int n, struct arena_toplist *l,
		       struct beter_err *err);
void arena_toplist_release(struct arena_toplist *l);

/* Which items occur in more than one of the three lists: two items of
 * different groups match when both carry the same tag or their texts are the
 * same after arena_normalise(). mark[g][i] gets 0 (not shared) or the
 * 1-based number of the shared set item i of group g belongs to; sets are
 * numbered in reading order (rank 1 leerlingen, leraren, mt, rank 2, ...).
 * Returns the number of shared sets. */
int arena_mark_shared(const struct arena_toplist lists[ARENA_NGROUPS], int *mark[ARENA_NGROUPS]);

/* The outcomes for one team up to and including until_day: the team's own
 * arenas and those for its whole school, by outcome date, then number. For
 * the board's section "uitkomst leerlingarena" and as goal candidates. fn
 * gets the arena number, its theme, the outcome and the outcome's day. */
int arena_outcomes(struct store *db, int64_t team_id, int until_day,
		   void (*fn)(void *ctx, int64_t arena_id, const char *theme, const char *outcome, int day),
		   void *ctx, struct beter_err *err);

#endif
