/* board_html_parts.c - the sections of the board page, each from the rows
 * board_render wrote (captured), in the book's words. */
#include "board_html_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "beter/i18n.h"
#include "beter/svg.h"

#define MAX_POINTS 32

/* the text of a cell of a section's block (NULL: none) */
static const char *cell_text(const struct out_block *b, size_t row, const char *col)
{
	return out_cell_text(out_block_cell(b, row, out_block_col(b, col)));
}

static void text(struct bh *h, const char *s)
{
	svg_escape(h->sb, s);
}

void bh_text_section(struct bh *h, const char *key, int step, const char *title, const char *hint)
{
	const struct out_block *b = out_capture_block(&h->board, key);

	bh_box_begin(h, key, step, title);
	if (!b || !b->nrows) {
		bh_hint(h, hint);
	} else {
		strbuf_adds(h->sb, "<ul>\n");
		for (size_t r = 0; r < b->nrows; r++) {
			strbuf_adds(h->sb, "<li>");
			text(h, cell_text(b, r, "text"));
			strbuf_adds(h->sb, "</li>\n");
		}
		strbuf_adds(h->sb, "</ul>\n");
	}
	bh_box_end(h);
}

/* one line of the jaarbord: theme, status (the running one stands out) and
 * a period's TIV, its dates on the right (a line of their own only when the
 * box is too narrow) */
static void theme_item(struct bh *h, const struct out_block *b, size_t r)
{
	const char *start = cell_text(b, r, "period_start"), *end = cell_text(b, r, "period_end");
	const char *status = cell_text(b, r, "status"), *tiv = cell_text(b, r, "tiv");
	int running = status && !strcmp(status, "running");

	strbuf_adds(h->sb, running ? "<li class=\"theme running\"><span>" : "<li class=\"theme\"><span>");
	text(h, cell_text(b, r, "text"));
	if (status) {
		strbuf_adds(h->sb, " <span class=\"badge b-");
		text(h, status);
		strbuf_adds(h->sb, "\">");
		text(h, _(status));
		strbuf_adds(h->sb, "</span>");
	}
	if (tiv) {
		strbuf_adds(h->sb, " <span class=\"meta\">");
		text(h, _("TIV"));
		strbuf_adds(h->sb, ": ");
		text(h, tiv);
		strbuf_adds(h->sb, "</span>");
	}
	strbuf_adds(h->sb, "</span>");
	if (start && end) {
		strbuf_adds(h->sb, " <span class=\"meta\">");
		text(h, start);
		strbuf_adds(h->sb, " – ");
		text(h, end);
		strbuf_adds(h->sb, "</span>");
	}
	strbuf_adds(h->sb, "</li>\n");
}

/* the rows of one kind ("period" or "theme") under a small heading */
static void theme_list(struct bh *h, const struct out_block *b, const char *kind, const char *title)
{
	int any = 0;

	for (size_t r = 0; r < b->nrows; r++) {
		const char *k = cell_text(b, r, "kind");
		if (!k || strcmp(k, kind))
			continue;
		if (!any++) {
			strbuf_adds(h->sb, "<h3>");
			text(h, title);
			strbuf_adds(h->sb, "</h3>\n<ul>\n");
		}
		theme_item(h, b, r);
	}
	if (any)
		strbuf_adds(h->sb, "</ul>\n");
}

/* The jaarbord: the school's periods, then the team's own themes. */
void bh_themes(struct bh *h)
{
	const struct out_block *b = out_capture_block(&h->board, "jaarbord");

	bh_box_begin(h, "jaarbord", 0, _("Year board"));
	if (!b || !b->nrows) {
		bh_hint(h, _("No themes yet: beter period add, beter board theme add"));
		bh_box_end(h);
		return;
	}
	theme_list(h, b, "period", _("Periods of the school"));
	theme_list(h, b, "theme", _("Our themes"));
	bh_box_end(h);
}

/* The results as captured ("P0=5;P1=5.5": the rendered cell's CSV form) into
 * labels and values; the number of points. */
static size_t goal_points(const char *results, char labels[][8], double *values)
{
	size_t n = 0;

	for (const char *p = results; p && *p && n < MAX_POINTS;) {
		const char *eq = strchr(p, '='), *end = strchr(p, ';');
		if (!end)
			end = p + strlen(p);
		if (!eq || eq > end)
			break;
		snprintf(labels[n], 8, "%.*s", (int)(eq - p) < 7 ? (int)(eq - p) : 7, p);
		values[n++] = strtod(eq + 1, NULL);
		p = *end ? end + 1 : end;
	}
	return n;
}

