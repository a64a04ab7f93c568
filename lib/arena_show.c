/* arena_show.c - arenas as output: lists, top lists, the comparison and the whole arena. */
#include "beter/arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "beter/date.h"
#include "beter/store.h"
#include "beter/util.h"
#include "beter/i18n.h"

/* ---- output ---- */

static const struct out_col arena_cols[] = {
	{ N_("id"), OUT_T_INT },       { N_("date"), OUT_T_DATE },     { N_("scope"), OUT_T_TEXT },
	{ N_("team"), OUT_T_TEXT },    { N_("theme"), OUT_T_TEXT },    { N_("pupil_group"), OUT_T_TEXT },
	{ N_("questions"), OUT_T_INT }, { N_("inputs"), OUT_T_INT },   { N_("outcome"), OUT_T_TEXT },
};
#define NARENA_COLS (sizeof(arena_cols) / sizeof(*arena_cols))

#define ARENA_SQL \
	"SELECT a.id, a.day, CASE WHEN a.team_id IS NULL THEN 'school' ELSE 'team' END, t.name, a.theme, " \
	"a.pupil_group, (SELECT count(*) FROM arena_question q WHERE q.arena_id = a.id), " \
	"(SELECT count(*) FROM arena_item i WHERE i.arena_id = a.id), a.outcome, a.outcome_day " \
	"FROM arena a LEFT JOIN team t ON t.id = a.team_id "

static void col_text(struct out *o, struct store_stmt *st, int i)
{
	out_text(o, store_col(st, i));
}

static void arena_row(struct out *o, struct store_stmt *st, size_t ncols)
{
	out_int(o, store_col_int(st, 0));
	for (int i = 1; i <= 5; i++)
		col_text(o, st, i);
	if (ncols > 6) {
		out_int(o, store_col_int(st, 6));
		out_int(o, store_col_int(st, 7));
		col_text(o, st, 8);
	}
}

int arena_list(struct store *db, int64_t school, int64_t team, int64_t period, struct out *o, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(db, ARENA_SQL "WHERE a.school_id = ?1 AND (?2 = 0 OR a.team_id = ?2) AND (?3 = 0 OR "
				    "EXISTS (SELECT 1 FROM period pd WHERE pd.id = ?3 AND a.day BETWEEN pd.from_date AND pd.to_date)) "
				    "ORDER BY a.day, a.id",
				&st, err)))
		return rc;
	store_bind_int(st, 1, school);
	store_bind_int(st, 2, team);
	store_bind_int(st, 3, period);
	return store_rows(db, st, o, arena_cols, NARENA_COLS, 1, N_("listing arenas"), err);
}

int arena_summary(struct store *db, int64_t arena, struct out *o, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(db, ARENA_SQL "WHERE a.id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, arena);
	/* not the row writer: no arena is named as arena_find names it */
	if (!store_next(db, st, &rc, N_("reading the arena"), err)) {
		store_finalize(st);
		return rc ? rc : arena_find(db, arena, err);
	}
	out_record(o, arena_cols, NARENA_COLS);
	arena_row(o, st, NARENA_COLS);
	out_end(o);
	store_finalize(st);
	return 0;
}

static const struct out_col top_cols[] = {
	{ N_("from"), OUT_T_TEXT }, { N_("rank"), OUT_T_INT }, { N_("item"), OUT_T_INT }, { N_("text"), OUT_T_TEXT },
	{ N_("votes"), OUT_T_INT }, { N_("tag"), OUT_T_TEXT }, { N_("tie"), OUT_T_BOOL },
};
#define NTOP_COLS (sizeof(top_cols) / sizeof(*top_cols))

static void top_rows(struct out *o, int group, const struct arena_toplist *l)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct arena_item *it = &l->items[i];
		out_text(o, arena_groups[group]);
		out_int(o, it->rank);
		out_int(o, it->no);
		out_text(o, it->text);
		out_int(o, it->votes);
		out_text(o, it->tag);
		out_bool(o, it->tie);
		out_row_end(o);
	}
}

static int load_all(struct store *db, int64_t arena, int n, struct arena_toplist lists[ARENA_NGROUPS],
		    struct beter_err *err)
{
	int rc;

	memset(lists, 0, ARENA_NGROUPS * sizeof(*lists));
	for (int g = 0; g < ARENA_NGROUPS; g++)
		if ((rc = arena_toplist_load(db, arena, g, n, &lists[g], err))) {
			while (g-- > 0)
				arena_toplist_release(&lists[g]);
			return rc;
		}
	return 0;
}

