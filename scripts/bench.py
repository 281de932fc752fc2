"""`make bench`: build the benchmark sites once, time them, print the table.

    python scripts/bench.py [SIZES...]        100 1000 10000 if none given

For each size a site with that many task groups is built once (again when
bench_build.py changes) under var/bench/<size>/ (scripts/bench_build.py, a
FileStorage kept for the next run) and timed in a fresh process (scripts/bench_run.py, on a DemoStorage
over it, so the timing's own writes are thrown away). The table is printed
and written to var/bench/results.md with the date and the machine.
"""

from pathlib import Path

import datetime
import hashlib
import json
import os
import subprocess
import sys


ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(os.environ.get("BENCH_DIR") or ROOT / "var" / "bench")
ZCONSOLE = str(Path(sys.executable).parent / "zconsole")

CONF = """\
%define INSTANCE {home}
instancehome $INSTANCE
default-zpublisher-encoding utf-8
<environment>
  CHAMELEON_CACHE {cache}
  zope_i18n_compile_mo_files true
</environment>
<zodb_db main>
{storage}
  mount-point /
  # As the instance's zope.conf.
  cache-size 30000
</zodb_db>
"""
BUILD_STORAGE = """\
  <filestorage>
    path $INSTANCE/Data.fs
  </filestorage>"""
# Writes of the timing (accepting applications) stay in memory.
RUN_STORAGE = """\
  <demostorage>
    <filestorage base>
      path $INSTANCE/Data.fs
      read-only true
    </filestorage>
    <mappingstorage changes>
    </mappingstorage>
  </demostorage>"""


def write_conf(home, name, storage):
    path = home / name
    cache = home / "cache"
    cache.mkdir(parents=True, exist_ok=True)
    path.write_text(CONF.format(home=home, cache=cache, storage=storage))
    return path


def builder_version():
    """A digest of the builder: data built by another version is built again."""
    source = (ROOT / "scripts" / "bench_build.py").read_bytes()
    return hashlib.sha256(source).hexdigest()[:16]


def build(size):
    home = BENCH / str(size)
    done = home / "built"
    if done.exists() and builder_version() in done.read_text():
        return home
    if done.exists():
        print(f"{home} was built by another bench_build.py: building again")
        done.unlink()
    if home.exists():
        # A build that did not finish: start again from nothing.
        for name in ("Data.fs", "Data.fs.index", "Data.fs.lock", "Data.fs.tmp"):
            (home / name).unlink(missing_ok=True)
    home.mkdir(parents=True, exist_ok=True)
    conf = write_conf(home, "build.conf", BUILD_STORAGE)
    print(f"Building the site with {size} groups in {home} (once)", flush=True)
    env = dict(os.environ, BENCH_GROUPS=str(size))
    subprocess.run(
        [ZCONSOLE, "run", str(conf), str(ROOT / "scripts" / "bench_build.py")],
        check=True,
        env=env,
    )
    # The pack's copy of the unpacked file (a gigabyte at 10,000 groups).
    (home / "Data.fs.old").unlink(missing_ok=True)
    done.write_text(f"{datetime.datetime.now().isoformat()} {builder_version()}")
    return home


def run(size):
    home = build(size)
    conf = write_conf(home, "run.conf", RUN_STORAGE)
    out = home / "result.json"
    print(f"Timing {size} groups", flush=True)
    env = dict(os.environ, BENCH_OUT=str(out))
    subprocess.run(
        [ZCONSOLE, "run", str(conf), str(ROOT / "scripts" / "bench_run.py")],
        check=True,
        env=env,
    )
    return json.loads(out.read_text())


def machine():
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} CPUs (nproc {len(os.sched_getaffinity(0))}), {model}"


def table(results):
    sizes = [r["groups"] for r in results]
    head = "| ratio of medians (ours ÷ Plone's), ms, KB, ZODB loads | " + " | ".join(
        f"{r['groups']:,} groups ({r.get('groups_in_year', 0):,} in "
        f"{r.get('year', '')}), {r['applications']:,} applications"
        for r in results
    )
    lines = [head + " |", "|---" * (len(sizes) + 1) + "|"]
    for number, first in enumerate(results[0]["rows"]):
        cells = []
        for result in results:
            row = result["rows"][number]
            size = (
                f"{row['ours_kb']:g} vs {row['plone_kb']:g} KB; "
                if row.get("ours_kb") is not None
                else ""
            )
            cells.append(
                f"**{row['ratio']}** ({row['ours_ms']} ms vs {row['plone_ms']} ms; "
                f"{size}loads {row['ours_loads']:g} vs {row['plone_loads']:g})"
            )
        lines.append(f"| {first['label']} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv):
    sizes = [int(size) for size in (argv or ["100", "1000", "10000"])]
    results = [run(size) for size in sizes]
    samples = results[0]["rows"][0]["samples"]
    text = (
        f"Measured {datetime.date.today().isoformat()} on {machine()}; "
        f"{samples} interleaved samples per cell, server CPU time "
        "(time.process_time around the publish call), medians.\n\n"
        + table(results)
        + "\n"
    )
    print()
    print(text)
    (BENCH / "results.md").write_text(text)


if __name__ == "__main__":
    main(sys.argv[1:])
