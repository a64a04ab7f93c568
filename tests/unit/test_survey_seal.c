#include "unit.h"

#include <sodium.h>
#include <sys/stat.h>

#include "beter/person.h"
#include "beter/survey.h"
#include "beter/survey_seal.h"

static const char doc360[] =
	"{\"id\":\"f360\",\"title\":\"F\",\"kind\":\"feedback360\",\"min_n\":3,"
	"\"likert\":[{\"id\":\"v\",\"min\":1,\"max\":5}],"
	"\"raters\":[{\"id\":\"zelf\",\"label\":\"Zelf\"},{\"id\":\"leraar\",\"label\":\"Leraar\"}],"
	"\"scales\":[{\"id\":\"s\",\"title\":\"S\",\"likert\":\"v\"}],"
	"\"items\":[{\"id\":\"a\",\"text\":\"A\",\"scale\":\"s\"},{\"id\":\"b\",\"text\":\"B\",\"scale\":\"s\"},"
	"{\"id\":\"tip\",\"text\":\"Tip\",\"type\":\"text\"}]}";

struct fixture {
	char dir[64];
	char path[128];
	struct store *db;
	int64_t survey;
};

static void write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

/* A store with a school leader, a 360 instrument and one survey of it; the
 * key files in a fresh directory. */
