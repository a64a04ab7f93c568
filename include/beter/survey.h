/* survey.h - measurements: instruments (JSON in share/instruments or the
 * school's own), surveys (an instrument, a wave, a school or a team), import
 * of form-tool CSV exports and reports that never show small groups.
 *
 * Storage: one survey_response row per respondent with the Likert answers
 * packed one byte per item (0: no answer, else value - lo + 1) and a count of
 * answers; free text in survey_text. The view survey_answer unfolds the bytes
 * into (response_id, survey_id, item_id, value) rows for plain SQL.
 */
#ifndef BETER_SURVEY_H
#define BETER_SURVEY_H

#include <stddef.h>
#include <stdint.h>

#include "beter/err.h"
#include "beter/out.h"
#include "beter/util.h"

struct store;
struct store_stmt;

#define SURVEY_MIN_N_FLOOR 3 /* no option shows a group smaller than this */
#define SURVEY_TEXT_MIN_N 10 /* free-text answers only for at least this many respondents */
#define SURVEY_MAX_PACKED 255

/* ---- instruments ---- */

struct survey_likert {
	char *id;
	int lo, hi;
	char **labels; /* hi - lo + 1 labels, or none (numbers only) */
	int nlabels;
	char **missing; /* answers that mean "no answer" ("Weet ik niet") */
	int nmissing;
	size_t *label_len, *missing_len; /* their lengths (NULL: measured when needed) */
};

struct survey_scale {
	char *id, *title, *group;
	int likert; /* index into likert */
};

struct survey_item {
	char *id, *text;
	int scale;   /* index into scales; -1 for a text item */
	int reverse;
	int pos;     /* 1-based byte in the packed answers; 0 for a text item */
};

struct survey_rater {
	char *id, *label;
};

struct survey_instrument {
	char *id, *title, *kind, *audience, *description, *team_question, *rater_question;
	int min_n;
	struct survey_likert *likert;
	int nlikert;
	struct survey_scale *scales;
	int nscales;
	struct survey_item *items;
	int nitems;
	int npacked; /* Likert items: bytes per response */
	struct survey_rater *raters;
	int nraters;
	char *json; /* the definition, compact */
};

/* Parse and check an instrument document; name is used in messages
 * ("FILE: field 'items[2].scale': no scale 'x'"). BETER_DATAERR on a fault. */
int survey_instrument_parse(const char *name, const char *text, size_t len, struct survey_instrument *in,
			    struct beter_err *err);
void survey_instrument_release(struct survey_instrument *in);
/* The Likert scale of an item (NULL for a text item). */
const struct survey_likert *survey_item_likert(const struct survey_instrument *in, int item);

/* An instrument by id: from the store, else from share/instruments/ID.json,
 * which is then copied into the store when store_it is set. *id gets the
 * store's id (0 when not stored). BETER_FAIL when unknown. */
int survey_instrument_get(struct store *db, const char *code, int store_it, struct survey_instrument *in, int64_t *id,
			  struct beter_err *err);
/* Import an instrument file into the store; *changed tells whether it did anything. */
int survey_instrument_import(struct store *db, const char *path, int64_t *id, int *changed, struct beter_err *err);
int survey_instrument_list(struct store *db, struct out *o, struct beter_err *err);
int survey_instrument_show(struct store *db, const char *code, struct out *o, struct beter_err *err);

/* ---- packing ---- */

enum survey_cell { SURVEY_CELL_NONE = 0, SURVEY_CELL_VALUE = 1, SURVEY_CELL_UNKNOWN = -1, SURVEY_CELL_RANGE = -2 };
/* Read one answer cell (leading/trailing blanks ignored): a whole number in
 * lo..hi, a label (ASCII case-insensitive), a "missing" label or empty. No
 * allocation. *value gets the number for VALUE and RANGE. */
int survey_cell_value(const struct survey_likert *lk, const char *s, size_t len, int *value);
static inline unsigned char survey_pack(int lo, int value)
{
	return (unsigned char)(value - lo + 1);
}
static inline int survey_unpack(int lo, unsigned char byte)
{
	return lo + byte - 1;
}
/* A value as scored: reverse items turned (lo + hi - value). */
static inline int survey_turn(int lo, int hi, int value, int reverse)
{
	return reverse ? lo + hi - value : value;
}

