/* share.h - where the data shipped with beter (frameworks, instruments,
 * phase models) is found at run time.
 *
 * The first of: $BETER_SHARE when set; the installed directory
 * (BETER_SHARE_DIR, e.g. /usr/share/beter) when it exists; the source
 * tree's share/ (BETER_SOURCE_SHARE_DIR), for a build that is not installed.
 */
#ifndef BETER_SHARE_H
#define BETER_SHARE_H

#include <stddef.h>

#include "beter/err.h"

/* The share directory (static storage, never NULL). */
const char *share_dir(void);

/* share_dir() + "/" + the formatted sub path ("frameworks/%s.json"), as a
 * malloc'd string the caller frees. The file need not exist. */
char *share_path(const char *sub, ...) __attribute__((format(printf, 1, 2)));

/* Read a whole file ("-": stdin) into a malloc'd NUL-terminated buffer.
 * BETER_IOERR naming the file when it cannot be read, BETER_DATAERR when it
 * is larger than max bytes. */
int share_read_file(const char *path, size_t max, char **data, size_t *len, struct beter_err *err);

#endif
