/* team.h - teams: teacher teams of 5-10, the leerKRACHT-team, the MT and the
 * Team Inhoudelijke Voorbereiding, and who is in them. */
#ifndef BETER_TEAM_H
#define BETER_TEAM_H

#include <stddef.h>
#include <stdint.h>

#include "beter/err.h"
#include "beter/out.h"

struct store;
struct store_stmt;

extern const char *const team_kinds[];        /* leraren, leerkracht, mt, tiv */
extern const char *const team_member_roles[]; /* lid and the person roles */

#define TEAM_SIZE_MIN 5
#define TEAM_SIZE_MAX 10

int team_kind_valid(const char *kind);
/* The kind a team of this name gets when a roster import creates it. */
const char *team_kind_guess(const char *name);

int team_add(struct store *db, int64_t school, const char *name, const char *kind, int64_t *id, struct beter_err *err);
/* BETER_FAIL with "no team named ..." when absent; accepts a number too. */
int team_find(struct store *db, int64_t school, const char *name, int64_t *id, struct beter_err *err);
/* The team's name into buf (its number when it has none). */
void team_name(struct store *db, int64_t id, char *buf, size_t size);
int team_rename(struct store *db, int64_t id, const char *name, struct beter_err *err);
int team_set_kind(struct store *db, int64_t id, const char *kind, struct beter_err *err);
/* The day the team's rhythm counts from (a date, or NULL / "none" to count
 * from its first board session). */
int team_set_start(struct store *db, int64_t id, const char *start, struct beter_err *err);
int team_rm(struct store *db, int64_t id, struct beter_err *err);
/* Adds or updates a membership; *added tells whether it is new. role NULL: "lid". */
int team_member_add(struct store *db, int64_t team, int64_t person, const char *role, int *added,
		    struct beter_err *err);
int team_member_rm(struct store *db, int64_t team, int64_t person, struct beter_err *err);

int team_list(struct store *db, int64_t school, struct out *o, struct beter_err *err);
int team_show(struct store *db, int64_t id, struct out *o, struct beter_err *err);

/* "ok", "too small", "too large" for teacher teams, NULL for other kinds. */
const char *team_size_check(const char *kind, int64_t members);

#endif