/* ---- statistics and suppression ---- */

struct survey_stat {
	int64_t n;
	double mean, m2; /* Welford's running mean and sum of squared deviations */
	int64_t lsum;    /* the sum of x * SURVEY_STAT_L, exact when inexact is 0 */
	int inexact;
};
#define SURVEY_STAT_L 720720 /* every whole number 1 .. 16 divides it */
void survey_stat_add(struct survey_stat *s, double x);
/* x = num / den: the mean stays exact (SURVEY_STAT_L a multiple of den), so
 * that it does not depend on the order the values come in. */
void survey_stat_add_frac(struct survey_stat *s, int64_t num, int64_t den);
/* The mean, NaN for none: num / den values exactly (one rounding), others
 * as Welford's. */
double survey_stat_mean(const struct survey_stat *s);
double survey_stat_sd(const struct survey_stat *s); /* sample SD (n - 1); NaN below 2 */
/* Cohen's d of b against a: (mean_b - mean_a) / pooled SD, with
 * pooled SD = sqrt(((n_a-1) sd_a^2 + (n_b-1) sd_b^2) / (n_a + n_b - 2)). NaN
 * when undefined (fewer than 2 in a group or no spread). */
double survey_cohen_d(const struct survey_stat *a, const struct survey_stat *b);

/* Which groups of a partition to hide (supp_partition): n[k] respondents
 * per group, total the whole (shown beside the groups; respondents in no
 * group count in it). A group below min_n is hidden, and more groups (or the
 * total) are hidden until no group or union of groups smaller than min_n
 * can be worked out from the shown ones and the total. */
void survey_suppress(const int64_t *n, size_t k, int64_t total, int64_t min_n, int *hidden, int *total_hidden);

/* The decision for one wave of an instrument in a school, per scale, over
 * every figure of it that a command can print: the wave, the wave per team,
 * each survey of the wave, each survey per team and per rater category
 * (see lib/survey_supp.c).
 * Made at base_min (the school's minimum) and then, if min_n is more, at
 * min_n keeping hidden what base_min hid. key_file: as for survey_report. */
struct survey_supp {
	int64_t min_n; /* the larger of the two */
	int nscales;
	size_t nsurveys, nteams, nraters, ncells;
	int64_t *surveys, *teams; /* sorted; team -1: no team */
	int *hidden;              /* nscales x ncells */
};
int survey_supp_load(struct store *db, int64_t school, const struct survey_instrument *in, int64_t iid,
		     const char *wave,
		     int64_t base_min, int64_t min_n, const char *key_file, struct survey_supp *sp,
		     struct beter_err *err);
void survey_supp_release(struct survey_supp *sp);
/* Hidden? The wave (team 0) or one team's part of it. */
int survey_supp_wave(const struct survey_supp *sp, int scale, int64_t team);
/* Hidden? A survey (team 0), one team's part (team id) or its respondents
 * without a team (team -1). */
int survey_supp_survey(const struct survey_supp *sp, int scale, int64_t survey, int64_t team);
/* Hidden? A survey's respondents of one rater category (a 360-degree
 * feedback). */
int survey_supp_rater(const struct survey_supp *sp, int scale, int64_t survey, int rater);

/* ---- the school's minimum group size ---- */

/* The minimum that applies to an instrument in a school: the school's
 * policy (survey_policy_set) when there is one, else the instrument's.
 * requested (0: none) may raise it, never lower it (BETER_USAGE). *reason
 * (malloc'd, NULL without a policy) says where a policy minimum comes from,
 * to be printed with every figure that uses it. */
int survey_min_n(struct store *db, int64_t school, const struct survey_instrument *in, int64_t requested,
		 int64_t *base, int64_t *min_n, char **reason, struct beter_err *err);
/* survey_min_n's *reason (English: "school policy of DAY: REASON", as JSON
 * and CSV carry it) for people (people set: in the interface's language);
 * malloc'd, NULL for NULL. */
