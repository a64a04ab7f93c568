/* calendar_ics.c - reading days off from iCalendar text with libical.
 *
 * Every all-day VEVENT is a day off: its SUMMARY the name, DTSTART the first
 * day, DTEND (exclusive, as RFC 5545 has it) or DURATION the end. The kind
 * and the region come from CATEGORIES (vakantie, studiedag, vrij; noord,
 * midden, zuid; "regio noord" too) or from X-BETER-KIND and X-BETER-REGION.
 * Events with a time of day or a repeat rule are agenda items, not days
 * off: they are skipped and counted.
 *
 * In the module beter-ics (module.h), with ics_write.c. */
#include "beter/calendar.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libical/ical.h>

#include "beter/date.h"
#include "beter/i18n.h"
#include "beter/module.h"
#include "beter/util.h"
#include "ics.h"

static void release(struct cal_events *ev)
{
	for (size_t i = 0; i < ev->n; i++) {
		free(ev->v[i].ics_uid);
		free(ev->v[i].name);
	}
	free(ev->v);
	memset(ev, 0, sizeof(*ev));
}

/* The line of the first "UID:uid" in text, 0 if not found. */
static int uid_line(const char *text, const char *uid)
{
	size_t n = strlen(uid);
	int line = 1;

	for (const char *p = text; *p; p++) {
		if ((p == text || p[-1] == '\n') && !strncasecmp(p, "UID", 3)) {
			const char *v = strchr(p, ':');
			const char *nl = strchr(p, '\n');
			if (v && (!nl || v < nl) && !strncmp(v + 1, uid, n))
				return line;
		}
		line += *p == '\n';
	}
	return 0;
}

struct marks {
	const char *kind;
	int regions[3]; /* noord, midden, zuid */
};

static const char *const region_names[] = { "noord", "midden", "zuid" };

/* One CATEGORIES value (or X- value): a kind or a region, else ignored. */
static void mark_word(struct marks *m, const char *w, size_t n)
{
	static const char *const kinds[] = { "vakantie", "studiedag", "vrij" };

	while (n && isspace((unsigned char)*w))
		w++, n--;
	while (n && isspace((unsigned char)w[n - 1]))
		n--;
	if (n > 5 && !strncasecmp(w, "regio", 5)) {
		w += 5, n -= 5;
		while (n && isspace((unsigned char)*w))
			w++, n--;
	}
	for (int i = 0; i < 3; i++) {
		if (strlen(region_names[i]) == n && !strncasecmp(w, region_names[i], n))
			m->regions[i] = 1;
		if (strlen(kinds[i]) == n && !strncasecmp(w, kinds[i], n))
			m->kind = kinds[i];
	}
}

static void mark_list(struct marks *m, const char *s)
{
	while (s && *s) {
		const char *c = strchr(s, ',');
		size_t n = c ? (size_t)(c - s) : strlen(s);
		mark_word(m, s, n);
		s = c ? c + 1 : NULL;
	}
}

static void read_marks(icalcomponent *ev, struct marks *m)
{
	for (icalproperty *p = icalcomponent_get_first_property(ev, ICAL_CATEGORIES_PROPERTY); p;
	     p = icalcomponent_get_next_property(ev, ICAL_CATEGORIES_PROPERTY))
		mark_list(m, icalproperty_get_categories(p));
	for (icalproperty *p = icalcomponent_get_first_property(ev, ICAL_X_PROPERTY); p;
	     p = icalcomponent_get_next_property(ev, ICAL_X_PROPERTY)) {
		const char *name = icalproperty_get_x_name(p);
		if (name && (!strcasecmp(name, "X-BETER-KIND") || !strcasecmp(name, "X-BETER-REGION")))
			mark_list(m, icalproperty_get_x(p));
	}
}

/* The first error libical left in the tree (X-LIC-ERROR), or NULL. */
static const char *lic_error(icalcomponent *c)
{
	icalproperty *p = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY);
	if (p)
		return icalproperty_get_xlicerror(p);
	for (icalcomponent *s = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT); s;
	     s = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT)) {
		const char *e = lic_error(s);
		if (e)
			return e;
	}
	return NULL;
}

static int day_of(struct icaltimetype t)
{
	return date_from_ymd(t.year, t.month, t.day);
}

static void push(struct cal_events *ev, const char *uid, const char *name, const char *kind, const char *region,
		 int from, int to, int line)
{
	struct cal_event *e;

	if (ev->n == ev->a)
		ev->v = xrealloc(ev->v, (ev->a = ev->a ? 2 * ev->a : 16) * sizeof(*ev->v));
	e = &ev->v[ev->n++];
	memset(e, 0, sizeof(*e));
	if (region) {
		size_t n = strlen(uid) + strlen(region) + 2;
		e->ics_uid = xmalloc(n);
		snprintf(e->ics_uid, n, "%s#%s", uid, region);
	} else {
		e->ics_uid = xstrdup(uid);
	}
	e->name = xstrdup(name);
	snprintf(e->kind, sizeof(e->kind), "%s", kind);
	snprintf(e->region, sizeof(e->region), "%s", region && strcmp(region, "*") ? region : "");
	e->from = from;
	e->to = to;
	e->line = line;
}

