/* board_show.c - the board as it stood in a week: its sections, one team or every team. */
#include "beter/board.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "beter/date.h"
#include "beter/goal.h"
#include "beter/store.h"
#include "beter/util.h"
#include "beter/visit.h"
#include "board_int.h"
#include "beter/i18n.h"

/* ---- the board as it stood in a week ---- */

/*
 * What the sections are read with. Several sections share a query, and a
 * board of every team runs each query once per team: `sql` and `stmt` keep
 * the statements prepared so far, reset and bound again for the next use,
 * and finalised when the board is done (view_release).
 */
#define VIEW_STMTS 12

struct view {
	struct store *db;
	int64_t team;
	const char *team_name;
	const char *section;
	int from, asof;
	char fromd[11], asofd[11];
	int with_team;
	int periods; /* the jaarbord shows the school's periods (board_render) */
	const char *sql[VIEW_STMTS];
	struct store_stmt *stmt[VIEW_STMTS];
	struct items *items; /* the team's items (items_load) */
};

static void view_release(struct view *v)
{
	for (int i = 0; i < VIEW_STMTS; i++)
		store_finalize(v->stmt[i]);
}

static void team_cell(const struct view *v, struct out *o)
{
	if (v->with_team)
		out_text(o, v->team_name);
}

/*
 * Prepare sql, or take it from the view's statements, with ?1 the team, ?2
 * the as-of day, ?3 the week's first day and ?4 the section bound. The
 * statement stays the view's: the caller resets it (view_done), never
 * finalises it.
 */
static int view_prepare(struct view *v, const char *sql, struct store_stmt **st, struct beter_err *err)
{
	int i = 0, rc;

	while (i < VIEW_STMTS && v->sql[i] && v->sql[i] != sql)
		i++;
	if (i < VIEW_STMTS && v->sql[i]) {
		*st = v->stmt[i];
	} else {
		if ((rc = store_prepare(v->db, sql, st, err)))
			return rc;
		if (i < VIEW_STMTS) {
			v->sql[i] = sql;
			v->stmt[i] = *st;
		}
	}
	store_bind_int(*st, 1, v->team);
	store_bind_text(*st, 2, v->asofd);
	store_bind_text(*st, 3, v->fromd);
	store_bind_text(*st, 4, v->section);
	return 0;
}

/* done with a statement from view_prepare */
static void view_done(struct view *v, struct store_stmt *st)
{
	for (int i = 0; i < VIEW_STMTS; i++)
		if (v->stmt[i] == st) {
			store_reset(st);
			return;
		}
	store_finalize(st);
}

/*
 * The sections kept in board_item, and the outcomes of the leerlingarena's,
 * are read with one query per team. The rows are kept (struct items), put
 * in the order of section and then each section's own order (item_cmp), and
 * written section by section from there. Columns: 0 section, 1 id, 2 text,
 * 3 added, 4 period_start, 5 period_end, 6 goal, 7 date, 8 leader, 9 topic
 * (the text, NULL when empty; filled in by items_load), 10 arena.
 */
#define ITEM_COLS 11

static const char item_sql[] =
	"SELECT i.section, i.id, i.text, i.added, i.period_start, i.period_end, i.goal_id, i.on_date, p.code, NULL, "
	"NULL FROM board_item i LEFT JOIN person p ON p.id = i.person_id "
	"WHERE i.team_id = ?1 AND i.added <= ?2 AND (i.removed IS NULL OR i.removed > ?2) "
	"UNION ALL SELECT 'uitkomst_leerlingarena', NULL, a.outcome, a.outcome_day, NULL, NULL, NULL, NULL, NULL, "
	"NULL, a.id FROM arena a "
	"WHERE (a.team_id = ?1 OR (a.team_id IS NULL AND a.school_id = (SELECT school_id FROM team WHERE id = ?1))) "
	"AND a.outcome_day <= ?2";

struct item_row {
	char *section;
	char *v[ITEM_COLS - 1]; /* columns 1..10; NULL is null */
};

struct items {
	int loaded;
	size_t n;
	struct item_row *rows;
};

static void items_release(struct items *it)
{
	for (size_t r = 0; r < it->n; r++) {
		free(it->rows[r].section);
		for (int c = 0; c < ITEM_COLS - 1; c++)
			free(it->rows[r].v[c]);
	}
	free(it->rows);
	memset(it, 0, sizeof(*it));
}

