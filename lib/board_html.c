/* board_html.c - the verbeterbord as one page: the board's rows read through
 * the capture sink, laid out like the book's board. */
#include "board_html_int.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "beter/board.h"
#include "beter/i18n.h"
#include "beter/svg.h"

/*
 * Sized for a digibord of 1920x1080 seen from the back of a classroom: the
 * root size follows the viewport (19px at 1920x1080), every other size is
 * in rem, and the page is exactly one screen high with a box per section;
 * boxes share the height by their content, and a box whose content does
 * not fit scrolls inside itself rather than push the page, with a shadow
 * along the side where more is (never cut off unseen). The left column is
 * wide enough for a full year's texts (a two-line ambition, four
 * agreements, three periods and themes). Print: one A3 landscape page, same
 * layout.
 */
static const char css[] =
	"*{box-sizing:border-box}"
	"html{font-size:min(1vw,1.78vh)}"
	"body{margin:0;height:100vh;display:flex;flex-direction:column;font:1rem/1.25 system-ui,-apple-system,"
	"'Segoe UI',Roboto,'DejaVu Sans',Arial,sans-serif;color:#16232c;background:#eef2f4}"
	"header{display:flex;align-items:baseline;gap:1.2rem;padding:.25rem .8rem;background:#1f6f8b;color:#fff}"
	"h1{font-size:1.5rem;margin:0}header p{margin:0;font-size:1.05rem}header .asof{margin-left:auto}"
	"main{flex:1;display:grid;grid-template-columns:30fr 28fr 42fr;gap:.45rem;padding:.45rem;min-height:0}"
	".col{display:flex;flex-direction:column;gap:.45rem;min-height:0;min-width:0}"
	".row{display:flex;gap:.45rem;min-height:0;flex:1 1 auto}.row>section{flex:1 1 0;min-width:0}.row>#s-werksessie{flex-grow:.75}.row>#s-lesbezoekplanning{flex-grow:1.25}"
	"section{position:relative;flex:1 1 auto;min-height:0;overflow:auto;border:.12rem solid #b9c7d0;"
	"border-radius:.35rem;padding:.25rem .5rem .3rem;"
	/* a box with more than it shows gets a shadow on that side: a cover
	 * that moves with the content hides it while the content ends there */
	"background:linear-gradient(#fff,#fff) top/100% 1.2rem no-repeat local,"
	"linear-gradient(#fff,#fff) bottom/100% 1.2rem no-repeat local,"
	"linear-gradient(#1f6f8bcc,#1f6f8b00) top/100% 1rem no-repeat scroll,"
	"linear-gradient(#1f6f8b00,#1f6f8bcc) bottom/100% 1rem no-repeat scroll,#fff}"
	"h2{font-size:1.05rem;margin:0 0 .2rem;color:#1f6f8b;display:flex;align-items:center;gap:.35rem}"
	".step{display:inline-flex;align-items:center;justify-content:center;width:1.45rem;height:1.45rem;"
	"border-radius:50%;background:#e07a1f;color:#fff;font-size:.95rem;font-weight:700;flex:none}"
	"ul{margin:0;padding:0;list-style:none}li{padding:.06rem 0;border-bottom:.06rem solid #e3e9ed}"
	"li:last-child{border-bottom:0}"
	"li.theme{display:flex;flex-wrap:wrap;justify-content:space-between;gap:0 .4rem;align-items:baseline}"
	/* the left column's short texts keep their height; a long list there
	 * gives way first */
	".left section{font-size:.9rem;line-height:1.2}.left li{padding:.03rem 0}.left h2{font-size:1rem}"
	"#s-ambitie,#s-inspiratieverhaal,#s-teamafspraken{flex-shrink:0;max-height:22%}"
	".hint{margin:0;color:#5b6b76;font-style:italic;font-size:.85rem}"
	".meta{color:#44535e;font-size:.85em;white-space:nowrap}"
	".who{font-weight:600;color:#1f6f8b}"
	".badge{display:inline-block;padding:0 .3rem;border-radius:.25rem;font-size:.9em;font-weight:700;"
	"vertical-align:.08em}.b-done{background:#dff0d8;color:#2d6a1f}.b-overdue{background:#fbe1d6;color:#a23c12}"
	".b-open{background:#e6eef3;color:#33505f}.b-missed{background:#fbe1d6;color:#a23c12}"
	"h3{font-size:.8rem;margin:.15rem 0 0;color:#5b6b76;text-transform:uppercase;letter-spacing:.03em}"
	"li.running{font-weight:700;background:#e6f2f6;border-left:.25rem solid #1f6f8b;padding-left:.25rem}"
	".b-running{background:#1f6f8b;color:#fff}.b-closed,.b-ended{background:#dff0d8;color:#2d6a1f}"
	".b-planned,.b-candidate{background:#e6eef3;color:#33505f;font-weight:400}"
	".act{display:grid;grid-template-columns:minmax(0,1fr) auto;gap:0 .6rem;align-items:baseline}"
	".goal{display:grid;grid-template-columns:minmax(0,1fr) 16rem;gap:.5rem;align-items:center;padding:.2rem 0;"
	"border-bottom:.06rem solid #e3e9ed}.goal:last-child{border-bottom:0}"
	".goal p{margin:0}.goal .meta{white-space:normal}.goal .text{font-weight:600}.figs{display:flex;flex-wrap:wrap;gap:0 .8rem;font-size:.9rem}"
	".figs b{font-size:1.1rem}"
	"svg.chart{width:16rem;height:8rem;display:block}svg.chart text{font-size:22px}svg.chart text[text-anchor=end][fill=\"#444\"]{font-size:16px}"
	".goals{display:flex;flex-direction:column}#s-doelen{flex-grow:3}#s-acties_in_de_klas,#s-successen{flex-grow:2}"
	".scores{display:flex;flex-wrap:wrap;gap:.3rem .5rem}.score{border:.06rem solid #b9c7d0;border-radius:.3rem;"
	"padding:.05rem .4rem;font-size:1.05rem}.score b{margin-left:.3rem}"
	"footer{display:grid;grid-template-columns:auto repeat(5,1fr);gap:.6rem;align-items:start;"
	"padding:.3rem .8rem .4rem;background:#fff;border-top:.12rem solid #b9c7d0;font-size:.78rem}"
	"footer h2{font-size:.9rem;margin:0;white-space:nowrap}footer p{margin:0;display:flex;gap:.35rem}"
	"footer .step{width:1.2rem;height:1.2rem;font-size:.8rem}footer b{display:block}"
	"@page{size:A3 landscape;margin:8mm}"
	"@media print{html{font-size:15.5px}body{height:280mm;-webkit-print-color-adjust:exact;print-color-adjust:exact}"
	"section{overflow:hidden}}";

