"""Benchmark the rolecmp console script against a floor: how much slower and bigger than the least
a Rich CLI must do is each command?

Method
------
* Every command runs as a fresh subprocess of the installed console script (``rolecmp`` next to
  ``sys.executable``), the way a user runs it: stdin and stdout are ``/dev/null`` (not a terminal),
  stderr goes to a temporary file, ``COLUMNS=100``.
* The floor is ``benchmarks/floor.py``, run by the same interpreter: it imports Rich and prints a
  table of the shape ``rolecmp compare assistant technician`` had when it was written (11 rows x
  3 columns of multi-line text, about 80 lines; the comparison now prints about 120) and does
  nothing else.
* Wall time is ``time.perf_counter()`` from just before the process is spawned to just after it is
  reaped. Peak memory is the child's own maximum resident set size, reported by GNU time run as a
  small launcher (Linux would otherwise carry this script's own size into every child's
  ``ru_maxrss``); without /usr/bin/time it falls back to ``os.wait4``, an upper bound.
* ``ROLECMP_CACHE_DIR`` points at a temporary directory kept for the whole run, and every command
  first gets warm-up runs (2, or 1 with ``--short``) that are not measured, so the timed runs use
  a warm index cache, like every run after a user's first. Nothing in the user's own cache is
  read or written.
* Then N rounds (default 10, 3 with ``--short``) run every command once each, round robin, the
  starting command rotating each round, so machine noise (other processes, CPU frequency, disk
  cache) falls on all commands alike. Reported: median, min, max and interquartile range (q3 - q1)
  of the N times; the median's ratio to the floor's median; the peak RSS over the N runs and its
  ratio to the floor's peak RSS.
* Budgets: the median of ``compare`` (three pairs: an umbrella role, two dataset occupations, two
  curated roles), ``show`` and ``list`` at most 1.3x the floor's; ``--help`` and completion at
  most 1.1x; every peak RSS at most 1.5x the floor's.
* Names (not with ``--scale``): 25 names, each resolved in fresh interpreters after the imports,
  the first lookup timed in-process; the slowest name's median at most 10 ms.
* Wheel (full runs only, not with ``--no-wheel``): built with ``pip wheel --no-deps``; at most
  30 MB.
* Shell completion is timed like a command (``_ROLECMP_COMPLETE=complete_bash``, ``COMP_WORDS=
  "rolecmp show rad"``, ``COMP_CWORD=2``) if its first run prints candidates; if the app has no
  completion, it is reported as "not available" and skipped.
* Scale test (not with ``--short``; ``--scale`` runs only it): 10,000 copies of the bundled
  ``medical-assistant`` role under new ids (``gen-role-00001`` ...; ``aliases: []``) in a temporary
  directory named by ``ROLECMP_DATA_DIR``. Each scale command gets its own empty cache directory
  and one warm-up run, reported as its cold time (the run that builds the index, if the command
  needs it); then N interleaved warm runs. Budgets: ``show`` at most 1.1x the same ``show``
  without the data dir; ``list`` within 1 s.

The script is a report, not a test: it prints PASS or OVER beside each budget and exits 0 unless
``--strict`` is given, when any OVER, failed command or bad completion output exits 1. ``--json
FILE`` writes every measurement (raw times and RSS included) for later comparison.

Standard library only; Unix only (``os.wait4``). Run it with the interpreter of the environment
that has rolecmp installed, e.g. ``.venv/bin/python benchmarks/run.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
BUNDLED_ROLES = HERE.parent / "data" / "roles"
FLOOR_SCRIPT = HERE / "floor.py"
ROLECMP = Path(sys.executable).parent / "rolecmp"

COLUMNS = "100"
COMMAND_BUDGET = 1.3  # x the floor's median time: compare, show, list
STARTUP_BUDGET = 1.1  # x the floor's median time: --help and shell completion
MEMORY_BUDGET = 1.5  # x the floor's peak RSS
SCALE_SHOW_BUDGET = 1.1  # x the same show without the generated data dir
SCALE_LIST_BUDGET_S = 1.0  # seconds
RESOLVE_BUDGET_MS = 10.0  # the slowest name's cold lookup, in a fresh process, after imports
RESOLVE_RUNS = 3  # fresh processes per name; each name's median counts
WHEEL_BUDGET_MB = 30.0  # the built wheel, in MB (10**6 bytes)
#: Names to resolve: ids, aliases, credentials, SOC and O*NET-SOC codes, dataset titles (SOC,
#: O*NET, alternate and reported titles), partial names, ambiguous names and misspellings that
#: end in suggestions (RoleNotFound / AmbiguousRole count as answers: they are what the user sees).
RESOLVE_NAMES = (
    "radiologic-technologist", "cashiers", "software-developers", "ma", "mlt", "rn", "rad-tech",
    "CMA (AAMA)", "29-1141", "29-1141.00", "31-9092", "scrub tech", "cashier",
    "software developer", "registered nurse", "truck driver", "medical assistant", "radiologic",
    "assistant", "technician", "nurse", "radiologc-technologist", "phlebotomst",
    "sofware developer", "xyzzy",
)
SCALE_FILES = 10_000
SCALE_TEMPLATE = "medical-assistant"
COMPLETION_ENV = {
    "_ROLECMP_COMPLETE": "complete_bash",
    "COMP_WORDS": "rolecmp show rad",
    "COMP_CWORD": "2",
}
COMPLETION_PREFIX = "rad"
# Variables that would change what rolecmp does if inherited from the caller's shell.
# PYTHONDONTWRITEBYTECODE would make every run recompile rolecmp from source.
SCRUBBED_ENV = ("ROLECMP_DATA_DIR", "ROLECMP_CACHE_DIR", "PYTHONDONTWRITEBYTECODE",
                *COMPLETION_ENV)
TIMEOUT_S = 300.0


# -- running one process -------------------------------------------------------------------------
@dataclass
class Run:
    """One finished subprocess."""

    seconds: float
    maxrss_kib: int
    exit_code: int
    stderr: str
    stdout: str | None
    timed_out: bool


# Linux carries a parent's peak RSS into the ru_maxrss of a child it forks (exec records the old
# image's high-water mark), so every child of this Python process would report at least this
# process's own size. A small exec'd launcher (GNU time) forks the command instead and reports
# the command's own peak; without it, memory is read from wait4 and is only an upper bound.
TIME_BIN = "/usr/bin/time" if os.path.exists("/usr/bin/time") else None


def run_once(argv: list[str], env: dict[str, str], *, capture: bool = False) -> Run:
    """Run ``argv`` once; time it from spawn to reap and read its peak RSS.

    stdout goes to /dev/null unless ``capture`` (used only for the completion check, which needs
    the candidates); stderr goes to a temporary file, so neither can block the child."""
    killed = threading.Event()
    rss_file = None
    if TIME_BIN:
        fd, rss_file = tempfile.mkstemp(prefix="rolecmp-bench-rss-")
        os.close(fd)
        argv = [TIME_BIN, "-f", "%M", "-o", rss_file, *argv]
    with tempfile.TemporaryFile() as err:
        stdout_target = subprocess.PIPE if capture else subprocess.DEVNULL
        start = time.perf_counter()
        proc = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL, stdout=stdout_target,
                                stderr=err)

        def kill() -> None:
            killed.set()
            proc.kill()

        timer = threading.Timer(TIMEOUT_S, kill)
        timer.start()
        try:
            out = proc.stdout.read() if proc.stdout is not None else None
            _, status, usage = os.wait4(proc.pid, 0)
            elapsed = time.perf_counter() - start
        finally:
            timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        if proc.stdout is not None:
            proc.stdout.close()
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    maxrss = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss  # bytes
    if rss_file is not None:
        with open(rss_file, encoding="utf-8") as handle:
            text = handle.read().strip().splitlines()
        os.unlink(rss_file)
        maxrss = int(text[-1]) if text and text[-1].isdigit() else maxrss
    return Run(elapsed, maxrss, proc.returncode, stderr,
               out.decode("utf-8", "replace") if out is not None else None, killed.is_set())


# -- commands and their results ------------------------------------------------------------------
@dataclass
class Bench:
    """One command under test and everything measured about it."""

    label: str
    argv: list[str]
    env: dict[str, str]
    completion: bool = False
    budget: float = COMMAND_BUDGET  # x the floor's median time
    status: str = "ok"  # ok | failed | not available | bad output
    note: str = ""
    first_seconds: float | None = None  # the first (warm-up) run: the cold one in the scale test
    times: list[float] = field(default_factory=list)
    rss_kib: list[int] = field(default_factory=list)

    @property
    def measured(self) -> bool:
        return self.status == "ok" and bool(self.times)

    def median(self) -> float:
        return statistics.median(self.times)

    def peak_kib(self) -> int:
        return max(self.rss_kib)

    def stats(self) -> dict[str, Any]:
        if not self.measured:
            return {}
        q1, q3 = quartiles(self.times)
        return {
            "median_s": self.median(), "min_s": min(self.times), "max_s": max(self.times),
            "q1_s": q1, "q3_s": q3, "iqr_s": q3 - q1,
            "peak_rss_kib": self.peak_kib(), "median_rss_kib": statistics.median(self.rss_kib),
        }

    def to_json(self) -> dict[str, Any]:
        return {
            "label": self.label, "argv": [Path(self.argv[0]).name, *self.argv[1:]],
            "env": {k: v for k, v in self.env.items()
                    if k.startswith(("ROLECMP_", "COMP_", "_ROLECMP_")) or k == "COLUMNS"},
            "status": self.status, "note": self.note, "first_run_s": self.first_seconds,
            "times_s": self.times, "rss_kib": self.rss_kib, **self.stats(),
        }


def quartiles(values: list[float]) -> tuple[float, float]:
    if len(values) < 2:
        return values[0], values[0]
    q1, _, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return q1, q3


def check_run(bench: Bench, run: Run) -> None:
    """Mark ``bench`` failed (or completion not available) when ``run`` went wrong."""
    if bench.completion:
        check_completion(bench, run)
        return
    if run.timed_out or run.exit_code != 0:
        bench.status = "failed"
        bench.note = describe_failure(run)


def check_completion(bench: Bench, run: Run) -> None:
    """Completion works when it exits 0 and prints candidates (Typer prints bare values, click
    ``type,value`` lines), one of them starting with what was typed."""
    lines = [line for line in (run.stdout or "").splitlines() if line.strip()]
    if run.timed_out or run.exit_code != 0 or not lines:
        bench.status = "not available"
        why = describe_failure(run) if run.exit_code != 0 or run.timed_out else "no output"
        bench.note = why
        return
    values = [line.split(",", 1)[1] if re.match(r"^(plain|file|dir),", line) else line
              for line in lines]
    offered = [v for v in values if v.startswith(COMPLETION_PREFIX)]
    if not offered:
        bench.status = "bad output"
        bench.note = f"no candidate starting with {COMPLETION_PREFIX!r}: {values[:3]}"
    else:
        bench.note = "offers " + ", ".join(offered[:3]) + (" ..." if len(offered) > 3 else "")


def describe_failure(run: Run) -> str:
    if run.timed_out:
        return f"timed out after {TIMEOUT_S:.0f} s"
    text = (run.stderr.strip() or (run.stdout or "").strip()).splitlines()
    last = text[-1].strip() if text else "no output"
    return f"exit {run.exit_code}: {last[:120]}"


def measure(benches: list[Bench], warmups: int, runs: int, phase: str) -> None:
    """Warm up every command, then time ``runs`` interleaved rounds (rotating the start)."""
    for w in range(warmups):
        progress(f"{phase}: warm-up {w + 1}/{warmups}")
        for bench in benches:
            if bench.status != "ok":
                continue
            run = run_once(bench.argv, bench.env, capture=bench.completion and w == 0)
            if w == 0:
                bench.first_seconds = run.seconds
                check_run(bench, run)
            elif run.exit_code != 0:
                check_run(bench, run)
    active = [b for b in benches if b.status == "ok"]
    for i in range(runs):
        progress(f"{phase}: round {i + 1}/{runs}")
        shift = i % len(active) if active else 0
        for bench in active[shift:] + active[:shift]:
            if bench.status != "ok":
                continue
            run = run_once(bench.argv, bench.env)
            if run.timed_out or run.exit_code != 0:
                bench.status = "failed"
                bench.note = describe_failure(run)
                continue
            bench.times.append(run.seconds)
            bench.rss_kib.append(run.maxrss_kib)


def progress(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


# -- environments --------------------------------------------------------------------------------
def base_env(cache_dir: Path, data_dir: Path | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in SCRUBBED_ENV}
    env["COLUMNS"] = COLUMNS
    env["ROLECMP_CACHE_DIR"] = str(cache_dir)
    if data_dir is not None:
        env["ROLECMP_DATA_DIR"] = str(data_dir)
    return env


def rolecmp(*args: str) -> list[str]:
    return [str(ROLECMP), *args]


# -- the main comparison -------------------------------------------------------------------------
def bench_commands(tmp: Path, warmups: int, runs: int) -> list[Bench]:
    cache = tmp / "cache"
    env = base_env(cache)
    benches = [
        Bench("floor (benchmarks/floor.py)", [sys.executable, str(FLOOR_SCRIPT)], env),
        Bench("compare assistant technician", rolecmp("compare", "assistant", "technician"), env),
        Bench("compare cashiers software-developers",
              rolecmp("compare", "cashiers", "software-developers"), env),
        Bench("compare ma mlt", rolecmp("compare", "ma", "mlt"), env),
        Bench("show radiologic-technologist", rolecmp("show", "radiologic-technologist"), env),
        Bench("list", rolecmp("list"), env),
        Bench("--help", rolecmp("--help"), env, budget=STARTUP_BUDGET),
        Bench("completion 'show rad'", rolecmp(), {**env, **COMPLETION_ENV}, completion=True,
              budget=STARTUP_BUDGET),
    ]
    measure(benches, warmups, runs, "commands")
    return benches


def ratios(benches: list[Bench]) -> dict[str, dict[str, Any]]:
    """Per label: time and memory ratios to the floor and whether each is within budget."""
    floor = benches[0]
    out: dict[str, dict[str, Any]] = {}
    for bench in benches[1:]:
        if not (bench.measured and floor.measured):
            continue
        t = bench.median() / floor.median()
        m = bench.peak_kib() / floor.peak_kib()
        out[bench.label] = {"time_ratio": t, "time_budget": bench.budget,
                            "time_pass": t <= bench.budget, "memory_ratio": m,
                            "memory_budget": MEMORY_BUDGET, "memory_pass": m <= MEMORY_BUDGET}
    return out


def print_commands(benches: list[Bench], verdicts: dict[str, dict[str, Any]], warmups: int,
                   runs: int, cache: Path) -> None:
    print(f"Commands: median of {runs} interleaved runs each after {warmups} warm-up(s); "
          f"stdout -> /dev/null, COLUMNS={COLUMNS}")
    print(f"  warm index cache: ROLECMP_CACHE_DIR={cache}, kept for the whole run")
    print()
    w = 36
    print(f"{'':{w}} {'wall time, ms':^45}   {'peak RSS, MiB':^24}")
    print(f"{'command':{w}} {'median':>6} {'min':>5} {'max':>5} {'IQR':>4} {'x floor':>7} "
          f"{'budget':>6} {'':>6}   {'peak':>5} {'x floor':>7} "
          f"{'<=' + format(MEMORY_BUDGET, 'g') + 'x':>6}")
    for bench in benches:
        if not bench.measured:
            print(f"{bench.label:{w}} {bench.status.upper()}: {bench.note}"[:110])
            continue
        s = bench.stats()
        v = verdicts.get(bench.label)
        ms = [s["median_s"] * 1e3, s["min_s"] * 1e3, s["max_s"] * 1e3, s["iqr_s"] * 1e3]
        row = (f"{bench.label:{w}} {ms[0]:6.0f} {ms[1]:5.0f} {ms[2]:5.0f} {ms[3]:4.0f} ")
        peak = s["peak_rss_kib"] / 1024
        if v is None:
            row += f"{'1.00':>7} {'-':>6} {'':>6}   {peak:5.1f} {'1.00':>7} {'-':>6}"
        else:
            row += (f"{v['time_ratio']:7.2f} {'<=' + format(v['time_budget'], 'g'):>6} "
                    f"{pass_over(v['time_pass']):>6}   {peak:5.1f} "
                    f"{v['memory_ratio']:7.2f} {pass_over(v['memory_pass']):>6}")
        print(row)
    notes = [b for b in benches if b.measured and b.completion and b.note]
    for bench in notes:
        print(f"  {bench.label}: {bench.note}")


def pass_over(ok: bool) -> str:
    return "PASS" if ok else "OVER"


# -- resolving names ----------------------------------------------------------------------------
# Run in a fresh interpreter per name: the modules a lookup uses are imported first (their cost is
# in the start-up figures above), then the first lookup is timed, cold, as a command meets it:
# reading the catalog index (from the warm cache) and whatever dataset files the name needs.
RESOLVE_CHILD = r"""
import json, sys, time
from rapidfuzz import fuzz, process
from rolecmp import catalog, dataset, errors
name = sys.argv[1]
start = time.perf_counter()
try:
    role, note = catalog.default_catalog().resolve_noted(name)
    answer = role.id
