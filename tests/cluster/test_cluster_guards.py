"""What the cluster script refuses or cleans up, without starting PostgreSQL.

Found by an operator trying the README: instances started with more ports
than `make cluster-stop` was given stayed running; `make convert CLEAR=1`
emptied the database under running instances.
"""

from .conftest import load_cluster_module

import os
import pytest


@pytest.fixture
def module():
    return load_cluster_module()


def test_stop_finds_every_instance_with_a_pid_file(module, tmp_path):
    cluster = module.Cluster(tmp_path, http_ports=(1, 2))
    for number in (1, 2, 3):
        (tmp_path / f"instance{number}.pid").write_text("999999")
    (tmp_path / "instancex.pid").write_text("1")
    assert cluster.running_instances() == [1, 2, 3]


def test_convert_refuses_while_an_instance_serves(module, tmp_path):
    cluster = module.Cluster(tmp_path, http_ports=(1,))
    datafs = tmp_path / "Data.fs"
    datafs.write_bytes(b"")
    # This process stands for a running instance.
    (tmp_path / "instance1.pid").write_text(str(os.getpid()))
    with pytest.raises(module.ClusterError, match="make cluster-stop"):
        cluster.convert(datafs, clear=True)
