/* survey_int.h - what the parts of the survey code (survey.c,
 * survey_doc.c, survey_instrument.c, survey_import.c) share among themselves. */
#ifndef BETER_SURVEY_INT_H
#define BETER_SURVEY_INT_H

#include "beter/survey.h"

/* 1-64 lowercase letters, digits, '-' or '_': an instrument's code. */
int survey_code_valid(const char *s);

/* Read and parse an instrument document (at most 1 MB; "-": stdin). */
int survey_instrument_parse_file(const char *path, struct survey_instrument *in, struct beter_err *err);

#endif