except errors.RolecmpError as exc:
    answer = type(exc).__name__ + ": " + str(exc)
elapsed = time.perf_counter() - start
print(json.dumps({"ms": elapsed * 1e3, "answer": answer}))
"""


def bench_resolve(tmp: Path, runs: int) -> dict[str, Any]:
    """Each name's median cold lookup over ``runs`` fresh processes (round robin over names)."""
    env = base_env(tmp / "cache")
    times: dict[str, list[float]] = {name: [] for name in RESOLVE_NAMES}
    answers: dict[str, str] = {}
    failed: dict[str, str] = {}
    for i in range(runs + 1):  # the first round warms the cache and is not counted
        progress(f"resolve: round {i + 1}/{runs + 1}")
        for name in RESOLVE_NAMES:
            if name in failed:
                continue
            proc = subprocess.run([sys.executable, "-c", RESOLVE_CHILD, name], env=env,
                                  capture_output=True, text=True, timeout=TIMEOUT_S,
                                  stdin=subprocess.DEVNULL, check=False)
            try:
                found = json.loads(proc.stdout.strip().splitlines()[-1])
            except (ValueError, IndexError):
                failed[name] = (proc.stderr.strip().splitlines() or ["no output"])[-1][:120]
                continue
            answers[name] = str(found["answer"])
            if i:
                times[name].append(float(found["ms"]))
    medians = {name: statistics.median(t) for name, t in times.items() if t}
    worst = max(medians, key=lambda n: medians[n]) if medians else None
    return {"runs": runs, "budget_ms": RESOLVE_BUDGET_MS, "failed": failed,
            "names": [{"name": n, "median_ms": medians.get(n), "times_ms": times[n],
                       "answer": answers.get(n)} for n in RESOLVE_NAMES],
            "max_ms": medians[worst] if worst else None, "slowest": worst,
            "median_ms": statistics.median(medians.values()) if medians else None,
            "pass": bool(medians) and not failed and medians[worst] <= RESOLVE_BUDGET_MS}


