/* check_period.c - the check's rules for the improvement periods (0014):
 * what the schema cannot say about periods, the datamuur, the teams'
 * retrospectives, the verbindingssessie and the designs of a period. The
 * schema holds the rest: days, a period's TIV of its own school (a
 * composite key), a percentage's value and norm within 0-100. */
#include "check_int.h"

#include <stddef.h>

/* the levels an import writes as the share of the group in % (lib/wall_import.c) */
#define LEVELS "('I', 'II', 'III', 'IV', 'V', 'A', 'B', 'C', 'D', 'E')"

/* SQL: (record, detail), as in check_rules. */
const struct check_rule check_period_rules[] = {
	{ "period-overlap", "period",
	  "SELECT beter_tr('period %s', a.id), beter_tr('period %s', b.id) || ' (' || b.from_date || ' - ' || b.to_date || ')' FROM "
	  "period a JOIN period b ON b.school_id = a.school_id AND b.id > a.id WHERE a.from_date IS NOT NULL AND "
	  "b.from_date IS NOT NULL AND a.from_date <= b.to_date AND b.from_date <= a.to_date",
	  N_("the period overlaps another period of the school") },
	{ "period-tiv", "period",
	  "SELECT beter_tr('period %s', p.id), t.name || ' (' || t.kind || ')' FROM period p JOIN team t ON t.id = p.tiv_id "
	  "WHERE t.kind IS NOT 'tiv'",
	  N_("the period's TIV is not a team of kind tiv") },
	{ "period-next", "period",
	  "SELECT beter_tr('period %s', p.id), beter_tr('period %s', n.id) FROM period p JOIN period n ON n.id = p.next_id WHERE "
	  "n.id = p.id OR n.school_id <> p.school_id",
	  N_("the period opens itself or a period of another school as the next one") },
	{ "period-closed", "period",
	  "SELECT beter_tr('period %s', id), closed || ' (' || from_date || ' - ' || to_date || ')' FROM period WHERE "
	  "closed < from_date OR closed > date(to_date, '+42 days')",
	  N_("the verbindingssessie is before the period's first day or more than six weeks after its last") },
	{ "period-retro-team", "period_retro",
	  "SELECT beter_tr('period %s', r.period_id) || ' / ' || t.name, NULL FROM period_retro r JOIN period p ON p.id = "
	  "r.period_id JOIN team t ON t.id = r.team_id WHERE t.school_id <> p.school_id",
	  N_("the retrospective's team is in another school than the period") },
	{ "period-retro-day", "period_retro",
	  "SELECT beter_tr('period %s', r.period_id) || ' / ' || t.name, r.day FROM period_retro r JOIN period p ON p.id = "
	  "r.period_id JOIN team t ON t.id = r.team_id WHERE p.from_date IS NULL OR r.day < p.from_date",
	  N_("the retrospective is before the period began (or the period has no dates)") },
	{ "period-standard-goal", "period_standard",
	  "SELECT beter_tr('period %s', s.period_id) || ' / ' || beter_tr('standard %s', s.id), beter_tr('goal %s', g.id) FROM period_standard s JOIN "
	  "period p ON p.id = s.period_id JOIN goal g ON g.id = s.goal_id LEFT JOIN team t ON t.id = g.team_id "
	  "WHERE g.school_id <> p.school_id OR t.school_id <> p.school_id",
	  N_("the standard comes from a goal of another school than the period") },
	{ "wall-value-range", "wall_value",
	  "SELECT beter_tr('period %s', period_id) || ' / ' || indicator || ' / ' || grp || CASE measure WHEN '' THEN '' "
	  "ELSE ' / ' || measure END, CASE WHEN measure IN " LEVELS " AND value NOT BETWEEN 0 AND 100 THEN "
	  "beter_tr('value %s', value) ELSE beter_tr('previous %s', previous) END FROM wall_value WHERE (measure IN " LEVELS " AND "
	  "value NOT BETWEEN 0 AND 100) OR (unit IS '%' AND previous NOT BETWEEN 0 AND 100)",
	  N_("a percentage on the datamuur is outside 0-100") },
	{ "wall-levels-sum", "wall_value",
	  "SELECT beter_tr('period %s', period_id) || ' / ' || indicator || ' / ' || grp, printf('%.1f', sum(value)) || '%' FROM "
	  "wall_value WHERE measure IN " LEVELS " GROUP BY period_id, indicator, grp HAVING sum(value) > 100.5",
	  N_("the shares of the levels of a group add up to more than 100%") },
	{ "wall-small-group", "wall_value",
	  "SELECT beter_tr('period %s', period_id) || ' / ' || indicator || ' / ' || grp, beter_tr('%s pupils', n) FROM wall_value "
	  "WHERE n BETWEEN 1 AND 4",
	  N_("a group of fewer than 5 pupils is on the datamuur: its pupils could be recognised") },
	{ "design-period", "design",
	  "SELECT beter_tr('design %s', d.id), beter_tr('period %s', p.id) FROM design d JOIN period p ON p.id = d.period_id WHERE "
	  "p.school_id <> d.school_id",
	  N_("the design's period is a period of another school") },
	{ NULL, NULL, NULL, NULL },
};
