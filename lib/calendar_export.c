/* calendar_export.c - the school's agenda as iCalendar (RFC 5545), written
 * with libical (the module beter-ics): visits, feedback talks due, board sessions (held and planned
 * on the period rhythm), the periods of the year boards, verbindingssessies
 * and days off. Every event's UID
 * is made from the uid of the record it shows, so that a calendar that
 * imports the file again updates its events instead of doubling them. */
#include "beter/calendar.h"

#include <stdlib.h>
#include <string.h>

#include "beter/date.h"
#include "beter/i18n.h"
#include "beter/module.h"
#include "beter/store.h"
#include "beter/util.h"
#include "beter/visit.h"

struct xq {
	struct store *db;
	const struct calendar_export_opts *x;
	const struct beter_ics_ops *m;
	void *cal;
	struct beter_err *err;
};

static int prepare(struct xq *q, const char *sql, struct store_stmt **st)
{
	int rc = store_prepare(q->db, sql, st, q->err);
	if (rc)
		return rc;
	store_bind_int(*st, 1, q->x->school);
	store_bind_int(*st, 2, q->x->team);
	store_bind_int(*st, 3, q->x->person);
	store_bind_day(*st, 4, q->x->from);
	store_bind_day(*st, 5, q->x->to);
	return 0;
}

/* ?1 school, ?2 team (0: all), ?3 person (0: all), ?4 from, ?5 to */
#define IN_TEAM(col) "(?2 = 0 OR " col " IN (SELECT person_id FROM team_member WHERE team_id = ?2))"

static int visits(struct xq *q)
{
	struct store_stmt *st;
	struct strbuf s = STRBUF_INIT, d = STRBUF_INIT;
	int rc;

	if ((rc = prepare(q, "SELECT v.uid, v.date, v.time, o.code, o.name, t.code, t.name, v.class_group, v.lesson_goal, "
			     "v.recorded IS NOT NULL, v.feedback_date IS NOT NULL FROM visit v "
			     "JOIN person o ON o.id = v.observer_id JOIN person t ON t.id = v.teacher_id "
			     /* left out like a cancelled one: a visit a board session said does not take place */
			     "WHERE v.school_id = ?1 AND v.cancelled IS NULL AND (v.recorded IS NOT NULL OR coalesce("
			     VISIT_WORD_SQL("v.id", "'9999-12-31'") ", 1) = 1) "
			     "AND (?2 = 0 OR v.team_id = ?2 OR " IN_TEAM("v.teacher_id") ") "
			     "AND (?3 = 0 OR v.observer_id = ?3 OR v.teacher_id = ?3) "
			     "AND v.date BETWEEN date(?4, '-7 days') AND ?5 ORDER BY v.date, v.time, v.id", &st)))
		return rc;
	while (store_next(q->db, st, &rc, N_("reading visits"), q->err)) {
		int day = date_of(store_col(st, 1)), minutes = -1;
		const char *time = store_col(st, 2);
		struct ics_event e = { .uid_kind = "visit", .uid = store_col(st, 0), .category = "lesbezoek" };
		if (time)
			time_parse(time, &minutes, "time", NULL);
		strbuf_reset(&s);
		strbuf_reset(&d);
		strbuf_addf(&s, _("Lesson visit: %s visits %s"), store_col(st, 3), store_col(st, 5));
		strbuf_addf(&d, _("Observer: %s (%s). Teacher: %s (%s)."), store_col(st, 4), store_col(st, 3),
			    store_col(st, 6), store_col(st, 5));
		if (store_col(st, 7))
			strbuf_addf(&d, _(" Group: %s."), store_col(st, 7));
		if (store_col(st, 8))
			strbuf_addf(&d, _(" Lesson goal: %s."), store_col(st, 8));
		e.summary = strbuf_str(&s);
		e.description = strbuf_str(&d);
		e.day = e.last = day;
		e.minutes = minutes;
		e.length = 50;
		if (day >= q->x->from)
			q->m->cal_add(q->cal, &e);
		/* the feedback talk is due within a week of a visit written down */
		if (store_col_int(st, 9) && !store_col_int(st, 10) && day + VISIT_FEEDBACK_DAYS >= q->x->from &&
		    day + VISIT_FEEDBACK_DAYS <= q->x->to) {
			strbuf_reset(&s);
			strbuf_addf(&s, _("Feedback talk due: %s with %s"), store_col(st, 3), store_col(st, 5));
			e.uid_kind = "feedback";
			e.summary = strbuf_str(&s);
			e.category = "nagesprek";
			e.day = e.last = day + VISIT_FEEDBACK_DAYS;
			e.minutes = -1;
			q->m->cal_add(q->cal, &e);
		}
	}
	store_finalize(st);
	strbuf_release(&s);
	strbuf_release(&d);
	return rc;
}