def print_resolve(result: dict[str, Any]) -> None:
    print(f"Resolving names: {len(RESOLVE_NAMES)} names, each the median of {result['runs']} "
          "fresh processes; the first lookup after imports,")
    print("  timed in-process with time.perf_counter (catalog index from the warm cache)")
    print()
    for item in result["names"]:
        ms = "-" if item["median_ms"] is None else f"{item['median_ms']:6.2f}"
        answer = (item["answer"] or result["failed"].get(item["name"], ""))[:60]
        print(f"  {item['name'][:26]:26} {ms:>6} ms  {answer}")
    if result["max_ms"] is not None:
        print(f"  max {result['max_ms']:.2f} ms ({result['slowest']}), median "
              f"{result['median_ms']:.2f} ms (budget: max <= {RESOLVE_BUDGET_MS:g} ms)  "
              f"{pass_over(result['pass'])}")


# -- the wheel -----------------------------------------------------------------------------------
def build_wheel(tmp: Path) -> dict[str, Any]:
    """Build the wheel of this checkout with ``pip wheel --no-deps`` and weigh it."""
    out = tmp / "wheel"
    progress("wheel: pip wheel --no-deps")
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                           str(out), str(HERE.parent)], capture_output=True, text=True,
                          timeout=TIMEOUT_S * 2, stdin=subprocess.DEVNULL, check=False)
    wheels = sorted(out.glob("rolecmp-*.whl"))
    if proc.returncode != 0 or not wheels:
        last = (proc.stderr.strip().splitlines() or ["no wheel"])[-1][:120]
        return {"built": False, "note": last, "budget_mb": WHEEL_BUDGET_MB, "pass": False}
    size = wheels[-1].stat().st_size
    return {"built": True, "file": wheels[-1].name, "bytes": size, "mb": size / 1e6,
            "budget_mb": WHEEL_BUDGET_MB, "pass": size / 1e6 <= WHEEL_BUDGET_MB}