#define COL(row, c) ((row)->v[(c) - 1])

/* NULL first, as SQL orders */
static int cmp_text(const char *a, const char *b)
{
	return !a || !b ? (a != NULL) - (b != NULL) : strcmp(a, b);
}

static int cmp_int(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	long long x = strtoll(a, NULL, 10), y = strtoll(b, NULL, 10);
	return (x > y) - (x < y);
}

/*
 * The order of the board's items: by section; the year board's themes by
 * period, those without one last; the period rhythm by date; the rest by the
 * day added (an arena outcome by its day); then the arena, then the item.
 * Sorted here rather than by ORDER BY: preparing the sort costs SQLite more
 * than sorting the few rows of a board (tests/bench/RESULTS.md).
 */
static const char *item_key(const struct item_row *r)
{
	if (!strcmp(r->section, "jaarbord"))
		return COL(r, 4);
	if (!strcmp(r->section, "perioderitmiek"))
		return COL(r, 7);
	return COL(r, 3);
}

static int item_cmp(const void *pa, const void *pb)
{
	const struct item_row *a = pa, *b = pb;
	int c = strcmp(a->section, b->section);

	if (c)
		return c;
	if (!strcmp(a->section, "jaarbord") && (c = (COL(a, 4) == NULL) - (COL(b, 4) == NULL)))
		return c;
	if ((c = cmp_text(item_key(a), item_key(b))) || (c = cmp_int(COL(a, 10), COL(b, 10))))
		return c;
	return cmp_int(COL(a, 1), COL(b, 1));
}

static int items_load(struct view *v, struct items *it, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if (it->loaded)
		return 0;
	if ((rc = view_prepare(v, item_sql, &st, err)))
		return rc;
	while (store_next(v->db, st, &rc, N_("reading the board"), err)) {
		struct item_row *row;
		it->rows = xrealloc(it->rows, sizeof(*it->rows) * (it->n + 1));
		row = &it->rows[it->n++];
		row->section = xstrdup(store_col(st, 0));
		for (int c = 1; c < ITEM_COLS; c++) {
			const char *s = store_col(st, c);
			row->v[c - 1] = s ? xstrdup(s) : NULL;
		}
		/* the topic of a board item: its text, unless empty */
		if (!COL(row, 10) && COL(row, 2) && *COL(row, 2))
			COL(row, 9) = xstrdup(COL(row, 2));
	}
	view_done(v, st);
	if (!rc && it->n > 1)
		qsort(it->rows, it->n, sizeof(*it->rows), item_cmp);
	it->loaded = !rc;
	return rc;
}

/* the rows of one item section: `map` names each column's place in item_sql */
static int item_rows(struct view *v, struct out *o, const struct out_col *cols, const unsigned char *map, size_t ncols,
		     struct beter_err *err)
{
	struct items *it = v->items;
	int rc;

	if ((rc = items_load(v, it, err)))
		return rc;
	for (size_t r = 0; r < it->n; r++) {
		const struct item_row *row = &it->rows[r];
		if (strcmp(row->section, v->section))
			continue;
		team_cell(v, o);
		for (size_t i = 0; i < ncols; i++) {
			const char *s = row->v[map[i] - 1];
			if (s && cols[i].type == OUT_T_INT)
				out_int(o, strtoll(s, NULL, 10));
			else
				out_text(o, s);
		}
		out_row_end(o);
	}
	return 0;
}

static const struct out_col text_cols[] = {
	{ N_("team"), OUT_T_TEXT }, { N_("id"), OUT_T_INT }, { N_("text"), OUT_T_TEXT }, { N_("added"), OUT_T_DATE },
};
static const unsigned char text_map[] = { 1, 2, 3 };

static int text_rows(struct view *v, struct out *o, struct beter_err *err)
{
	return item_rows(v, o, text_cols + 1, text_map, N(text_map), err);
}

static const struct out_col arena_cols[] = {
	{ N_("team"), OUT_T_TEXT }, { N_("id"), OUT_T_INT }, { N_("text"), OUT_T_TEXT }, { N_("added"), OUT_T_DATE }, { N_("arena"), OUT_T_INT },
};
static const unsigned char arena_map[] = { 1, 2, 3, 10 };

/* What the team put on the board itself, then the outcomes of its
 * leerlingarena's and of the school's (beter arena outcome), as of the day. */
