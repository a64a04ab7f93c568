#!/usr/bin/env python3
"""Run commands several times, alternating between them, and print for each
its median wall time in seconds and its largest peak RSS in KB (getrusage of
the child, as /usr/bin/time -v reports it).

usage: measure.py RUNS [--rss] [--setup SHELL] -- CMD ARGS... [-- CMD ARGS...]...

--rss runs each command under /usr/bin/time (package time) for its peak
RSS, which then counts the command alone and not this script's memory that a
forked child starts with; without it the peak column is 0.

--setup runs a shell command (untimed) before every run of every command,
e.g. to put a fresh copy of a store in place. A command's stdout goes to
/dev/null; a failing command stops everything with its stderr shown.
Output: one line per command: "MEDIAN_S PEAK_KB".
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time


def run(cmd, rss):
    devnull = os.open(os.devnull, os.O_WRONLY)
    out = None
    if rss:
        fd, out = tempfile.mkstemp(prefix="measure.")
        os.close(fd)
        cmd = ["/usr/bin/time", "-f", "%M", "-o", out] + cmd
    t0 = time.perf_counter()
    pid = os.posix_spawnp(cmd[0], cmd, os.environ, file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 1)])
    _, status = os.waitpid(pid, 0)
    t = time.perf_counter() - t0
    os.close(devnull)
    peak = 0
    if out:
        with open(out) as f:
            lines = f.read().split()
        os.unlink(out)
        peak = int(lines[-1]) if lines else 0
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"measure.py: {' '.join(cmd)}: exit {os.waitstatus_to_exitcode(status)}")
    return t, peak


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    runs = int(argv[0])
    rest = argv[1:]
    setup = None
    rss = rest[0] == "--rss"
    if rss:
        rest = rest[1:]
    if rest[0] == "--setup":
        setup, rest = rest[1], rest[2:]
    cmds, cur = [], None
    for a in rest:
        if a == "--":
            cur = []
            cmds.append(cur)
        elif cur is None:
            sys.exit(__doc__)
        else:
            cur.append(a)
    times = [[] for _ in cmds]
    peaks = [0 for _ in cmds]
    for _ in range(runs):
        for i, c in enumerate(cmds):
            if setup:
                subprocess.run(setup, shell=True, check=True)
            t, peak = run(c, rss)
            times[i].append(t)
            peaks[i] = max(peaks[i], peak)
    for i in range(len(cmds)):
        print(f"{statistics.median(times[i]):.6f} {peaks[i]}")


if __name__ == "__main__":
    main(sys.argv[1:])
