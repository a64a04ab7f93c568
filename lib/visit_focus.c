/* visit_focus.c - a visit with more than one focus: the first is the
 * visit's own (visit_add), the others are added here, each checked as the
 * first is; the same focus twice is refused, never silently dropped. */
#include "beter/visit.h"

#include <stdio.h>
#include <string.h>

#include "beter/devpoint.h"
#include "beter/framework.h"
#include "beter/goal.h"
#include "beter/i18n.h"
#include "beter/store.h"
#include "beter/util.h"

/* The visit's teacher and framework key ("" when none). */
static int visit_facts(struct store *db, int64_t id, int64_t *teacher, char *fw, size_t fwsize, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	*teacher = 0;
	*fw = 0;
	if ((rc = store_prepare(db, "SELECT v.teacher_id, f.key FROM visit v LEFT JOIN visit_framework f ON "
				    "f.id = v.framework_id WHERE v.id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, id);
	if (store_next(db, st, &rc, N_("reading the visit"), err)) {
		*teacher = store_col_int(st, 0);
		snprintf(fw, fwsize, "%s", store_col(st, 1) ? store_col(st, 1) : "");
	}
	store_finalize(st);
	return rc;
}

/* Is the focus the visit's own already, or one of its others? */
static int focus_taken(struct store *db, int64_t id, const char *kind, int64_t goal, const char *item)
{
	struct store_stmt *st;
	struct beter_err e = { 0 };
	int taken = 0, rc;

	if (store_prepare(db, "SELECT EXISTS (SELECT 1 FROM visit WHERE id = ?1 AND focus = ?2 AND "
			      "focus_goal_id IS ?3 AND focus_item IS ?4) OR EXISTS (SELECT 1 FROM visit_focus WHERE "
			      "visit_id = ?1 AND kind = ?2 AND goal_id IS ?3 AND item IS ?4)", &st, &e))
		return 0;
	store_bind_int(st, 1, id);
	store_bind_text(st, 2, kind);
	if (goal)
		store_bind_int(st, 3, goal);
	store_bind_text(st, 4, item);
	if (store_next(db, st, &rc, N_("reading the visit"), &e))
		taken = (int)store_col_int(st, 0);
	store_finalize(st);
	return taken;
}

static int check_item(struct store *db, int64_t school, const char *key, const char *item, struct beter_err *err)
{
	struct framework fw;
	int rc;

	memset(&fw, 0, sizeof(fw));
	if ((rc = framework_get(db, school, *key ? key : FRAMEWORK_DEFAULT, 1, &fw, err)))
		return rc;
	if (!framework_item(&fw, item))
		rc = beter_err_set(err, BETER_DATAERR, _("--focus: no item '%s' in the framework '%s' (see 'beter visit "
							 "framework show %s')"), item, fw.key, fw.key);
	framework_release(&fw);
	return rc;
}

int visit_focus_add(struct store *db, int64_t school, int64_t id, const char *spec, struct beter_err *err)
{
	struct store_stmt *st;
	const char *kind, *item = NULL;
	int64_t goal = 0, teacher;
	char fw[65], uid[33];
	int rc;

	if (!strncmp(spec, "goal:", 5)) {
		struct goal_info g;
		kind = "goal";
		if (parse_int64(spec + 5, &goal) != 0 || goal <= 0)
			return beter_err_set(err, BETER_DATAERR, _("--focus: '%s' needs a goal number, e.g. goal:3"), spec);
		if ((rc = goal_find(db, school, goal, &g, err)))
			return rc;
		if (!g.team)
			return beter_err_set(err, BETER_DATAERR, _("--focus: goal %lld is a personal goal; use --focus points "
								   "for the teacher's development points"), (long long)goal);
	} else if (!strncmp(spec, "item:", 5)) {
		kind = "item";
		item = spec + 5;
	} else if (!strcmp(spec, "points")) {
		kind = "points";
	} else {
		return beter_err_set(err, BETER_DATAERR, _("--focus: '%s' is not goal:N, item:ID, points or design:N"), spec);
	}
	if ((rc = visit_facts(db, id, &teacher, fw, sizeof(fw), err)) ||
	    (item && (rc = check_item(db, school, fw, item, err))))
		return rc;
	if (focus_taken(db, id, kind, goal, item))
		return beter_err_set(err, BETER_DATAERR, _("--focus: '%s' is given twice"), spec);
	if ((rc = store_prepare(db, "INSERT INTO visit_focus(uid, visit_id, kind, goal_id, item) VALUES (?1, ?2, ?3, ?4, ?5)",
				&st, err)))
		return rc;
	uid_new(uid);
	store_bind_text(st, 1, uid);
	store_bind_int(st, 2, id);
	store_bind_text(st, 3, kind);
	if (goal)
		store_bind_int(st, 4, goal);
	store_bind_text(st, 5, item);
	if ((rc = store_step_done(db, st, N_("adding the focus"), err)))
		return rc;
	return strcmp(kind, "points") ? 0 : devpoint_focus_visit(db, id, teacher, NULL, err);
}
