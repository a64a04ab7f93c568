# The demo school's progress report (HTML), written next to the demo store.
report=$(dirname "$BETER_DB")/demo-report.html
echo "== progress report"
"$beter" report --format html --out "$report" --now 2026-11-20T07:00:00Z --quiet
"$beter" report --format md --now 2026-11-20T07:00:00Z | sed -n '/^## Fase/,/^### Checklist/p' | sed '$d'
echo "The report is in $report (open it in a browser; it prints on A4)."