static int arena_rows(struct view *v, struct out *o, struct beter_err *err)
{
	return item_rows(v, o, arena_cols + 1, arena_map, N(arena_map), err);
}

static const struct out_col theme_cols[] = {
	{ N_("team"), OUT_T_TEXT },	    { N_("kind"), OUT_T_TEXT },	      { N_("id"), OUT_T_INT },
	{ N_("text"), OUT_T_TEXT },	    { N_("period_start"), OUT_T_DATE }, { N_("period_end"), OUT_T_DATE },
	{ N_("status"), OUT_T_TEXT },   { N_("tiv"), OUT_T_TEXT },	      { N_("added"), OUT_T_DATE },
};

/*
 * The jaarbord: on the board, the school's periods (lib/board_period.c),
 * then the team's own themes, each with its status as of the day (the
 * running one is marked so).
 */
static int theme_rows(struct view *v, struct out *o, struct beter_err *err)
{
	struct items *it = v->items;
	int rc;

	if ((v->periods &&
	     (rc = board_period_rows(v->db, v->team, v->with_team ? v->team_name : NULL, v->asofd, o, err))) ||
	    (rc = items_load(v, it, err)))
		return rc;
	for (size_t r = 0; r < it->n; r++) {
		const struct item_row *row = &it->rows[r];
		if (strcmp(row->section, "jaarbord"))
			continue;
		team_cell(v, o);
		out_text(o, board_word(o, N_("theme")));
		out_int(o, strtoll(COL(row, 1), NULL, 10));
		out_text(o, COL(row, 2));
		out_text(o, COL(row, 4));
		out_text(o, COL(row, 5));
		out_text(o, board_word(o, board_theme_status(COL(row, 4), COL(row, 5), v->asofd)));
		out_null(o);
		out_text(o, COL(row, 3));
		out_row_end(o);
	}
	return 0;
}

static const struct out_col success_cols[] = {
	{ N_("team"), OUT_T_TEXT }, { N_("id"), OUT_T_INT }, { N_("text"), OUT_T_TEXT }, { N_("goal"), OUT_T_INT }, { N_("added"), OUT_T_DATE },
};
static const unsigned char success_map[] = { 1, 2, 6, 3 };

static int success_rows(struct view *v, struct out *o, struct beter_err *err)
{
	return item_rows(v, o, success_cols + 1, success_map, N(success_map), err);
}

static const struct out_col rhythm_cols[] = {
	{ N_("team"), OUT_T_TEXT },	  { N_("id"), OUT_T_INT },	  { N_("date"), OUT_T_DATE },
	{ N_("leader"), OUT_T_TEXT }, { N_("topic"), OUT_T_TEXT }, { N_("added"), OUT_T_DATE },
};
static const unsigned char rhythm_map[] = { 1, 7, 8, 9, 3 };

static int rhythm_rows(struct view *v, struct out *o, struct beter_err *err)
{
	return item_rows(v, o, rhythm_cols + 1, rhythm_map, N(rhythm_map), err);
}

static const struct out_col goal_cols[] = {
	{ N_("team"), OUT_T_TEXT },	   { N_("id"), OUT_T_INT },	       { N_("text"), OUT_T_TEXT },	  { N_("pupils"), OUT_T_TEXT },
	{ N_("weeks"), OUT_T_INT },	   { N_("norm"), OUT_T_REAL },     { N_("baseline"), OUT_T_REAL }, { N_("results"), OUT_T_TEXT },
	{ N_("latest"), OUT_T_REAL },  { N_("trend"), OUT_T_TEXT },    { N_("status"), OUT_T_TEXT },  { N_("added"), OUT_T_DATE },
	{ N_("until"), OUT_T_DATE },
};

