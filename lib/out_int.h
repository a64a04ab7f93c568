/* out_int.h - what lib/out.c shares with its capture sink (lib/out_capture.c). */
#ifndef BETER_OUT_INT_H
#define BETER_OUT_INT_H

#include "beter/out.h"

/* A list (record 0) or record begins in o's capture. */
void out_cap_begin(struct out *o, int record);
/* The next cell of the current row (s is copied). */
void out_cap_cell(struct out *o, enum out_ctype t, int64_t i, double d, const char *s);
/* The current row is complete. */
void out_cap_row_end(struct out *o);

#endif
