#include "beter/share.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "beter/i18n.h"
#include "beter/util.h"

#ifndef BETER_SHARE_DIR
#define BETER_SHARE_DIR "/usr/share/beter"
#endif
#ifndef BETER_SOURCE_SHARE_DIR
#define BETER_SOURCE_SHARE_DIR "share"
#endif

static int is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *share_dir(void)
{
	const char *env = getenv("BETER_SHARE");

	if (env && *env)
		return env;
	if (is_dir(BETER_SHARE_DIR))
		return BETER_SHARE_DIR;
	return BETER_SOURCE_SHARE_DIR;
}

char *share_path(const char *sub, ...)
{
	struct strbuf sb = STRBUF_INIT;
	struct strbuf rel = STRBUF_INIT;
	va_list ap;

	va_start(ap, sub);
	{
		va_list cp;
		va_copy(cp, ap);
		int n = vsnprintf(NULL, 0, sub, cp);
		va_end(cp);
		if (n > 0) {
			char *buf = xmalloc((size_t)n + 1);
			vsnprintf(buf, (size_t)n + 1, sub, ap);
			strbuf_adds(&rel, buf);
			free(buf);
		}
	}
	va_end(ap);
	strbuf_addf(&sb, "%s/%s", share_dir(), strbuf_str(&rel));
	strbuf_release(&rel);
	return strbuf_detach(&sb);
}

int share_read_file(const char *path, size_t max, char **data, size_t *len, struct beter_err *err)
{
	int is_stdin = !strcmp(path, "-");
	FILE *fp;
	struct strbuf sb = STRBUF_INIT;
	char buf[8192];
	size_t n;
	int rc;

	if ((rc = input_open(path, &fp, err)))
		return rc;
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0) {
		strbuf_add(&sb, buf, n);
		if (sb.len > max) {
			if (!is_stdin)
				fclose(fp);
			strbuf_release(&sb);
			return beter_err_set(err, BETER_DATAERR, _("%s: larger than %zu bytes"), path, max);
		}
	}
	int bad = ferror(fp);
	int e = errno;
	if (!is_stdin)
		fclose(fp);
	if (bad) {
		strbuf_release(&sb);
		return beter_err_set(err, BETER_IOERR, _("%s: cannot read: %s"), path, strerror(e));
	}
	strbuf_add(&sb, "", 0);
	if (len)
		*len = sb.len;
	*data = sb.buf ? strbuf_detach(&sb) : xstrdup("");
	return 0;
}
