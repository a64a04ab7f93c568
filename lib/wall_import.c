/* wall_import.c - the datamuur from a pupil tracking system's export
 * (ParnasSys, ESIS, Magister): per group and test, counts or percentages per
 * level (I..V or A..E) and/or a mean score. A file with one row per pupil
 * (a column leerling, naam or leerlingnummer) is aggregated here to group
 * level; groups under WALL_MIN_GROUP pupils are left out and the pupil
 * column is read past, never kept. */
#include "beter/period.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "beter/csvin.h"
#include "beter/i18n.h"
#include "beter/util.h"

#define WALL_MIN_GROUP 5
#define NLEVEL 5

static const char *const roman[NLEVEL] = { "I", "II", "III", "IV", "V" };
static const char *const letter[NLEVEL] = { "A", "B", "C", "D", "E" };

static const char *const group_names[] = { "groep", "klas", "group", NULL };
static const char *const test_names[] = { "toets", "test", NULL };
static const char *const moment_names[] = { "moment", "afname", NULL };
static const char *const mean_names[] = { "gemiddelde", "score", "vaardigheidsscore", NULL };
static const char *const count_names[] = { "aantal", "n", NULL };
static const char *const level_names[] = { "niveau", NULL };
static const char *const pupil_names[] = { "leerling", "naam", "leerlingnummer", "leerling_id", "voornaam",
					    "achternaam", "roepnaam", NULL };

struct cols {
	int group, test, moment, mean, count, level, pupil;
	int lv[NLEVEL];
	const char *const *lvnames; /* roman or letter */
};

/* one group and test: sums while reading, a row of values at the end */
struct agg {
	char *group, *indicator;
	long line;
	int64_t n, nscore;
	double score, pct[NLEVEL];
	int64_t cnt[NLEVEL];
	int has_levels, has_mean, given; /* given: a group-level row (pct and score final) */
};

struct aggs {
	struct agg *v;
	size_t n, a;
};

static int in_names(const char *h, const char *const *names)
{
	for (size_t i = 0; names[i]; i++)
		if (!strcasecmp(h, names[i]))
			return 1;
	return 0;
}

static int level_of(const char *h, const char *const *names)
{
	for (int i = 0; i < NLEVEL; i++)
		if (!strcasecmp(h, names[i]))
			return i;
	return -1;
}

static int read_header(struct csvin *r, struct cols *c)
{
	memset(c, -1, sizeof(*c));
	c->lvnames = NULL;
	for (size_t i = 0; i < csvin_nfields(r); i++) {
		char h[64];
		snprintf(h, sizeof(h), "%s", csvin_field(r, i));
		str_trim(h);
		if (!*h)
			continue;
		int *slot = in_names(h, group_names)    ? &c->group
			    : in_names(h, test_names)   ? &c->test
			    : in_names(h, moment_names) ? &c->moment
			    : in_names(h, mean_names)   ? &c->mean
			    : in_names(h, count_names)  ? &c->count
			    : in_names(h, level_names)  ? &c->level
			    : in_names(h, pupil_names)  ? &c->pupil
							: NULL;
		if (!slot) {
			const char *const *set = level_of(h, roman) >= 0 ? roman : level_of(h, letter) >= 0 ? letter : NULL;
			if (!set || (c->lvnames && c->lvnames != set))
				return csvin_error(r, i, _("unknown column '%.40s' (use groep, toets, moment, I..V or A..E, "
							   "gemiddelde, aantal; per pupil: leerling, niveau, score)"), h);
			c->lvnames = set;
			slot = &c->lv[level_of(h, set)];
		}
		if (*slot >= 0 && slot != &c->pupil)
			return csvin_error(r, i, _("column '%.40s' twice"), h);
		*slot = (int)i;
	}
	if (c->group < 0 || c->test < 0)
		return csvin_error(r, 0, "%s", _("the file needs the columns groep and toets"));
	if (c->pupil < 0 && c->level >= 0)
		return csvin_error(r, (size_t)c->level, "%s", _("a column niveau is one per pupil: give the pupil column "
								 "(leerling) too, or counts per level I..V"));
	if (c->pupil < 0 && !c->lvnames && c->mean < 0)
		return csvin_error(r, 0, "%s", _("the file has no values: give levels I..V or A..E, or gemiddelde"));
	return 0;
}

