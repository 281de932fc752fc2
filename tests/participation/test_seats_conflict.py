"""The seat ledger makes two accepts of the same moment conflict in ZODB.

Zope retries the losing request, which then finds the seat taken; this test
shows the conflict itself with two connections to the same database.
"""

from .conftest import make_group
from .conftest import make_people
from plone import api
from threeb.opgavegrupper.participation import seats
from ZODB.POSException import ConflictError

import pytest
import transaction


def test_concurrent_seat_takes_conflict(functional, functional_portal):
    make_people()
    group_path = make_group(functional_portal).getPhysicalPath()
    transaction.commit()

    db = functional["zodbDB"]
    managers = [transaction.TransactionManager() for _ in range(2)]
    connections = [db.open(transaction_manager=tm) for tm in managers]
    try:
        groups = [
            connection.root()["Application"].unrestrictedTraverse(group_path)
            for connection in connections
        ]
        for tm in managers:
            tm.begin()
        seats.take(groups[0], "resident", "application-a")
        seats.take(groups[1], "resident", "application-b")
        managers[0].commit()
        with pytest.raises(ConflictError):
            managers[1].commit()
        managers[1].abort()
    finally:
        for connection in connections:
            connection.close()

    transaction.begin()
    group = api.content.get(path="/".join(group_path))
    assert seats.holders(group, "resident") == ("application-a",)
