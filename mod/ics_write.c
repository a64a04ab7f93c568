/* ics_write.c - writing iCalendar with libical for calendar export
 * (calendar_export.c chooses the events). In the module beter-ics. */
#include <stdio.h>
#include <stdlib.h>

#include <libical/ical.h>

#include "beter/date.h"
#include "ics.h"

static struct icaltimetype day_time(int day, int minutes)
{
	struct icaltimetype t = minutes < 0 ? icaltime_null_date() : icaltime_null_time();
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	t.year = y;
	t.month = m;
	t.day = d;
	if (minutes >= 0) {
		t.hour = minutes / 60;
		t.minute = minutes % 60;
		t.is_date = 0;
	} else {
		t.is_date = 1;
	}
	return t;
}

/* the calendar being written and every event's DTSTAMP */
struct ics_cal {
	icalcomponent *cal;
	struct icaltimetype stamp;
};

void *ics_cal_new(const char *prodid, int stamp_day)
{
	struct ics_cal *c = calloc(1, sizeof(*c));

	if (!c)
		abort();
	icalerror_set_errors_are_fatal(0);
	c->cal = icalcomponent_vanew(ICAL_VCALENDAR_COMPONENT, icalproperty_new_version("2.0"),
				     icalproperty_new_prodid(prodid), icalproperty_new_calscale("GREGORIAN"), (void *)0);
	c->stamp = day_time(stamp_day, 0);
	c->stamp.zone = icaltimezone_get_utc_timezone();
	return c;
}

void ics_cal_add(void *cal, const struct ics_event *e)
{
	struct ics_cal *c = cal;
	icalcomponent *v = icalcomponent_new(ICAL_VEVENT_COMPONENT);
	char uid[96];

	snprintf(uid, sizeof(uid), "%s-%s@beter", e->uid_kind, e->uid);
	icalcomponent_add_property(v, icalproperty_new_uid(uid));
	icalcomponent_add_property(v, icalproperty_new_dtstamp(c->stamp));
	if (e->minutes < 0) {
		icalcomponent_add_property(v, icalproperty_new_dtstart(day_time(e->day, -1)));
		icalcomponent_add_property(v, icalproperty_new_dtend(day_time(e->last + 1, -1)));
		icalcomponent_add_property(v, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
	} else {
		int end = e->minutes + e->length;
		icalcomponent_add_property(v, icalproperty_new_dtstart(day_time(e->day, e->minutes)));
		icalcomponent_add_property(v, icalproperty_new_dtend(day_time(e->day + end / 1440, end % 1440)));
	}
	icalcomponent_add_property(v, icalproperty_new_summary(e->summary));
	if (e->description && *e->description)
		icalcomponent_add_property(v, icalproperty_new_description(e->description));
	if (e->category)
		icalcomponent_add_property(v, icalproperty_new_categories(e->category));
	icalcomponent_add_component(c->cal, v);
}

char *ics_cal_text(void *cal)
{
	return icalcomponent_as_ical_string_r(((struct ics_cal *)cal)->cal);
}

void ics_cal_free(void *cal)
{
	struct ics_cal *c = cal;

	if (!c)
		return;
	icalcomponent_free(c->cal);
	free(c);
}