int arena_top(struct store *db, int64_t arena, int group, int n, struct out *o, struct beter_err *err)
{
	struct arena_toplist lists[ARENA_NGROUPS];
	int rc;

	if (group >= ARENA_NGROUPS || n < 1 || n > ARENA_TOP_MAX)
		return beter_err_set(err, BETER_DATAERR, _("--n: %d is outside 1-%d"), n, ARENA_TOP_MAX);
	if ((rc = arena_find(db, arena, err)) || (rc = load_all(db, arena, n, lists, err)))
		return rc;
	out_list(o, top_cols, NTOP_COLS);
	for (int g = 0; g < ARENA_NGROUPS; g++) {
		if (group < 0 || g == group)
			top_rows(o, g, &lists[g]);
		arena_toplist_release(&lists[g]);
	}
	out_end(o);
	return 0;
}

static void set_label(char *buf, size_t size, int set)
{
	if (set <= 26)
		snprintf(buf, size, "%c", 'A' + set - 1);
	else
		snprintf(buf, size, "%d", set);
}

static const struct out_col compare_cols[] = {
	{ N_("rank"), OUT_T_INT }, { N_("leerlingen"), OUT_T_TEXT }, { N_("leraren"), OUT_T_TEXT },
	{ N_("mt"), OUT_T_TEXT },  { N_("shared"), OUT_T_TEXT },
};

int arena_compare(struct store *db, int64_t arena, int n, struct out *o, struct beter_err *err)
{
	struct arena_toplist lists[ARENA_NGROUPS];
	int *mark[ARENA_NGROUPS];
	size_t rows = 0;
	int rc, table = o->fmt == OUT_TABLE;
	struct strbuf cell = STRBUF_INIT, shared = STRBUF_INIT;
	char label[16];

	if (n < 1 || n > ARENA_TOP_MAX)
		return beter_err_set(err, BETER_DATAERR, _("--n: %d is outside 1-%d"), n, ARENA_TOP_MAX);
	if ((rc = arena_find(db, arena, err)) || (rc = load_all(db, arena, n, lists, err)))
		return rc;
	for (int g = 0; g < ARENA_NGROUPS; g++) {
		mark[g] = xcalloc(lists[g].n + 1, sizeof(int));
		rows = lists[g].n > rows ? lists[g].n : rows;
	}
	arena_mark_shared(lists, mark);

	/* the column shared says which items are shared (the same set letter);
	 * a table also marks them in their cells, for the eye */
	out_list(o, compare_cols, 5);
	for (size_t r = 0; r < rows; r++) {
		strbuf_reset(&shared);
		out_int(o, (int64_t)r + 1);
		for (int g = 0; g < ARENA_NGROUPS; g++) {
			if (r >= lists[g].n) {
				out_null(o);
				continue;
			}
			int m = mark[g][r];
			if (m)
				set_label(label, sizeof(label), m);
			if (m && table) {
				strbuf_reset(&cell);
				strbuf_addf(&cell, "%s [%s]", lists[g].items[r].text, label);
				out_text(o, strbuf_str(&cell));
			} else {
				out_text(o, lists[g].items[r].text);
			}
			if (m)
				strbuf_addf(&shared, "%s%s=%s", shared.len ? "," : "", arena_groups[g], label);
		}
		out_text(o, shared.len ? strbuf_str(&shared) : NULL);
		out_row_end(o);
	}
	out_end(o);
	for (int g = 0; g < ARENA_NGROUPS; g++) {
		free(mark[g]);
		arena_toplist_release(&lists[g]);
	}
	strbuf_release(&cell);
	strbuf_release(&shared);
	return 0;
}

/* ---- the whole arena as one document ---- */

