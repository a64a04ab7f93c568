/* board_html_int.h - what the board page's files share. */
#ifndef BETER_BOARD_HTML_INT_H
#define BETER_BOARD_HTML_INT_H

#include "beter/board_html.h"
#include "beter/out.h"

/* The board as captured: the sections of board_render, and the check-in of
 * the latest board session up to the board's day (NULL blocks: none). */
struct bh {
	struct strbuf *sb;
	struct out_capture board;   /* board_render */
	struct out_capture session; /* board_session_show of the latest session */
	const struct out_block *sess_head, *checkin;
	char dec;                   /* the decimal separator of the language */
};

/* The box of a section: id "s-KEY", its title and the step of the standard
 * order (0: none); box_end closes it. */
void bh_box_begin(struct bh *h, const char *key, int step, const char *title);
void bh_box_end(struct bh *h);
/* An empty box's hint: what is missing, never invented content. */
void bh_hint(struct bh *h, const char *hint);
/* A number as the language writes it: "6,5" or "7". */
void bh_num(struct bh *h, double v);

/* The sections (board_html_parts.c). */
void bh_text_section(struct bh *h, const char *key, int step, const char *title, const char *hint);
void bh_themes(struct bh *h);
void bh_goals(struct bh *h);
void bh_checkin(struct bh *h);
void bh_actions(struct bh *h, const char *key, int step, const char *title, const char *hint);
void bh_successes(struct bh *h);
void bh_rhythm(struct bh *h);
void bh_worksession(struct bh *h);
void bh_visits(struct bh *h);
void bh_order(struct bh *h);

#endif
