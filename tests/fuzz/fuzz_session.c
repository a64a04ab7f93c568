/* libFuzzer target: a board session as JSON ('beter board session add
 * --from', lib/board.c), read against a store with a team, two teachers, a
 * goal and an action, then written; rolled back after every input. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "fuzz.h"

#include "beter/board.h"
#include "beter/store_sqlite.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct store *db;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct beter_err err = { 0 };
	struct board_session_new s;
	int64_t id;

	if (!db)
		db = fuzz_store();
	board_session_init(&s);
	if (sqlite3_exec(store_sqlite(db), "BEGIN", NULL, NULL, NULL) != STORE_OK)
		abort();
	if (board_session_read(db, 1, fuzz_file(data, size), NULL, &s, &err) == 0)
		board_session_add(db, 1, &s, &id, &err);
	board_session_release(&s);
	sqlite3_exec(store_sqlite(db), "ROLLBACK", NULL, NULL, NULL);
	if (!sqlite3_get_autocommit(store_sqlite(db)))
		abort();
	return 0;
}