static int goal_rows(struct view *v, struct out *o, struct beter_err *err)
{
	struct store_stmt *st;
	struct strbuf results = STRBUF_INIT, trend = STRBUF_INIT, rjson = STRBUF_INIT, rcsv = STRBUF_INIT;
	int rc, brc = 0;

	if ((rc = view_prepare(v, "SELECT g.id, g.text, g.pupils, g.weeks, g.norm, g.baseline, "
				  "CASE WHEN g.closed <= ?2 THEN g.status ELSE 'active' END, g.added FROM goal g "
				  "WHERE g.team_id = ?1 AND g.added <= ?2 AND (g.closed IS NULL OR g.closed >= ?3) "
				  "ORDER BY g.added, g.id", &st, err)))
		return rc;
	while (store_next(v->db, st, &rc, N_("reading goals"), err)) {
		struct goal_results r = { .line = &results, .spark = &trend, .json = &rjson, .csv = &rcsv };
		char until[11];
		strbuf_reset(&results);
		strbuf_reset(&trend);
		strbuf_reset(&rjson);
		strbuf_reset(&rcsv);
		if ((brc = goal_results_read(v->db, store_col_int(st, 0), v->asof, &r, err)))
			break;
		team_cell(v, o);
		out_int(o, store_col_int(st, 0));
		out_text(o, store_col(st, 1));
		out_text(o, store_col(st, 2));
		out_int(o, store_col_int(st, 3));
		out_real(o, store_col_real(st, 4));
		out_real(o, store_col_real(st, 5));
		/* results and trend: data in JSON and CSV, a compact line in a table */
		out_rendered(o, strbuf_str(&rjson), strbuf_str(&rcsv), strbuf_str(&results));
		out_real(o, r.latest);
		if (r.word) {
			char q[16];
			snprintf(q, sizeof(q), "\"%s\"", r.word);
			out_rendered(o, q, r.word, strbuf_str(&trend));
		} else {
			out_rendered(o, NULL, NULL, trend.len ? strbuf_str(&trend) : NULL);
		}
		out_text(o, board_word(o, store_col(st, 6)));
		out_text(o, store_col(st, 7));
		date_format(date_of(store_col(st, 7)) + 7 * (int)store_col_int(st, 3), until);
		out_text(o, until);
		out_row_end(o);
	}
	view_done(v, st);
	strbuf_release(&results);
	strbuf_release(&trend);
	strbuf_release(&rjson);
	strbuf_release(&rcsv);
	return brc ? brc : rc;
}

static const struct out_col board_action_cols[] = {
	{ N_("team"), OUT_T_TEXT },	 { N_("id"), OUT_T_INT },	  { N_("what"), OUT_T_TEXT },  { N_("who"), OUT_T_TEXT },
	{ N_("due"), OUT_T_DATE },	 { N_("goal"), OUT_T_INT },	  { N_("status"), OUT_T_TEXT }, { N_("done"), OUT_T_DATE },
	{ N_("added"), OUT_T_DATE },
};

/* open actions and those done in the week */
static int action_rows(struct view *v, struct out *o, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = view_prepare(v, "SELECT a.id, a.what, " WHO_SQL ", a.due, a.goal_id, "
				  "CASE WHEN a.done <= ?2 THEN a.done END, a.added FROM board_action a "
				  "WHERE a.team_id = ?1 AND a.kind = CASE ?4 WHEN 'andere_acties' THEN 'team' ELSE 'klas' END "
				  "AND a.added <= ?2 AND (a.removed IS NULL OR a.removed > ?2) "
				  "AND (a.done IS NULL OR a.done >= ?3) ORDER BY a.due, a.id", &st, err)))
		return rc;
	while (store_next(v->db, st, &rc, N_("reading actions"), err)) {
		int is_done = !store_col_null(st, 5);
		team_cell(v, o);
		out_int(o, store_col_int(st, 0));
		out_text(o, store_col(st, 1));
		out_text_list(o, store_col(st, 2), ' ');
		out_text(o, store_col(st, 3));
		store_out_int(o, st, 4);
		out_text(o, board_word(o, board_action_state(date_of(store_col(st, 3)), date_of(store_col(st, 5)), is_done,
							     v->asof)));
		out_text(o, store_col(st, 5));
		out_text(o, store_col(st, 6));
		out_row_end(o);
	}
	view_done(v, st);
	return rc;
}

/* A visit's status; its words are in the catalogue for the tables. */
static const char *visit_word(int status)
{
	static const char *const words[] = { N_("planned"), N_("done"),	    N_("feedback-due"), N_("closed"),
					     N_("missed"),  N_("cancelled"), N_("replaced"), N_("held") };
	const char *name = visit_status_name(status);

	for (size_t i = 0; i < N(words); i++)
		if (!strcmp(words[i], name))
			return words[i];
	return name;
}

