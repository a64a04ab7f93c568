/* The one list of commands: CMD(name, one-line summary, flags).
 * Adding a command is one line here plus cmd/<name>.c defining def_<name>. */
CMD(init,    "create a store with its first school",                          CREATES_STORE)
CMD(school,  "the schools of a school board in one store",                    NEEDS_STORE)
CMD(team,    "teacher teams, the leerKRACHT-team, MT and TIV, and members",   NEEDS_STORE)
CMD(person,  "people: short codes, names, roles; roster import",              NEEDS_STORE)
CMD(phase,   "improvement trajectories: phases, checklists, retrospectives",  NEEDS_STORE)
CMD(board,   "the team's improvement board (verbeterbord) and weekly session",  NEEDS_STORE)
CMD(goal,    "goals the 4-step way, the impact matrix, personal development goals", NEEDS_STORE)
CMD(visit,   "lesson visits, feedback talks, duo rounds, coverage, frameworks", NEEDS_STORE)
CMD(arena,   "stem van de leerling: leerlingarena, top 3s side by side, outcome", NEEDS_STORE)
CMD(survey,  "measurements: instruments, survey waves, CSV import, reports", NEEDS_STORE)
CMD(report,  "progress reports for cron: html, Markdown, JSON",              NEEDS_STORE)
