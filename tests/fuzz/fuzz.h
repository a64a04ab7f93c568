/* fuzz.h - helpers shared by the libFuzzer targets. */
#ifndef BETER_FUZZ_H
#define BETER_FUZZ_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "beter/store.h"
#include "beter/store_sqlite.h"

/* An in-memory store with a school (1), a team "T" (1) with two teachers
 * JDV (1) and KBO (2), a team goal (1) and an action (1): enough for
 * records to link to. */
static inline struct store *fuzz_store(void)
{
	struct beter_err err = { 0 };
	struct store *db;

	if (store_open(":memory:", STORE_MEMORY, &db, &err) != 0)
		abort();
	if (sqlite3_exec(store_sqlite(db),
			 "INSERT INTO school(uid, name, created) VALUES ('00000000000000000000000000000001', 'S', '2026-11-20');"
			 "INSERT INTO person(uid, school_id, code, name, role) VALUES "
			 "('00000000000000000000000000000002', 1, 'JDV', 'Jan', 'leraar'),"
			 "('00000000000000000000000000000005', 1, 'KBO', 'Kees', 'leraar');"
			 "INSERT INTO team(uid, school_id, name) VALUES ('00000000000000000000000000000003', 1, 'T');"
			 "INSERT INTO team_member(team_id, person_id) VALUES (1, 1), (1, 2);"
			 "INSERT INTO goal(uid, school_id, team_id, text, weeks, norm, baseline, added) VALUES "
			 "('00000000000000000000000000000004', 1, 1, 'Lezen', 6, 8, 5, '2026-09-07');"
			 "INSERT INTO board_action(uid, team_id, kind, what, due, added) VALUES "
			 "('00000000000000000000000000000006', 1, 'team', 'Iets', '2026-12-01', '2026-11-02');",
			 NULL, NULL, NULL) != STORE_OK)
		abort();
	return db;
}

/* A file holding data, for readers that take a path: a memory file, named
 * through /proc. The path stays the same from input to input. */
static inline const char *fuzz_file(const void *data, size_t size)
{
	static int fd = -1;
	static char path[64];

	if (fd < 0) {
		fd = memfd_create("fuzz-input", 0);
		if (fd < 0)
			abort();
		snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	}
	if (ftruncate(fd, 0) != 0 || (size && pwrite(fd, data, size, 0) != (ssize_t)size))
		abort();
	return path;
}

#endif