/* Board sessions held or planned, and planned sessions on the period rhythm. */
static int sessions(struct xq *q)
{
	struct store_stmt *st;
	struct strbuf s = STRBUF_INIT;
	int rc;

	if ((rc = prepare(q, "SELECT 'session', bs.uid, bs.date, tm.name, bs.topic FROM board_session bs "
			     "JOIN team tm ON tm.id = bs.team_id WHERE tm.school_id = ?1 AND (?2 = 0 OR tm.id = ?2) "
			     "AND (?3 = 0 OR bs.leader_id = ?3 OR tm.id IN (SELECT team_id FROM team_member WHERE person_id = ?3)) "
			     "AND bs.date BETWEEN ?4 AND ?5 "
			     "UNION ALL SELECT 'rhythm', i.uid, i.on_date, tm.name, i.text FROM board_item i "
			     "JOIN team tm ON tm.id = i.team_id WHERE tm.school_id = ?1 AND (?2 = 0 OR tm.id = ?2) "
			     "AND (?3 = 0 OR i.person_id = ?3 OR tm.id IN (SELECT team_id FROM team_member WHERE person_id = ?3)) "
			     "AND i.section = 'perioderitmiek' AND i.removed IS NULL AND i.on_date BETWEEN ?4 AND ?5 "
			     "AND NOT EXISTS (SELECT 1 FROM board_session b2 WHERE b2.team_id = i.team_id AND b2.date = i.on_date) "
			     "ORDER BY 3, 4, 2", &st)))
		return rc;
	while (store_next(q->db, st, &rc, N_("reading board sessions"), q->err)) {
		struct ics_event e = { .uid_kind = store_col(st, 0), .uid = store_col(st, 1), .category = "bordsessie",
				.minutes = -1 };
		strbuf_reset(&s);
		strbuf_addf(&s, _("Board session %s"), store_col(st, 3));
		if (store_col(st, 4) && *store_col(st, 4))
			strbuf_addf(&s, ": %s", store_col(st, 4));
		e.summary = strbuf_str(&s);
		e.day = e.last = date_of(store_col(st, 2));
		q->m->cal_add(q->cal, &e);
	}
	store_finalize(st);
	strbuf_release(&s);
	return rc;
}

/* Verbindingssessies: the start of a trajectory phase of that name. */
static int connections(struct xq *q)
{
	struct store_stmt *st;
	struct strbuf s = STRBUF_INIT;
	int rc;

	if ((rc = prepare(q, "SELECT p.uid, p.started, p.name, tm.name FROM trajectory_phase p "
			     "JOIN trajectory t ON t.id = p.trajectory_id LEFT JOIN team tm ON tm.id = t.team_id "
			     "WHERE t.school_id = ?1 AND (?2 = 0 OR t.team_id IS NULL OR t.team_id = ?2) "
			     "AND (?3 = 0 OR t.team_id IS NULL OR t.team_id IN (SELECT team_id FROM team_member WHERE person_id = ?3)) "
			     "AND p.name LIKE 'verbindingssessie%' AND p.started BETWEEN ?4 AND ?5 ORDER BY p.started, p.id", &st)))
		return rc;
	while (store_next(q->db, st, &rc, N_("reading phases"), q->err)) {
		struct ics_event e = { .uid_kind = "phase", .uid = store_col(st, 0), .category = "verbindingssessie",
				.minutes = -1 };
		strbuf_reset(&s);
		strbuf_adds(&s, store_col(st, 2));
		if (store_col(st, 3))
			strbuf_addf(&s, " (%s)", store_col(st, 3));
		e.summary = strbuf_str(&s);
		e.day = e.last = date_of(store_col(st, 1));
		q->m->cal_add(q->cal, &e);
	}
	store_finalize(st);
	strbuf_release(&s);
	return rc;
}

