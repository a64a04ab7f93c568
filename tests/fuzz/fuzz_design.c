/* libFuzzer target: a lesson design as JSON ('beter design add --from',
 * lib/design_in.c), read and then written for team T's goal by JDV and KBO
 * against a store with them; the same bytes are also read as the editor's
 * text (design_in_parse_text). Rolled back after every input. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

#include "beter/design.h"
#include "beter/store_sqlite.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct store *db;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int64_t authors[] = { 1, 2 };
	struct beter_err err = { 0 };
	struct design_in in;
	struct design_new d = { .team = 1, .goal = 1, .authors = authors, .nauthors = 2, .in = &in };
	int64_t id;

	if (!db)
		db = fuzz_store();
	if (sqlite3_exec(store_sqlite(db), "BEGIN", NULL, NULL, NULL) != STORE_OK)
		abort();
	if (design_in_parse_json("fuzz.json", (const char *)data, size, &in, &err) == 0) {
		if (design_add(db, 1, &d, &id, &err) == 0 && in.nsteps != (size_t)store_int_bind(db,
			"SELECT count(*) FROM design_step WHERE design_id = ?1", id, -1))
			abort();
		design_in_release(&in);
	}
	sqlite3_exec(store_sqlite(db), "ROLLBACK", NULL, NULL, NULL);
	if (!sqlite3_get_autocommit(store_sqlite(db)))
		abort();
	/* the editor's text: a C string */
	char *text = malloc(size + 1);
	if (!text)
		abort();
	memcpy(text, data, size);
	text[size] = '\0';
	if (design_in_parse_text("fuzz.txt", text, &in, &err) == 0)
		design_in_release(&in);
	free(text);
	return 0;
}