static const struct out_col show_doc_cols[] = {
	{ N_("id"), OUT_T_INT },         { N_("date"), OUT_T_DATE },     { N_("scope"), OUT_T_TEXT },
	{ N_("team"), OUT_T_TEXT },      { N_("theme"), OUT_T_TEXT },    { N_("pupil_group"), OUT_T_TEXT },
	{ N_("no"), OUT_T_INT },         { N_("question"), OUT_T_TEXT }, { N_("from"), OUT_T_TEXT },
	{ N_("rank"), OUT_T_INT },       { N_("item"), OUT_T_INT },      { N_("text"), OUT_T_TEXT },
	{ N_("votes"), OUT_T_INT },      { N_("tag"), OUT_T_TEXT },      { N_("tie"), OUT_T_BOOL },
	{ N_("answer_to"), OUT_T_TEXT }, { N_("answer"), OUT_T_TEXT },   { N_("outcome"), OUT_T_TEXT },
	{ N_("outcome_date"), OUT_T_DATE },
};
static const struct out_col question_cols[] = { { N_("no"), OUT_T_INT }, { N_("question"), OUT_T_TEXT } };
static const struct out_col input_cols[] = {
	{ N_("item"), OUT_T_INT }, { N_("from"), OUT_T_TEXT }, { N_("text"), OUT_T_TEXT },
	{ N_("votes"), OUT_T_INT }, { N_("tag"), OUT_T_TEXT },
};
static const struct out_col deepen_cols[] = {
	{ N_("from"), OUT_T_TEXT }, { N_("item"), OUT_T_INT }, { N_("answer_to"), OUT_T_TEXT },
	{ N_("question"), OUT_T_TEXT }, { N_("answer"), OUT_T_TEXT },
};
static const struct out_col outcome_cols[] = { { N_("outcome"), OUT_T_TEXT }, { N_("outcome_date"), OUT_T_DATE } };

#define GROUP_ORDER "CASE from_group WHEN 'leerlingen' THEN 0 WHEN 'leraren' THEN 1 ELSE 2 END"

/* The answers to one item's deepening questions; with placeholders (a row
 * without an answer) for questions still open when open is set. */
static int deepen_rows(struct store *db, struct store_stmt *st, int64_t arena, int group, int64_t no, int open,
		       struct out *o,
		       struct beter_err *err)
{
	int rc;

	for (char a = 'a'; a <= 'c'; a++) {
		char as[2] = { a, 0 };
		int any = 0;

		store_reset(st);
		store_bind_int(st, 1, arena);
		store_bind_int(st, 2, no);
		store_bind_text(st, 3, as);
		/* not the row writer: the question goes with each answer, and the statement is reset for the next */
		while (store_next(db, st, &rc, N_("reading the answers"), err)) {
			any = 1;
			out_text(o, arena_groups[group]);
			out_int(o, no);
			out_text(o, as);
			out_text(o, arena_deepen_question(group, a));
			col_text(o, st, 0);
			out_row_end(o);
		}
		if (rc)
			return rc;
		if (!any && open) {
			out_text(o, arena_groups[group]);
			out_int(o, no);
			out_text(o, as);
			out_text(o, arena_deepen_question(group, a));
			out_null(o);
			out_row_end(o);
		}
	}
	return 0;
}

static int show_deepening(struct store *db, int64_t arena, const struct arena_toplist lists[ARENA_NGROUPS],
			  struct out *o, struct beter_err *err)
{
	struct store_stmt *ans, *more;
	int rc;

	if ((rc = store_prepare(db, "SELECT a.text FROM arena_answer a JOIN arena_item i ON i.id = a.item_id "
				    "WHERE i.arena_id = ?1 AND i.item_no = ?2 AND a.answer = ?3 ORDER BY a.id", &ans, err)))
		return rc;
	if ((rc = store_prepare(db, "SELECT DISTINCT i.item_no FROM arena_item i JOIN arena_answer a ON a.item_id = i.id "
				    "WHERE i.arena_id = ?1 AND i.from_group = ?2 ORDER BY i.item_no", &more, err))) {
		store_finalize(ans);
		return rc;
	}
	out_list(o, deepen_cols, sizeof(deepen_cols) / sizeof(*deepen_cols));
	for (int g = 0; g < ARENA_NGROUPS && !rc; g++) {
		/* the top items, each question answered or open */
		for (size_t i = 0; i < lists[g].n && !rc; i++)
			rc = deepen_rows(db, ans, arena, g, lists[g].items[i].no, 1, o, err);
		/* answers to items outside the top */
		store_reset(more);
		store_bind_int(more, 1, arena);
		store_bind_text(more, 2, arena_groups[g]);
		int step = 0;
		while (!rc && store_next(db, more, &step, N_("reading the answers"), err)) {
			int64_t no = store_col_int(more, 0);
			int in_top = 0;
			for (size_t i = 0; i < lists[g].n; i++)
				in_top |= lists[g].items[i].no == no;
			if (!in_top)
				rc = deepen_rows(db, ans, arena, g, no, 0, o, err);
		}
		if (!rc)
			rc = step;
	}
	out_end(o);
	store_finalize(ans);
	store_finalize(more);
	return rc;
}