def print_wheel(result: dict[str, Any]) -> None:
    if not result["built"]:
        print(f"Wheel: not built ({result['note']})")
        return
    print(f"Wheel: {result['file']} {result['mb']:.2f} MB (budget <= {WHEEL_BUDGET_MB:g} MB)  "
          f"{pass_over(result['pass'])}")


# -- the scale test ------------------------------------------------------------------------------
def generate_roles(dest: Path, count: int) -> None:
    """``count`` copies of the template role, ids ``gen-role-00001`` ..., file name = id, and
    ``aliases: []`` (aliases must be unique across the catalog)."""
    template = (BUNDLED_ROLES / f"{SCALE_TEMPLATE}.yaml").read_text(encoding="utf-8")
    id_line = re.compile(r"^id:[^\n]*$", re.MULTILINE)
    alias_line = re.compile(r"^aliases:[ \t]*\[[^\n]*\][ \t]*\n", re.MULTILINE)
    if len(id_line.findall(template)) != 1 or len(alias_line.findall(template)) != 1:
        raise SystemExit(f"benchmark: {SCALE_TEMPLATE}.yaml no longer has exactly one 'id:' line "
                         "and one one-line 'aliases: [...]' line; update generate_roles()")
    body = alias_line.sub("", template)
    dest.mkdir(parents=True)
    for n in range(1, count + 1):
        role_id = f"gen-role-{n:05d}"
        text = id_line.sub(f"id: {role_id}\naliases: []", body)
        (dest / f"{role_id}.yaml").write_text(text, encoding="utf-8")


