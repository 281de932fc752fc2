"""docs/permissions.md is exactly what scripts/permissions_doc.py writes."""

from pathlib import Path
from threeb.opgavegrupper.lifecycle.matrix import MATRIX
from threeb.opgavegrupper.lifecycle.matrix import ROLES

import importlib.util


ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "permissions.md"


def rendered():
    return script().render()


def test_doc_is_up_to_date():
    assert DOC.read_text(encoding="utf-8") == rendered(), (
        "run `.venv/bin/python scripts/permissions_doc.py`"
    )


def script():
    spec = importlib.util.spec_from_file_location(
        "permissions_doc", ROOT / "scripts" / "permissions_doc.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_one_table_per_section_with_the_roles_as_columns():
    header = "| state | action | " + " | ".join(ROLES) + " |"
    assert rendered().count(header) == len(script().SECTIONS)


def test_every_type_of_the_matrix_is_in_one_section():
    types = [portal_type for section in script().SECTIONS for portal_type in section]
    assert sorted(types) == sorted(MATRIX)
