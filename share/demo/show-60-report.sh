# The demo school's progress report (HTML), written next to the demo store:
# every section (phase and conditions, goals, actions, successes, visits,
# arena, surveys) is filled from the demo data. Here its key figures.
report=$(dirname "$BETER_DB")/demo-report.html
echo "== progress report: key figures"
"$beter" report --format html --out "$report" --now "${BETER_TODAY}T07:00:00Z" --quiet
"$beter" report --format md --now "${BETER_TODAY}T07:00:00Z" | grep -E '^## |^- \*\*' | grep -v 'Gemaakt op\|School:\|Voor:\|Van:\|Tot en met:'
echo
echo "The report is in $report (open it in a browser; it prints on A4)."
