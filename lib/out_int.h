/* out_int.h - what lib/out.c shares with its capture sink (lib/out_capture.c)
 * and its workbook renderer (lib/out_xlsx.c). */
#ifndef BETER_OUT_INT_H
#define BETER_OUT_INT_H

#include "beter/out.h"

/* A list (record 0) or record begins in o's capture. */
void out_cap_begin(struct out *o, int record);
/* The next cell of the current row (s is copied). */
void out_cap_cell(struct out *o, enum out_ctype t, int64_t i, double d, const char *s);
/* The current row is complete. */
void out_cap_row_end(struct out *o);

/* The workbook (OUT_XLSX): a list or record begins a worksheet, cells go
 * to its next row (o->cell counts them), a list's rows end, the worksheet
 * ends (widths, frozen header, filter). */
void out_xlsx_begin(struct out *o, int record);
void out_xlsx_cell(struct out *o, enum out_ctype t, int64_t i, double d, const char *s);
void out_xlsx_row_end(struct out *o);
void out_xlsx_end(struct out *o, int record);
/* Drop the workbook unwritten (out_release). */
void out_xlsx_free(struct out *o);

#endif
