/* ics.h - inside the module beter-ics: the writing half (ics_write.c). */
#ifndef BETER_MOD_ICS_H
#define BETER_MOD_ICS_H

#include "beter/module.h"

void *ics_cal_new(const char *prodid, int stamp_day);
void ics_cal_add(void *cal, const struct ics_event *e);
char *ics_cal_text(void *cal);
void ics_cal_free(void *cal);

#endif
