"""A backup of the cluster's database (pg_dump, blobs inside) restores into a
fresh database, and an instance on that one serves the same groups."""

from pathlib import Path

import pytest
import requests


SITE = "/Plone"
TIMEOUT = 600
BLOB_DATA = b"A file kept as a blob: it must survive backup and restore.\n" * 200


def groups_served(url, password):
    """Every task group and how many applications it has, as staff see them."""
    response = requests.get(
        f"{url}{SITE}/@search",
        params={
            "portal_type": "TaskGroup",
            "sort_on": "id",
            "b_size": 1000,
            "metadata_fields": ["review_state", "id"],
        },
        auth=("cluster-staff-1", password),
        headers={"Accept": "application/json"},
        timeout=TIMEOUT,
    )
    assert response.status_code == 200, response.text
    found = {}
    for item in response.json()["items"]:
        path = item["@id"].split(SITE, 1)[1]
        applications = requests.get(
            f"{url}{SITE}{path}/@applications",
            auth=("cluster-staff-1", password),
            headers={"Accept": "application/json"},
            timeout=TIMEOUT,
        )
        assert applications.status_code == 200, applications.text
        states = sorted(a["review_state"] for a in applications.json()["items"])
        found[path] = (item["title"], item["review_state"], states)
    return found


@pytest.mark.slow
def test_backup_restores_into_a_fresh_database(cluster):
    dump = cluster.backup(cluster.directory.parent / "backups")
    assert dump.stat().st_size > 0
    cluster.restore(dump, "threeb_restored")
    # Restoring over a database that exists is refused, not mixed in.
    with pytest.raises(Exception, match="exists"):
        cluster.restore(dump, "threeb_restored")

    # Instance 3 on the restored database, with an empty blob cache of its
    # own: the blobs come from the database.
    conf = cluster.write_instance(3, database="threeb_restored")
    assert "dbname='threeb_restored'" in Path(conf).read_text()
    cluster.processes[3] = cluster.start_instance(3)

    original = groups_served(cluster.instance_url(1), cluster.password)
    restored = groups_served(cluster.instance_url(3), cluster.password)
    assert restored == original
    assert {f"/opgavegrupper/{group}" for group in cluster.groups} <= set(restored)

    blob = requests.get(
        f"{cluster.instance_url(3)}{SITE}/cluster-blob/@@download/file",
        auth=("admin", "admin"),
        timeout=TIMEOUT,
    )
    assert blob.status_code == 200
    assert blob.content == BLOB_DATA
