#!/usr/bin/env python3
"""The processes and the figures of pgload.sh (see there).

usage:
  pgload.py writer N --beter PATH --db DB --start EPOCH --seconds S --log FILE [--other session|action]
  pgload.py reader N --beter PATH --db DB --start EPOCH --seconds S --log FILE --reads NAME,NAME...
  pgload.py summary ENGINE --logs DIR --tags FILE --json OUT [--cpu BUSY,SERVER,WALL]
  pgload.py cpu [PID]
  pgload.py compare PG.json SQLITE.json

A writer owns one pair of teachers (observer T(2N), teacher T(2N+1), in
team N // 5 + 1) and walks its own lesson slots (16 half hours a weekday
from 2026-11-23), so no two writers ever plan the same slot; every tenth
command is a board session of its team on a day of its own (today minus
5s + N % 5 days), or with --other action a board action. Every write
carries a text unique to it (subject, topic or what: wN-K) so that the
store can be asked afterwards which writes are there. A reader loops over
the read commands named by --reads, team after team.

Each command's line in the log: kind, exit status, start and end
(time.monotonic_ns), its CPU time in ms (user and system), the tag, the
first line of its stderr when it failed. cpu prints the CPU seconds the
machine spent so far, those of the server with postmaster PID and the time.
"""
import datetime
import json
import os
import resource
import subprocess
import sys
import time

TODAY = datetime.date(2026, 11, 20)
FIRST_DAY = datetime.date(2026, 11, 23)  # a Monday
TEAM_OF = lambda w: f"Team {w // 5 + 1}"
READS = {
    "list": lambda team: ["visit", "list", "--json", "--team", team],
    "board": lambda team: ["board", "show", "--team", team],
    "report": lambda team: ["report", "--team", team, "--format", "json"],
}


def opts(argv):
    o = {}
    while argv:
        k = argv.pop(0)
        if not k.startswith("--") or not argv:
            sys.exit(f"pgload.py: bad argument '{k}'")
        o[k[2:]] = argv.pop(0)
    return o


