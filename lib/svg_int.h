/* svg_int.h - what the charts of lib/svg*.c share: numbers, the frame
 * (480 x 240 user units), the scale and the y axis. */
#ifndef BETER_SVG_INT_H
#define BETER_SVG_INT_H

#include "beter/svg.h"

#define SVG_W 480.0
#define SVG_H 240.0
#define SVG_LEFT 40.0
#define SVG_RIGHT 16.0
#define SVG_TOP 16.0
#define SVG_BOTTOM 40.0

/* A coordinate: one decimal, no "-0.0". */
void svg_num(struct strbuf *sb, double v);
/* A value label: whole numbers without decimals, else one or two. */
void svg_label_num(struct strbuf *sb, double v, char decimal);
/* <svg> with its <title> and <desc> (ids ID-t and ID-d). */
void svg_open(struct strbuf *sb, const char *id, const char *title, const char *desc);
/* The y of value v on the scale ymin..ymax. */
double svg_ypos(double v, double ymin, double ymax);
/* Grid lines with labels at whole steps of the scale. */
void svg_y_axis(struct strbuf *sb, double ymin, double ymax, char decimal);
/* s escaped, cut to at most max characters with an ellipsis. */
void svg_short_label(struct strbuf *sb, const char *s, size_t max);
size_t svg_chars(const char *s);

#endif