/* A number: decimal comma allowed, a '%' at the end taken off (*pct 1). */
static int number(struct csvin *r, size_t i, double *v, int *pct)
{
	char buf[64], *end;
	snprintf(buf, sizeof(buf), "%s", csvin_field(r, i));
	str_trim(buf);
	size_t len = strlen(buf);
	*pct = 0;
	if (len && buf[len - 1] == '%') {
		buf[--len] = 0;
		str_trim(buf);
		*pct = 1;
	}
	for (char *p = buf; *p; p++)
		if (*p == ',')
			*p = '.';
	*v = strtod(buf, &end);
	if (!*buf || *end || !isfinite(*v))
		return csvin_error(r, i, _("'%.40s' is not a number"), csvin_field(r, i));
	return 0;
}

static struct agg *agg_get(struct aggs *a, const char *group, const char *ind, long line)
{
	for (size_t i = 0; i < a->n; i++)
		if (!strcmp(a->v[i].group, group) && !strcmp(a->v[i].indicator, ind))
			return &a->v[i];
	if (a->n == a->a) {
		a->a = a->a ? 2 * a->a : 16;
		a->v = xrealloc(a->v, a->a * sizeof(*a->v));
	}
	struct agg *g = &a->v[a->n++];
	memset(g, 0, sizeof(*g));
	g->group = xstrdup(group);
	g->indicator = xstrdup(ind);
	g->line = line;
	return g;
}

static void aggs_release(struct aggs *a)
{
	for (size_t i = 0; i < a->n; i++) {
		free(a->v[i].group);
		free(a->v[i].indicator);
	}
	free(a->v);
}

/* A group-level row: levels as percentages (or counts, made percentages), mean, count. */
static int group_row(struct csvin *r, const struct cols *c, struct agg *g)
{
	double v[NLEVEL], sum = 0;
	int any_pct = 0, rc, integral = 1;
	size_t first = 0;

	if (g->given)
		return csvin_error(r, (size_t)c->group, _("group '%.40s' and this test are on line %ld already (a file "
							  "with one row per pupil needs its pupil column, leerling)"),
				   g->group, g->line);
	g->given = 1;
	g->n = -1;
	if (c->count >= 0 && *csvin_field(r, (size_t)c->count)) {
		double n;
		int p;
		if ((rc = number(r, (size_t)c->count, &n, &p)))
			return rc;
		if (n < 0 || n != floor(n) || n > 1e6)
			return csvin_error(r, (size_t)c->count, _("aantal: %g is not a number of pupils"), n);
		g->n = (int64_t)n;
	}
	for (int l = 0; l < NLEVEL; l++) {
		int p = 0;
		v[l] = NAN;
		if (c->lv[l] < 0 || !*csvin_field(r, (size_t)c->lv[l]))
			continue;
		if ((rc = number(r, (size_t)c->lv[l], &v[l], &p)))
			return rc;
		any_pct |= p;
		if (!g->has_levels)
			first = (size_t)c->lv[l];
		if (v[l] < 0 || (p && v[l] > 100))
			return csvin_error(r, (size_t)c->lv[l], _("%g%% is not a percentage (0-100)"), v[l]);
		integral &= v[l] == floor(v[l]);
		sum += v[l];
		g->has_levels = 1;
	}
	if (g->has_levels) {
		/* counts when they are whole numbers that do not add up to 100 */
		int counts = !any_pct && integral && fabs(sum - 100) > 1;
		for (int l = 0; l < NLEVEL; l++)
			if (!counts && !isnan(v[l]) && v[l] > 100)
				return csvin_error(r, (size_t)c->lv[l], _("%g%% is not a percentage (0-100)"), v[l]);
		if (counts && sum > 1e6)
			return csvin_error(r, first, _("the levels add up to %g pupils: not a number of pupils"), sum);
		if (counts && g->n < 0)
			g->n = (int64_t)sum;
		for (int l = 0; l < NLEVEL; l++)
			g->pct[l] = isnan(v[l]) ? NAN : counts ? (sum > 0 ? 100 * v[l] / sum : 0) : v[l];
	}
	if (c->mean >= 0 && *csvin_field(r, (size_t)c->mean)) {
		int p;
		if ((rc = number(r, (size_t)c->mean, &g->score, &p)))
			return rc;
		g->has_mean = 1;
		g->nscore = 1;
	}
	return 0;
}

/* A pupil's row: counted into its group; the pupil column is not read. */
static int pupil_row(struct csvin *r, const struct cols *c, struct agg *g)
{
	int rc;

	g->n++;
	if (c->level >= 0 && *csvin_field(r, (size_t)c->level)) {
		char h[16];
		snprintf(h, sizeof(h), "%s", csvin_field(r, (size_t)c->level));
		str_trim(h);
		int l = level_of(h, roman);
		if (l < 0)
			l = level_of(h, letter);
		if (l < 0)
			return csvin_error(r, (size_t)c->level, _("niveau '%.10s' is not a level (use I..V or A..E)"), h);
		g->cnt[l]++;
		g->has_levels = 1;
	}
	if (c->mean >= 0 && *csvin_field(r, (size_t)c->mean)) {
		double v;
		int p;
		if ((rc = number(r, (size_t)c->mean, &v, &p)))
			return rc;
		g->score += v;
		g->nscore++;
		g->has_mean = 1;
	}
	return 0;
}