/* the chart of goal number num (its SVG ids "goal-NUM-t", "goal-NUM-d") */
static void goal_chart(struct bh *h, const struct out_block *b, size_t r, const char *num)
{
	char labels[MAX_POINTS][8];
	const char *lp[MAX_POINTS];
	double values[MAX_POINTS];
	size_t n = goal_points(cell_text(b, r, "results"), labels, values);
	struct strbuf t = STRBUF_INIT, d = STRBUF_INIT;
	struct strbuf *keep = h->sb;
	struct svg_line l;
	char id[32];

	for (size_t i = 0; i < n; i++)
		lp[i] = labels[i];
	snprintf(id, sizeof(id), "goal-%s", num);
	strbuf_addf(&t, _("Results of goal %s"), num);
	/* the text alternative: every point as people read it */
	h->sb = &d;
	for (size_t i = 0; i < n; i++) {
		strbuf_addf(&d, "%s%s ", i ? ", " : "", labels[i]);
		bh_num(h, values[i]);
	}
	h->sb = keep;
	memset(&l, 0, sizeof(l));
	l.id = id;
	l.title = strbuf_str(&t);
	l.desc = strbuf_str(&d);
	l.n = n;
	l.labels = lp;
	l.values = values;
	l.ymin = 1;
	l.ymax = 10;
	l.norm = out_cell_num(out_block_cell(b, r, out_block_col(b, "norm")));
	l.norm_label = _("norm");
	l.baseline = NAN; /* the 0-meting is P0 on the line */
	l.decimal = h->dec;
	svg_line_chart(h->sb, &l);
	strbuf_release(&t);
	strbuf_release(&d);
}

static void goal_figure(struct bh *h, const char *label, double v)
{
	strbuf_adds(h->sb, "<span>");
	text(h, label);
	strbuf_adds(h->sb, " <b>");
	bh_num(h, v);
	strbuf_adds(h->sb, "</b></span>");
}

static void goal_row(struct bh *h, const struct out_block *b, size_t r)
{
	const char *status = cell_text(b, r, "status"), *pupils = cell_text(b, r, "pupils");
	struct strbuf t = STRBUF_INIT;
	char num[24];

	snprintf(num, sizeof(num), "%.0f", out_cell_num(out_block_cell(b, r, out_block_col(b, "id"))));
	strbuf_adds(h->sb, "<div class=\"goal\"><div><p class=\"text\">");
	text(h, cell_text(b, r, "text"));
	if (status && !strcmp(status, "achieved"))
		strbuf_addf(h->sb, " <span class=\"badge b-done\">%s</span>", _("achieved"));
	else if (status && !strcmp(status, "dropped"))
		strbuf_addf(h->sb, " <span class=\"badge b-open\">%s</span>", _("dropped"));
	strbuf_adds(h->sb, "</p>\n");
	if (pupils) {
		strbuf_addf(&t, _("Pupils: %s"), pupils);
		strbuf_adds(h->sb, "<p class=\"meta\">");
		text(h, strbuf_str(&t));
		strbuf_adds(h->sb, "</p>\n");
	}
	strbuf_adds(h->sb, "<p class=\"figs\">");
	goal_figure(h, _("Norm"), out_cell_num(out_block_cell(b, r, out_block_col(b, "norm"))));
	goal_figure(h, _("Baseline"), out_cell_num(out_block_cell(b, r, out_block_col(b, "baseline"))));
	goal_figure(h, _("Now"), out_cell_num(out_block_cell(b, r, out_block_col(b, "latest"))));
	strbuf_reset(&t);
	strbuf_addf(&t, _("until %s"), cell_text(b, r, "until"));
	strbuf_adds(h->sb, "<span class=\"meta\">");
	text(h, strbuf_str(&t));
	strbuf_adds(h->sb, "</span></p></div>\n");
	goal_chart(h, b, r, num);
	strbuf_adds(h->sb, "</div>\n");
	strbuf_release(&t);
}