/* The periods of the year boards: a theme from its start to its end. */
static int periods(struct xq *q)
{
	struct store_stmt *st;
	struct strbuf s = STRBUF_INIT;
	int rc;

	if ((rc = prepare(q, "SELECT i.uid, i.period_start, coalesce(i.period_end, i.period_start), i.text, tm.name "
			     "FROM board_item i JOIN team tm ON tm.id = i.team_id WHERE tm.school_id = ?1 "
			     "AND (?2 = 0 OR tm.id = ?2) AND (?3 = 0 OR tm.id IN (SELECT team_id FROM team_member WHERE "
			     "person_id = ?3)) AND i.section = 'jaarbord' AND i.removed IS NULL AND i.period_start IS NOT NULL "
			     "AND coalesce(i.period_end, i.period_start) >= ?4 AND i.period_start <= ?5 "
			     "ORDER BY i.period_start, i.id", &st)))
		return rc;
	while (store_next(q->db, st, &rc, N_("reading the year board"), q->err)) {
		struct ics_event e = { .uid_kind = "period", .uid = store_col(st, 0), .category = "periode", .minutes = -1 };
		strbuf_reset(&s);
		strbuf_addf(&s, _("Period: %s (%s)"), store_col(st, 3), store_col(st, 4));
		e.summary = strbuf_str(&s);
		e.day = date_of(store_col(st, 1));
		e.last = date_of(store_col(st, 2));
		q->m->cal_add(q->cal, &e);
	}
	store_finalize(st);
	strbuf_release(&s);
	return rc;
}

static int days_off(struct xq *q)
{
	struct store_stmt *st;
	int rc;

	if ((rc = prepare(q, "SELECT c.uid, c.from_date, c.to_date, c.name, c.kind FROM calendar_day c "
			     "JOIN school s ON s.id = c.school_id WHERE c.school_id = ?1 "
			     "AND (c.region IS NULL OR c.region = s.region) "
			     "AND c.to_date >= ?4 AND c.from_date <= ?5 ORDER BY c.from_date, c.id", &st)))
		return rc;
	while (store_next(q->db, st, &rc, N_("reading the calendar"), q->err)) {
		struct ics_event e = { .uid_kind = "day", .uid = store_col(st, 0), .summary = store_col(st, 3),
				.category = store_col(st, 4), .minutes = -1 };
		e.day = date_of(store_col(st, 1));
		e.last = date_of(store_col(st, 2));
		q->m->cal_add(q->cal, &e);
	}
	store_finalize(st);
	return rc;
}

int calendar_export(struct store *db, const struct calendar_export_opts *x, struct strbuf *sb, struct beter_err *err)
{
	struct xq q = { db, x, module_ics(err), NULL, err };
	int rc, began;
	char *text;

	if (!q.m)
		return err->status;
	if ((rc = store_read_begin(db, &began, err)))
		return rc;
	/* DTSTAMP: today at midnight UTC, so that a run is reproducible ($BETER_TODAY) */
	q.cal = q.m->cal_new("-//beter//beter " BETER_VERSION "//NL", date_today());
	if (!(rc = days_off(&q)) && !(rc = periods(&q)) && !(rc = sessions(&q)) && !(rc = connections(&q)))
		rc = visits(&q);
	store_read_end(db, began);
	if (!rc) {
		text = q.m->cal_text(q.cal);
		strbuf_adds(sb, text);
		free(text);
	}
	q.m->cal_free(q.cal);
	return rc;
}
