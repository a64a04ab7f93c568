#include "unit.h"

#include <math.h>

#include "beter/svg.h"

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = hay; (p = strstr(p, needle)); p++)
		n++;
	return n;
}

static void test_line_chart(void **state)
{
	static const char *const labels[] = { "P0", "P1", "P2", "P3" };
	const double values[] = { 4, NAN, 6.5, 10 };
	struct svg_line c = { "goal-1", "Lezen <groep 5>", "Score van 4 naar 10 & hoger", 4, labels, values, 1, 10,
			      7, "norm", 4, "0-meting" };
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	(void)state;

	svg_line_chart(&a, &c);
	svg_line_chart(&b, &c);
	const char *s = strbuf_str(&a);
	assert_string_equal(s, strbuf_str(&b)); /* deterministic */
	assert_non_null(strstr(s, "<title id=\"goal-1-t\">Lezen &lt;groep 5&gt;</title>"));
	assert_non_null(strstr(s, "<desc id=\"goal-1-d\">Score van 4 naar 10 &amp; hoger</desc>"));
	assert_non_null(strstr(s, "aria-labelledby=\"goal-1-t goal-1-d\""));
	/* three measurements drawn, the missing one not */
	assert_int_equal(count(s, "<circle"), 3);
	/* the path skips the gap: M then two L */
	assert_non_null(strstr(s, "d=\"M40.0 138.7 L322.7 87.6 L464.0 16.0\""));
	/* the top of the scale is at y 16, the bottom at y 200 */
	assert_non_null(strstr(s, "cy=\"16.0\""));
	/* norm and 0-meting lines with their labels */
	assert_non_null(strstr(s, ">norm 7</text>"));
	assert_non_null(strstr(s, ">0-meting 4</text>"));
	assert_non_null(strstr(s, ">6.5</text>"));
	assert_int_equal(count(s, "<svg"), 1);
	assert_int_equal(count(s, "</svg>"), 1);
	assert_null(strstr(s, "<script"));
	strbuf_release(&a);
	strbuf_release(&b);

	/* without norm and baseline no lines for them */
	c.norm = NAN;
	c.baseline = NAN;
	svg_line_chart(&a, &c);
	assert_null(strstr(strbuf_str(&a), "norm"));
	assert_null(strstr(strbuf_str(&a), "stroke-dasharray"));
	strbuf_release(&a);
}

static void test_bar_chart(void **state)
{
	static const char *const cats[] = { "Ambitie", "Samenwerken" };
	static const char *const groups[] = { "0-meting", "Jaar 1" };
	const double values[] = { 3.2, 3.8, NAN, 4.1 };
	struct svg_bars c = { "scales", "Schalen per meting", "Ambitie steeg van 3,2 naar 3,8", 2, cats, 2, groups,
			      values, 1, 5, "n<5" };
	struct strbuf a = STRBUF_INIT;
	(void)state;

	svg_bar_chart(&a, &c);
	const char *s = strbuf_str(&a);
	/* three bars with a title each, plus two legend swatches */
	assert_int_equal(count(s, "<rect"), 5);
	assert_int_equal(count(s, "</title></rect>"), 3);
	assert_non_null(strstr(s, "<title>Ambitie, Jaar 1: 3.8</title>"));
	/* the suppressed value is marked, not drawn */
	assert_int_equal(count(s, ">n&lt;5</text>"), 1);
	assert_null(strstr(s, "Samenwerken, 0-meting"));
	/* the scale: 4.1 on 1-5 is 77.5% up from y 200 over a height of 184 */
	assert_non_null(strstr(s, "height=\"142.6\""));
	assert_non_null(strstr(s, ">Jaar 1</text>"));
	strbuf_release(&a);
}

static void test_wall_chart(void **state)
{
	static const char *const groups[] = { "groep 6", "groep 7", "groep <4>" };
	const double values[] = { 71, 58, NAN }, previous[] = { 66, NAN, 47 }, norms[] = { 65, 65, 65 };
	struct svg_wall c = { "p1-wall-1", "Begrijpend lezen (%)", "Per groep", 3, groups, values, previous, norms, 0,
			      100, "Waarde", "Vorige", "Norm", "te weinig", ',' };
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	(void)state;

	svg_wall_chart(&a, &c);
	svg_wall_chart(&b, &c);
	const char *s = strbuf_str(&a);
	assert_string_equal(s, strbuf_str(&b)); /* deterministic */
	assert_non_null(strstr(s, "<title id=\"p1-wall-1-t\">Begrijpend lezen (%)</title>"));
	/* two values and one previous value (the hidden group's previous is not drawn), three legend swatches */
	assert_int_equal(count(s, "</title></rect>"), 3);
	assert_non_null(strstr(s, "<title>groep 6, Vorige: 66</title>"));
	assert_non_null(strstr(s, "<title>groep 7, Waarde: 58</title>"));
	assert_null(strstr(s, "groep &lt;4&gt;, "));
	assert_null(strstr(s, ">47<"));
	assert_int_equal(count(s, ">te weinig</text>"), 1);
	assert_non_null(strstr(s, ">groep &lt;4&gt;</text>"));
	/* one norm for every group: one line across the chart, its value in the legend */
	assert_int_equal(count(s, "stroke-dasharray=\"6 4\""), 1);
	assert_non_null(strstr(s, ">Norm 65</text>"));
	/* 71 on 0-100 from y 200 over a height of 184: 130.6 high */
	assert_non_null(strstr(s, "height=\"130.6\""));
	strbuf_release(&a);
	strbuf_release(&b);

	/* norms that differ: a line over each group with its value, a decimal comma */
	const double norms2[] = { 6.5, 7, NAN };
	c.norms = norms2;
	svg_wall_chart(&a, &c);
	s = strbuf_str(&a);
	assert_int_equal(count(s, "stroke-dasharray=\"6 4\""), 2);
	assert_non_null(strstr(s, ">6,5</text>"));
	assert_non_null(strstr(s, ">Norm</text>"));
	strbuf_release(&a);
}

static void test_levels_chart(void **state)
{
	static const char *const groups[] = { "groep 4", "groep 5" };
	static const char *const levels[] = { "I", "II", "III" };
	const double values[] = { NAN, 50, 50, 20.5, 29.5, 50 };
	struct svg_levels c = { "p1-wall-2", "Spelling", "Aandeel per niveau", 2, groups, 3, levels, values,
				"te weinig", '.' };
	struct strbuf a = STRBUF_INIT;
	(void)state;

	svg_levels_chart(&a, &c);
	const char *s = strbuf_str(&a);
	/* a group with a hidden level shows none of its levels */
	assert_int_equal(count(s, ">te weinig</text>"), 1);
	assert_null(strstr(s, "groep 4, "));
	assert_int_equal(count(s, "</title></rect>"), 3);
	/* stacked from the bottom (y 200): III first, then II, I on top */
	assert_non_null(strstr(s, "y=\"108.0\" width=\"56.0\" height=\"92.0\""));
	assert_non_null(strstr(s, "<title>groep 5, I: 20.5%</title>"));
	assert_non_null(strstr(s, "y=\"16.0\" width=\"56.0\" height=\"37.7\""));
	/* the legend: a swatch per level */
	assert_int_equal(count(s, "width=\"10\" height=\"10\""), 3);
	strbuf_release(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_line_chart),
		cmocka_unit_test(test_bar_chart),
		cmocka_unit_test(test_wall_chart),
		cmocka_unit_test(test_levels_chart),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
