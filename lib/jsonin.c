/* jsonin.c - reading a JSON document from outside input. */
#include "beter/jsonin.h"

#include <string.h>

#include "beter/util.h"

void jsonin_line_col(const char *data, size_t off, long *line, long *col)
{
	*line = 1;
	*col = 1;
	for (size_t i = 0; i < off; i++) {
		if (data[i] == '\n') {
			(*line)++;
			*col = 1;
		} else if (((unsigned char)data[i] & 0xc0) != 0x80) {
			(*col)++;
		}
	}
}

/* Before parsing: UTF-8 without NUL bytes, and no \u0000 in strings. */
static int scan_text(const char *name, const char *data, size_t len, struct beter_err *err)
{
	size_t bad;
	long line, col;

	if (!utf8_valid(data, len, &bad)) {
		jsonin_line_col(data, bad, &line, &col);
		return beter_err_set(err, BETER_DATAERR, "%s:%ld:%ld: %s", name, line, col,
				     data[bad] ? "not valid UTF-8" : "a NUL byte (the file must be UTF-8 text)");
	}
	for (size_t i = 0; i + 1 < len; i++) {
		if (data[i] != '\\')
			continue;
		if (data[i + 1] == 'u' && i + 5 < len && !strncmp(data + i + 2, "0000", 4)) {
			jsonin_line_col(data, i, &line, &col);
			return beter_err_set(err, BETER_DATAERR, "%s:%ld:%ld: \\u0000 (a NUL character) is not allowed in text",
					     name, line, col);
		}
		i++;
	}
	return 0;
}

int jsonin_parse(const char *name, const char *data, size_t len, cJSON **doc, struct beter_err *err)
{
	const char *end = NULL;
	long line = 0, col = 0;
	int rc;

	size_t i = 0;

	*doc = NULL;
	while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
		i++;
	if (i == len)
		return beter_err_set(err, BETER_DATAERR, "%s: the file is empty (expected a JSON document)", name);
	if ((rc = scan_text(name, data, len, err)))
		return rc;
	*doc = cJSON_ParseWithLengthOpts(data, len, &end, 0);
	if (!*doc) {
		const char *at = cJSON_GetErrorPtr();
		if (at && at >= data && at <= data + len)
			jsonin_line_col(data, (size_t)(at - data), &line, &col);
		return beter_err_set(err, BETER_DATAERR, "%s:%ld:%ld: not valid JSON here", name, line, col);
	}
	/* nothing but white space may follow the document */
	while (end && end < data + len && (*end == ' ' || *end == '\t' || *end == '\n' || *end == '\r'))
		end++;
	if (end && end < data + len) {
		jsonin_line_col(data, (size_t)(end - data), &line, &col);
		cJSON_Delete(*doc);
		*doc = NULL;
		return beter_err_set(err, BETER_DATAERR, "%s:%ld:%ld: text after the end of the document", name, line, col);
	}
	return 0;
}
