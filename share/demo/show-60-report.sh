# The demo school's progress report (HTML), written next to the demo store:
# every section (phase and conditions, goals, actions, successes, visits,
# arena, surveys) is filled from the demo data. Here its key figures.
report=$(dirname "$BETER_DB")/demo-report.html
echo "== progress report: key figures"
"$beter" report --format html --out "$report" --now "${BETER_TODAY}T07:00:00Z" --quiet
# (in the user's language, --lang or $BETER_LANG; the sections' titles and
# figures, without the heading's school, period and time stamp)
"$beter" report --format md --now "${BETER_TODAY}T07:00:00Z" | sed -n '/^## /,$p' | grep -E '^## |^- \*\*'
echo
echo "The report is in $report (open it in a browser; it prints on A4)."
