/* board_session_json.c - a board session read from a JSON document. */
#include "beter/board.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "beter/date.h"
#include "beter/jsonin.h"
#include "beter/person.h"
#include "beter/team.h"
#include "beter/util.h"

/* ---- a session as a JSON document ---- */

static int jerr(struct beter_err *err, const char *file, const char *field, const char *what)
{
	return beter_err_set(err, BETER_DATAERR, _("%s: field '%s': %s"), file, field, what);
}

static int json_text(const cJSON *j, const char *file, const char *field, int required, char **out,
		     struct beter_err *err)
{
	*out = NULL;
	if (!j || cJSON_IsNull(j)) {
		if (required)
			return jerr(err, file, field, _("is missing"));
		return 0;
	}
	if (!cJSON_IsString(j))
		return jerr(err, file, field, _("expected a string"));
	if (!utf8_valid(j->valuestring, strlen(j->valuestring), NULL))
		return jerr(err, file, field, _("is not valid UTF-8"));
	if (strlen(j->valuestring) > 4000)
		return jerr(err, file, field, _("is longer than 4000 bytes"));
	*out = xstrdup(j->valuestring);
	return 0;
}

static int json_number(const cJSON *j, const char *file, const char *field, int whole, double min, double max,
		       double *out, struct beter_err *err)
{
	char buf[160];
	if (!cJSON_IsNumber(j))
		return jerr(err, file, field, whole ? _("expected a whole number") : _("expected a number"));
	if (whole && j->valuedouble != floor(j->valuedouble))
		return jerr(err, file, field, _("expected a whole number"));
	if (!(j->valuedouble >= min && j->valuedouble <= max)) {
		char v[32];
		out_format_real(v, sizeof(v), j->valuedouble);
		snprintf(buf, sizeof(buf), _("%s is outside %g-%g"), v, min, max);
		return jerr(err, file, field, buf);
	}
	*out = j->valuedouble;
	return 0;
}

static char *read_all(const char *path, size_t *len, struct beter_err *err)
{
	FILE *fp;
	struct strbuf sb = STRBUF_INIT;
	char buf[8192];
	size_t n;

	if (input_open(path, &fp, err))
		return NULL;
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		strbuf_add(&sb, buf, n);
	if (ferror(fp)) {
		beter_err_set(err, BETER_IOERR, _("%s: cannot read: %s"), path, strerror(errno));
		if (fp != stdin)
			fclose(fp);
		strbuf_release(&sb);
		return NULL;
	}
	if (fp != stdin)
		fclose(fp);
	*len = sb.len;
	strbuf_addc(&sb, '\0');
	return strbuf_detach(&sb);
}

/* checkin: {"CODE": score} */
static int json_checkins(struct store *db, int64_t school, const cJSON *j, const char *file,
			 struct board_session_new *s,
			 struct beter_err *err)
{
	const cJSON *c;
	char field[64];
	double v;
	int rc;

	if (!j || cJSON_IsNull(j))
		return 0;
	if (!cJSON_IsObject(j))
		return jerr(err, file, "checkin", _("expected an object of person codes and scores"));
	cJSON_ArrayForEach(c, j) {
		int64_t person;
		snprintf(field, sizeof(field), "checkin.%s", c->string ? c->string : "");
		if ((rc = json_number(c, file, field, 1, 1, 10, &v, err)))
			return rc;
		if ((rc = person_find(db, school, c->string, &person, err)))
			return rc;
		board_session_checkin(s, person, (int)v);
	}
	return 0;
}

/* successes: ["..."] */
static int json_successes(const cJSON *j, const char *file, struct board_session_new *s, struct beter_err *err)
{
	const cJSON *c;
	char field[64], *text;
	int i = 0, rc;

	if (!j || cJSON_IsNull(j))
		return 0;
	if (!cJSON_IsArray(j))
		return jerr(err, file, "successes", _("expected an array of strings"));
	cJSON_ArrayForEach(c, j) {
		snprintf(field, sizeof(field), "successes[%d]", i++);
		if ((rc = json_text(c, file, field, 1, &text, err)))
			return rc;
		board_session_success(s, text);
		free(text);
	}
	return 0;
}

/* measures: [{"goal": N, "score": S}] */
static int json_measures(const cJSON *j, const char *file, struct board_session_new *s, struct beter_err *err)
{
	const cJSON *c;
	char field[64];
	double v;
	int i = 0, rc;

	if (!j || cJSON_IsNull(j))
		return 0;
	if (!cJSON_IsArray(j))
		return jerr(err, file, "measures", _("expected an array of {\"goal\": N, \"score\": S}"));
	cJSON_ArrayForEach(c, j) {
		double g;
		if (!cJSON_IsObject(c)) {
			snprintf(field, sizeof(field), "measures[%d]", i);
			return jerr(err, file, field, _("expected an object {\"goal\": N, \"score\": S}"));
		}
		snprintf(field, sizeof(field), "measures[%d].goal", i);
		if ((rc = json_number(cJSON_GetObjectItemCaseSensitive(c, "goal"), file, field, 1, 1, 1e15, &g, err)))
			return rc;
		snprintf(field, sizeof(field), "measures[%d].score", i++);
		if ((rc = json_number(cJSON_GetObjectItemCaseSensitive(c, "score"), file, field, 0, 1, 10, &v, err)))
			return rc;
		board_session_measure(s, (int64_t)g, v);
	}
	return 0;
}

