/* survey.c - surveys (a wave of an instrument) and the respondent key. */
#include "beter/survey.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "beter/date.h"
#include "beter/store.h"
#include "beter/survey_seal.h"
#include "beter/i18n.h"

/* ---- surveys ---- */

/* Whether the wave is taken already (asked first: a refused insert would use
 * up a number on an engine that hands numbers out before the check). */
static int wave_taken(struct store *db, int64_t school, int64_t instrument, const struct survey_add_opts *o, int *taken,
		      struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(db, "SELECT 1 FROM survey WHERE school_id = ?1 AND instrument_id = ?2 AND "
				    "lower(wave) = lower(?3) AND coalesce(team_id, 0) = ?4", &st, err)))
		return rc;
	store_bind_int(st, 1, school);
	store_bind_int(st, 2, instrument);
	store_bind_text(st, 3, o->wave);
	store_bind_int(st, 4, o->team);
	*taken = 0;
	if (store_next(db, st, &rc, N_("adding the survey"), err))
		*taken = 1;
	store_finalize(st);
	return rc;
}

static int add_row(struct store_stmt *st, int64_t school, int64_t iid, int64_t leader, const struct survey_add_opts *o,
		   int opens, int closes)
{
	char d1[11], d2[11], today[11], uid[33];

	if (leader)
		store_bind_int(st, 9, leader);
	uid_new(uid);
	date_format(opens, d1);
	date_format(closes, d2);
	date_format(date_today(), today);
	store_bind_text(st, 1, uid);
	store_bind_int(st, 2, school);
	store_bind_int(st, 3, iid);
	if (o->team)
		store_bind_int(st, 4, o->team);
	store_bind_text(st, 5, o->wave);
	store_bind_text(st, 6, o->opens ? d1 : NULL);
	store_bind_text(st, 7, o->closes ? d2 : NULL);
	store_bind_text(st, 8, today);
	return store_step(st);
}

int survey_add(struct store *db, int64_t school, const struct survey_add_opts *o, int64_t *id, struct beter_err *err)
{
	struct survey_instrument in;
	int64_t iid, leader = 0;
	int opens = 0, closes = 0, rc;
	struct store_stmt *st;

	if (!o->wave || !*o->wave || strlen(o->wave) > 100 || !utf8_valid(o->wave, strlen(o->wave), NULL))
		return beter_err_set(err, BETER_DATAERR, _("--wave: give the wave a name of 1-100 characters (e.g. 0-meting)"));
	if ((o->opens && (rc = date_parse(o->opens, &opens, "--opens", err))) ||
	    (o->closes && (rc = date_parse(o->closes, &closes, "--closes", err))))
		return rc;
	if (o->opens && o->closes && closes < opens)
		return beter_err_set(err, BETER_DATAERR, _("--closes: %s is before --opens %s"), o->closes, o->opens);
	if ((rc = survey_instrument_get(db, o->instrument, 1, &in, &iid, err)))
		return rc;
	int sealed = !strcmp(in.kind, SURVEY_SEAL_KIND);
	survey_instrument_release(&in);
	if (o->leader && !sealed)
		return beter_err_set(err, BETER_USAGE, _("--leader: '%s' is not a 360-degree feedback"), o->instrument);
	if (sealed && (rc = survey_seal_pick_leader(db, school, o->leader, &leader, err)))
		return rc;
	int taken;
	if ((rc = wave_taken(db, school, iid, o, &taken, err)))
		return rc;
	if (taken) {
		rc = STORE_CONSTRAINT;
	} else {
		if ((rc = store_prepare(db, "INSERT INTO survey(uid, school_id, instrument_id, team_id, wave, opens, closes, "
					    "created, leader_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", &st, err)))
			return rc;
		rc = add_row(st, school, iid, leader, o, opens, closes);
		store_finalize(st);
	}
	if ((rc & 0xff) == STORE_CONSTRAINT)
		return beter_err_set(err, BETER_DATAERR, _("--wave: '%s' already has a survey with the wave '%s' for %s "
				     "(see 'beter survey list')"), o->instrument, o->wave, o->team ? _("this team") : _("the school"));
	if (rc != STORE_DONE)
		return store_fail(db, rc, err, N_("adding the survey"));
	*id = store_last_id(db);
	return 0;
}

int survey_find(struct store *db, int64_t school, int64_t number, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(db, "SELECT 1 FROM survey WHERE id = ?1 AND school_id = ?2", &st, err)))
		return rc;
	store_bind_int(st, 1, number);
	store_bind_int(st, 2, school);
	rc = store_step(st);
	store_finalize(st);
	if (rc == STORE_ROW)
		return 0;
	return beter_err_set(err, BETER_FAIL, _("no survey with number %lld (see 'beter survey list')"), (long long)number);
}

static const struct out_col survey_cols[] = {
	{ N_("id"), OUT_T_INT },	 { N_("instrument"), OUT_T_TEXT }, { N_("wave"), OUT_T_TEXT },	    { N_("team"), OUT_T_TEXT },
	{ N_("opens"), OUT_T_DATE }, { N_("closes"), OUT_T_DATE },     { N_("responses"), OUT_T_INT }, { N_("title"), OUT_T_TEXT },
	{ N_("kind"), OUT_T_TEXT },	 { N_("min_n"), OUT_T_INT },
};

/* the responses: on PostgreSQL from the counts a login may read (the owner
 * reads them all there), as a login may not read survey_response */
