/* framework_int.h - what the framework files share inside the library. */
#ifndef BETER_FRAMEWORK_INT_H
#define BETER_FRAMEWORK_INT_H

#include "beter/framework.h"

/* The largest framework file read. */
#define FW_FILE_MAX (4 * 1024 * 1024)

/* framework_parse_json for len bytes of text (not NUL-terminated). */
int framework_parse_json_mem(const char *name, const char *text, size_t len, struct framework *fw,
			     struct beter_err *err);

#endif