static const struct out_col visit_cols[] = {
	{ N_("team"), OUT_T_TEXT },	    { N_("id"), OUT_T_INT },       { N_("date"), OUT_T_DATE },
	{ N_("observer"), OUT_T_TEXT }, { N_("teacher"), OUT_T_TEXT }, { N_("focus"), OUT_T_TEXT }, { N_("round"), OUT_T_TEXT },
	{ N_("status"), OUT_T_TEXT },
};

/*
 * The lesson-visit planning (LB&FB: who visits whom, when) of one team: the
 * visits of its members planned in the week or later, and those of the week
 * itself, as they stood at the end of the week (a visit appears from the day
 * it was created); before them the team's visits of the school year that
 * were missed by then (their day passed without a record, or a board session
 * said so; not made up for), so that the team sees them. Every row has the
 * visit's status as of that day (visit_status_at, with the sessions' words).
 */
static int visit_rows(struct view *v, struct out *o, struct beter_err *err)
{
	struct store_stmt *st;
	char year[11];
	int rc;

	/* ?3 the week's first day, ?2 its last (as of), ?5 the school year's start */
	date_format(date_from_ymd(date_school_year(v->asof), 8, 1), year);
	/* observer, teacher and round by subqueries, not joins: the same rows
	 * (the foreign keys hold), and the planner has one table to place */
	if ((rc = view_prepare(v, "SELECT vi.id, vi.date, (SELECT code FROM person WHERE id = vi.observer_id), "
				  "(SELECT code FROM person WHERE id = vi.teacher_id), " VISIT_FOCUS_SQL("vi") ", "
				  "(SELECT name FROM visit_round WHERE id = vi.round_id), "
				  "CASE WHEN vi.recorded <= ?2 OR vi.feedback_date <= ?2 THEN 1 ELSE 0 END, "
				  "CASE WHEN vi.feedback_date <= ?2 THEN 1 ELSE 0 END, "
				  "EXISTS (SELECT 1 FROM visit r WHERE r.replaces_id = vi.id AND r.cancelled IS NULL AND "
				  "substr(r.created, 1, 10) <= ?2), " VISIT_WORD_SQL("vi.id", "?2") " FROM visit vi "
				  "WHERE vi.team_id = ?1 AND vi.cancelled IS NULL AND substr(vi.created, 1, 10) <= ?2 AND (vi.date >= ?3 OR "
				  "(vi.date >= ?5 AND vi.date < ?2 AND (vi.recorded IS NULL OR vi.recorded > ?2) AND "
				  "(vi.feedback_date IS NULL OR vi.feedback_date > ?2))) "
				  "ORDER BY vi.date, vi.time, vi.id", &st, err)))
		return rc;
	store_bind_text(st, 5, year);
	while (store_next(v->db, st, &rc, N_("reading the lesson-visit planning"), err)) {
		struct visit_facts f = { date_of(store_col(st, 1)), (int)store_col_int(st, 6), (int)store_col_int(st, 7), 0,
					 (int)store_col_int(st, 8), visit_word_of(st, 9) };
		int status = visit_status_at(&f, v->asof, VISIT_FEEDBACK_DAYS);
		/* before the week: only what is still missed */
		if (strcmp(store_col_text(st, 1), v->fromd) < 0 && status != VISIT_MISSED)
			continue;
		team_cell(v, o);
		out_int(o, store_col_int(st, 0));
		for (int i = 1; i <= 5; i++)
			out_text(o, store_col(st, i));
		out_text(o, board_word(o, visit_word(status)));
		out_row_end(o);
	}
	view_done(v, st);
	return rc;
}

static const struct out_col design_cols[] = {
	{ N_("team"), OUT_T_TEXT }, { N_("id"), OUT_T_INT },   { N_("date"), OUT_T_TEXT }, { N_("who"), OUT_T_TEXT },
	{ N_("pupils"), OUT_T_TEXT }, { N_("goal"), OUT_T_INT }, { N_("text"), OUT_T_TEXT },
};

/* gezamenlijk lesontwerp: lib/board_design.c */
static int design_rows(struct view *v, struct out *o, struct beter_err *err)
{
	return board_design_rows(v->db, v->team, v->with_team ? v->team_name : NULL, v->fromd, v->asofd, o, err);
}

typedef int rows_fn(struct view *v, struct out *o, struct beter_err *err);

/* the session's steps, check-in and werksessie: lib/board_checkin.c */
static int steps_rows(struct view *v, struct out *o, struct beter_err *err)
{
	(void)err;
	return board_steps_rows(v->with_team ? v->team_name : NULL, o);
}

