#include "framework_int.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "beter/csvin.h"
#include "beter/date.h"
#include "beter/i18n.h"
#include "beter/jsonin.h"
#include "beter/share.h"
#include "beter/store.h"
#include "beter/util.h"

#define FW_TEXT_MAX 2000

void framework_release(struct framework *fw)
{
	if (!fw)
		return;
	free(fw->key);
	free(fw->title);
	free(fw->description);
	if (fw->labels)
		for (int i = 0; i <= fw->max - fw->min; i++)
			free(fw->labels[i]);
	free(fw->labels);
	for (size_t i = 0; i < fw->ndomains; i++) {
		free(fw->domains[i].id);
		free(fw->domains[i].title);
	}
	free(fw->domains);
	for (size_t i = 0; i < fw->nitems; i++) {
		free(fw->items[i].id);
		free(fw->items[i].text);
	}
	free(fw->items);
	memset(fw, 0, sizeof(*fw));
}

int framework_id_valid(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	if (n < 1 || n > 64)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'))
			return 0;
	}
	return 1;
}

const struct fw_item *framework_item(const struct framework *fw, const char *id)
{
	for (size_t i = 0; id && i < fw->nitems; i++)
		if (!strcmp(fw->items[i].id, id))
			return &fw->items[i];
	return NULL;
}

const char *framework_label(const struct framework *fw, int value)
{
	if (!fw->labels || value < fw->min || value > fw->max)
		return NULL;
	return fw->labels[value - fw->min];
}

static int text_ok(const char *s)
{
	return s && *s && strlen(s) <= FW_TEXT_MAX && utf8_valid(s, strlen(s), NULL);
}

static int add_domain(struct framework *fw, const char *id, const char *title)
{
	for (size_t i = 0; i < fw->ndomains; i++)
		if (!strcmp(fw->domains[i].id, id))
			return -1;
	fw->domains = xrealloc(fw->domains, (fw->ndomains + 1) * sizeof(*fw->domains));
	fw->domains[fw->ndomains].id = xstrdup(id);
	fw->domains[fw->ndomains].title = xstrdup(title);
	return (int)fw->ndomains++;
}

static int add_item(struct framework *fw, const char *id, const char *text, size_t domain)
{
	if (framework_item(fw, id))
		return -1;
	fw->items = xrealloc(fw->items, (fw->nitems + 1) * sizeof(*fw->items));
	fw->items[fw->nitems].id = xstrdup(id);
	fw->items[fw->nitems].text = xstrdup(text);
	fw->items[fw->nitems].domain = domain;
	fw->nitems++;
	return 0;
}

static int set_scale(struct framework *fw, int min, int max, const char *what, struct beter_err *err)
{
	if (min < 0 || max > 100 || max <= min)
		return beter_err_set(err, BETER_DATAERR, _("%s: the scale must be whole numbers with 0 <= min < max <= 100 "
				     "(got %d-%d)"), what, min, max);
	fw->min = min;
	fw->max = max;
	fw->labels = xcalloc((size_t)(max - min + 1), sizeof(char *));
	return 0;
}

/* the string member k of obj: NULL if absent and optional */
static int json_str(cJSON *obj, const char *k, int required, const char *name, const char *where, const char **out,
		    struct beter_err *err)
{
	cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, k);
	*out = NULL;
	if (!v || cJSON_IsNull(v)) {
		if (required)
			return beter_err_set(err, BETER_DATAERR, _("%s: field '%s%s': missing"), name, where, k);
		return 0;
	}
	if (!cJSON_IsString(v))
		return beter_err_set(err, BETER_DATAERR, _("%s: field '%s%s': expected a string"), name, where, k);
	if (!text_ok(v->valuestring))
		return beter_err_set(err, BETER_DATAERR, _("%s: field '%s%s': must be 1-%d bytes of UTF-8 text"), name, where,
				     k, FW_TEXT_MAX);
	*out = v->valuestring;
	return 0;
}

static int json_int(cJSON *obj, const char *k, const char *name, const char *where, int *out, struct beter_err *err)
{
	cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, k);
	if (!v)
		return beter_err_set(err, BETER_DATAERR, _("%s: field '%s%s': missing"), name, where, k);
	/* the range first: a cast of a double outside int is undefined */
	if (!cJSON_IsNumber(v) || !(fabs(v->valuedouble) <= 1e6) || v->valuedouble != (double)(int)v->valuedouble)
		return beter_err_set(err, BETER_DATAERR, _("%s: field '%s%s': expected a whole number"), name, where, k);
	*out = (int)v->valuedouble;
	return 0;
}

