# the school calendar: holidays per region, study days, iCalendar import and export

# uids are random per store: masked in the transcript
mask() { tr -d '\r' | sed -E 's/-[0-9a-f]{32}@beter/-UID@beter/'; }

run beter calendar --help
run beter init --school "IKC De Vlinderboom" --brin 12AB --sector po --region midden
cp "$SHARE/calendar/schoolvakanties-2026-2027.ics" .

note import the shipped school holidays, a second import changes nothing
run beter calendar import schoolvakanties-2026-2027.ics
before=$(store_digest)
run beter calendar import schoolvakanties-2026-2027.ics
[ "$before" = "$(store_digest)" ] && echo "store unchanged by the second import"

note a study day, and the school year as a list
run beter calendar add --from 2027-02-12 --to 2027-02-12 --kind studiedag --name "Studiedag leskwaliteit"
run beter calendar list --year 2026-2027
run beter --json calendar list --year 2026-W52
run beter --csv calendar list --year 2027-02-12

note a changed event is updated, not doubled
sed 's/DTEND;VALUE=DATE:20270104/DTEND;VALUE=DATE:20270105/' schoolvakanties-2026-2027.ics >changed.ics
run beter calendar import changed.ics
run beter calendar list --year 2027-01-04

note kinds and regions from CATEGORIES and X- properties, timed and repeating events skipped
printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//school//agenda//NL\r\nBEGIN:VEVENT\r\nUID:sd1\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;VALUE=DATE:20261106\r\nSUMMARY:Studiedag rekenen\r\nCATEGORIES:Studiedag\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:vr1\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;VALUE=DATE:20270416\r\nDURATION:P1D\r\nSUMMARY:Koningsspelen vrij\r\nX-BETER-KIND:vrij\r\nX-BETER-REGION:regio Midden\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:mt1\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:20261110T150000\r\nDTEND:20261110T163000\r\nSUMMARY:Teamvergadering\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:rr1\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;VALUE=DATE:20261102\r\nRRULE:FREQ=WEEKLY\r\nSUMMARY:Elke maandag\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' >agenda.ics
run beter calendar import agenda.ics --kind vrij
run beter calendar list --year 2026-11-06
run beter calendar list --year 2027-04-16

note the region decides which holidays apply
run beter school edit --region zuid
run beter calendar list --year 2026-W42
run beter school edit --region oost
run beter school edit
quiet beter school edit --region midden

note bad input: a clear message, nothing written
before=$(store_digest)
run beter calendar add --from 2027-02-12 --to 2027-02-10 --kind vrij --name "Verkeerd om"
run beter calendar add --from 2027-02-12 --kind feest --name "Feest"
run beter calendar add --from 2027-02-12 --kind vrij --name "  "
run beter calendar add --kind vrij --name "Geen datum"
echo "hello" >notics.ics
run beter calendar import notics.ics
printf 'BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:x1\nDTSTART;VALUE=DATE:20261201\nSUMMARY:Goed\nEND:VEVENT\nBEGIN:VEVENT\nUID:x2\nDTSTART;VALUE=DATE:20261202\nEND:VEVENT\nEND:VCALENDAR\n' >nosummary.ics
run beter calendar import nosummary.ics
printf 'BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20261201\nSUMMARY:Zonder UID\nEND:VEVENT\nEND:VCALENDAR\n' >nouid.ics
run beter calendar import nouid.ics
printf 'BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:x3\nDTSTART;VALUE=DATE:2026120\nSUMMARY:Kapot\nEND:VEVENT\nEND:VCALENDAR\n' >baddate.ics
run beter calendar import baddate.ics
run beter calendar import missing.ics
run beter calendar import schoolvakanties-2026-2027.ics --kind feest
run beter calendar export --from 2027-01-01 --to 2026-12-01
run beter calendar rm 999
[ "$before" = "$(store_digest)" ] && echo "store unchanged by the bad input"

note export: visits, feedback talks due, board sessions held and planned, periods and days off, with stable UIDs
printf 'code;naam;rol;team\nODW;Olga de Wit;leraar;Team Bovenbouw\nMKP;Mark Post;leraar;Team Bovenbouw\nBVB;Bas van Beek;schoolcoach;Team Bovenbouw\nJJ;Jet Jong;leraar;Team Onderbouw\n' >roster.csv
quiet beter person import roster.csv
quiet beter visit add --observer MKP --teacher ODW --date 2026-12-10 --time 10:30 --group 7
quiet beter visit add --observer ODW --teacher MKP --date 2026-11-18 --group 8
quiet beter visit add --observer ODW --teacher JJ --date 2026-11-25
quiet beter visit record 2 --seen "Uitleg met voorbeeld" --effect "Leerlingen werkten door"
quiet beter board session add --team "Team Bovenbouw" --date 2026-11-16 --leader BVB
quiet beter board theme add --team "Team Bovenbouw" "Feedback van leerlingen" --start 2026-11-02 --end 2026-12-18 --date 2026-11-01
quiet beter board rhythm add --team "Team Bovenbouw" --on 2026-11-30 --leader BVB --topic "Voortgang doel" --date 2026-11-01
run beter calendar export --team "Team Bovenbouw" --from 2026-11-01 --to 2026-12-31 | mask
beter calendar export --team "Team Bovenbouw" >bovenbouw.ics
beter calendar export --team "Team Bovenbouw" >again.ics
cmp -s bovenbouw.ics again.ics && echo "the same export twice: the same file"
run beter calendar export --person JJ --from 2026-11-01 --to 2026-11-30 | mask
run beter calendar export --team "Team Bovenbouw" --person JJ
run beter calendar export --team "Team Nergens"
# Python's icalendar loads it and writes it again with the same UIDs
/usr/bin/python3 - bovenbouw.ics <<'PY'
import sys, icalendar
raw = open(sys.argv[1], 'rb').read()
cal = icalendar.Calendar.from_ical(raw)
uids = [str(e['UID']) for e in cal.walk('VEVENT')]
again = icalendar.Calendar.from_ical(cal.to_ical())
assert uids == [str(e['UID']) for e in again.walk('VEVENT')], 'UIDs changed'
assert len(set(uids)) == len(uids), 'UIDs not unique'
print('python icalendar: %d events, the same UIDs after a round trip' % len(uids))
PY
