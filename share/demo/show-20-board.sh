# The improvement board of Team Bovenbouw as it stands today.
echo "== the board of Team Bovenbouw (beter board show --team \"Team Bovenbouw\")"
"$beter" board show --team "Team Bovenbouw"