static int checkin_rows(struct view *v, struct out *o, struct beter_err *err)
{
	return board_checkin_rows(v->db, v->team, v->with_team ? v->team_name : NULL, v->asof, o, err);
}

static int werksessie_rows(struct view *v, struct out *o, struct beter_err *err)
{
	return board_werksessie_rows(v->db, v->team, v->with_team ? v->team_name : NULL, v->asof, o, err);
}

struct section_def {
	const char *key;
	const struct out_col *cols;
	size_t ncols;
	rows_fn *rows;
};

static const struct section_def section_defs[] = {
	{ "ambitie", text_cols, N(text_cols), text_rows },
	{ "inspiratieverhaal", text_cols, N(text_cols), text_rows },
	{ "teamafspraken", text_cols, N(text_cols), text_rows },
	{ "jaarbord", theme_cols, N(theme_cols), theme_rows },
	{ "uitkomst_leerlingarena", arena_cols, N(arena_cols), arena_rows },
	{ "parkeren", text_cols, N(text_cols), text_rows },
	{ "doelen", goal_cols, N(goal_cols), goal_rows },
	{ "acties_in_de_klas", board_action_cols, N(board_action_cols), action_rows },
	{ "andere_acties", board_action_cols, N(board_action_cols), action_rows },
	{ "successen", success_cols, N(success_cols), success_rows },
	{ "standaardvolgorde", board_steps_cols, N(board_steps_cols), steps_rows },
	{ "checkin", board_checkin_cols, N(board_checkin_cols), checkin_rows },
	{ "werksessie", board_werksessie_cols, N(board_werksessie_cols), werksessie_rows },
	{ "perioderitmiek", rhythm_cols, N(rhythm_cols), rhythm_rows },
	{ "lesbezoekplanning", visit_cols, N(visit_cols), visit_rows },
	{ "lesontwerpen", design_cols, N(design_cols), design_rows },
};

/* every column of every section, for the CSV header */
static const struct out_col all_cols[] = {
	{ N_("team"), OUT_T_TEXT },		{ N_("week"), OUT_T_TEXT },	       { N_("as_of"), OUT_T_DATE },
	{ N_("id"), OUT_T_INT },		{ N_("text"), OUT_T_TEXT },	       { N_("period_start"), OUT_T_DATE },
	{ N_("period_end"), OUT_T_DATE },	{ N_("pupils"), OUT_T_TEXT },      { N_("weeks"), OUT_T_INT },
	{ N_("norm"), OUT_T_REAL },		{ N_("baseline"), OUT_T_REAL },    { N_("results"), OUT_T_TEXT },
	{ N_("latest"), OUT_T_REAL },	{ N_("trend"), OUT_T_TEXT },       { N_("status"), OUT_T_TEXT },
	{ N_("until"), OUT_T_DATE },	{ N_("what"), OUT_T_TEXT },	       { N_("who"), OUT_T_TEXT },
	{ N_("due"), OUT_T_DATE },		{ N_("goal"), OUT_T_INT },	       { N_("done"), OUT_T_DATE },
	{ N_("date"), OUT_T_DATE },		{ N_("leader"), OUT_T_TEXT },      { N_("topic"), OUT_T_TEXT },
	{ N_("observer"), OUT_T_TEXT },	{ N_("teacher"), OUT_T_TEXT },     { N_("focus"), OUT_T_TEXT },
	{ N_("added"), OUT_T_DATE },	{ N_("arena"), OUT_T_INT },	       { N_("round"), OUT_T_TEXT },
	{ N_("code"), OUT_T_TEXT },		{ N_("name"), OUT_T_TEXT },	       { N_("score"), OUT_T_REAL },
	{ N_("pos"), OUT_T_INT },		{ N_("minutes"), OUT_T_INT },      { N_("step"), OUT_T_INT },
	{ N_("title"), OUT_T_TEXT },	{ N_("question"), OUT_T_TEXT },    { N_("kind"), OUT_T_TEXT },
	{ N_("tiv"), OUT_T_TEXT },
};

static const struct out_col head_cols[] = {
	{ N_("team"), OUT_T_TEXT }, { N_("week"), OUT_T_TEXT }, { N_("as_of"), OUT_T_DATE },
};

