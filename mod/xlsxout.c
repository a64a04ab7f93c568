/* xlsxout.c - the module beter-xlsxout (module.h): libxlsxwriter behind
 * --format xlsx, a call for each thing out_xlsx.c does with it. */
#include <xlsxwriter.h>

#include "beter/module.h"

static void *wb_new(const char *path)
{
	lxw_workbook_options opt = { .constant_memory = LXW_TRUE };

	return workbook_new_opt(path, &opt);
}

static void *format(void *wb, int bold, const char *num_format)
{
	lxw_format *f = workbook_add_format(wb);

	if (f && bold)
		format_set_bold(f);
	if (f && num_format)
		format_set_num_format(f, num_format);
	return f;
}

static void *sheet(void *wb, const char *name)
{
	return workbook_add_worksheet(wb, name);
}

static int string(void *ws, unsigned row, unsigned col, const char *s, void *fmt)
{
	return (int)worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, s, fmt);
}

static int number(void *ws, unsigned row, unsigned col, double d, void *fmt)
{
	return (int)worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col, d, fmt);
}

static int date(void *ws, unsigned row, unsigned col, int y, int m, int d, void *fmt)
{
	lxw_datetime dt = { y, m, d, 0, 0, 0 };

	return (int)worksheet_write_datetime(ws, (lxw_row_t)row, (lxw_col_t)col, &dt, fmt);
}

static int boolean(void *ws, unsigned row, unsigned col, int b, void *fmt)
{
	return (int)worksheet_write_boolean(ws, (lxw_row_t)row, (lxw_col_t)col, b, fmt);
}

static int width(void *ws, unsigned col, double w)
{
	return (int)worksheet_set_column(ws, (lxw_col_t)col, (lxw_col_t)col, w, NULL);
}

static void freeze(void *ws, unsigned row, unsigned col)
{
	worksheet_freeze_panes(ws, (lxw_row_t)row, (lxw_col_t)col);
}

static int filter(void *ws, unsigned row1, unsigned col1, unsigned row2, unsigned col2)
{
	return (int)worksheet_autofilter(ws, (lxw_row_t)row1, (lxw_col_t)col1, (lxw_row_t)row2, (lxw_col_t)col2);
}

static int close_wb(void *wb)
{
	return (int)workbook_close(wb);
}

static void discard(void *wb)
{
	lxw_workbook_free(wb);
}

static const char *error_text(int e)
{
	return lxw_strerror((lxw_error)e);
}

/* The module's entry point (module.h). */
__attribute__((visibility("default"))) const struct beter_xlsxout_ops *beter_module_xlsxout(void)
{
	static const struct beter_xlsxout_ops ops = {
		BETER_MODULE_ABI, LXW_ERROR_CREATING_TMPFILE, LXW_ERROR_SHEETNAME_ALREADY_USED, wb_new, format, sheet,
		string, number, date, boolean, width, freeze, filter, close_wb, discard, error_text,
	};
	return &ops;
}
