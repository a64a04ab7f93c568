/* libFuzzer target: the .xlsx reader behind csvin. An input that starts
 * with "PK" is read as the workbook itself (the zip container); any other is
 * split at "\n--\n" into the parts xl/workbook.xml, its relationships,
 * xl/styles.xml, xl/sharedStrings.xml and the sheet, zipped here, so that
 * the XML readers get inputs a CRC does not turn away. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "beter/csvin.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *zip_parts(const uint8_t *data, size_t size, size_t *len)
{
	static const char *const names[] = { "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
					     "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml" };
	zip_error_t ze;
	zip_source_t *src;
	zip_t *z;
	char *out = NULL;
	const uint8_t *p = data, *end = data + size;

	zip_error_init(&ze);
	if (!(src = zip_source_buffer_create(NULL, 0, 0, &ze)))
		abort();
	zip_source_keep(src);
	if (!(z = zip_open_from_source(src, ZIP_TRUNCATE, &ze)))
		abort();
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]) && p <= end; i++) {
		const uint8_t *sep = (const uint8_t *)memmem(p, (size_t)(end - p), "\n--\n", 4);
		const uint8_t *stop = sep ? sep : end;
		zip_source_t *ps = zip_source_buffer(z, p, (zip_uint64_t)(stop - p), 0);
		zip_int64_t idx = ps ? zip_file_add(z, names[i], ps, ZIP_FL_OVERWRITE) : -1;
		if (idx < 0)
			abort();
		zip_set_file_compression(z, (zip_uint64_t)idx, ZIP_CM_STORE, 0);
		if (!sep)
			break;
		p = sep + 4;
	}
	if (zip_close(z) != 0)
		abort();
	zip_stat_t st;
	if (zip_source_stat(src, &st) == 0 && (st.valid & ZIP_STAT_SIZE) && zip_source_open(src) == 0) {
		out = malloc(st.size + 1);
		*len = (size_t)zip_source_read(src, out, st.size);
		zip_source_close(src);
	}
	zip_source_free(src);
	zip_error_fini(&ze);
	return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = { "code", "naam", "rol", NULL };
	struct beter_err err = { 0 };
	struct csvin r;
	char *zipped = NULL;
	size_t len = size;
	const char *in = (const char *)data;
	int rc, n = 0;

	if (size < 2 || memcmp(data, "PK", 2)) {
		if (!(zipped = zip_parts(data, size, &len)))
			return 0;
		in = zipped;
	}
	if (csvin_open_mem(&r, "fuzz.xlsx", in, len, &err) == 0) {
		while ((rc = csvin_read(&r)) == 1) {
			size_t nf = csvin_nfields(&r);
			for (size_t i = 0; i <= nf; i++)
				if (strlen(csvin_field(&r, i)) != csvin_field_len(&r, i) ||
				    csvin_field_len(&r, i) > CSVIN_FIELD_MAX)
					__builtin_trap();
			if (n++ == 0) {
				csvin_find(&r, names);
				r.width = (int)nf;
			} else if (nf > 1) {
				csvin_error(&r, 1, "field %d", n);
			}
		}
		csvin_close(&r);
	}
	free(zipped);
	return 0;
}
