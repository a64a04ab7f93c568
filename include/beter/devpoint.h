/* devpoint.h - a teacher's development points (ontwikkelpunten).
 *
 * The one interface visits use for them. A development point is a personal
 * goal of the teacher (goal with person_id, see goal.h): its number is the
 * goal's number, closing it achieves the goal. visit_devpoint links points to
 * the visit whose feedback talk made them and to the visits that focused on
 * them.
 */
#ifndef BETER_DEVPOINT_H
#define BETER_DEVPOINT_H

#include <stdint.h>

#include "beter/err.h"
#include "beter/out.h"

struct store;
struct store_stmt;

/* Add an open point for a person, created on day (date.h day number),
 * optionally from the feedback talk of visit_id (0: none). Text: 1-1000
 * bytes of UTF-8 (BETER_DATAERR otherwise). *id gets its number (id may be NULL). */
int devpoint_add(struct store *db, int64_t person_id, const char *text, int day, int64_t visit_id, int64_t *id,
		 struct beter_err *err);

/* Close a point on day. BETER_FAIL when no such point (of any person), or
 * it is closed already. */
int devpoint_close(struct store *db, int64_t id, int day, struct beter_err *err);

/* Link a visit to every open point of its teacher (a visit with focus
 * "points"); *n gets how many (n may be NULL). */
int devpoint_focus_visit(struct store *db, int64_t visit_id, int64_t person_id, int *n, struct beter_err *err);

/* The person's points, open ones first, then closed, oldest first; with the
 * visit they came from and the visits that focused on them (numbers split
 * by '|'). Columns: id, point, status (open|closed), created, closed,
 * from_visit, focus_visits. */
int devpoint_list(struct store *db, int64_t person_id, struct out *o, struct beter_err *err);

/* How many open points a person has. */
int64_t devpoint_open_count(struct store *db, int64_t person_id);

#endif
