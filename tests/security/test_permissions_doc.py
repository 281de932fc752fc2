"""docs/permissions.md is exactly what scripts/permissions_doc.py writes."""

from pathlib import Path
from threeb.opgavegrupper.lifecycle.matrix import MATRIX
from threeb.opgavegrupper.lifecycle.matrix import ROLES

import importlib.util


ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "permissions.md"


def rendered():
    spec = importlib.util.spec_from_file_location(
        "permissions_doc", ROOT / "scripts" / "permissions_doc.py"
    )
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    return script.render()


def test_doc_is_up_to_date():
    assert DOC.read_text(encoding="utf-8") == rendered(), (
        "run `.venv/bin/python scripts/permissions_doc.py`"
    )


def test_one_table_per_type_with_the_roles_as_columns():
    header = "| state | action | " + " | ".join(ROLES) + " |"
    assert rendered().count(header) == len(MATRIX)