def bench_scale(tmp: Path, runs: int, files: int) -> tuple[list[Bench], dict[str, Any]]:
    roles = tmp / "scale" / "roles"
    progress(f"scale: generating {files:,} role files")
    generate_roles(roles, files)

    def env(name: str, data: bool = True) -> dict[str, str]:
        return base_env(tmp / "scale" / f"cache-{name}", roles if data else None)

    benches = [
        Bench("compare medical-assistant radiologic-technologist",
              rolecmp("compare", "medical-assistant", "radiologic-technologist"), env("compare")),
        Bench("show radiologic-technologist",
              rolecmp("show", "radiologic-technologist"), env("show")),
        Bench("show radiologic-technologist (no data dir)",
              rolecmp("show", "radiologic-technologist"), env("show-plain", data=False)),
        Bench("list", rolecmp("list"), env("list")),
    ]
    measure(benches, 1, runs, "scale")
    _compare, show, plain, list_ = benches
    verdicts: dict[str, Any] = {}
    if show.measured and plain.measured:
        r = show.median() / plain.median()
        verdicts["show_ratio"] = {"ratio": r, "budget": SCALE_SHOW_BUDGET,
                                  "pass": r <= SCALE_SHOW_BUDGET}
    if list_.measured:
        verdicts["list_seconds"] = {"median_s": list_.median(), "budget_s": SCALE_LIST_BUDGET_S,
                                    "pass": list_.median() <= SCALE_LIST_BUDGET_S}
    return benches, verdicts


