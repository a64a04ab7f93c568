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

/* x to two decimals (NaN stays NaN). */
double survey_round2(double x);
/* A real to two decimals, NaN as null. */
void survey_out_realn(struct out *o, double v);
/* A 360-degree feedback: is this the school leader's own response (rater
 * 'zelf')? Shown beside the others, never counted into them. */
int survey_self_row(const struct survey_seal *seal, const char *rater);

#endif
