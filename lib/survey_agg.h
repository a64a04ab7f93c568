/* survey_agg.h - inside libbeter: the aggregation of packed survey
 * responses shared by the report and the comparison of waves. */
#ifndef BETER_SURVEY_AGG_H
#define BETER_SURVEY_AGG_H

#include "beter/out.h"
#include "beter/survey.h"
#include "beter/survey_seal.h"

struct agg {
	int64_t key;        /* team id, rater index or wave index; -1 for none */
	char *name;
	int64_t respondents;
	int64_t *icount;    /* npacked x nvals answer counts (turned values) */
	struct survey_stat *istat;
	struct survey_stat *sstat;
	int64_t *sdist;     /* nscales x nvals, rounded scale scores */
	unsigned char *given; /* per scale: the store gave its figures (NULL: all, read from the rows) */
};

struct aggset {
	const struct survey_instrument *in;
	int lo, hi, nvals;
	struct agg *g;
	size_t n, cap;
	double *ssum;
	int *scnt;
	int *item_of_pos; /* pos-1 -> item index */
};

void aggset_init(struct aggset *a, const struct survey_instrument *in);
void aggset_release(struct aggset *a);
/* The group of key, added when new. */
struct agg *aggset_group(struct aggset *a, int64_t key);
/* One response (packed answers) into group g. */
void agg_row(struct aggset *a, struct agg *g, const unsigned char *ans, int len);

/* n answers of value (as given, turned here) to the item at pos (1-based). */
void agg_value(struct aggset *a, struct agg *g, int pos, int value, int64_t n);
/* n respondents with the scale score ssum / scnt on scale s. */
void agg_score(struct aggset *a, struct agg *g, int s, int64_t ssum, int64_t scnt, int64_t n);

/* Can the answers of each respondent of a survey of this instrument be read
 * (SQLite; on PostgreSQL the owner and the import role; the 360's sealed
 * rows, which its leader may read)? If not, beter reads the figures the
 * store gives a login (share/sql/pg/security.sql). */
int survey_rows_readable(struct store *db, const struct survey_instrument *in);
/* A login's figures of one survey: the whole survey into a->g[0] and, with
 * by_team, each team into a group of its own. */
int survey_view_read(struct store *db, int64_t survey, int by_team, struct aggset *a, struct beter_err *err);
/* A login's figures of one wave of an instrument in a school (team: that
 * team's respondents only) into g, for survey compare. */
int survey_view_wave(struct store *db, int64_t school, int64_t iid, const char *wave, int64_t team, struct aggset *a,
		     struct agg *g, struct beter_err *err);

/* x to two decimals (NaN stays NaN). */
double survey_round2(double x);
/* A real to two decimals, NaN as null. */
void survey_out_realn(struct out *o, double v);
/* A 360-degree feedback: is this the school leader's own response (rater
 * 'zelf')? Shown beside the others, never counted into them. */
int survey_self_row(const struct survey_seal *seal, const char *rater);

#endif
