"""Time the add-on's pages next to Plone's own, on a site from bench_build.py.

Run by scripts/bench.py through Zope's console, on a DemoStorage over the
built FileStorage (writes stay in memory, the built data is reused):

    BENCH_OUT=result.json zconsole run var/bench/1000/run.conf scripts/bench_run.py

Each request goes through the publisher as a WSGI server's would (traversal,
security, the theme, the transaction). Samples of a row's two requests are
interleaved; each is timed as the process's CPU time around the publish call
and counted in ZODB loads (objects the connection read from the storage).
"""

from DateTime import DateTime
from io import BytesIO
from zope.component.hooks import setSite
from ZPublisher.WSGIPublisher import publish_module

import base64
import json
import logging
import os
import statistics
import sys
import time


PASSWORD = "bench-secret-1"  # noqa: S105 (throwaway accounts of the bench)
SAMPLES = int(os.environ.get("BENCH_SAMPLES") or 21)
METADATA = [
    "getId",
    "Title",
    "Description",
    "review_state",
    "theme",
    "departments",
    "start",
    "deadline",
    "signup_deadline",
    "seats",
    "seats_filled",
]
PLONE_SEARCH = "/Plone/grupper/@search?portal_type=TaskGroup&sort_on=deadline" + (
    "&b_size=20&" + "&".join(f"metadata_fields={name}" for name in METADATA)
)

# label, (our path, user), (Plone's path, user) or None, JSON?
ROWS = [
    (
        "GET @taskgroups?b_size=20 ÷ @search, same metadata (anonymous)",
        ("/Plone/grupper/@taskgroups?b_size=20", None),
        (PLONE_SEARCH, None),
        True,
    ),
    (
        "overview page (anonymous) ÷ summary_view",
        ("/Plone/grupper", None),
        ("/Plone/grupper/summary_view", None),
        False,
    ),
    # Not folder_contents: its page is an empty frame whose rows come by a
    # later request, and it has no portlets; summary_view as the same
    # administrator has the same toolbar, portlets and a page of the folder.
    (
        "overview page (admin) ÷ summary_view (admin)",
        ("/Plone/grupper", "bench-admin"),
        ("/Plone/grupper/summary_view", "bench-admin"),
        False,
    ),
    (
        "@@aarshjul (anonymous) ÷ summary_view",
        ("/Plone/grupper/@@aarshjul", None),
        ("/Plone/grupper/summary_view", None),
        False,
    ),
    (
        "@@participation-dashboard (staff) ÷ summary_view",
        ("/Plone/grupper/@@participation-dashboard", "bench-staff"),
        ("/Plone/grupper/summary_view", "bench-staff"),
        False,
    ),
    (
        "GET @participation (staff) ÷ @search, same metadata",
        ("/Plone/grupper/@participation", "bench-staff"),
        (PLONE_SEARCH, "bench-staff"),
        True,
    ),
    (
        "@@board-desk (board member) ÷ summary_view",
        ("/Plone/grupper/@@board-desk", "bench-board"),
        ("/Plone/grupper/summary_view", "bench-board"),
        False,
    ),
    (
        "@@mine-opgavegrupper (resident) ÷ summary_view",
        ("/Plone/@@mine-opgavegrupper", "bench-r00001"),
        ("/Plone/grupper/summary_view", "bench-r00001"),
        False,
    ),
]


def environ(path, user=None, method="GET", json_api=False):
    path, _, query = path.partition("?")
    env = {
        "REQUEST_METHOD": method,
        "SCRIPT_NAME": "",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        # Not 127.0.0.1: Plone does not theme that host.
        "HTTP_HOST": "localhost:8080",
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "8080",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_ACCEPT": "application/json" if json_api else "text/html",
    }
    if method == "POST":
        env["CONTENT_TYPE"] = "application/json"
        env["CONTENT_LENGTH"] = "0"
    if user:
        token = base64.b64encode(f"{user}:{PASSWORD}".encode()).decode()
        env["HTTP_AUTHORIZATION"] = f"Basic {token}"
    return env


def loads_so_far(db):
    """Objects read from the storage by every connection, counters cleared."""
    total = 0
    for conn in db.pool.all:
        total += conn.getTransferCounts(clear=True)[0]
    return total


def publish(db, path, user=None, method="GET", json_api=False, sizes=None):
    """(CPU seconds, ZODB loads, status) of one request; body size to ``sizes``."""
    status = []

    def start_response(value, headers, exc_info=None):
        status.append(value)

    loads_so_far(db)
    began = time.process_time()
    body = publish_module(environ(path, user, method, json_api), start_response)
    size = 0
    for chunk in body:
        size += len(chunk)
    if hasattr(body, "close"):
        body.close()
    spent = time.process_time() - began
    code = int(status[0].split()[0]) if status else 0
    if sizes is not None:
        sizes.append(size)
    return spent, loads_so_far(db), code


def check(code, path):
    if code >= 400:
        sys.exit(f"{path} answered {code}; the benchmark needs a working page")