void bh_box_begin(struct bh *h, const char *key, int step, const char *title)
{
	strbuf_adds(h->sb, "<section id=\"s-");
	svg_escape(h->sb, key);
	strbuf_adds(h->sb, "\"><h2>");
	if (step)
		strbuf_addf(h->sb, "<span class=\"step\">%d</span>", step);
	svg_escape(h->sb, title);
	strbuf_adds(h->sb, "</h2>\n");
}

void bh_box_end(struct bh *h)
{
	strbuf_adds(h->sb, "</section>\n");
}

void bh_hint(struct bh *h, const char *hint)
{
	strbuf_adds(h->sb, "<p class=\"hint\">");
	svg_escape(h->sb, hint);
	strbuf_adds(h->sb, "</p>\n");
}

void bh_num(struct bh *h, double v)
{
	char buf[32], *dot;

	if (isnan(v)) {
		strbuf_adds(h->sb, "–");
		return;
	}
	if (fabs(v - round(v)) < 1e-9)
		snprintf(buf, sizeof(buf), "%.0f", v);
	else if (fabs(v * 10 - round(v * 10)) < 1e-9)
		snprintf(buf, sizeof(buf), "%.1f", v);
	else
		snprintf(buf, sizeof(buf), "%.2f", v);
	if ((dot = strchr(buf, '.')))
		*dot = h->dec;
	strbuf_adds(h->sb, buf);
}

/* The latest board session on or before the board's day, captured with its
 * check-in (none: the blocks stay NULL). */
static int latest_session(struct store *db, int64_t school, int64_t team, struct bh *h, struct beter_err *err)
{
	struct out_capture list;
	const struct out_block *b;
	const struct out_block *head = out_capture_block(&h->board, "bord");
	const char *asof = out_cell_text(out_block_cell(head, 0, out_block_col(head, "as_of")));
	struct out o;
	int64_t id = 0;
	int rc, cid, cdate;

	out_capture_init(&o, &list);
	rc = board_session_list(db, team, &o, err);
	out_release(&o);
	b = out_capture_block(&list, NULL);
	cid = out_block_col(b, "id");
	cdate = out_block_col(b, "date");
	for (size_t r = 0; !rc && b && asof && r < b->nrows; r++) {
		const char *d = out_cell_text(out_block_cell(b, r, cdate));
		if (d && strcmp(d, asof) <= 0)
			id = (int64_t)out_cell_num(out_block_cell(b, r, cid)); /* sessions come by date */
	}
	out_capture_release(&list);
	if (rc || !id)
		return rc;
	out_capture_init(&o, &h->session);
	rc = board_session_show(db, school, id, &o, err);
	out_release(&o);
	if (!rc) {
		h->sess_head = out_capture_block(&h->session, "sessie");
		h->checkin = out_capture_block(&h->session, "check_in");
	}
	return rc;
}

