/* store_fn.c - SQL functions written in C that the check's queries use,
 * where SQL would read a row many times: uids, packed survey answers, the
 * text of every column. Part of the SQLite engine: another engine defines
 * the same functions its own way. */
#include "beter/store_sqlite.h"
#include "beter/store_pg.h"

#include <stdint.h>

#include "beter/util.h"

/* beter_answers_given(answers): how many bytes of the answers are not zero
 * (an item left open is a zero byte). */
static void fn_answers_given(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char *a;
	int n, given = 0;

	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	a = sqlite3_value_blob(argv[0]);
	n = sqlite3_value_bytes(argv[0]);
	for (int i = 0; i < n; i++)
		given += a[i] != 0;
	sqlite3_result_int(ctx, given);
}

/* beter_item_limits(pos, n), an aggregate: a blob whose byte pos (from 1)
 * is n, the highest answer byte of the item at that position; zero where
 * no item is. */
struct limits {
	int len;
	unsigned char b[255];
};

static void fn_item_limits_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct limits *l = sqlite3_aggregate_context(ctx, sizeof(*l));
	int64_t pos = sqlite3_value_int64(argv[0]), n = sqlite3_value_int64(argv[1]);

	(void)argc;
	if (!l) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	if (sqlite3_value_type(argv[0]) != SQLITE_INTEGER || pos < 1 || pos > 255)
		return;
	l->b[pos - 1] = (unsigned char)(n < 1 ? 1 : n > 255 ? 255 : n);
	if (pos > l->len)
		l->len = (int)pos;
}

static void fn_item_limits_final(sqlite3_context *ctx)
{
	struct limits *l = sqlite3_aggregate_context(ctx, 0);

	if (!l || !l->len) {
		sqlite3_result_zeroblob(ctx, 0);
		return;
	}
	sqlite3_result_blob(ctx, l->b, l->len, SQLITE_TRANSIENT);
}

/* beter_answer_over(answers, limits): the first position (from 1) whose
 * answer byte is above the item's highest byte, else 0. Positions without
 * an item and bytes past either end are left to the length rule. */
static void fn_answer_over(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char *a = sqlite3_value_blob(argv[0]), *l = sqlite3_value_blob(argv[1]);
	int na = sqlite3_value_bytes(argv[0]), nl = sqlite3_value_bytes(argv[1]);

	(void)argc;
	for (int i = 0; i < na && i < nl; i++)
		if (l[i] && a[i] > l[i]) {
			sqlite3_result_int(ctx, i + 1);
			return;
		}
	sqlite3_result_int(ctx, 0);
}

/* beter_uid(x): 1 when x is text of 32 lowercase hex digits, else 0. */
static void fn_uid(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	sqlite3_result_int(ctx, sqlite3_value_type(argv[0]) == SQLITE_TEXT && sqlite3_value_bytes(argv[0]) == 32 &&
				       uid_valid((const char *)sqlite3_value_text(argv[0])));
}

/* beter_bad_text(v1, v2, ...): the position (from 1) of the first argument
 * that is text and not valid UTF-8 (or holds a NUL byte), else 0. One call
 * per row reads every column once: the check is one pass over each table. */
static void fn_bad_text(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	for (int i = 0; i < argc; i++) {
		if (sqlite3_value_type(argv[i]) != SQLITE_TEXT)
			continue;
		const char *s = (const char *)sqlite3_value_text(argv[i]);
		if (!utf8_valid(s, (size_t)sqlite3_value_bytes(argv[i]), NULL)) {
			sqlite3_result_int(ctx, i + 1);
			return;
		}
	}
	sqlite3_result_int(ctx, 0);
}

/* beter_blank(x): 1 when x is text of only white space (str_blank). */
static void fn_blank(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	sqlite3_result_int(ctx, str_blank((const char *)sqlite3_value_text(argv[0])));
}

int store_fn_register(struct store *store)
{
	if (store_is_pg(store))
		return STORE_OK; /* PostgreSQL's are in the schema beter_compat */
	const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY;
	sqlite3 *db = store_sqlite(store);
	int rc = sqlite3_create_function_v2(db, "beter_answers_given", 1, flags, NULL, fn_answers_given, NULL, NULL, NULL);

	if (rc == SQLITE_OK)
		rc = sqlite3_create_function_v2(db, "beter_uid", 1, flags, NULL, fn_uid, NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function_v2(db, "beter_item_limits", 2, flags, NULL, NULL, fn_item_limits_step,
						fn_item_limits_final, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function_v2(db, "beter_answer_over", 2, flags, NULL, fn_answer_over, NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function_v2(db, "beter_bad_text", -1, flags, NULL, fn_bad_text, NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function_v2(db, "beter_blank", 1, flags, NULL, fn_blank, NULL, NULL, NULL);
	return rc;
}