int arena_show(struct store *db, int64_t arena, int n, struct out *o, struct beter_err *err)
{
	struct arena_toplist lists[ARENA_NGROUPS];
	struct store_stmt *st;
	char *outcome = NULL, *outcome_day = NULL;
	int rc;

	if ((rc = arena_find(db, arena, err)))
		return rc;
	if ((rc = store_prepare(db, ARENA_SQL "WHERE a.id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, arena);
	if (!store_next(db, st, &rc, N_("reading the arena"), err)) {
		store_finalize(st);
		return rc ? rc : store_fail(db, STORE_DONE, err, N_("reading the arena"));
	}
	if ((rc = load_all(db, arena, n, lists, err))) {
		store_finalize(st);
		return rc;
	}
	out_doc_begin(o, show_doc_cols, sizeof(show_doc_cols) / sizeof(*show_doc_cols));
	out_section(o, "arena", _("Arena"));
	out_record(o, arena_cols, 6);
	arena_row(o, st, 6);
	out_end(o);
	if (!store_col_null(st, 8)) {
		outcome = xstrdup(store_col_text(st, 8));
		outcome_day = xstrdup(store_col_text(st, 9));
	}
	store_finalize(st);

	/* the arena's questions */
	if ((rc = store_prepare(db, "SELECT no, text FROM arena_question WHERE arena_id = ?1 ORDER BY no", &st, err)))
		goto done;
	store_bind_int(st, 1, arena);
	out_section(o, "questions", _("Questions"));
	if ((rc = store_rows(db, st, o, question_cols, 2, 1, N_("reading the questions"), err)))
		goto done;

	/* what was said, group by group */
	if ((rc = store_prepare(db, "SELECT item_no, from_group, text, votes, tag FROM arena_item WHERE arena_id = ?1 "
				    "ORDER BY " GROUP_ORDER ", item_no", &st, err)))
		goto done;
	store_bind_int(st, 1, arena);
	out_section(o, "inputs", _("Inputs"));
	if ((rc = store_rows(db, st, o, input_cols, sizeof(input_cols) / sizeof(*input_cols), 1, N_("reading the inputs"),
			     err)))
		goto done;

	out_section(o, "top", _("Top"));
	out_list(o, top_cols, NTOP_COLS);
	for (int g = 0; g < ARENA_NGROUPS; g++)
		top_rows(o, g, &lists[g]);
	out_end(o);

	out_section(o, "deepening", _("Deepening"));
	if ((rc = show_deepening(db, arena, lists, o, err)))
		goto done;

	out_section(o, "outcome", _("Outcome"));
	out_record(o, outcome_cols, 2);
	out_text(o, outcome);
	out_text(o, outcome_day);
	out_end(o);
	out_doc_end(o);
	rc = 0;
done:
	for (int g = 0; g < ARENA_NGROUPS; g++)
		arena_toplist_release(&lists[g]);
	free(outcome);
	free(outcome_day);
	return rc;
}

/* ---- for the board and goal setting ---- */

int arena_outcomes(struct store *db, int64_t team_id, int until_day,
		   void (*fn)(void *ctx, int64_t arena_id, const char *theme, const char *outcome, int day),
		   void *ctx, struct beter_err *err)
{
	struct store_stmt *st;
	char until[11];
	int rc, found;

	if ((rc = store_prepare(db, "SELECT 1 FROM team WHERE id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, team_id);
	found = store_next(db, st, &rc, N_("finding the team"), err);
	store_finalize(st);
	if (rc)
		return rc;
	if (!found)
		return beter_err_set(err, BETER_FAIL, _("no team with number %lld"), (long long)team_id);
	if ((rc = store_prepare(db, "SELECT a.id, a.theme, a.outcome, a.outcome_day FROM team t JOIN arena a "
				    "ON a.team_id = t.id OR (a.team_id IS NULL AND a.school_id = t.school_id) "
				    "WHERE t.id = ?1 AND a.outcome IS NOT NULL AND a.outcome_day <= ?2 "
				    "ORDER BY a.outcome_day, a.id", &st, err)))
		return rc;
	date_format(until_day, until);
	store_bind_int(st, 1, team_id);
	store_bind_text(st, 2, until);
	while (store_next(db, st, &rc, N_("reading the arena outcomes"), err)) {
		int y = 0, m = 0, d = 0;
		sscanf(store_col_text(st, 3), "%d-%d-%d", &y, &m, &d);
		fn(ctx, store_col_int(st, 0), store_col_text(st, 1), store_col_text(st, 2),
		   date_from_ymd(y, m, d));
	}
	store_finalize(st);
	return rc;
}
