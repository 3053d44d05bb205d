"""What `make acceptance` and `make test` cost: wall time and CPU-seconds of the whole process
tree (PostgreSQL's daemons included), and where that CPU goes, by kind of process.

    .venv/bin/python scripts/bench_suite.py acceptance     # or: test, breakages, unit (in this folder)
    .venv/bin/python scripts/bench_suite.py -- make acceptance ARGS=--tags=@criterion.CC-1

CPU-seconds are the figure to compare on a busy machine (other work there stretches wall time,
not CPU). This process becomes a child subreaper, so every process the run starts, even a
daemon that detaches (pg_ctl's postmaster), is reaped here and its CPU counted exactly in the
total. The breakdown comes from sampling the tree every 0.2 s: a process shorter than that is
counted in the total, under "(unsampled)" only."""
from __future__ import annotations

import argparse
import ctypes
import os
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

PR_SET_CHILD_SUBREAPER = 36
SAMPLE_S = 0.2

# The first pattern that matches a process's command line names its kind.
KINDS = [
    ("postgres", ("postgres", "pg_ctl", "initdb")),
    ("clinic system (service)", ("-m clinic_system", "clinic_system/__main__")),
    ("sms stub", ("-m sms_stub",)),
    ("embedded stack owner", ("embedded_stack.serve", "-m embedded_stack.")),
    ("behave (the suite's steps)", ("-m behave",)),
    ("pytest (unit tests)", ("-m pytest",)),
    ("breakage runner", ("breakages.run",)),
    ("node (Allure's HTML)", ("node", "npx", "allure generate")),
    ("acceptance driver (reports)", ("clinic_suite.reporting.acceptance",)),
    ("coverage combine/json", ("coverage",)),
    ("git", ("git",)),
    ("make, shells", ("make", "bash", "sh ")),
    ("fork servers (their imports)", ("fork server",)),
]


def kind_of(cmdline: list[str], name: str = "") -> str:
    if any(part.endswith("prefork.py") for part in cmdline):  # a fork server, or a child it forked (named)
        name = "clinic_system" if name == "coverage" else name  # coverage runs the service when it measures
        cmdline = ["python", "-m", name] if name and not name.startswith("python") else ["fork server"]
    program = Path(cmdline[0]).name if cmdline else ""
    if "chrom" in program:
        return "chromium"
    text = " ".join(cmdline)
    if program == "node" and "playwright" in text:
        return "playwright driver (node)"
    for kind, patterns in KINDS:
        if any(p in text for p in patterns):
            return kind
    return "other: " + (Path(cmdline[0]).name if cmdline else "?")


class Sampler:
    """The last CPU time seen of every process below us, by pid (and start time: pids recur)."""

    def __init__(self):
        self.seen: dict[tuple[int, float], tuple[str, float]] = {}
        self.commands: dict[tuple[int, float], str] = {}
        self.stopped = threading.Event()

    def run(self) -> None:
        me = psutil.Process()
        while not self.stopped.is_set():
            for process in me.children(recursive=True):
                try:
                    with process.oneshot():
                        times = process.cpu_times()
                        key = (process.pid, process.create_time())
                        if key not in self.seen:
                            self.commands[key] = " ".join(process.cmdline())[:160]
                        known = self.seen.get(key, ("fork servers", 0.0))[0]
                        # a forked child names itself just after the fork: look again until it has
                        kind = known if not known.startswith("fork servers") else kind_of(process.cmdline(),
                                                                                         process.name())
                        self.seen[key] = (kind, times.user + times.system)
                except psutil.Error:
                    continue
            self.stopped.wait(SAMPLE_S)

    def by_kind(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for kind, cpu in self.seen.values():
            out[kind] = out.get(kind, 0.0) + cpu
        return out


def wait_reaping(main_pid: int) -> int:
    """Reap every child, adopted orphans too, as they end (a zombie postmaster would hold its
    pid file's pid alive and stop a restart), until `main_pid` ends; its exit code."""
    while True:
        pid, status = os.waitpid(-1, 0)
        if pid == main_pid:
            return os.waitstatus_to_exitcode(status)


def reap_left() -> list[int]:
    """Whatever ended after the command; the pids of processes it left running (a leak)."""
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return []
        if pid == 0:
            return [p.pid for p in psutil.Process().children()]


def measure(command: list[str]) -> dict:
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    sampler = Sampler()
    thread = threading.Thread(target=sampler.run, daemon=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    thread.start()
    process = subprocess.Popen(command)  # in the current folder
    code = process.returncode = wait_reaping(process.pid)
    wall = time.monotonic() - started
    sampler.stopped.set()
    thread.join()
    left = reap_left()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"exit": code, "wall": wall, "cpu": cpu, "kinds": sampler.by_kind(), "left": left, "sampler": sampler}


def report(figures: dict, command: list[str]) -> str:
    kinds = figures["kinds"]
    lines = [f"command: {' '.join(command)}", f"exit code: {figures['exit']}",
             f"wall: {figures['wall']:.1f} s", f"CPU (user+sys, whole tree): {figures['cpu']:.1f} s"
             f" ({figures['cpu'] / max(figures['wall'], 1e-9):.2f} cores on average)"]
    for kind, cpu in sorted(kinds.items(), key=lambda kv: -kv[1]):
        lines.append(f"  {kind:<34} {cpu:7.1f} s")
    lines.append(f"  {'(unsampled)':<34} {max(figures['cpu'] - sum(kinds.values()), 0.0):7.1f} s")
    if figures["left"]:
        lines.append(f"left running (not counted): pids {figures['left']}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if "--" in argv:  # any command instead of a make target
        command = argv[argv.index("--") + 1:]
    else:
        parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
        parser.add_argument("target", nargs="?", default="acceptance", help="a make target (acceptance, test, ...)")
        command = ["make", "--no-print-directory", parser.parse_args(argv).target]
    figures = measure(command)
    sampler = figures["sampler"]
    print("\n=== bench_suite ===\n" + report(figures, command), flush=True)
    if os.environ.get("BENCH_PROCESSES"):  # the costliest processes, one by one
        for key, (kind, cpu) in sorted(sampler.seen.items(), key=lambda kv: -kv[1][1])[:int(os.environ["BENCH_PROCESSES"])]:
            print(f"  {cpu:6.1f} s  {kind:<28} {sampler.commands[key]}")
    return figures["exit"]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