#define SURVEY_SQL(responses)                                                                            \
	"SELECT s.id, i.code, s.wave, t.name, s.opens, s.closes, " responses ", i.title, i.kind, i.min_n " \
	"FROM survey s JOIN survey_instrument i ON i.id = s.instrument_id LEFT JOIN team t ON t.id = s.team_id "
static const char survey_sql_lite[] = SURVEY_SQL("(SELECT count(*) FROM survey_response r WHERE r.survey_id = s.id)");
static const char survey_sql_pg[] =
	SURVEY_SQL("(SELECT CAST(coalesce(sum(r.n), 0) AS INTEGER) FROM beter_survey_tally r WHERE r.survey_id = s.id)");

static void survey_row(struct out *o, struct store_stmt *st, int ncols)
{
	for (int i = 0; i < ncols; i++) {
		if (store_col_null(st, i))
			out_null(o);
		else if (survey_cols[i].type == OUT_T_INT)
			out_int(o, store_col_int(st, i));
		else
			out_text(o, store_col_text(st, i));
	}
}

int survey_list(struct store *db, int64_t school, struct out *o, struct beter_err *err)
{
	struct strbuf sql = STRBUF_INIT;
	struct store_stmt *st;
	int rc;

	strbuf_addf(&sql, "%s WHERE s.school_id = ?1 ORDER BY s.id", store_on_pg(db) ? survey_sql_pg : survey_sql_lite);
	rc = store_prepare(db, strbuf_str(&sql), &st, err);
	strbuf_release(&sql);
	if (rc)
		return rc;
	store_bind_int(st, 1, school);
	out_list(o, survey_cols, 7);
	while (store_next(db, st, &rc, N_("listing surveys"), err)) {
		survey_row(o, st, 7);
		out_row_end(o);
	}
	store_finalize(st);
	if (rc)
		return rc;
	out_end(o);
	return 0;
}

int survey_show(struct store *db, int64_t id, struct out *o, struct beter_err *err)
{
	struct strbuf sql = STRBUF_INIT;
	struct store_stmt *st;
	int rc;

	strbuf_addf(&sql, "%s WHERE s.id = ?1", store_on_pg(db) ? survey_sql_pg : survey_sql_lite);
	rc = store_prepare(db, strbuf_str(&sql), &st, err);
	strbuf_release(&sql);
	if (rc)
		return rc;
	store_bind_int(st, 1, id);
	if ((rc = store_step(st)) != STORE_ROW) {
		store_finalize(st);
		if (rc != STORE_DONE) /* a read error is not "no such survey" */
			return store_fail(db, rc, err, N_("reading the survey"));
		return beter_err_set(err, BETER_FAIL, _("no survey with number %lld"), (long long)id);
	}
	out_record(o, survey_cols, sizeof(survey_cols) / sizeof(*survey_cols));
	survey_row(o, st, sizeof(survey_cols) / sizeof(*survey_cols));
	out_end(o);
	store_finalize(st);
	return 0;
}

/* ---- the respondent key ---- */

char *survey_key_path(void)
{
	struct strbuf sb = STRBUF_INIT;
	const char *env = getenv("BETER_KEY_FILE");

	if (env && *env)
		return xstrdup(env);
	env = getenv("XDG_CONFIG_HOME");
	if (env && *env) {
		strbuf_addf(&sb, "%s/beter/key", env);
	} else {
		const char *home = getenv("HOME");
		strbuf_addf(&sb, "%s/.config/beter/key", home && *home ? home : ".");
	}
	return strbuf_detach(&sb);
}

int survey_key_mkdirs(const char *path, struct beter_err *err)
{
	char *dir = xstrdup(path);
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			beter_err_set(err, BETER_IOERR, _("cannot create directory '%s': %s"), dir, strerror(errno));
			free(dir);
			return BETER_IOERR;
		}
		*p = '/';
	}
	free(dir);
	return 0;
}

int survey_key_load(const char *path, unsigned char key[32], struct beter_err *err)
{
	struct stat st;
	int fd, rc;

	if (sodium_init() < 0)
		return beter_err_set(err, BETER_IOERR, _("cannot start the crypto library"));
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 && errno == ENOENT) {
		if ((rc = survey_key_mkdirs(path, err)))
			return rc;
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd < 0)
			return beter_err_set(err, BETER_IOERR, _("cannot create the key file '%s': %s"), path, strerror(errno));
		randombytes_buf(key, 32);
		ssize_t w = write(fd, key, 32);
		if (w != 32 || close(fd) != 0) {
			unlink(path);
			sodium_memzero(key, 32);
			return beter_err_set(err, BETER_IOERR, _("cannot write the key file '%s'"), path);
		}
		return 0;
	}
	if (fd < 0)
		return beter_err_set(err, BETER_IOERR, _("cannot read the key file '%s': %s"), path, strerror(errno));
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size != 32) {
		close(fd);
		return beter_err_set(err, BETER_IOERR, _("the key file '%s' must be a file of 32 bytes (move it away to "
				     "have a new one made; respondents then get new keys)"), path);
	}
	if (st.st_mode & 077) {
		close(fd);
		return beter_err_set(err, BETER_IOERR, _("the key file '%s' can be read by others; run chmod 600 '%s'"), path,
				     path);
	}
	ssize_t r = read(fd, key, 32);
	close(fd);
	if (r != 32)
		return beter_err_set(err, BETER_IOERR, _("cannot read the key file '%s'"), path);
	return 0;
}
