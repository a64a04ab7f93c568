#!/usr/bin/env python3
"""Write the benchmark dataset of a school board (deterministic).

usage: gen.py DIR [--schools N] [--teachers N] [--pupils N] [--seed S]

DIR gets:
  leerlingpeiling.json    a pupil survey instrument of 40 items (8 scales of 5)
  schools.csv             name;brin of every school
  roster-NNN.csv          a roster per school: code;naam;rol;team (teams of 10)
  pupils-wave-W.csv       W = 1..4: the board's pupil survey, one row per pupil,
                          Forms-shaped (Id, times, e-mail, name, the items with
                          Dutch answer labels), ';'-separated with a UTF-8 BOM
  school-NNN.csv          the same survey for the pupils of one school
The same arguments always give the same bytes.
"""
import json
import os
import random
import sys

SCALES = [
    ("veiligheid", "Veiligheid", [
        "Ik voel me veilig in de klas.",
        "In mijn groep wordt niemand uitgelachen.",
        "Ik durf te zeggen wat ik denk.",
        "Ik word gepest op school.",
        "Als er ruzie is, helpt de juf of meester ons.",
    ]),
    ("uitleg", "Uitleg", [
        "De juf of meester legt duidelijk uit.",
        "Ik weet wat ik moet doen na de uitleg.",
        "Ik mag een vraag stellen als ik het niet snap.",
        "De uitleg gaat vaak te snel voor mij.",
        "Ik krijg extra uitleg als ik dat nodig heb.",
    ]),
    ("doelen", "Lesdoelen", [
        "Ik weet wat ik in een les ga leren.",
        "Aan het eind van de les weet ik of ik het doel heb gehaald.",
        "We praten in de klas over onze doelen.",
        "Ik weet waar ik beter in wil worden.",
        "Ik zie wat ik al geleerd heb.",
    ]),
    ("feedback", "Feedback", [
        "Ik hoor van de juf of meester wat ik goed doe.",
        "Ik hoor hoe ik mijn werk beter kan maken.",
        "Ik krijg mijn nagekeken werk snel terug.",
        "Ik geef klasgenoten tips over hun werk.",
        "Ik weet niet wat ik fout deed in een toets.",
    ]),
    ("samenwerken", "Samenwerken", [
        "Ik werk graag samen met klasgenoten.",
        "In groepjes doet iedereen mee.",
        "We helpen elkaar in de klas.",
        "Bij samenwerken doe ik bijna alles alleen.",
        "We spreken af wie wat doet.",
    ]),
    ("motivatie", "Motivatie", [
        "Ik ga graag naar school.",
        "Ik vind de lessen interessant.",
        "Ik doe mijn best, ook als iets moeilijk is.",
        "Ik verveel me vaak in de les.",
        "Ik ben trots op mijn werk.",
    ]),
    ("rust", "Rust in de klas", [
        "Het is rustig genoeg om te werken.",
        "We beginnen de les op tijd.",
        "Er is veel lawaai als we zelfstandig werken.",
        "De regels in de klas zijn duidelijk.",
        "Iedereen houdt zich aan de afspraken.",
    ]),
    ("inspraak", "Stem van de leerling", [
        "De juf of meester vraagt wat wij van de les vinden.",
        "Er wordt iets gedaan met wat wij zeggen.",
        "Ik mag soms kiezen hoe ik een opdracht maak.",
        "Mijn mening telt niet op school.",
        "We praten in de klas over hoe het beter kan.",
    ]),
]
REVERSED = {"Ik word gepest op school.", "De uitleg gaat vaak te snel voor mij.",
            "Ik weet niet wat ik fout deed in een toets.", "Bij samenwerken doe ik bijna alles alleen.",
            "Ik verveel me vaak in de les.", "Er is veel lawaai als we zelfstandig werken.",
            "Mijn mening telt niet op school."}
LABELS = ["Helemaal niet waar", "Niet waar", "Een beetje waar", "Waar", "Helemaal waar"]
MISSING = ["Weet ik niet"]
FIRST = ["Anna", "Bram", "Daan", "Emma", "Fatima", "Lars", "Mila", "Noah", "Sara", "Sem", "Yara", "Zeynep",
         "Jesse", "Lotte", "Mohamed", "Nina", "Thijs", "Fenna", "Ruben", "Iris"]
LAST = ["de Jong", "Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "Mulder",
        "de Boer", "Bos", "Peters", "Hendriks", "van Dijk", "Yilmaz", "El Amrani", "Dekker", "Brouwer"]
PLACES = ["Zwolle", "Kampen", "Deventer", "Meppel", "Hattem", "Dalfsen", "Raalte", "Ommen", "Staphorst",
          "Hasselt"]
