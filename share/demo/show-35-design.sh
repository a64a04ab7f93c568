# Showcase: the lesson designs of Team Bovenbouw, and the first one with what
# the visits saw per step and the pupils' feedback tied to it.
echo "== gezamenlijk lesontwerp of Team Bovenbouw (beter design list --team \"Team Bovenbouw\")"
"$beter" design list --team "Team Bovenbouw"
echo
echo "== design 1: per step, did the visits see the gewenst effect? (beter design show 1)"
"$beter" design show 1 | sed -n '/^Steps/,$p'