def print_scale(benches: list[Bench], verdicts: dict[str, Any], runs: int, files: int) -> None:
    print(f"Scale: {files:,} generated roles in ROLECMP_DATA_DIR, layered over the bundled ones; "
          f"median of {runs}")
    print("  interleaved warm runs after 1 warm-up each; every command has its own cache dir, so")
    print("  'cold' is its first run on an empty cache (the one that builds the index, if needed).")
    print()
    w = 49
    print(f"{'command':{w}} {'cold':>7} {'median':>7} {'min':>6} {'max':>6} {'IQR':>5} "
          f"{'MiB':>6}")
    for bench in benches:
        if not bench.measured:
            print(f"{bench.label:{w}} {bench.status.upper()}: {bench.note}"[:100])
            continue
        s = bench.stats()
        cold = bench.first_seconds or 0.0
        print(f"{bench.label[:w]:{w}} {cold * 1e3:7.0f} {s['median_s'] * 1e3:7.0f} "
              f"{s['min_s'] * 1e3:6.0f} {s['max_s'] * 1e3:6.0f} {s['iqr_s'] * 1e3:5.0f} "
              f"{s['peak_rss_kib'] / 1024:6.1f}")
    print("  (times in ms)")
    if "show_ratio" in verdicts:
        v = verdicts["show_ratio"]
        print(f"  show with / without the data dir: {v['ratio']:.2f}x "
              f"(budget <= {v['budget']:g}x)  {pass_over(v['pass'])}")
    if "list_seconds" in verdicts:
        v = verdicts["list_seconds"]
        print(f"  list median: {v['median_s']:.2f} s (budget <= {v['budget_s']:g} s)  "
              f"{pass_over(v['pass'])}")