static int parse_doc(const char *name, cJSON *root, struct framework *fw, struct beter_err *err)
{
	const char *s;
	cJSON *scale, *labels, *domains, *d;
	int rc, min = 0, max = 0, di = 0;
	char where[160];

	if (!cJSON_IsObject(root))
		return beter_err_set(err, BETER_DATAERR, _("%s: expected a JSON object with key, title, scale and domains"),
				     name);
	if ((rc = json_str(root, "key", 0, name, "", &s, err)))
		return rc;
	if (s && !framework_id_valid(s))
		return beter_err_set(err, BETER_DATAERR, _("%s: field 'key': '%s' is not a key (1-64 of a-z 0-9 . _ -)"),
				     name, s);
	fw->key = s ? xstrdup(s) : NULL;
	if ((rc = json_str(root, "title", 1, name, "", &s, err)))
		return rc;
	fw->title = xstrdup(s);
	if ((rc = json_str(root, "description", 0, name, "", &s, err)))
		return rc;
	fw->description = s ? xstrdup(s) : NULL;
	scale = cJSON_GetObjectItemCaseSensitive(root, "scale");
	if (!cJSON_IsObject(scale))
		return beter_err_set(err, BETER_DATAERR, _("%s: field 'scale': expected an object {\"min\": 1, \"max\": 4, "
				     "\"labels\": [...]}"), name);
	if ((rc = json_int(scale, "min", name, "scale.", &min, err)) || (rc = json_int(scale, "max", name, "scale.", &max, err)) ||
	    (rc = set_scale(fw, min, max, name, err)))
		return rc;
	labels = cJSON_GetObjectItemCaseSensitive(scale, "labels");
	if (labels && !cJSON_IsNull(labels)) {
		if (!cJSON_IsArray(labels) || cJSON_GetArraySize(labels) != max - min + 1)
			return beter_err_set(err, BETER_DATAERR, _("%s: field 'scale.labels': expected an array of %d strings "
					     "(one per value %d-%d)"), name, max - min + 1, min, max);
		for (int i = 0; i <= max - min; i++) {
			cJSON *l = cJSON_GetArrayItem(labels, i);
			if (!cJSON_IsString(l) || !text_ok(l->valuestring))
				return beter_err_set(err, BETER_DATAERR, _("%s: field 'scale.labels[%d]': expected a string"), name, i);
			fw->labels[i] = xstrdup(l->valuestring);
		}
	}
	domains = cJSON_GetObjectItemCaseSensitive(root, "domains");
	if (!cJSON_IsArray(domains) || cJSON_GetArraySize(domains) == 0)
		return beter_err_set(err, BETER_DATAERR, _("%s: field 'domains': expected a non-empty array"), name);
	cJSON_ArrayForEach(d, domains)
	{
		const char *id, *title;
		cJSON *items, *it;
		int ii = 0, dx;

		snprintf(where, sizeof(where), "domains[%d].", di);
		if (!cJSON_IsObject(d))
			return beter_err_set(err, BETER_DATAERR, _("%s: field 'domains[%d]': expected an object"), name, di);
		if ((rc = json_str(d, "id", 1, name, where, &id, err)) || (rc = json_str(d, "title", 1, name, where, &title, err)))
			return rc;
		if (!framework_id_valid(id))
			return beter_err_set(err, BETER_DATAERR, _("%s: field '%sid': '%s' is not an id (1-64 of a-z 0-9 . _ -)"),
					     name, where, id);
		if ((dx = add_domain(fw, id, title)) < 0)
			return beter_err_set(err, BETER_DATAERR, _("%s: field '%sid': domain '%s' appears twice"), name, where, id);
		items = cJSON_GetObjectItemCaseSensitive(d, "items");
		if (!cJSON_IsArray(items) || cJSON_GetArraySize(items) == 0)
			return beter_err_set(err, BETER_DATAERR, _("%s: field '%sitems': expected a non-empty array"), name, where);
		cJSON_ArrayForEach(it, items)
		{
			const char *iid, *text;
			snprintf(where, sizeof(where), "domains[%d].items[%d].", di, ii);
			if (!cJSON_IsObject(it))
				return beter_err_set(err, BETER_DATAERR, _("%s: field '%.*s': expected an object"), name,
						     (int)strlen(where) - 1, where);
			if ((rc = json_str(it, "id", 1, name, where, &iid, err)) ||
			    (rc = json_str(it, "text", 1, name, where, &text, err)))
				return rc;
			if (!framework_id_valid(iid))
				return beter_err_set(err, BETER_DATAERR, _("%s: field '%sid': '%s' is not an id (1-64 of a-z 0-9 . _ -)"),
						     name, where, iid);
			if (add_item(fw, iid, text, (size_t)dx) < 0)
				return beter_err_set(err, BETER_DATAERR, _("%s: field '%sid': item '%s' appears twice"), name, where, iid);
			ii++;
		}
		di++;
	}
	return 0;
}