/* done: [N, ...] */
static int json_done(const cJSON *j, const char *file, struct board_session_new *s, struct beter_err *err)
{
	const cJSON *c;
	char field[64];
	double v;
	int i = 0, rc;

	if (!j || cJSON_IsNull(j))
		return 0;
	if (!cJSON_IsArray(j))
		return jerr(err, file, "done", _("expected an array of action numbers"));
	cJSON_ArrayForEach(c, j) {
		snprintf(field, sizeof(field), "done[%d]", i++);
		if ((rc = json_number(c, file, field, 1, 1, 1e15, &v, err)))
			return rc;
		board_session_done(s, (int64_t)v);
	}
	return 0;
}

static int session_from_json(struct store *db, int64_t school, const cJSON *root, const char *file,
			     const char *team_name,
			     struct board_session_new *s, struct beter_err *err)
{
	static const char *const known[] = { "team", "date", "leader", "topic", "checkin", "successes", "measures",
					     "done", "note", NULL };
	const cJSON *j;
	char *text = NULL, field[64];
	int rc;

	if (!cJSON_IsObject(root))
		return beter_err_set(err, BETER_DATAERR, _("%s: expected a JSON object"), file);
	cJSON_ArrayForEach(j, root) {
		int ok = 0;
		for (const char *const *k = known; *k; k++)
			ok |= j->string && !strcmp(j->string, *k);
		if (!ok)
			return jerr(err, file, j->string ? j->string : "", _("is not a field of a session (see 'beter help board')"));
	}
	/* team */
	if ((rc = json_text(cJSON_GetObjectItemCaseSensitive(root, "team"), file, "team", !team_name, &text, err)))
		return rc;
	rc = team_find(db, school, text ? text : team_name, &s->team, err);
	if (!rc && text && team_name) {
		int64_t given;
		if (!(rc = team_find(db, school, team_name, &given, err)) && given != s->team)
			rc = beter_err_set(err, BETER_USAGE, _("--team: '%s' is not the team '%s' of %s; give the team in one "
					   "place"), team_name, text, file);
	}
	free(text);
	if (rc)
		return rc;
	/* date */
	if ((rc = json_text(cJSON_GetObjectItemCaseSensitive(root, "date"), file, "date", 1, &text, err)))
		return rc;
	snprintf(field, sizeof(field), _("%.40s: field 'date'"), file);
	rc = date_parse(text, &s->date, field, err);
	if (!rc)
		rc = date_not_future(s->date, field, err);
	free(text);
	if (rc)
		return rc;
	/* leader */
	if ((rc = json_text(cJSON_GetObjectItemCaseSensitive(root, "leader"), file, "leader", 1, &text, err)))
		return rc;
	rc = person_find(db, school, text, &s->leader, err);
	free(text);
	if (rc)
		return rc;
	if ((rc = json_text(cJSON_GetObjectItemCaseSensitive(root, "topic"), file, "topic", 0, &s->topic, err)) ||
	    (rc = json_text(cJSON_GetObjectItemCaseSensitive(root, "note"), file, "note", 0, &s->note, err)))
		return rc;
	if ((rc = json_checkins(db, school, cJSON_GetObjectItemCaseSensitive(root, "checkin"), file, s, err)) ||
	    (rc = json_successes(cJSON_GetObjectItemCaseSensitive(root, "successes"), file, s, err)) ||
	    (rc = json_measures(cJSON_GetObjectItemCaseSensitive(root, "measures"), file, s, err)))
		return rc;
	return json_done(cJSON_GetObjectItemCaseSensitive(root, "done"), file, s, err);
}

int board_session_read(struct store *db, int64_t school, const char *path, const char *team_name,
		       struct board_session_new *s, struct beter_err *err)
{
	const char *file = strcmp(path, "-") ? path : "stdin";
	size_t len = 0;
	char *text = read_all(path, &len, err);
	cJSON *root;
	int rc;

	if (!text)
		return err ? err->status : BETER_IOERR;
	if ((rc = jsonin_parse(file, text, len, &root, err))) {
		free(text);
		return rc;
	}
	rc = session_from_json(db, school, root, file, team_name, s, err);
	cJSON_Delete(root);
	free(text);
	return rc;
}
