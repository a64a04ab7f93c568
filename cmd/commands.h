/* The one list of commands: CMD(name, one-line summary, flags).
 * Adding a command is one line here plus cmd/<name>.c defining def_<name>. */
CMD(init,    "create a store with its first school",                          CREATES_STORE)
CMD(school,  "the schools of a school board in one store",                    NEEDS_STORE)
CMD(team,    "teacher teams, the leerKRACHT-team, MT and TIV, and members",   NEEDS_STORE)
CMD(person,  "people: short codes, names, roles; roster import",              NEEDS_STORE)
CMD(export,  "write the store as one JSON document",                          NEEDS_STORE)
CMD(import,  "merge a JSON document from 'beter export' into the store",      0)
CMD(backup,  "a consistent copy of the live store",                           NEEDS_STORE)
CMD(check,   "check the store's integrity, links and rules",                  NEEDS_STORE)