char *survey_policy_line(const char *policy, int people);
/* Record a new minimum for the school's surveys, at least
 * SURVEY_MIN_N_FLOOR, with a reason; set_by 0: nobody named. */
int survey_policy_set(struct store *db, int64_t school, int64_t min_n, const char *reason, int64_t set_by,
		      struct beter_err *err);
/* Every recorded minimum of the school, the one in force last. */
int survey_policy_list(struct store *db, int64_t school, struct out *o, struct beter_err *err);

/* ---- surveys ---- */

struct survey_add_opts {
	const char *instrument, *wave, *opens, *closes;
	int64_t team; /* 0: the whole school */
	const char *leader; /* a 360-degree feedback: the school leader's code (NULL: the school's one) */
};
int survey_add(struct store *db, int64_t school, const struct survey_add_opts *o, int64_t *id, struct beter_err *err);
/* A survey by number in a school; BETER_FAIL when there is none. */
int survey_find(struct store *db, int64_t school, int64_t number, struct beter_err *err);
int survey_list(struct store *db, int64_t school, struct out *o, struct beter_err *err);
int survey_show(struct store *db, int64_t id, struct out *o, struct beter_err *err);

/* ---- import ---- */

struct survey_import_opts {
	const char *map_path;  /* CSV "column,item": header text or number -> item id, team, rater or ignore */
	const char *id_column; /* header text or 1-based number: respondent key by HMAC */
	const char *key_path;  /* NULL: survey_key_path() */
	const char *const *ignore_columns; /* header texts or numbers of columns not to import, without a warning */
	int nignore;
	int skip_unknown_team; /* a row whose team is not in the store is skipped (counted), not an error */
	const char *sheet;     /* an .xlsx export: the sheet (NULL: the first) */
	struct strbuf *warnings; /* lines to show even under --quiet (columns that match nothing, skipped rows);
				    NULL: into notes */
};
struct survey_import_stats {
	long rows, added, changed, unchanged, empty;
	long skipped;          /* rows of a team not in the store (skip_unknown_team) */
	int matched;           /* columns matched to items */
	int keyed;             /* respondents keyed by HMAC */
};
/* Import a CSV export into survey id. Validates every cell; on the first bad
 * one returns BETER_DATAERR with file:line:column (the caller rolls back).
 * Identifying columns are never stored. notes gets one line per remark
 * (unmatched columns, items without a column). */
int survey_import(struct store *db, int64_t survey, const char *path, const struct survey_import_opts *o,
		  struct survey_import_stats *st, struct strbuf *notes, struct beter_err *err);

/* The key file: $BETER_KEY_FILE, else $XDG_CONFIG_HOME/beter/key, else
 * ~/.config/beter/key (malloc'd). */
char *survey_key_path(void);
/* Read the 32-byte key, creating it (mode 0600, from the system's random
 * source) when missing. BETER_IOERR when unreadable, of the wrong size or
 * readable by others. */
int survey_key_load(const char *path, unsigned char key[32], struct beter_err *err);
/* Make the directories above path (mode 0700) that do not exist yet. */
int survey_key_mkdirs(const char *path, struct beter_err *err);

/* ---- reports ---- */

enum survey_by { SURVEY_BY_SCALE, SURVEY_BY_ITEM, SURVEY_BY_TEAM, SURVEY_BY_RATER };
int survey_by_parse(const char *s); /* -1 if unknown */

/* min_n 0: the instrument's minimum; else at least SURVEY_MIN_N_FLOOR.
 * key_file: the school leader's secret key for a 360-degree feedback (NULL:
 * its default place, see survey_seal.h); without it such a report is refused.
 * A 360-degree feedback shows the leader's own answers (rater 'zelf') beside
 * the others, never suppressed and never counted into the total. */
int survey_report(struct store *db, int64_t survey, enum survey_by by, int64_t min_n, const char *key_file,
		  struct out *o,
		  struct beter_err *err);
/* Change per scale between two waves of an instrument in a school (team 0:
 * all respondents), with Cohen's d. */
int survey_compare(struct store *db, int64_t school, const char *instrument, const char *wave1, const char *wave2,
		   int64_t team, int64_t min_n, const char *key_file, struct out *o, struct beter_err *err);

#endif
