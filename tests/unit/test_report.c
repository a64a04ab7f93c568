#include "unit.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <sys/stat.h>

#include "beter/date.h"
#include "beter/phase.h"
#include "beter/report.h"

/* A report with every kind of block, built by hand. */
static void sample(struct report *r, enum report_lang lang)
{
	static const char *const keys[] = { "team", "score", "share" };
	static const char *const labels[] = { "Team", "Score", "Aandeel" };
	static const char *const px[] = { "P0", "P1", "P2" };
	static const char *const cats[] = { "Ambitie", "Vertrouwen" };
	static const char *const waves[] = { "0-meting", "Jaar 1" };
	const double line[] = { 5, 6.5, NAN };
	const double bars[] = { 3.1, 3.6, NAN, 4 };

	memset(r, 0, sizeof(*r));
	r->lang = lang;
	r->title = xstrdup("Rapport <test>");
	struct rep_section *s = rep_section_add(r, "goals", "Doelen & normen");
	rep_figure_add(s, "goals", "Doelen", rv_int(2));
	rep_figure_add(s, "on_norm", "Op norm", rv_share(0.5));
	rep_figure_add(s, "mean", "Gemiddelde", rv_real(6.25));
	rep_figure_add(s, "ambition", "Ambitie", rv_unknown("onbekend"));
	struct rep_chart *c = rep_chart_add(s, REP_CHART_LINE, "goal-1", "Doel 1: lezen", "Van 5 naar 6,5; norm 7",
					    3, px, 0, NULL, line, 1, 10);
	c->norm = 7;
	c->baseline = 5;
	rep_chart_add(s, REP_CHART_BARS, "scales", "Schalen", "Ambitie steeg", 2, cats, 2, waves, bars, 1, 5);
	struct rep_table *t = rep_table_add(s, "teams", "Teams | overzicht", 3, keys, labels);
	rep_cell(t, rv_text("Team *Boven*"));
	rep_cell(t, rv_real(7.5));
	rep_cell(t, rv_share(0.25));
	rep_cell(t, rv_unknown("hele school"));
	rep_cell(t, rv_null());
	rep_cell(t, rv_share(NAN));
	rep_table_add(s, "empty", "Leeg", 3, keys, labels);
	struct rep_section *e = rep_section_add(r, "arena", "Arena");
	rep_section_empty(e, "Nog geen gegevens.");
}

static void test_render_three_ways(void **state)
{
	struct report r;
	struct strbuf html = STRBUF_INIT, md = STRBUF_INIT, json = STRBUF_INIT;
	(void)state;

	sample(&r, REPORT_NL);
	report_render(&r, REPORT_HTML, &html);
	report_render(&r, REPORT_MD, &md);
	report_render(&r, REPORT_JSON, &json);
	report_release(&r);

	/* HTML: escaped, charts with text alternatives, Dutch numbers */
	const char *h = strbuf_str(&html);
	assert_non_null(strstr(h, "<!DOCTYPE html>\n<html lang=\"nl\">"));
	assert_non_null(strstr(h, "<title>Rapport &lt;test&gt;</title>"));
	assert_non_null(strstr(h, "<h2>Doelen &amp; normen</h2>"));
	assert_non_null(strstr(h, "<title id=\"goals-goal-1-t\">Doel 1: lezen</title>"));
	assert_non_null(strstr(h, "<desc id=\"goals-scales-d\">Ambitie steeg</desc>"));
	assert_non_null(strstr(h, "<dd>50%</dd>"));
	assert_non_null(strstr(h, "<dd>6,3</dd>")); /* half away from zero, as in JSON */
	assert_non_null(strstr(h, "<td class=\"num\">7,5</td>"));
	assert_non_null(strstr(h, "<td>hele school</td>"));
	assert_non_null(strstr(h, "<p class=\"empty\">Nog geen gegevens.</p>"));
	assert_null(strstr(h, "<script"));
	assert_null(strstr(h, "http://www.w3.org/1999")); /* no outside references but the SVG namespace */

	/* the HTML passes the strict checker of the CLI tests */
	const char *share = getenv("BETER_SHARE");
	if (share && access("/usr/bin/python3", X_OK) == 0) {
		char path[] = "/tmp/beter-report-XXXXXX";
		int fd = mkstemp(path);
		assert_true(fd >= 0);
		assert_int_equal(write(fd, html.buf, html.len), (ssize_t)html.len);
		close(fd);
		char cmd[4096];
		snprintf(cmd, sizeof(cmd), "python3 '%s/../tests/htmlcheck.py' '%s' >/dev/null", share, path);
		assert_int_equal(system(cmd), 0);
		unlink(path);
	}

	/* Markdown: escaped table cells, the chart as a table */
	const char *m = strbuf_str(&md);
	assert_non_null(strstr(m, "# Rapport \\<test\\>\n"));
	assert_non_null(strstr(m, "### Teams \\| overzicht\n"));
	assert_non_null(strstr(m, "| Team \\*Boven\\* | 7,5 | 25% |\n"));
	assert_non_null(strstr(m, "| hele school | \xe2\x80\x93 | \xe2\x80\x93 |\n"));
	/* the report's own words come from the catalogue (English here: no
	 * i18n_init), its numbers from r->lang (Dutch: a decimal comma) */
	assert_non_null(strstr(m, "### Doel 1: lezen\n\n|  | Value |\n| --- | ---: |\n| P0 | 5,0 |\n"));
	assert_non_null(strstr(m, "### Leeg\n\n_None._\n"));
	assert_non_null(strstr(m, "## Arena\n\n_Nog geen gegevens._\n"));
	assert_true(m[md.len - 1] == '\n' && m[md.len - 2] != '\n');

	/* JSON: the same figures, typed; unknown is null */
	cJSON *doc = cJSON_Parse(strbuf_str(&json));
	assert_non_null(doc);
	cJSON *s0 = cJSON_GetArrayItem(cJSON_GetObjectItem(doc, "sections"), 0);
	cJSON *figs = cJSON_GetObjectItem(s0, "figures");
	assert_int_equal(cJSON_GetObjectItem(figs, "goals")->valueint, 2);
	assert_true(cJSON_GetObjectItem(figs, "on_norm")->valuedouble == 0.5);
	assert_true(cJSON_GetObjectItem(figs, "mean")->valuedouble == 6.3); /* as shown: 6,3 */
	assert_true(cJSON_IsNull(cJSON_GetObjectItem(figs, "ambition")));
	cJSON *chart = cJSON_GetArrayItem(cJSON_GetObjectItem(s0, "charts"), 0);
	assert_true(cJSON_GetObjectItem(chart, "norm")->valuedouble == 7);
	assert_true(cJSON_IsNull(cJSON_GetArrayItem(cJSON_GetObjectItem(chart, "values"), 2)));
	cJSON *row = cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(s0, "tables"), 0), "rows"), 1);
	assert_true(cJSON_IsNull(cJSON_GetObjectItem(row, "team")));
	cJSON *s1 = cJSON_GetArrayItem(cJSON_GetObjectItem(doc, "sections"), 1);
	assert_true(cJSON_IsFalse(cJSON_GetObjectItem(s1, "has_data")));
	cJSON_Delete(doc);

	strbuf_release(&html);
	strbuf_release(&md);
	strbuf_release(&json);
}