void bh_goals(struct bh *h)
{
	const struct out_block *b = out_capture_block(&h->board, "doelen");

	bh_box_begin(h, "doelen", 3, _("Goals"));
	if (!b || !b->nrows)
		bh_hint(h, _("No goals yet: beter goal add"));
	else {
		strbuf_adds(h->sb, "<div class=\"goals\">\n");
		for (size_t r = 0; r < b->nrows; r++)
			goal_row(h, b, r);
		strbuf_adds(h->sb, "</div>\n");
	}
	bh_box_end(h);
}

void bh_checkin(struct bh *h)
{
	const struct out_block *c = h->checkin;
	struct strbuf t = STRBUF_INIT;
	double sum = 0;

	bh_box_begin(h, "check_in", 1, _("Check-in"));
	if (!h->sess_head) {
		bh_hint(h, _("No board session recorded yet: beter board session add"));
		bh_box_end(h);
		return;
	}
	strbuf_addf(&t, _("Board session of %s, led by %s"), cell_text(h->sess_head, 0, "date"),
		    cell_text(h->sess_head, 0, "leader"));
	strbuf_adds(h->sb, "<p class=\"meta\">");
	text(h, strbuf_str(&t));
	strbuf_adds(h->sb, "</p>\n");
	strbuf_release(&t);
	if (!c || !c->nrows) {
		bh_hint(h, _("No check-in in this session."));
		bh_box_end(h);
		return;
	}
	strbuf_adds(h->sb, "<div class=\"scores\">\n");
	for (size_t r = 0; r < c->nrows; r++) {
		double v = out_cell_num(out_block_cell(c, r, out_block_col(c, "score")));
		sum += v;
		strbuf_adds(h->sb, "<span class=\"score\">");
		text(h, cell_text(c, r, "code"));
		strbuf_adds(h->sb, "<b>");
		bh_num(h, v);
		strbuf_adds(h->sb, "</b></span>\n");
	}
	strbuf_adds(h->sb, "<span class=\"score\">");
	text(h, _("average"));
	strbuf_adds(h->sb, "<b>");
	bh_num(h, round(sum / (double)c->nrows * 10) / 10);
	strbuf_adds(h->sb, "</b></span>\n</div>\n");
	bh_box_end(h);
}

/* a status word of an action or a visit, as a badge */
static void badge(struct bh *h, const char *status)
{
	const char *word = status, *cls = "b-open";

	/* open actions and planned visits are the rule: only the exceptions stand out */
	if (!status || !strcmp(status, "open") || !strcmp(status, "planned"))
		return;
	if (!strcmp(status, "done")) {
		word = _("done");
		cls = "b-done";
	} else if (!strcmp(status, "overdue")) {
		word = _("overdue");
		cls = "b-overdue";
	} else if (!strcmp(status, "missed")) {
		word = _("missed");
		cls = "b-missed";
	} else if (!strcmp(status, "feedback-due")) {
		word = _("feedback due");
		cls = "b-overdue";
	} else if (!strcmp(status, "closed")) {
		word = _("closed");
		cls = "b-done";
	} else if (!strcmp(status, "held")) {
		word = _("held");
		cls = "b-done";
	} else if (!strcmp(status, "replaced")) {
		word = _("replaced");
	}
	strbuf_addf(h->sb, " <span class=\"badge %s\">", cls);
	text(h, word);
	strbuf_adds(h->sb, "</span>");
}

void bh_actions(struct bh *h, const char *key, int step, const char *title, const char *hint)
{
	const struct out_block *b = out_capture_block(&h->board, key);

	bh_box_begin(h, key, step, title);
	if (!b || !b->nrows) {
		bh_hint(h, hint);
		bh_box_end(h);
		return;
	}
	strbuf_adds(h->sb, "<ul>\n");
	for (size_t r = 0; r < b->nrows; r++) {
		strbuf_adds(h->sb, "<li class=\"act\"><span>");
		text(h, cell_text(b, r, "what"));
		strbuf_adds(h->sb, "</span><span class=\"meta\"><span class=\"who\">");
		text(h, cell_text(b, r, "who"));
		strbuf_adds(h->sb, "</span> ");
		text(h, cell_text(b, r, "due"));
		badge(h, cell_text(b, r, "status"));
		strbuf_adds(h->sb, "</span></li>\n");
	}
	strbuf_adds(h->sb, "</ul>\n");
	bh_box_end(h);
}

void bh_successes(struct bh *h)
{
	bh_text_section(h, "successen", 2, _("Successes"), _("No successes yet: beter board success add"));
}