static const struct section_def *section_def(const char *key)
{
	for (size_t i = 0; i < N(section_defs); i++)
		if (!strcmp(section_defs[i].key, key))
			return &section_defs[i];
	return NULL;
}

int board_item_list(struct store *db, int64_t team_id, const char *section, int day, struct out *o,
		    struct beter_err *err)
{
	const struct section_def *d = section_def(section);
	struct items items = { 0 };
	struct view v;
	int rc;

	if (!d)
		return beter_err_set(err, BETER_USAGE, _("unknown board section '%s'"), section);
	memset(&v, 0, sizeof(v));
	v.db = db;
	v.items = &items;
	v.team = team_id;
	v.section = section;
	v.from = v.asof = day;
	date_format(day, v.asofd);
	date_format(day, v.fromd);
	out_list(o, d->cols + 1, d->ncols - 1);
	rc = d->rows(&v, o, err);
	out_end(o);
	view_release(&v);
	items_release(&items);
	return rc;
}

int board_render(struct store *db, int64_t school, int64_t team_id, int from, int to, int with_team, struct out *o,
		 struct beter_err *err)
{
	struct store_stmt *st;
	struct items *items = NULL;
	int64_t *ids = NULL;
	char **names = NULL;
	int n = 0, rc, today = date_today(), began;
	char week[9];
	struct view v;

	if ((rc = store_read_begin(db, &began, err)))
		return rc;
	/* the teams: one, or every team of the school with anything on a board */
	if ((rc = store_prepare(db, team_id ? "SELECT t.id, t.name FROM team t WHERE t.school_id = ?1 AND t.id = ?2"
				    : "SELECT t.id, t.name FROM team t WHERE t.school_id = ?1 AND ?2 = 0 AND ("
				    "EXISTS (SELECT 1 FROM board_item i WHERE i.team_id = t.id) OR "
				    "EXISTS (SELECT 1 FROM board_action a WHERE a.team_id = t.id) OR "
				    "EXISTS (SELECT 1 FROM goal g WHERE g.team_id = t.id) OR "
				    "EXISTS (SELECT 1 FROM board_session s WHERE s.team_id = t.id)) "
				    "ORDER BY t.name, t.id", &st, err)))
		return rc;
	store_bind_int(st, 1, school);
	store_bind_int(st, 2, team_id);
	while (store_next(db, st, &rc, N_("reading teams"), err)) {
		ids = xrealloc(ids, sizeof(*ids) * (size_t)(n + 1));
		names = xrealloc(names, sizeof(*names) * (size_t)(n + 1));
		ids[n] = store_col_int(st, 0);
		names[n++] = xstrdup(store_col(st, 1));
	}
	store_finalize(st);
	if (rc)
		goto done;

	items = xcalloc(n ? (size_t)n : 1, sizeof(*items));
	memset(&v, 0, sizeof(v));
	v.db = db;
	v.from = from;
	v.asof = to < today ? to : today; /* a future week: the board as it stands today */
	v.with_team = with_team;
	v.periods = 1;
	date_format(v.from, v.fromd);
	date_format(v.asof, v.asofd);
	date_week_format(from, week);

	out_doc_begin(o, all_cols, N(all_cols));
	out_section(o, "bord", _("Board"));
	if (with_team)
		out_list(o, head_cols, N(head_cols));
	else
		out_record(o, head_cols, N(head_cols));
	for (int i = 0; i < n; i++) {
		out_text(o, names[i]);
		out_text(o, week);
		out_text(o, v.asofd);
		if (with_team)
			out_row_end(o);
	}
	if (!with_team && n == 0)
		out_null(o);
	out_end(o);
	for (const struct board_section *s = board_sections; s->key && !rc; s++) {
		const struct section_def *d = section_def(s->key);
		out_section(o, s->key, _(s->title));
		out_list(o, d->cols + !with_team, d->ncols - !with_team);
		for (int i = 0; i < n && !rc; i++) {
			v.team = ids[i];
			v.team_name = names[i];
			v.items = &items[i];
			v.section = s->key;
			rc = d->rows(&v, o, err);
		}
		out_end(o);
	}
	out_doc_end(o);
	view_release(&v);
done:
	store_read_end(db, began);
	for (int i = 0; i < n; i++) {
		if (items)
			items_release(&items[i]);
		free(names[i]);
	}
	free(items);
	free(names);
	free(ids);
	return rc;
}
