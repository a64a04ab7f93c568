/* check_words.c - the words the check's queries write into a problem (the
 * record it names, the detail after the message): SQL calls
 * beter_tr('session %s', s.id), which fills each %s with the next argument,
 * in the interface's language for people (a table) and in English for JSON
 * and CSV, which are the same in every language. */
#include "check_int.h"

#include <stdlib.h>
#include <string.h>

#include "beter/store.h"
#include "beter/store_sqlite.h"
#include "beter/util.h"

/* Every text the queries give beter_tr, for the catalogue (the queries'
 * literals must be these exactly). */
static const char *const check_words[] __attribute__((used)) = {
	N_("number %s"), N_("row %s"), N_("%s rows"), N_("%s people"), N_("session %s"), N_("item %s"),
	N_("action %s"), N_("goal %s"), N_("candidate %s"), N_("result %s"), N_("activity %s"), N_("talk %s"),
	N_("visit %s"), N_("no framework"), N_("%s is outside %s-%s"), N_("arena %s"), N_("survey %s"),
	N_("response %s"), N_("%s bytes for %s Likert items"), N_("item %s: byte %s, the scale %s-%s has bytes 1-%s"),
	N_("%s stored, %s given"), N_("the school leader"), N_("the school"), N_("%s active: trajectories %s"),
	N_("trajectory %s"), N_("%s, active phases: %s"), N_("phase %s"), N_("done %s in a pending phase"),
	N_("done %s, the phase ran %s to %s"), N_("now"), N_("design %s"), N_("step %s"),
	N_("the visit has no design"), N_("a step of design %s"), N_("period %s"), N_("standard %s"),
	N_("value %s"), N_("previous %s"), N_("%s pupils"),
	/* the statuses of trajectories and phases */
	N_("active"), N_("done"), N_("pending"), N_("closed"),
};

static void fn_tr(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const int *people = sqlite3_user_data(ctx);
	const char *key = (const char *)sqlite3_value_text(argv[0]);
	struct strbuf sb = STRBUF_INIT;
	int next = 1;

	if (!key) {
		sqlite3_result_null(ctx);
		return;
	}
	for (const char *p = check_tr(*people, key); *p; p++) {
		if (p[0] == '%' && p[1] == 's') {
			const char *v = next < argc ? (const char *)sqlite3_value_text(argv[next]) : NULL;
			strbuf_adds(&sb, v ? v : "");
			next++;
			p++;
		} else if (p[0] == '%' && p[1] == '%') {
			strbuf_addc(&sb, '%');
			p++;
		} else {
			strbuf_addc(&sb, *p);
		}
	}
	sqlite3_result_text(ctx, strbuf_str(&sb), -1, SQLITE_TRANSIENT);
	strbuf_release(&sb);
}

int check_words_register(struct store *db, const int *people)
{
	/* PostgreSQL's beter_tr (share/sql/pg/compat.sql) marks the text and its
	 * values; check_words_text translates and fills them in */
	if (store_on_pg(db))
		return store_exec(db, "SELECT set_config('beter.tr', 'mark', false)", NULL);
	return sqlite3_create_function_v2(store_sqlite(db), "beter_tr", -1, SQLITE_UTF8 | SQLITE_DIRECTONLY,
					  (void *)people, fn_tr, NULL, NULL, NULL);
}

void check_words_unregister(struct store *db)
{
	if (store_on_pg(db))
		store_exec(db, "SELECT set_config('beter.tr', '', false)", NULL);
}

/* One marked text at *p (after its U+0001) into sb: the text up to U+001F
 * or U+0002, then its values, each marked texts in turn. */
static void unmark(struct strbuf *sb, int people, const char **p)
{
	struct strbuf key = STRBUF_INIT;
	struct strbuf *vals = NULL;
	size_t nvals = 0;

	while (**p && **p != '\x1f' && **p != '\x02')
		strbuf_addc(&key, *(*p)++);
	while (**p == '\x1f') {
		(*p)++;
		vals = xrealloc(vals, (nvals + 1) * sizeof(*vals));
		strbuf_init(&vals[nvals]);
		while (**p && **p != '\x1f' && **p != '\x02') {
			if (**p == '\x01') {
				(*p)++;
				unmark(&vals[nvals], people, p);
			} else {
				strbuf_addc(&vals[nvals], *(*p)++);
			}
		}
		nvals++;
	}
	if (**p == '\x02')
		(*p)++;
	size_t next = 0;
	for (const char *t = check_tr(people, strbuf_str(&key)); *t; t++) {
		if (t[0] == '%' && t[1] == 's') {
			if (next < nvals)
				strbuf_adds(sb, strbuf_str(&vals[next]));
			next++;
			t++;
		} else if (t[0] == '%' && t[1] == '%') {
			strbuf_addc(sb, '%');
			t++;
		} else {
			strbuf_addc(sb, *t);
		}
	}
	for (size_t i = 0; i < nvals; i++)
		strbuf_release(&vals[i]);
	free(vals);
	strbuf_release(&key);
}

char *check_words_text(int people, const char *s)
{
	if (!s || !strchr(s, '\x01'))
		return NULL;
	struct strbuf sb = STRBUF_INIT;
	for (const char *p = s; *p;) {
		if (*p == '\x01') {
			p++;
			unmark(&sb, people, &p);
		} else {
			strbuf_addc(&sb, *p++);
		}
	}
	char *r = strbuf_detach(&sb);
	return r ? r : xstrdup("");
}