NAMES = ["De Regenboog", "De Vlinder", "Het Kompas", "De Wegwijzer", "De Sterrenkijker", "Het Palet",
         "De Klimop", "De Zonnewijzer", "De Boomgaard", "Het Anker"]


def items():
    out = []
    for code, _, texts in SCALES:
        for i, t in enumerate(texts, 1):
            out.append((f"{code[:2]}{i}", t, code))
    return out


def instrument():
    return {
        "id": "leerlingpeiling",
        "title": "Leerlingpeiling van het bestuur",
        "kind": "barometer",
        "audience": "alle leerlingen van groep 5 tot en met 8",
        "description": "Jaarlijkse peiling onder leerlingen van alle scholen van het bestuur. Leerlingen vullen "
                       "hem anoniem in; namen en e-mailadressen uit de export worden niet bewaard.",
        "min_n": 5,
        "likert": [{"id": "waar5", "min": 1, "max": 5, "labels": LABELS, "missing": MISSING}],
        "scales": [{"id": c, "title": t, "group": "leerlingpeiling", "likert": "waar5"} for c, t, _ in SCALES],
        "items": [{"id": i, "text": t, "scale": s, "reverse": t in REVERSED} for i, t, s in items()],
    }


def header():
    return ["Id", "Begintijd", "Tijd van voltooien", "E-mail", "Naam"] + [t for _, t, _ in items()]


def pupil_row(rng, n, wave, school):
    day = 1 + (n * 7 + wave) % 28
    hh, mm = 8 + n % 7, (n * 13) % 60
    start = f"2026-{(wave * 3 - 1) % 12 + 1:02d}-{day:02d} {hh:02d}:{mm:02d}:00"
    done = f"2026-{(wave * 3 - 1) % 12 + 1:02d}-{day:02d} {hh:02d}:{(mm + 7) % 60:02d}:31"
    lean = rng.random() * 1.6 - 0.8 + 0.15 * wave + 0.02 * (school % 10)
    cells = [str(n), start, done, "anoniem", ""]
    for _ in range(40):
        x = rng.random()
        if x < 0.03:
            cells.append("")
        elif x < 0.06:
            cells.append("Weet ik niet")
        else:
            v = int(3 + lean + rng.gauss(0, 1) + 0.5)
            cells.append(LABELS[min(4, max(0, v - 1))])
    return cells


def write_csv(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("\ufeff")
        for r in rows:
            f.write(";".join(r) + "\r\n")


def main(argv):
    args = {"--schools": 100, "--teachers": 5000, "--pupils": 60000, "--seed": 20261120}
    if not argv or argv[0].startswith("-"):
        sys.exit(__doc__)
    out = argv[0]
    rest = argv[1:]
    while rest:
        if len(rest) < 2 or rest[0] not in args:
            sys.exit(__doc__)
        args[rest[0]] = int(rest[1])
        rest = rest[2:]
    nsch, nteach, npup, seed = args["--schools"], args["--teachers"], args["--pupils"], args["--seed"]
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "leerlingpeiling.json"), "w", encoding="utf-8") as f:
        json.dump(instrument(), f, ensure_ascii=False, indent=1)
        f.write("\n")

    rng = random.Random(seed)
    with open(os.path.join(out, "schools.csv"), "w", encoding="utf-8") as f:
        for s in range(1, nsch + 1):
            brin = f"{s % 100:02d}{chr(65 + s // 100 % 26)}{chr(65 + s % 26)}"
            f.write(f"{NAMES[s % len(NAMES)]} {PLACES[(s // len(NAMES)) % len(PLACES)]} {s};{brin}\n")
    per = nteach // nsch
    for s in range(1, nsch + 1):
        rows = [["code", "naam", "rol", "team"]]
        for t in range(per):
            team = f"Team {t // 10 + 1}"
            rows.append([f"L{t:03d}", f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                         "schoolleider" if t == 0 else "leraar", team])
        write_csv(os.path.join(out, f"roster-{s:03d}.csv"), rows)

    head = header()
    for wave in range(1, 5):
        wr = random.Random(seed * 10 + wave)
        rows = [head] + [pupil_row(wr, n, wave, n % nsch) for n in range(1, npup + 1)]
        write_csv(os.path.join(out, f"pupils-wave-{wave}.csv"), rows)
    ppr = max(1, npup // nsch)
    for s in range(1, nsch + 1):
        wr = random.Random(seed * 1000 + s)
        rows = [head] + [pupil_row(wr, n, 1, s) for n in range(1, ppr + 1)]
        write_csv(os.path.join(out, f"school-{s:03d}.csv"), rows)


if __name__ == "__main__":
    main(sys.argv[1:])
