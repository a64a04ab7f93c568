/* survey_columns.h - inside 'survey import' (lib/survey.c): which column of
 * an export is which item, the team column and its teams
 * (lib/survey_columns.c). Not for other modules. */
#ifndef BETER_SURVEY_COLUMNS_H
#define BETER_SURVEY_COLUMNS_H

#include <stdint.h>

#include "beter/csvin.h"
#include "beter/err.h"
#include "beter/survey.h"
#include "beter/util.h"

struct store;
struct store_stmt;

enum col_kind { COL_NONE, COL_ITEM, COL_TEAM, COL_RATER, COL_ID, COL_IGNORE };

struct colplan {
	enum col_kind kind;
	int item;
};

struct keyset {
	unsigned char (*keys)[32];
	long *lines;
	size_t n, cap;
};

struct team_cache {
	char **names;
	int64_t *ids;
	size_t n;
};

/* The rows skipped for a team that is not in the store (--skip-unknown-team). */
struct team_skips {
	long rows;
	long line;       /* where the first was */
	size_t col;
	struct strbuf names; /* the first few names, quoted, ", " between */
	int nnames;
	int more;            /* more names than these */
};

struct imp {
	struct store *db;
	struct survey_instrument in;
	int64_t survey, school, team, instrument;
	char survey_uid[33];
	int64_t *item_ids;
	struct colplan *plan;
	size_t ncols;
	int id_col, team_col, rater_col;
	unsigned char key[32];
	int keyed;
	int fresh; /* the survey held no responses: every row is new (uids are unique within a file) */
	struct keyset seen;
	struct team_cache teams;
	struct team_skips skips;
	struct store_stmt *ins, *get, *upd, *tget, *tins, *tupd, *tdel;
	struct strbuf idbuf;
	int sealed;            /* a 360-degree feedback: responses sealed to the school leader's key */
	unsigned char pk[32];
	struct strbuf plain;
};

/* Decide what every column of the header in r is: --map, --id-column,
 * --ignore-column, then an item by its id or text (compared by
 * survey_header_norm), the team or the rater column. A column that matches
 * nothing and is not named by --ignore-column (nor identifies a person)
 * is a warning (o->warnings, else notes); notes get the items without a
 * column. */
int survey_plan_columns(struct imp *m, struct csvin *r, const struct survey_import_opts *o, struct strbuf *notes,
			struct beter_err *err);

/* The team of a row by its name (the team column). An unknown team is an
 * error at file:line:column, or with o->skip_unknown_team *id = 0 and 1
 * returned: the caller skips the row (counted in m->skips). */
int survey_team_lookup(struct imp *m, struct csvin *r, size_t col, const char *name,
		       const struct survey_import_opts *o, int64_t *id, struct beter_err *err);

/* Say how many rows were skipped for unknown teams (a warning); nothing if none. */
void survey_team_skips_note(struct imp *m, const char *file, const struct survey_import_opts *o,
			    struct strbuf *notes);

/* A header or question as compared: ASCII lowercase, white space (also
 * Unicode's) collapsed, curly quotes and apostrophes (’ ‘ “ ”) and dashes
 * (– —) as their ASCII forms, trailing punctuation dropped. */
void survey_header_norm(const char *s, char *buf, size_t size);

#endif
