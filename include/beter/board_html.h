/* board_html.h - the verbeterbord as one page for the digibord and for print.
 *
 * The page is laid out like the book's board: left what inspires the board
 * (ambitie, inspiratieverhaal, teamafspraken, jaarbord, uitkomst
 * leerlingarena, parkeren), in the middle the goals with norm, 0-meting and
 * their results P1..Pn as a chart and the check-in of the latest board
 * session, right the actions, successes, the period rhythm, the work session
 * and the lesson-visit planning; the five steps of the standard order are
 * numbered on it. One self-contained HTML document: inline CSS and SVG, no
 * scripts, no external resources; it fits 1920x1080 without scrolling for a
 * typical team and prints on one A3 landscape page. Its words follow the
 * interface language (gettext).
 */
#ifndef BETER_BOARD_HTML_H
#define BETER_BOARD_HTML_H

#include <stdint.h>

#include "beter/err.h"
#include "beter/util.h"

struct store;

/* The board of team_id as it stood at the end of the week from..to (as
 * board_render), appended to sb as an HTML document. */
int board_html(struct store *db, int64_t school, int64_t team_id, int from, int to, struct strbuf *sb,
	       struct beter_err *err);

#endif