/* One VEVENT: 0 (added or skipped) or BETER_DATAERR. */
static int read_event(icalcomponent *c, const char *text, const char *file, const char *kind, struct cal_events *ev,
		      struct beter_err *err)
{
	const char *uid = icalcomponent_get_uid(c), *name = icalcomponent_get_summary(c);
	struct icaltimetype s = icalcomponent_get_dtstart(c), e;
	struct marks m = { 0 };
	int line = uid ? uid_line(text, uid) : 0, from, to, nreg = 0;

	if (!uid || !*uid)
		return beter_err_set(err, BETER_DATAERR, _("%s: an event%s%s%s has no UID (every iCalendar event needs one)"),
				     file, name ? " '" : "", name ? name : "", name ? "'" : "");
	if (icaltime_is_null_time(s))
		return beter_err_set(err, BETER_DATAERR, _("%s:%d: the event '%s' has no DTSTART"), file, line, uid);
	if (!s.is_date || icalcomponent_get_first_property(c, ICAL_RRULE_PROPERTY)) {
		ev->skipped++;
		return 0;
	}
	if (!name || str_blank(name))
		return beter_err_set(err, BETER_DATAERR, _("%s:%d: the event '%s' has no SUMMARY (the name of the day off)"),
				     file, line, uid);
	if (!utf8_valid(name, strlen(name), NULL) || !utf8_valid(uid, strlen(uid), NULL))
		return beter_err_set(err, BETER_DATAERR, _("%s:%d: the event '%s' is not valid UTF-8"), file, line, uid);
	from = day_of(s);
	to = from;
	e = icalcomponent_get_dtend(c);
	if (!icaltime_is_null_time(e)) {
		to = day_of(e) - (e.is_date || (e.hour == 0 && e.minute == 0 && e.second == 0));
		if (to < from)
			to = from;
	}
	if (s.year < 1900 || s.year > 2999 || to - from > 366)
		return beter_err_set(err, BETER_DATAERR, _("%s:%d: the event '%s' has dates beter cannot use (%d days from year %d)"),
				     file, line, uid, to - from + 1, s.year);
	read_marks(c, &m);
	for (int i = 0; i < 3; i++)
		nreg += m.regions[i];
	if (!kind)
		kind = "vakantie";
	if (nreg == 0 || nreg == 3) {
		push(ev, uid, name, m.kind ? m.kind : kind, NULL, from, to, line);
		return 0;
	}
	for (int i = 0; i < 3; i++)
		if (m.regions[i])
			push(ev, uid, name, m.kind ? m.kind : kind, region_names[i], from, to, line);
	return 0;
}

static int parse(const char *text, size_t len, const char *file, const char *kind, struct cal_events *ev,
		 struct beter_err *err)
{
	icalcomponent *cal;
	const char *p = text, *e;
	int rc = 0;

	memset(ev, 0, sizeof(*ev));
	if (!utf8_valid(text, len, NULL) || strlen(text) != len)
		return beter_err_set(err, BETER_DATAERR, _("%s: not valid iCalendar (the text is not UTF-8)"), file);
	if (!strncmp(p, "\xEF\xBB\xBF", 3))
		p += 3;
	while (isspace((unsigned char)*p))
		p++;
	if (strncasecmp(p, "BEGIN:VCALENDAR", 15))
		return beter_err_set(err, BETER_DATAERR,
				     _("%s:1: not valid iCalendar (it does not begin with BEGIN:VCALENDAR)"), file);
	icalerror_set_errors_are_fatal(0);
	icalerror_clear_errno();
	cal = icalparser_parse_string(p);
	if (!cal || icalcomponent_isa(cal) != ICAL_VCALENDAR_COMPONENT) {
		if (cal)
			icalcomponent_free(cal);
		return beter_err_set(err, BETER_DATAERR,
				     _("%s: not valid iCalendar (one VCALENDAR from BEGIN:VCALENDAR to END:VCALENDAR)"), file);
	}
	if ((e = lic_error(cal))) {
		rc = beter_err_set(err, BETER_DATAERR, _("%s: not valid iCalendar: %s"), file, e);
		icalcomponent_free(cal);
		return rc;
	}
	for (icalcomponent *c = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); c && !rc;
	     c = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT))
		rc = read_event(c, p, file, kind, ev, err);
	icalcomponent_free(cal);
	if (rc)
		release(ev);
	return rc;
}

/* The module's entry point (module.h). */
__attribute__((visibility("default"))) const struct beter_ics_ops *beter_module_ics(void)
{
	static const struct beter_ics_ops ops = { BETER_MODULE_ABI, parse, ics_cal_new, ics_cal_add, ics_cal_text,
						  ics_cal_free };
	return &ops;
}
