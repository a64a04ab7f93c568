#!/usr/bin/env python3
"""Write a Forms export of the culture survey (deterministic).

usage: gen_culture.py OUT SHARE [--responses N] [--teams N] [--seed S]

OUT gets the cultuursurvey instrument (SHARE/instruments/cultuursurvey.json)
answered by N colleagues (default 30,000) as Microsoft Forms exports it:
';'-separated, UTF-8 with BOM, CRLF, the columns Id, Begintijd, Tijd van
voltooien, E-mail, Naam, the team question ("In welk team werk je?", one of
--teams teams named "Team 1" .. "Team N") and every item by its question
text, answered with the Dutch labels; about one answer in ten is "Weet ik
niet", and about one colleague in three writes a free text (some with a
newline in quotes). The same arguments always give the same bytes.
"""
import argparse
import json
import os
import random


def q(s):
    return '"' + s.replace('"', '""') + '"' if any(c in s for c in ';"\r\n') else s


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("share")
    ap.add_argument("--responses", type=int, default=30000)
    ap.add_argument("--teams", type=int, default=20)
    ap.add_argument("--seed", type=int, default=14)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    inst = json.load(open(os.path.join(a.share, "instruments", "cultuursurvey.json"), encoding="utf-8"))
    labels = inst["likert"][0]["labels"]
    missing = (inst["likert"][0].get("missing") or ["Weet ik niet"])[0]
    texts = ["Meer tijd om samen lessen te maken", "Minder vergaderen; meer in elkaars les kijken",
             "Een vaste middag per week voor\nlesontwerp", "Duidelijke afspraken over feedback",
             "Vaker met de schoolleider in gesprek"]
    head = ["Id", "Begintijd", "Tijd van voltooien", "E-mail", "Naam", inst["team_question"]]
    head += [it["text"] for it in inst["items"]]
    lines = [";".join(q(c) for c in head)]
    for n in range(1, a.responses + 1):
        team = "Team %d" % rnd.randint(1, a.teams)
        row = [str(n), "9-7-2026 %02d:%02d:%02d" % (8 + n // 3600 % 10, n // 60 % 60, n % 60),
               "9-7-2026 %02d:%02d:%02d" % (8 + n // 3600 % 10, n // 60 % 60, (n + 40) % 60),
               "collega%d@school.example" % n, "Collega Nummer%d" % n, team]
        for it in inst["items"]:
            if it.get("type") == "text":
                row.append(rnd.choice(texts) + " (%d)" % n if rnd.random() < 0.33 else "")
            elif rnd.random() < 0.1:
                row.append(missing)
            else:
                row.append(labels[min(len(labels) - 1, int(rnd.triangular(0, len(labels), len(labels) * 0.7)))])
        lines.append(";".join(q(c) for c in row))
    with open(a.out, "w", encoding="utf-8-sig", newline="") as f:
        f.write("\r\n".join(lines) + "\r\n")


if __name__ == "__main__":
    main()