static void page_head(struct bh *h)
{
	const struct out_block *head = out_capture_block(&h->board, "bord");
	const char *team = out_cell_text(out_block_cell(head, 0, out_block_col(head, "team")));
	const char *week = out_cell_text(out_block_cell(head, 0, out_block_col(head, "week")));
	const char *asof = out_cell_text(out_block_cell(head, 0, out_block_col(head, "as_of")));
	struct strbuf t = STRBUF_INIT;

	/* TRANSLATORS: the language code of the board page (html lang) */
	strbuf_addf(h->sb, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
			   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
		    _("en"));
	strbuf_addf(&t, "%s · %s · %s", _("Improvement board"), team ? team : "", week ? week : "");
	svg_escape(h->sb, strbuf_str(&t));
	strbuf_addf(h->sb, "</title>\n<style>%s</style>\n</head>\n<body>\n<header><h1>", css);
	svg_escape(h->sb, _("Improvement board"));
	strbuf_adds(h->sb, "</h1><p class=\"team\">");
	svg_escape(h->sb, team);
	strbuf_adds(h->sb, "</p><p class=\"week\">");
	strbuf_reset(&t);
	strbuf_addf(&t, _("week %s"), week ? week : "");
	svg_escape(h->sb, strbuf_str(&t));
	strbuf_adds(h->sb, "</p><p class=\"asof\">");
	strbuf_reset(&t);
	strbuf_addf(&t, _("as of %s"), asof ? asof : "");
	svg_escape(h->sb, strbuf_str(&t));
	strbuf_adds(h->sb, "</p></header>\n<main>\n");
	strbuf_release(&t);
}

static void page_body(struct bh *h)
{
	strbuf_adds(h->sb, "<div class=\"col left\">\n");
	bh_text_section(h, "ambitie", 0, _("Ambition"), _("No ambition yet: beter board set --ambition"));
	bh_text_section(h, "inspiratieverhaal", 0, _("Inspiration story"), _("No story yet: beter board set --story"));
	bh_text_section(h, "teamafspraken", 0, _("Team agreements"), _("No agreements yet: beter board agreement add"));
	bh_themes(h);
	bh_text_section(h, "uitkomst_leerlingarena", 0, _("Pupil arena outcome"),
			_("No outcome yet: beter board arena add"));
	bh_text_section(h, "parkeren", 0, _("Parking lot"), _("Nothing parked."));
	strbuf_adds(h->sb, "</div>\n<div class=\"col middle\">\n");
	bh_goals(h);
	bh_checkin(h);
	strbuf_adds(h->sb, "</div>\n<div class=\"col right\">\n");
	bh_actions(h, "acties_in_de_klas", 4, _("Actions in class"), _("No actions in class: beter board action add"));
	bh_actions(h, "andere_acties", 0, _("Other actions"),
		   _("No team actions: beter board action add --team-action"));
	bh_successes(h);
	strbuf_adds(h->sb, "<div class=\"row\">\n");
	bh_rhythm(h);
	bh_worksession(h);
	bh_visits(h);
	strbuf_adds(h->sb, "</div>\n</div>\n</main>\n");
	bh_order(h);
	strbuf_adds(h->sb, "</body>\n</html>\n");
}

int board_html(struct store *db, int64_t school, int64_t team_id, int from, int to, struct strbuf *sb,
	       struct beter_err *err)
{
	struct bh h;
	struct out o;
	/* TRANSLATORS: the decimal separator of numbers on the board page */
	const char *dec = _(".");
	int rc;

	memset(&h, 0, sizeof(h));
	h.sb = sb;
	h.dec = dec[0] ? dec[0] : '.';
	out_capture_init(&o, &h.board);
	rc = board_render(db, school, team_id, from, to, 0, &o, err);
	out_release(&o);
	if (!rc)
		rc = latest_session(db, school, team_id, &h, err);
	if (!rc) {
		page_head(&h);
		page_body(&h);
	}
	out_capture_release(&h.board);
	out_capture_release(&h.session);
	return rc;
}
