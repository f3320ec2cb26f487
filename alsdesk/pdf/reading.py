"""Reading a document's data and the audit head together, in one read transaction.

The head printed on a page must be the head of the data the page shows: read outside the
same transaction, a save made in between (by another program, or this one's other thread)
could put a head on the page whose chain holds data the page does not show, or the other way
round. SQLite gives one consistent picture of the file from a read transaction's first read
to its end, so both are read inside one (as the exports' snapshot does).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable, TypeVar

from alsdesk import anchor

if TYPE_CHECKING:
    from alsdesk.store.core import Store

T = TypeVar("T")


def with_head(store: "Store", read: Callable[[], T]) -> tuple[T, anchor.Head]:
    """`read()` and the head of the audit chain, both from one picture of the file.

    Inside a transaction the caller holds already, that transaction is the picture.
    """
    conn = store.conn
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN")  # deferred: a read transaction, which blocks no writer (WAL)
    try:
        value = read()
        head = anchor.of(conn)
    finally:
        if own and conn.in_transaction:
            conn.execute("COMMIT")
    return value, head