static void setup(struct fixture *f)
{
	struct beter_err err = { 0 };
	struct survey_add_opts a = { 0 };
	int64_t id, person;
	int changed;

	snprintf(f->dir, sizeof(f->dir), "/tmp/beter-seal.XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->path, sizeof(f->path), "%s/key", f->dir);
	setenv("BETER_KEY_FILE", f->path, 1);
	unsetenv(SURVEY_SEAL_ENV);
	f->db = unit_store();
	assert_int_equal(person_add(f->db, 1, "MVD", "Marieke", "schoolleider", &person, &err), 0);
	assert_int_equal(person_add(f->db, 1, "JD", "Jan", "leraar", &person, &err), 0);
	snprintf(f->path, sizeof(f->path), "%s/f360.json", f->dir);
	write_file(f->path, doc360);
	assert_int_equal(survey_instrument_import(f->db, f->path, &id, &changed, &err), 0);
	a.instrument = "f360";
	a.wave = "w1";
	assert_int_equal(survey_add(f->db, 1, &a, &f->survey, &err), 0);
}

static void teardown(struct fixture *f)
{
	char cmd[128];
	store_close(f->db);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", f->dir);
	assert_int_equal(system(cmd), 0);
}

static void test_key_path(void **state)
{
	char *p;
	(void)state;

	setenv("BETER_KEY_FILE", "/x/y/key", 1);
	unsetenv(SURVEY_SEAL_ENV);
	p = survey_seal_key_path("MVD");
	assert_string_equal(p, "/x/y/360-MVD.key");
	free(p);
	setenv(SURVEY_SEAL_ENV, "/elsewhere/k", 1);
	p = survey_seal_key_path("MVD");
	assert_string_equal(p, "/elsewhere/k");
	free(p);
	unsetenv(SURVEY_SEAL_ENV);
	unsetenv("BETER_KEY_FILE");
}

static void test_keygen(void **state)
{
	struct fixture f;
	struct beter_err err = { 0 };
	struct strbuf notes = STRBUF_INIT;
	struct survey_seal_keygen k = { .person = "MVD" };
	struct stat st;
	char path[160];
	(void)state;

	setup(&f);
	k.person = "JD";
	assert_int_equal(survey_seal_keygen(f.db, 1, &k, &notes, &err), BETER_FAIL);
	assert_non_null(strstr(err.msg, "not a schoolleider"));
	k.person = "MVD";
	assert_int_equal(survey_seal_keygen(f.db, 1, &k, &notes, &err), 0);
	snprintf(path, sizeof(path), "%s/360-MVD.key", f.dir);
	assert_string_equal(k.path, path);
	assert_int_equal(strlen(k.fingerprint), 16);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(st.st_size, 32);
	survey_seal_keygen_release(&k);
	assert_int_equal(store_int(f.db, "SELECT count(*) FROM survey_leader_key WHERE length(public_key) = 32", -1), 1);
	/* again: refused, unless replaced; the old file is kept */
	assert_int_equal(survey_seal_keygen(f.db, 1, &k, &notes, &err), BETER_FAIL);
	assert_non_null(strstr(err.msg, "already has a key pair"));
	k.replace = 1;
	assert_int_equal(survey_seal_keygen(f.db, 1, &k, &notes, &err), 0);
	assert_true(k.replaced);
	assert_non_null(strstr(notes.buf, "the old secret key is now"));
	survey_seal_keygen_release(&k);
	strbuf_release(&notes);
	teardown(&f);
}

/* Import a 360 export; the stored rows hold sealed boxes that the secret key
 * opens, and the report shows zelf beside the others, not in the total. */
static void test_sealed_import_and_report(void **state)
{
	struct fixture f;
	struct beter_err err = { 0 };
	struct strbuf notes = STRBUF_INIT;
	struct survey_seal_keygen k = { .person = "MVD" };
	struct survey_import_opts io = { 0 };
	struct survey_import_stats ist;
	struct capture c;
	char csv[160], missing[160];
	(void)state;

	setup(&f);
	snprintf(csv, sizeof(csv), "%s/360.csv", f.dir);
	write_file(csv, "rater,A,B,Tip\nZelf,1,1,mijn eigen tip\nLeraar,4,5,geheim\nLeraar,5,5,\nleraar,4,4,\n");
	assert_int_equal(survey_import(f.db, f.survey, csv, &io, &ist, &notes, &err), BETER_FAIL);
	assert_non_null(strstr(err.msg, "run 'beter survey key --person MVD' first"));
	assert_int_equal(survey_seal_keygen(f.db, 1, &k, &notes, &err), 0);
	assert_int_equal(survey_import(f.db, f.survey, csv, &io, &ist, &notes, &err), 0);
	assert_int_equal(ist.added, 4);
	/* one length for every rater category and text: padded to one block */
	assert_int_equal(store_int(f.db, "SELECT count(*) FROM survey_response WHERE rater IS NULL AND n_answers = 0 AND "
					 "length(answers) = 48 + 256", -1), 4);
	assert_int_equal(store_int(f.db, "SELECT count(*) FROM survey_text", -1), 0);
	assert_int_equal(store_int(f.db, "SELECT count(*) FROM survey_answer", -1), 0);

	/* without the secret key: refused */
	snprintf(missing, sizeof(missing), "%s/none.key", f.dir);
	capture_begin(&c, OUT_JSON);
	assert_int_equal(survey_report(f.db, f.survey, SURVEY_BY_RATER, 0, missing, &c.out, &err), BETER_FAIL);
	free((char *)capture_end(&c));
	assert_non_null(strstr(err.msg, "for the school leader 'MVD' only"));

	/* with it (the default place) */
	capture_begin(&c, OUT_JSON);
	assert_int_equal(survey_report(f.db, f.survey, SURVEY_BY_RATER, 0, NULL, &c.out, &err), 0);
	const char *json = capture_end(&c);
	assert_non_null(strstr(json, "\"respondents\": 3"));
	assert_non_null(strstr(json, "\"group\": \"Zelf\", \"scale\": \"s\", \"title\": \"S\", \"n\": 1, \"mean\": 1,"));
	assert_non_null(strstr(json, "\"group\": \"Leraar\", \"scale\": \"s\", \"title\": \"S\", \"n\": 3,"));
	assert_non_null(strstr(json, "\"group\": \"totaal\", \"scale\": \"s\", \"title\": \"S\", \"n\": 3, \"mean\": 4.5,"));
	free((char *)json);
	survey_seal_keygen_release(&k);
	strbuf_release(&notes);
	teardown(&f);
}

/* A box that opens but holds no well-formed response is refused. */
static void test_malformed_plaintext(void **state)
{
	struct fixture f;
	struct beter_err err = { 0 };
	struct strbuf notes = STRBUF_INIT, plain = STRBUF_INIT;
	struct survey_seal_keygen k = { .person = "MVD" };
	struct survey_instrument in;
	struct survey_seal s;
	struct store_stmt *st;
	int64_t iid;
	unsigned char *box;
	const unsigned char *ans;
	const char *rater;
	size_t len;
	int n;
	(void)state;

	setup(&f);
	assert_int_equal(survey_seal_keygen(f.db, 1, &k, &notes, &err), 0);
	assert_int_equal(survey_instrument_get(f.db, "f360", 0, &in, &iid, &err), 0);
	assert_int_equal(survey_seal_open(f.db, f.survey, &in, NULL, &s, &err), 0);
	assert_true(s.on);
	assert_int_equal(store_prepare(f.db, "SELECT NULL, ?1", &st, NULL), STORE_OK);

	/* well-formed: rater, answers and a free text of item 3 (index 2) */
	unsigned char answers[2] = { 4, 5 };
	survey_seal_begin(&plain, "leraar", answers, 2);
	survey_seal_add_text(&plain, 2, "goed zo", 7);
	box = survey_seal_box(s.pk, &plain, &len);
	store_bind_blob(st, 1, box, (size_t)len);
	free(box); /* the store took a copy */
	assert_int_equal(store_step(st), STORE_ROW);
	assert_int_equal(survey_seal_row(&s, st, 0, 1, &rater, &ans, &n, &err), 0);
	assert_string_equal(rater, "leraar");
	assert_int_equal(n, 2);
	assert_memory_equal(ans, answers, 2);
	assert_int_equal(s.ntexts, 1);
	assert_string_equal(s.texts[0].text, "goed zo");

	/* a free text of a Likert item */
	store_reset(st);
	survey_seal_begin(&plain, "leraar", answers, 2);
	survey_seal_add_text(&plain, 0, "x", 1);
	box = survey_seal_box(s.pk, &plain, &len);
	store_bind_blob(st, 1, box, (size_t)len);
	free(box); /* the store took a copy */
	assert_int_equal(store_step(st), STORE_ROW);
	assert_int_equal(survey_seal_row(&s, st, 0, 1, &rater, &ans, &n, &err), BETER_DATAERR);
	assert_non_null(strstr(err.msg, "a free text of no text item"));

	/* a box sealed to another key */
	unsigned char pk[32], sk[32];
	crypto_box_keypair(pk, sk);
	store_reset(st);
	survey_seal_begin(&plain, "leraar", answers, 2);
	box = survey_seal_box(pk, &plain, &len);
	store_bind_blob(st, 1, box, (size_t)len);
	free(box); /* the store took a copy */
	assert_int_equal(store_step(st), STORE_ROW);
	assert_int_equal(survey_seal_row(&s, st, 0, 1, &rater, &ans, &n, &err), BETER_DATAERR);
	assert_non_null(strstr(err.msg, "sealed to another key"));

	store_finalize(st);
	survey_seal_close(&s);
	survey_instrument_release(&in);
	survey_seal_keygen_release(&k);
	strbuf_release(&plain);
	strbuf_release(&notes);
	teardown(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_key_path),
		cmocka_unit_test(test_keygen),
		cmocka_unit_test(test_sealed_import_and_report),
		cmocka_unit_test(test_malformed_plaintext),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