void bh_rhythm(struct bh *h)
{
	const struct out_block *b = out_capture_block(&h->board, "perioderitmiek");

	bh_box_begin(h, "perioderitmiek", 5, _("Period rhythm"));
	if (!b || !b->nrows) {
		bh_hint(h, _("No sessions planned: beter board rhythm add"));
		bh_box_end(h);
		return;
	}
	strbuf_adds(h->sb, "<ul>\n");
	for (size_t r = 0; r < b->nrows; r++) {
		const char *topic = cell_text(b, r, "topic");
		strbuf_adds(h->sb, "<li><span class=\"meta\">");
		text(h, cell_text(b, r, "date"));
		strbuf_adds(h->sb, "</span> <span class=\"who\">");
		text(h, cell_text(b, r, "leader"));
		strbuf_adds(h->sb, "</span>");
		if (topic) {
			strbuf_adds(h->sb, " ");
			text(h, topic);
		}
		strbuf_adds(h->sb, "</li>\n");
	}
	strbuf_adds(h->sb, "</ul>\n");
	bh_box_end(h);
}

/* the programme of the next werksessie (board session add --agenda), in order */
void bh_worksession(struct bh *h)
{
	const struct out_block *b = out_capture_block(&h->board, "werksessie");

	bh_box_begin(h, "werksessie", 5, _("Work session"));
	if (!b || !b->nrows) {
		bh_hint(h, _("No programme yet: beter board session add --agenda \"topic=minutes\""));
		bh_box_end(h);
		return;
	}
	strbuf_adds(h->sb, "<ul>\n");
	for (size_t r = 0; r < b->nrows; r++) {
		const struct out_cell *min = out_block_cell(b, r, out_block_col(b, "minutes"));
		strbuf_adds(h->sb, "<li>");
		text(h, cell_text(b, r, "topic"));
		if (min && min->t == OUT_C_INT)
			strbuf_addf(h->sb, " <span class=\"meta\">%lld %s</span>", (long long)min->i, _("min"));
		strbuf_adds(h->sb, "</li>\n");
	}
	strbuf_adds(h->sb, "</ul>\n");
	bh_box_end(h);
}

void bh_visits(struct bh *h)
{
	const struct out_block *b = out_capture_block(&h->board, "lesbezoekplanning");

	bh_box_begin(h, "lesbezoekplanning", 5, _("Lesson-visit planning"));
	if (!b || !b->nrows) {
		bh_hint(h, _("No lesson visits planned: beter visit plan"));
		bh_box_end(h);
		return;
	}
	strbuf_adds(h->sb, "<ul>\n");
	for (size_t r = 0; r < b->nrows; r++) {
		strbuf_adds(h->sb, "<li><span class=\"meta\">");
		text(h, cell_text(b, r, "date"));
		strbuf_adds(h->sb, "</span> <span class=\"who\">");
		text(h, cell_text(b, r, "observer"));
		strbuf_adds(h->sb, " → ");
		text(h, cell_text(b, r, "teacher"));
		strbuf_adds(h->sb, "</span>");
		badge(h, cell_text(b, r, "status"));
		strbuf_adds(h->sb, "</li>\n");
	}
	strbuf_adds(h->sb, "</ul>\n");
	bh_box_end(h);
}

/* The standard order of a board session: the five steps and the book's questions. */
void bh_order(struct bh *h)
{
	const char *steps[5][2] = {
		{ _("Check-in"), _("How do you stand at this moment?") },
		{ _("Successes"), _("Which successes do we have to celebrate?") },
		{ _("Goals"), _("What is the progress on the goals we set ourselves?") },
		{ _("Actions"), _("Has everyone taken the actions needed, and which actions must still be taken to "
				  "reach the goals?") },
		{ _("Programme"), _("What is on this session's programme? Are changes needed, and did the lesson "
				    "visits happen?") },
	};

	strbuf_adds(h->sb, "<footer id=\"s-standaardvolgorde\"><h2>");
	text(h, _("Standard order"));
	strbuf_adds(h->sb, "</h2>\n");
	for (int i = 0; i < 5; i++) {
		strbuf_addf(h->sb, "<p><span class=\"step\">%d</span><span><b>", i + 1);
		text(h, steps[i][0]);
		strbuf_adds(h->sb, "</b>");
		text(h, steps[i][1]);
		strbuf_adds(h->sb, "</span></p>\n");
	}
	strbuf_adds(h->sb, "</footer>\n");
}
