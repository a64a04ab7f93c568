/* goal_int.h - what the goal files share inside the library. */
#ifndef BETER_GOAL_INT_H
#define BETER_GOAL_INT_H

#include "beter/goal.h"

struct store;
struct store_stmt;

/* The goal exists and is a team goal (team 1), a personal one (team -1)
 * or either (team 0) and, with active, still active; g is filled in. */
int goal_need(struct store *db, int64_t goal, int team, int active, struct goal_info *g, struct beter_err *err);

#endif