static int read_rows(struct csvin *r, const struct cols *c, struct aggs *a)
{
	int rc;

	while ((rc = csvin_read(r)) == 1) {
		char group[256], ind[512];
		snprintf(group, sizeof(group), "%s", csvin_field(r, (size_t)c->group));
		str_trim(group);
		snprintf(ind, sizeof(ind), "%s", csvin_field(r, (size_t)c->test));
		str_trim(ind);
		if (!*group)
			return csvin_error(r, (size_t)c->group, "%s", _("the group is empty"));
		if (!*ind)
			return csvin_error(r, (size_t)c->test, "%s", _("the test is empty"));
		if (c->moment >= 0) {
			char m[64];
			snprintf(m, sizeof(m), "%s", csvin_field(r, (size_t)c->moment));
			str_trim(m);
			if (*m)
				snprintf(ind + strlen(ind), sizeof(ind) - strlen(ind), " %s", m);
		}
		struct agg *g = agg_get(a, group, ind, csvin_line(r));
		if ((rc = c->pupil >= 0 ? pupil_row(r, c, g) : group_row(r, c, g)))
			return rc;
	}
	return rc < 0 ? BETER_DATAERR : 0;
}

static int put(struct store *db, int64_t period, struct wall_value *v, struct wall_import_stats *s,
	       struct beter_err *err)
{
	int changed, rc;
	if ((rc = wall_put(db, period, v, &changed, err)))
		return rc;
	if (changed == 1)
		s->added++;
	else if (changed == 2)
		s->updated++;
	else
		s->unchanged++;
	return 0;
}

static int write_agg(struct store *db, int64_t period, const struct agg *g, const char *source, int day,
		     int per_pupil, struct wall_import_stats *s, struct beter_err *err)
{
	struct wall_value v = { g->indicator, "", g->group, "%", source, 0, NAN, NAN, g->n, day };
	int rc;

	for (int l = 0; l < NLEVEL && g->has_levels; l++) {
		double pct = per_pupil ? 100.0 * (double)g->cnt[l] / (double)g->n : g->pct[l];
		if (isnan(pct))
			continue;
		v.measure = roman[l];
		v.value = round(pct * 10) / 10;
		if ((rc = put(db, period, &v, s, err)))
			return rc;
	}
	if (g->has_mean) {
		v.measure = "gemiddelde";
		v.unit = "score";
		v.value = round(g->score / (double)g->nscore * 10) / 10;
		if ((rc = put(db, period, &v, s, err)))
			return rc;
	}
	return 0;
}

int wall_import(struct store *db, int64_t period, const char *path, const char *sheet, int day,
		struct wall_import_stats *s, struct strbuf *notes, struct beter_err *err)
{
	struct csvin r;
	struct csvin_opts in = { sheet, notes };
	struct aggs a = { 0 };
	struct cols c;
	int rc;
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;

	memset(s, 0, sizeof(*s));
	if ((rc = csvin_open_opts(&r, path, &in, err)))
		return rc;
	if ((rc = csvin_read(&r)) <= 0) {
		if (rc == 0)
			rc = beter_err_set(err, BETER_DATAERR, _("%s: the file is empty"), path);
		else
			rc = BETER_DATAERR;
		goto done;
	}
	if ((rc = read_header(&r, &c)) || (rc = read_rows(&r, &c, &a)))
		goto done;
	s->per_pupil = c.pupil >= 0;
	size_t kept = 0;
	for (size_t i = 0; i < a.n; i++)
		kept += !(a.v[i].n >= 0 && a.v[i].n < WALL_MIN_GROUP);
	if (!a.n || !kept) {
		rc = beter_err_set(err, BETER_DATAERR,
				   _("%s:%ld:%d: every group has fewer than %d pupils; nothing is imported (a smaller group "
				     "would show its pupils)"),
				   path, a.n ? a.v[0].line : 1L, c.group + 1, WALL_MIN_GROUP);
		goto done;
	}
	for (size_t i = 0; i < a.n && !rc; i++) {
		if (a.v[i].n >= 0 && a.v[i].n < WALL_MIN_GROUP)
			s->suppressed++;
		else
			rc = write_agg(db, period, &a.v[i], base, day, s->per_pupil, s, err);
	}
done:
	aggs_release(&a);
	csvin_close(&r);
	return rc;
}