static void test_build_from_store(void **state)
{
	struct store *db = unit_store();
	struct beter_err err = { 0 };
	struct report r;
	struct report_opts ro = { 1, PHASE_SCHOOL, 0, 0, REPORT_EN, 0 };
	struct phase_retro retro = { "good start", "plan earlier", NULL };
	struct phase_next_result res;
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	int64_t tid;
	int changed;
	(void)state;

	ro.from = date_from_ymd(2026, 8, 1);
	ro.to = date_from_ymd(2026, 11, 20);
	ro.now = (int64_t)ro.to * 86400 + 3600;
	assert_int_equal(phase_start(db, 1, PHASE_SCHOOL, "leerkracht", date_from_ymd(2026, 8, 24), &tid, &err), 0);
	assert_int_equal(phase_check(db, tid, "lk-team", 0, date_from_ymd(2026, 9, 1), &changed, NULL, 0, &err), 0);
	assert_int_equal(phase_next(db, tid, &retro, date_from_ymd(2026, 9, 7), &res, &err), 0);
	assert_string_equal(res.opened, "Startfase");
	assert_int_equal(res.open_items, 3);

	assert_int_equal(report_build(db, &ro, &r, &err), 0);
	report_render(&r, REPORT_MD, &a);
	report_release(&r);
	assert_int_equal(report_build(db, &ro, &r, &err), 0);
	report_render(&r, REPORT_MD, &b);
	report_release(&r);
	assert_string_equal(strbuf_str(&a), strbuf_str(&b));
	assert_non_null(strstr(a.buf, "- **Generated:** 2026-11-20T01:00:00Z\n"));
	assert_non_null(strstr(a.buf, "| whole school | De leerKRACHT-aanpak | Startfase | 2/6 | 2026-09-07 | 74 | 0/5 |"));
	assert_non_null(strstr(a.buf, "- **Phases closed with a retrospective:** 100%"));
	assert_non_null(strstr(a.buf, "## Pupil voice\n\n_No data yet._"));
	strbuf_release(&a);
	strbuf_release(&b);
	store_close(db);
}

static void test_now_and_files(void **state)
{
	struct beter_err err = { 0 };
	int64_t now;
	(void)state;

	assert_int_equal(report_now_parse("2026-11-20", &now, &err), 0);
	assert_int_equal(now, (int64_t)date_from_ymd(2026, 11, 20) * 86400);
	assert_int_equal(report_now_parse("2026-11-20T07:30:05Z", &now, &err), 0);
	assert_int_equal(now % 86400, 7 * 3600 + 30 * 60 + 5);
	assert_int_equal(report_now_parse("@12", &now, &err), 0);
	assert_int_equal(now, 12);
	assert_int_equal(report_now_parse("2026-02-30", &now, &err), BETER_DATAERR);
	assert_int_equal(report_now_parse("2026-11-20T7", &now, &err), BETER_DATAERR);
	assert_int_equal(report_now_parse("@-1", &now, &err), BETER_DATAERR);

	char dir[] = "/tmp/beter-out-XXXXXX", path[256], buf[16] = { 0 };
	struct stat sb;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/r.html", dir);
	assert_int_equal(report_write_file(path, "first", 5, &err), 0);
	assert_int_equal(report_write_file(path, "second", 6, &err), 0);
	FILE *fp = fopen(path, "r");
	assert_non_null(fp);
	assert_int_equal(fread(buf, 1, sizeof(buf) - 1, fp), 6);
	fclose(fp);
	assert_string_equal(buf, "second");
	assert_int_equal(stat(path, &sb), 0);
	assert_true((sb.st_mode & 0444) == 0444);
	unlink(path);
	assert_int_equal(rmdir(dir), 0); /* no temporary file left behind */
	snprintf(path, sizeof(path), "%s/none/r.html", dir);
	assert_int_equal(report_write_file(path, "x", 1, &err), BETER_IOERR);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_render_three_ways),
		cmocka_unit_test(test_build_from_store),
		cmocka_unit_test(test_now_and_files),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
