/* framework.h - observation frameworks (kijkwijzers): domains with items
 * (stable ids) and a whole-number scale with labels.
 *
 * Shipped frameworks are JSON files in share/frameworks (share.h); a school's
 * own is imported from JSON or CSV into the store. A framework a visit uses
 * is kept in the store (table visit_framework), so its scores stay readable.
 *
 * JSON: {"key": "leskwaliteit", "title": "...", "description": "...",
 *        "scale": {"min": 1, "max": 4, "labels": ["...", ...]},
 *        "domains": [{"id": "klimaat", "title": "...",
 *                     "items": [{"id": "klimaat.1", "text": "..."}, ...]}, ...]}
 * CSV (',' ';' or tab): a header with item_id, item and domain (Dutch: code,
 * omschrijving/tekst, domein), optionally domain_id; one row per item.
 */
#ifndef BETER_FRAMEWORK_H
#define BETER_FRAMEWORK_H

#include <stddef.h>
#include <stdint.h>

#include "beter/err.h"
#include "beter/out.h"

struct store;
struct store_stmt;

#define FRAMEWORK_DEFAULT "leskwaliteit"

struct fw_domain {
	char *id, *title;
};

struct fw_item {
	char *id, *text;
	size_t domain; /* index into domains */
};

struct framework {
	int64_t id;       /* number in the store, 0 if not stored */
	char *key, *title, *description;
	const char *source; /* "shipped" or "imported" */
	int min, max;
	char **labels;    /* max - min + 1 entries, each may be NULL */
	struct fw_domain *domains;
	size_t ndomains;
	struct fw_item *items;
	size_t nitems;
};

void framework_release(struct framework *fw);

/* 1-64 of a-z 0-9 . _ - (keys and ids). */
int framework_id_valid(const char *s);

/* Parse and check a framework document; name is used in messages. */
int framework_parse_json(const char *name, const char *text, struct framework *fw, struct beter_err *err);
/* Read items from CSV; key, title, scale and labels ("a|b|c|d") come from the caller. */
int framework_parse_csv(const char *path, const char *key, const char *title, int min, int max, const char *labels,
			struct framework *fw, struct beter_err *err);
/* The same from CSV text already read; name is used in messages. */
int framework_parse_csv_mem(const char *name, const char *data, size_t len, const char *key, const char *title, int min,
			    int max, const char *labels, struct framework *fw, struct beter_err *err);
/* The same with the sheet of an .xlsx and where a note goes (csvin.h). */
struct csvin_opts;
int framework_parse_csv_in(const char *name, const char *data, size_t len, const struct csvin_opts *in,
			   const char *key, const char *title, int min, int max, const char *labels, struct framework *fw,
			   struct beter_err *err);
/* The normalised JSON document (malloc'd). */
char *framework_to_json(const struct framework *fw);

/* Find a framework by key: the school's stored ones, then the shipped files.
 * With store_copy, a shipped one is copied into the store (needs a write
 * transaction) so that fw->id is set. BETER_FAIL when there is none. */
int framework_get(struct store *db, int64_t school, const char *key, int store_copy, struct framework *fw,
		  struct beter_err *err);
int framework_load(struct store *db, int64_t id, struct framework *fw, struct beter_err *err);

const struct fw_item *framework_item(const struct framework *fw, const char *id);
/* Label of a scale value, or NULL. */
const char *framework_label(const struct framework *fw, int value);

struct framework_import {
	const char *key;    /* default: from the JSON, else the file name */
	const char *title;  /* CSV: default the key */
	int min, max;       /* CSV: the scale, default 1-4 */
	const char *labels; /* CSV: labels split by '|' */
	const char *sheet;  /* .xlsx: the sheet (NULL: the first) */
	struct strbuf *notes; /* gets a line when a CSV file is read as Windows-1252 */
};
/* Import (or replace) a school's own framework. *replaced tells whether
 * the key existed. Refuses to drop items that visits have scores on. */
int framework_import(struct store *db, int64_t school, const char *path, const struct framework_import *opt,
		     int64_t *id, int *replaced, struct beter_err *err);

int framework_list(struct store *db, int64_t school, struct out *o, struct beter_err *err);
int framework_show(struct store *db, int64_t school, const char *key, struct out *o, struct beter_err *err);

#endif