def weekday(n):
    """the n-th weekday from FIRST_DAY (0: FIRST_DAY)"""
    return FIRST_DAY + datetime.timedelta(days=n // 5 * 7 + n % 5)


def writes(w, other):
    obs, tea, team = f"T{2 * w:02d}", f"T{2 * w + 1:02d}", TEAM_OF(w)
    k = v = s = 0
    while True:
        tag = f"w{w}-{k}"
        if k % 10 == 9:
            s += 1
            if other == "action":
                due = weekday(s).isoformat()
                yield "action", tag, ["board", "action", "add", "--team", team, "--who", obs, "--what", tag,
                                      "--due", due]
            else:
                day = (TODAY - datetime.timedelta(days=5 * s + w % 5)).isoformat()
                yield "session", tag, ["board", "session", "add", "--team", team, "--date", day, "--leader", obs,
                                       "--checkin", f"{tea}=7", "--success", tag, "--topic", tag]
        else:
            day = weekday(v // 16).isoformat()
            tm = 8 * 60 + v % 16 * 30
            v += 1
            yield "visit", tag, ["visit", "add", "--observer", obs, "--teacher", tea, "--date", day,
                                 "--time", f"{tm // 60:02d}:{tm % 60:02d}", "--subject", tag]
        k += 1


def reads(names):
    k = 0
    while True:
        name = names[k % len(names)]
        yield "read-" + name, "", READS[name](f"Team {k // len(names) % 4 + 1}")
        k += 1


def work(role, n, o):
    gen = writes(n, o.get("other", "session")) if role == "writer" else reads(o["reads"].split(","))
    start, seconds = float(o["start"]), float(o["seconds"])
    while time.time() < start:
        time.sleep(0.01)
    end = start + seconds
    base = [o["beter"], "--db", o["db"], "-q"]
    with open(o["log"], "w") as log:
        for kind, tag, args in gen:
            if time.time() >= end:
                break
            r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.monotonic_ns()
            p = subprocess.run(base + args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            t1 = time.monotonic_ns()
            r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime) * 1000
            msg = ""
            if p.returncode:
                msg = p.stderr.decode(errors="replace").strip().split("\n")[0].replace("\t", " ")
            log.write(f"{kind}\t{p.returncode}\t{t0}\t{t1}\t{cpu:.1f}\t{tag}\t{msg}\n")
            log.flush()


def pct(xs, p):
    """the p-th percentile (nearest rank) of xs, sorted"""
    if not xs:
        return float("nan")
    return xs[min(len(xs) - 1, max(0, -(-p * len(xs) // 100) - 1))]


def summary(engine, o):
    rows, lo, hi = [], None, None
    for f in sorted(os.listdir(o["logs"])):
        if f.endswith(".log"):
            for line in open(os.path.join(o["logs"], f)):
                kind, rc, t0, t1, cpu, tag, msg = line.rstrip("\n").split("\t")
                rows.append((kind, int(rc), int(t0), int(t1), tag, msg, float(cpu)))
                lo = int(t0) if lo is None else min(lo, int(t0))
                hi = int(t1) if hi is None else max(hi, int(t1))
    span = (hi - lo) / 1e9 if rows else float("nan")
    stored = {}
    for line in open(o["tags"]):
        kind, tag = line.rstrip("\n").split("\t")
        stored.setdefault(kind, set()).add(tag)
    res = {"engine": engine, "seconds": span, "kinds": {}, "errors": {}}
    for kind in sorted({r[0] for r in rows}):
        rs = [r for r in rows if r[0] == kind]
        ms = sorted((r[3] - r[2]) / 1e6 for r in rs)
        ok = [r for r in rs if r[1] == 0]
        k = {"n": len(rs), "ok": len(ok), "failed": len(rs) - len(ok), "p50": pct(ms, 50), "p95": pct(ms, 95),
             "max": ms[-1], "per_s": len(ok) / span, "cpu": sum(r[6] for r in rs) / len(rs)}
        if not kind.startswith("read-"):
            have = stored.get(kind, set())
            k["lost"] = sum(1 for r in ok if r[4] not in have)
            k["phantom"] = sum(1 for r in rs if r[1] and r[4] in have)
        res["kinds"][kind] = k
        for r in rs:
            if r[1]:
                key = f"{kind}: exit {r[1]}: {r[5]}"
                res["errors"][key] = res["errors"].get(key, 0) + 1
    w = [k for n, k in res["kinds"].items() if not n.startswith("read-")]
    r = [k for n, k in res["kinds"].items() if n.startswith("read-")]
    res["writes_per_s"] = sum(k["per_s"] for k in w)
    res["reads_per_s"] = sum(k["per_s"] for k in r)
    res["failed"] = sum(k["failed"] for k in res["kinds"].values())
    res["lost"] = sum(k["lost"] for k in w)
    res["phantom"] = sum(k["phantom"] for k in w)
    res["client_cpu_s"] = sum(r[6] for r in rows) / 1000
    if "cpu" in o:
        busy, server, wall = (float(x) for x in o["cpu"].split(","))
        res["busy_s"], res["server_cpu_s"], res["wall_s"] = busy, server, wall
    json.dump(res, open(o["json"], "w"), indent=1)
    print(f"{engine}: {len(rows)} commands in {span:.1f} s: {res['writes_per_s']:.1f} writes/s, "
          f"{res['reads_per_s']:.1f} reads/s; {res['failed']} failed, {res['lost']} lost writes, "
          f"{res['phantom']} failed writes found in the store")
    print()
    if "busy_s" in res:
        print(f"CPU from the processes' start to their end ({res['wall_s']:.0f} s): the machine busy "
              f"{res['busy_s']:.0f} s of {os.cpu_count() * res['wall_s']:.0f} s ({os.cpu_count()} cores); "
              f"the beter commands {res['client_cpu_s']:.0f} s"
              + (f", the PostgreSQL server {res['server_cpu_s']:.0f} s" if res["server_cpu_s"] else ""))
    print()
    print("| kind | commands | ok | failed | lost | per s | p50 ms | p95 ms | max ms | client CPU ms |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for kind, k in res["kinds"].items():
        print(f"| {kind} | {k['n']} | {k['ok']} | {k['failed']} | {k.get('lost', '-')} | {k['per_s']:.1f} | "
              f"{k['p50']:.0f} | {k['p95']:.0f} | {k['max']:.0f} | {k['cpu']:.1f} |")
    for key, n in sorted(res["errors"].items(), key=lambda e: -e[1]):
        print(f"  failed {n}x: {key}")
    print()


def compare(a, b):
    pg, lite = json.load(open(a)), json.load(open(b))
    ratio = lambda x, y: f"{x / y:.2f}" if y else "-"
    print("| what | PostgreSQL | SQLite | PostgreSQL/SQLite |")
    print("|---|---|---|---|")
    print(f"| writes per second | {pg['writes_per_s']:.1f} | {lite['writes_per_s']:.1f} | "
          f"{ratio(pg['writes_per_s'], lite['writes_per_s'])} |")
    print(f"| reads per second | {pg['reads_per_s']:.1f} | {lite['reads_per_s']:.1f} | "
          f"{ratio(pg['reads_per_s'], lite['reads_per_s'])} |")
    for kind in pg["kinds"]:
        if kind in lite["kinds"]:
            for p in ("p50", "p95"):
                x, y = pg["kinds"][kind][p], lite["kinds"][kind][p]
                print(f"| {kind} {p} | {x:.0f} ms | {y:.0f} ms | {ratio(x, y)} |")
    for what in ("failed", "lost", "phantom"):
        print(f"| {what} | {pg[what]} | {lite[what]} | - |")


def cpu(pid):
    """the seconds of CPU the machine spent so far (all cores), and those of
    the server whose postmaster is pid (with its children, also those gone)"""
    hz = os.sysconf("SC_CLK_TCK")
    f = [int(x) for x in open("/proc/stat").readline().split()[1:]]
    busy = (f[0] + f[1] + f[2] + f[5] + f[6]) / hz  # user, nice, system, irq, softirq
    server = 0
    if pid:
        for d in os.listdir("/proc"):
            if d.isdigit():
                try:
                    st = open(f"/proc/{d}/stat").read().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                if d == pid:
                    server += sum(int(x) for x in st[11:15])
                elif st[1] == pid:
                    server += int(st[11]) + int(st[12])
    print(f"{busy:.2f} {server / hz:.2f} {time.time():.2f}")


def main(argv):
    if len(argv) >= 3 and argv[1] in ("writer", "reader"):
        work(argv[1], int(argv[2]), opts(argv[3:]))
    elif len(argv) >= 3 and argv[1] == "summary":
        summary(argv[2], opts(argv[3:]))
    elif len(argv) in (2, 3) and argv[1] == "cpu":
        cpu(argv[2] if len(argv) == 3 else "")
    elif len(argv) == 4 and argv[1] == "compare":
        compare(argv[2], argv[3])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
