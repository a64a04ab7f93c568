/* phase_target.c - the targets of a phase model ("ten minste twee
 * teambijeenkomsten", a study day, every teacher a visit with a talk),
 * counted from the records since the trajectory started. */
#include "phase_int.h"

#include <stdio.h>
#include <string.h>

#include "beter/date.h"
#include "beter/i18n.h"
#include "beter/store.h"
#include "beter/util.h"

/* What each kind counts; ?1 school, ?2 team (0: the school), ?3 and ?4 the
 * first and last day counted. */
static const struct {
	const char *kind, *sql;
} kinds[] = {
	{ "board-sessions",
	  "SELECT count(DISTINCT CASE WHEN ?2 = 0 THEN s.date ELSE CAST(s.id AS TEXT) END) FROM board_session s JOIN "
	  "team t ON t.id = s.team_id WHERE t.school_id = ?1 AND (?2 = 0 OR t.id = ?2) AND s.date BETWEEN ?3 AND ?4" },
	{ "study-days",
	  "SELECT coalesce(sum(julianday(min(to_date, ?4)) - julianday(max(from_date, ?3)) + 1), 0) FROM calendar_day "
	  "WHERE school_id = ?1 AND kind = 'studiedag' AND from_date <= ?4 AND to_date >= ?3 AND ?2 = ?2" },
	{ "designs",
	  "SELECT count(DISTINCT d.id) FROM design d JOIN design_day x ON x.design_id = d.id WHERE d.school_id = ?1 "
	  "AND (?2 = 0 OR d.team_id = ?2) AND x.date BETWEEN ?3 AND ?4" },
	{ "visits-with-talk",
	  "SELECT count(*) FROM visit v WHERE v.school_id = ?1 AND v.cancelled IS NULL AND v.feedback_date BETWEEN ?3 "
	  "AND ?4 AND (?2 = 0 OR v.team_id = ?2 OR (v.team_id IS NULL AND EXISTS (SELECT 1 FROM team_member m WHERE "
	  "m.team_id = ?2 AND m.person_id = v.teacher_id)))" },
	{ "teachers-with-talk",
	  "SELECT count(*) FROM person p WHERE p.school_id = ?1 AND p.role = 'leraar' AND (?2 = 0 OR EXISTS (SELECT 1 "
	  "FROM team_member m WHERE m.team_id = ?2 AND m.person_id = p.id)) AND EXISTS (SELECT 1 FROM visit v WHERE "
	  "v.teacher_id = p.id AND v.cancelled IS NULL AND v.feedback_date BETWEEN ?3 AND ?4)" },
};
#define NKINDS (sizeof(kinds) / sizeof(*kinds))

/* the teachers a target of every teacher counts: of the team, or of the school */
#define TEACHERS_SQL                                                                                               \
	"SELECT count(*) FROM person p WHERE p.school_id = ?1 AND p.role = 'leraar' AND (?2 = 0 OR EXISTS (SELECT 1 " \
	"FROM team_member m WHERE m.team_id = ?2 AND m.person_id = p.id)) AND ?3 = ?3 AND ?4 = ?4"

int phase_target_kind(const char *kind)
{
	for (size_t i = 0; kind && i < NKINDS; i++)
		if (!strcmp(kinds[i].kind, kind))
			return 1;
	return 0;
}

static int count_sql(struct store *db, const char *sql, int64_t school, int64_t team, const char *from, const char *to,
		     int64_t *n, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	*n = 0;
	if ((rc = store_prepare(db, sql, &st, err)))
		return rc;
	store_bind_int(st, 1, school);
	store_bind_int(st, 2, team);
	store_bind_text(st, 3, from);
	store_bind_text(st, 4, to);
	if (store_next(db, st, &rc, N_("counting the targets"), err))
		*n = store_col_int(st, 0);
	store_finalize(st);
	return rc;
}

static const struct out_col target_cols[] = {
	{ N_("id"), OUT_T_TEXT },     { N_("target"), OUT_T_TEXT }, { N_("kind"), OUT_T_TEXT },
	{ N_("counted"), OUT_T_INT }, { N_("needed"), OUT_T_INT },  { N_("status"), OUT_T_TEXT },
};

/* One target: counted over [from, to]; without min, every teacher. */
static int target_row(struct store *db, const struct phase_scope *sc, const cJSON *t, struct out *o,
		      struct beter_err *err)
{
	const char *kind = phase_jstr(t, "count");
	const cJSON *min = cJSON_GetObjectItemCaseSensitive(t, "min");
	int64_t n = 0, need = 0;
	int rc;

	for (size_t i = 0; i < NKINDS; i++)
		if (kind && !strcmp(kinds[i].kind, kind)) {
			if ((rc = count_sql(db, kinds[i].sql, sc->school, sc->team, sc->from, sc->to, &n, err)))
				return rc;
			break;
		}
	if (min)
		need = (int64_t)min->valuedouble;
	else if ((rc = count_sql(db, TEACHERS_SQL, sc->school, sc->team, sc->from, sc->to, &need, err)))
		return rc;
	out_text(o, phase_jstr(t, "id"));
	out_text(o, phase_jstr(t, "text"));
	out_text(o, kind);
	out_int(o, n);
	out_int(o, need);
	out_text(o, phase_word(o, n >= need && need > 0 ? N_("met") : N_("open")));
	out_row_end(o);
	return 0;
}

int phase_targets_out(struct store *db, const struct phase_scope *sc, const cJSON *model, struct out *o,
		      struct beter_err *err)
{
	const cJSON *targets = cJSON_GetObjectItemCaseSensitive(model, "targets");
	int rc = 0;

	if (!cJSON_GetArraySize(targets))
		return 0;
	out_section(o, "targets", _("Targets"));
	out_list(o, target_cols, sizeof(target_cols) / sizeof(*target_cols));
	for (const cJSON *t = targets->child; t && !rc; t = t->next)
		rc = target_row(db, sc, t, o, err);
	out_end(o);
	return rc;
}