int framework_parse_json_mem(const char *name, const char *text, size_t len, struct framework *fw,
			  struct beter_err *err)
{
	cJSON *root;
	int rc;

	memset(fw, 0, sizeof(*fw));
	if ((rc = jsonin_parse(name, text, len, &root, err)))
		return rc;
	rc = parse_doc(name, root, fw, err);
	cJSON_Delete(root);
	if (rc)
		framework_release(fw);
	return rc;
}

int framework_parse_json(const char *name, const char *text, struct framework *fw, struct beter_err *err)
{
	return framework_parse_json_mem(name, text, strlen(text), fw, err);
}

static int parse_csv(const char *path, const char *data, size_t len, const struct csvin_opts *in, const char *key,
		     const char *title, int min, int max, const char *labels, struct framework *fw, struct beter_err *err);

int framework_parse_csv(const char *path, const char *key, const char *title, int min, int max, const char *labels,
			struct framework *fw, struct beter_err *err)
{
	return parse_csv(path, NULL, 0, NULL, key, title, min, max, labels, fw, err);
}

int framework_parse_csv_mem(const char *name, const char *data, size_t len, const char *key, const char *title, int min,
			    int max, const char *labels, struct framework *fw, struct beter_err *err)
{
	return parse_csv(name, data ? data : "", len, NULL, key, title, min, max, labels, fw, err);
}

int framework_parse_csv_in(const char *name, const char *data, size_t len, const struct csvin_opts *in,
			   const char *key, const char *title, int min, int max, const char *labels, struct framework *fw,
			   struct beter_err *err)
{
	return parse_csv(name, data ? data : "", len, in, key, title, min, max, labels, fw, err);
}

