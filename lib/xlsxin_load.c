/* xlsxin_load.c - xlsxin.h's reader, in the module beter-xlsxin (module.h):
 * loaded when a command first reads an .xlsx file. */
#include "beter/xlsxin.h"

#include "beter/module.h"

int xlsxin_open(struct xlsxin **xp, const char *name, int fd, const void *data, size_t len, const char *sheet,
		const struct xlsxin_sink *sink, struct beter_err *err)
{
	const struct beter_xlsxin_ops *m = module_xlsxin(err);

	*xp = NULL;
	return m ? m->open(xp, name, fd, data, len, sheet, sink, err) : err->status;
}

int xlsxin_pump(struct xlsxin *x)
{
	return x ? module_xlsxin(NULL)->pump(x) : -1;
}

void xlsxin_close(struct xlsxin *x)
{
	if (x)
		module_xlsxin(NULL)->close(x);
}
