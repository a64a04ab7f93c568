# A showcase of the lesson visits: the coverage of the first round and what
# still needs a feedback talk. Sourced by run.sh with $beter and BETER_DB set.
echo "== lesson visits: coverage of 'ronde 1'"
"$beter" visit coverage --round "ronde 1"
echo
echo "== visits waiting for a feedback talk"
"$beter" visit list --status feedback-due
echo
echo "== framework scores of Team Onderbouw this school year (whole rounds or years, never per teacher: a mean behind fewer than 3 teachers, or one that would give a few away by difference, is suppressed)"
"$beter" visit scores --team "Team Onderbouw" | sed -n '/Mean per domain/,$p'