# -- main ----------------------------------------------------------------------------------------
def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Time rolecmp's commands against a Rich floor (see the module docstring).")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--short", action="store_true",
                      help="CI mode: 3 runs each, 1 warm-up, no scale test")
    mode.add_argument("--scale", action="store_true", help="run only the scale test")
    parser.add_argument("--runs", type=int, default=None, metavar="N",
                        help="timed runs per command (default 10, or 3 with --short)")
    parser.add_argument("--warmup", type=int, default=None, metavar="N",
                        help="warm-up runs per command (default 2, or 1 with --short)")
    parser.add_argument("--scale-files", type=int, default=SCALE_FILES, metavar="N",
                        help=f"role files to generate for the scale test (default {SCALE_FILES})")
    parser.add_argument("--json", type=Path, default=None, metavar="FILE",
                        help="also write every result to FILE as JSON")
    parser.add_argument("--no-wheel", action="store_true",
                        help="do not build the wheel (it is built in full runs only)")
    parser.add_argument("--strict", action="store_true",
                        help="exit 1 if any budget is over or any command fails")
    args = parser.parse_args(argv)
    if args.runs is None:
        args.runs = 3 if args.short else 10
    if args.warmup is None:
        args.warmup = 1 if args.short else 2
    if args.runs < 1 or args.warmup < 1 or args.scale_files < 1:
        parser.error("--runs, --warmup and --scale-files must be at least 1")
    return args


def environment() -> dict[str, Any]:
    def version(dist: str) -> str | None:
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            return None

    return {
        "python": platform.python_version(), "executable": sys.executable,
        "rolecmp_script": str(ROLECMP), "platform": platform.platform(),
        "cpus": os.cpu_count(), "rolecmp": version("rolecmp"), "rich": version("rich"),
        "typer": version("typer"), "click": version("click"), "pyyaml": version("PyYAML"),
        "time": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not ROLECMP.is_file():
        print(f"benchmark: no rolecmp script next to {sys.executable}; run this with the "
              "interpreter of the environment rolecmp is installed in, e.g. "
              ".venv/bin/python benchmarks/run.py", file=sys.stderr)
        return 2
    env_info = environment()
    report: dict[str, Any] = {"environment": env_info, "settings": {
        "runs": args.runs, "warmup": args.warmup, "columns": int(COLUMNS),
        "short": args.short, "scale_only": args.scale}}
    problems = 0
    print(f"rolecmp {env_info['rolecmp']} | Python {env_info['python']} | rich {env_info['rich']}"
          f" | {env_info['platform']} | {env_info['cpus']} CPUs")
    with tempfile.TemporaryDirectory(prefix="rolecmp-bench-") as tmp_name:
        tmp = Path(tmp_name)
        if not args.scale:
            benches = bench_commands(tmp, args.warmup, args.runs)
            verdicts = ratios(benches)
            print()
            print_commands(benches, verdicts, args.warmup, args.runs, tmp / "cache")
            report["commands"] = [b.to_json() | verdicts.get(b.label, {}) for b in benches]
            problems += sum(b.status in ("failed", "bad output") for b in benches)
            problems += sum(not (v["time_pass"] and v["memory_pass"]) for v in verdicts.values())
            resolved = bench_resolve(tmp, 1 if args.short else RESOLVE_RUNS)
            print()
            print_resolve(resolved)
            report["resolve"] = resolved
            problems += not resolved["pass"]
        if not (args.short or args.scale or args.no_wheel):
            wheel = build_wheel(tmp)
            print()
            print_wheel(wheel)
            report["wheel"] = wheel
            problems += not wheel["pass"]
        if not args.short:
            scale, scale_verdicts = bench_scale(tmp, args.runs, args.scale_files)
            print()
            print_scale(scale, scale_verdicts, args.runs, args.scale_files)
            report["scale"] = {"files": args.scale_files, "template": SCALE_TEMPLATE,
                               "commands": [b.to_json() for b in scale], **scale_verdicts}
            problems += sum(b.status != "ok" for b in scale)
            problems += sum(not v["pass"] for v in scale_verdicts.values())
    report["problems"] = problems
    if args.json is not None:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        print(f"\nwrote {args.json}")
    print(f"\n{problems} over budget or failed; "
          + ("exit 1 (--strict)" if args.strict and problems else
             "exit 0" + ("" if args.strict else " (a report; --strict fails on these)")))
    return 1 if args.strict and problems else 0


if __name__ == "__main__":
    sys.exit(main())