/* From the file path, or from data already read (then path only names it). */
static int parse_csv(const char *path, const char *data, size_t len, const struct csvin_opts *in, const char *key,
		     const char *title, int min, int max, const char *labels, struct framework *fw, struct beter_err *err)
{
	static const char *const n_iid[] = { "item_id", "code", "id", NULL };
	static const char *const n_item[] = { "item", "omschrijving", "tekst", "text", "indicator", NULL };
	static const char *const n_dom[] = { "domain", "domein", NULL };
	static const char *const n_did[] = { "domain_id", "domein_id", NULL };
	struct csvin r;
	int rc, ciid, citem, cdom, cdid;

	memset(fw, 0, sizeof(*fw));
	fw->key = xstrdup(key);
	fw->title = xstrdup(title);
	if ((rc = set_scale(fw, min, max, "--scale", err)))
		goto fail;
	if (labels) {
		char *copy = xstrdup(labels), *save = NULL;
		int i = 0;
		for (char *l = strtok_r(copy, "|", &save); l; l = strtok_r(NULL, "|", &save), i++) {
			str_trim(l);
			if (i > max - min || !text_ok(l))
				break;
			fw->labels[i] = xstrdup(l);
		}
		free(copy);
		if (i != max - min + 1) {
			rc = beter_err_set(err, BETER_DATAERR, _("--labels: give %d labels split by '|', one per value %d-%d"),
					   max - min + 1, min, max);
			goto fail;
		}
	}
	if ((rc = data ? csvin_open_mem_opts(&r, strcmp(path, "-") ? path : "<stdin>", data, len, in, err)
		       : csvin_open_opts(&r, path, in, err)))
		goto fail;
	rc = csvin_read(&r);
	if (rc <= 0) {
		rc = rc == 0 ? beter_err_set(err, BETER_DATAERR, _("%s: the file is empty"), r.name) : err->status;
		goto done;
	}
	ciid = csvin_find(&r, n_iid);
	citem = csvin_find(&r, n_item);
	cdom = csvin_find(&r, n_dom);
	cdid = csvin_find(&r, n_did);
	if (ciid < 0 || citem < 0 || cdom < 0) {
		rc = beter_err_set(err, BETER_DATAERR, _("%s:1: the header needs the columns domain, item_id and item "
				   "(optionally domain_id)"), r.name);
		goto done;
	}
	r.width = (int)csvin_nfields(&r);
	while ((rc = csvin_read(&r)) == 1) {
		char *dtitle = str_trim(xstrdup(csvin_field(&r, (size_t)cdom)));
		char *iid = str_lower(str_trim(xstrdup(csvin_field(&r, (size_t)ciid))));
		char *text = str_trim(xstrdup(csvin_field(&r, (size_t)citem)));
		char *did = cdid >= 0 ? str_lower(str_trim(xstrdup(csvin_field(&r, (size_t)cdid)))) : NULL;
		size_t dx = fw->ndomains;

		rc = 0;
		if (!text_ok(dtitle))
			rc = csvin_error(&r, (size_t)cdom, _("domain: missing (every item belongs to a domain)"));
		else if (!framework_id_valid(iid))
			rc = csvin_error(&r, (size_t)ciid, _("item_id: '%s' is not an id (1-64 of a-z 0-9 . _ -)"), iid);
		else if (!text_ok(text))
			rc = csvin_error(&r, (size_t)citem, _("item: must be 1-%d bytes of text"), FW_TEXT_MAX);
		else if (did && !framework_id_valid(did))
			rc = csvin_error(&r, (size_t)cdid, _("domain_id: '%s' is not an id (1-64 of a-z 0-9 . _ -)"), did);
		if (!rc) {
			/* a domain is found by its id, else by its title; new ones are numbered */
			for (size_t i = 0; i < fw->ndomains; i++)
				if (did ? !strcmp(fw->domains[i].id, did) : !strcmp(fw->domains[i].title, dtitle))
					dx = i;
			if (dx == fw->ndomains) {
				char num[24];
				snprintf(num, sizeof(num), "d%zu", fw->ndomains + 1);
				add_domain(fw, did ? did : num, dtitle);
			}
			if (add_item(fw, iid, text, dx) < 0)
				rc = csvin_error(&r, (size_t)ciid, _("item_id: '%s' appears twice"), iid);
		}
		free(dtitle);
		free(iid);
		free(text);
		free(did);
		if (rc)
			goto done;
	}
	if (rc < 0) {
		rc = err->status;
		goto done;
	}
	if (fw->nitems == 0)
		rc = beter_err_set(err, BETER_DATAERR, _("%s: no items (one row per item under the header)"), r.name);
done:
	csvin_close(&r);
fail:
	if (rc)
		framework_release(fw);
	return rc;
}

char *framework_to_json(const struct framework *fw)
{
	cJSON *root = cJSON_CreateObject(), *scale, *labels, *domains;
	char *s, *out;

	cJSON_AddStringToObject(root, "key", fw->key);
	cJSON_AddStringToObject(root, "title", fw->title);
	if (fw->description)
		cJSON_AddStringToObject(root, "description", fw->description);
	scale = cJSON_AddObjectToObject(root, "scale");
	cJSON_AddNumberToObject(scale, "min", fw->min);
	cJSON_AddNumberToObject(scale, "max", fw->max);
	if (fw->labels && fw->labels[0]) {
		labels = cJSON_AddArrayToObject(scale, "labels");
		for (int i = 0; i <= fw->max - fw->min; i++)
			cJSON_AddItemToArray(labels, cJSON_CreateString(fw->labels[i] ? fw->labels[i] : ""));
	}
	domains = cJSON_AddArrayToObject(root, "domains");
	for (size_t d = 0; d < fw->ndomains; d++) {
		cJSON *dom = cJSON_CreateObject(), *items;
		cJSON_AddStringToObject(dom, "id", fw->domains[d].id);
		cJSON_AddStringToObject(dom, "title", fw->domains[d].title);
		items = cJSON_AddArrayToObject(dom, "items");
		for (size_t i = 0; i < fw->nitems; i++) {
			if (fw->items[i].domain != d)
				continue;
			cJSON *it = cJSON_CreateObject();
			cJSON_AddStringToObject(it, "id", fw->items[i].id);
			cJSON_AddStringToObject(it, "text", fw->items[i].text);
			cJSON_AddItemToArray(items, it);
		}
		cJSON_AddItemToArray(domains, dom);
	}
	s = cJSON_PrintUnformatted(root);
	cJSON_Delete(root);
	out = xstrdup(s);
	cJSON_free(s);
	return out;
}
