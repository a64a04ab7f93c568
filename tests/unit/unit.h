/* unit.h - shared helpers for the cmocka unit tests. */
#ifndef BETER_UNIT_H
#define BETER_UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "beter/out.h"
#include "beter/store.h"
#include "beter/store_sqlite.h"

/* A fresh in-memory store with one school (id 1). */
static inline struct store *unit_store(void)
{
	struct store *db = NULL;
	struct beter_err err = { 0 };
	assert_int_equal(store_open(":memory:", STORE_MEMORY, &db, &err), 0);
	assert_int_equal(sqlite3_exec(store_sqlite(db), "INSERT INTO school(uid, name, created) VALUES ('u1', 'Testschool', '2026-11-20')",
				      NULL, NULL, NULL), STORE_OK);
	return db;
}

/* Capture output of a writer into a memory buffer. */
struct capture {
	char *buf;
	size_t len;
	FILE *fp;
	struct out out;
};

static inline void capture_begin(struct capture *c, enum out_format fmt)
{
	c->buf = NULL;
	c->len = 0;
	c->fp = open_memstream(&c->buf, &c->len);
	out_init(&c->out, c->fp, fmt);
}

static inline const char *capture_end(struct capture *c)
{
	out_release(&c->out);
	fclose(c->fp);
	return c->buf;
}

#endif