def cold_loads(db, path, user, json_api):
    """Objects one request reads from the storage with an empty ZODB cache."""
    db.cacheMinimize()
    spent, loads, code = publish(db, path, user, json_api=json_api)
    check(code, path)
    return loads


def measure_pair(db, ours, plone, json_api):
    samples = {"ours": [], "plone": [], "bytes": {"ours": [], "plone": []}}
    cold = {}
    # One untimed request each, so both start with templates compiled.
    for path, user in (ours, plone):
        check(publish(db, path, user, json_api=json_api)[2], path)
    for kind, (path, user) in (("ours", ours), ("plone", plone)):
        cold[kind] = cold_loads(db, path, user, json_api)
    for path, user in (ours, plone):
        publish(db, path, user, json_api=json_api)
    for _ in range(SAMPLES):
        for kind, (path, user) in (("ours", ours), ("plone", plone)):
            spent, loads, code = publish(
                db, path, user, json_api=json_api, sizes=samples["bytes"][kind]
            )
            check(code, path)
            samples[kind].append((spent, loads))
    samples["cold"] = cold
    return samples


def pending(app, group_path, besides=()):
    """Paths of the group's pending applications, of people not in ``besides``."""
    catalog = app.unrestrictedTraverse("/Plone/portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="Application",
        review_state="pending",
        path={"query": group_path, "depth": 1},
    )
    return [
        brain.getPath()
        for brain in brains
        if brain._unrestrictedGetObject().applicant not in besides
    ]


def applicants(app, paths):
    return {app.unrestrictedTraverse(path).applicant for path in paths}


def measure_decisions(app, db):
    """Accepting an application in a group of 10 and in one of 1,000."""
    small = pending(app, "/Plone/maaling/g10")
    # Other people than the small group's: accepting someone reads that
    # person's applications, and the first of two decisions on the same
    # person would load them for the second.
    large = pending(app, "/Plone/maaling/g1000", applicants(app, small))
    count = min(SAMPLES, len(small), len(large))
    samples = {"ours": [], "plone": [], "cold": {}}
    for number in range(count):
        for kind, paths in (("ours", large), ("plone", small)):
            path = paths[number] + "/@workflow/accept"
            if number == 0:
                db.cacheMinimize()
            spent, loads, code = publish(
                db, path, "bench-admin", method="POST", json_api=True
            )
            check(code, path)
            if number == 0:
                samples["cold"][kind] = loads
            else:
                samples[kind].append((spent, loads))
        app._p_jar.sync()
    return samples


def summary(samples):
    ours = statistics.median(s for s, _ in samples["ours"])
    plone = statistics.median(s for s, _ in samples["plone"])
    sizes = samples.get("bytes") or {}
    return {
        "ours_kb": round(statistics.median(sizes["ours"]) / 1024, 1)
        if sizes.get("ours")
        else None,
        "plone_kb": round(statistics.median(sizes["plone"]) / 1024, 1)
        if sizes.get("plone")
        else None,
        "ours_ms": round(ours * 1000, 1),
        "plone_ms": round(plone * 1000, 1),
        "ratio": round(ours / plone, 2) if plone else None,
        # Objects read with an empty cache (warm, a page reads next to none).
        "ours_loads": samples["cold"]["ours"],
        "plone_loads": samples["cold"]["plone"],
        "samples": len(samples["ours"]),
    }


def main(app):
    # No sender address on the site: no mail goes out, and that is no news.
    logging.getLogger("threeb.opgavegrupper").setLevel(logging.ERROR)
    db = app._p_jar.db()
    site = app.unrestrictedTraverse("/Plone")
    setSite(site)
    groups = len(site["grupper"].objectIds())
    catalog = site.portal_catalog
    applications = len(
        catalog.unrestrictedSearchResults(
            portal_type="Application", path="/Plone/grupper"
        )
    )
    # The årshjul shows this year: how many groups run in it.
    year = time.localtime().tm_year
    in_year = len(
        catalog.unrestrictedSearchResults(
            portal_type="TaskGroup",
            path="/Plone/grupper",
            start={"query": DateTime(f"{year}/12/31 23:59:59"), "range": "max"},
            end={"query": DateTime(f"{year}/01/01"), "range": "min"},
        )
    )
    result = {
        "groups": groups,
        "applications": applications,
        "year": year,
        "groups_in_year": in_year,
        "rows": [],
    }
    # The publisher opens its own connections; this one must not hold a view
    # of the database older than their writes.
    app._p_jar.sync()
    for label, ours, plone, json_api in ROWS:
        row = summary(measure_pair(db, ours, plone, json_api))
        row["label"] = label
        result["rows"].append(row)
        print(f"  {label}: {row}", flush=True)
    row = summary(measure_decisions(app, db))
    row["label"] = "accept an application: group of 1,000 ÷ group of 10"
    result["rows"].append(row)
    print(f"  {row['label']}: {row}", flush=True)
    with open(os.environ["BENCH_OUT"], "w") as out:
        json.dump(result, out, indent=2)


if __name__ == "__main__":
    main(globals().get("app") or sys.exit("Run me with: zconsole run zope.conf"))
