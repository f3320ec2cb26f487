"""A workstation clock set earlier than the audit trail's newest time.

Audit times then run backwards and a monitor cannot order what happened. Saving is not
refused (a nurse must still work, and the clock may be right now and wrong before): the
program warns, and records it in the trail once for that newest time, so the trail itself
explains the step back.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from alsdesk.store.audit import A, utc_now

if TYPE_CHECKING:
    from alsdesk.store.core import Store

# The last rows give the newest time; a clock only seconds behind (two programs' clocks
# differing by a little, NTP adjusting) is not worth a warning.
_LOOK_BACK = 200
_SLACK = timedelta(seconds=5)


def _newest(store: "Store") -> tuple[str | None, bool]:
    """The newest time among the last rows, and whether a clock row already names it."""
    rows = store.conn.execute(
        "SELECT ts, action, old_value FROM audit_trail ORDER BY seq DESC LIMIT ?",
        (_LOOK_BACK,)).fetchall()
    newest = None
    for ts, _action, _old in rows:
        try:
            if newest is None or datetime.fromisoformat(ts) > datetime.fromisoformat(newest):
                newest = ts
        except (TypeError, ValueError):
            continue  # a time nobody wrote (an edited file); verify reports it
    noted = any(action == A.CLOCK_BEHIND and old == newest for _ts, action, old in rows)
    return newest, noted


def clock_problem(store: "Store") -> str | None:
    """The warning to show when this computer's clock is behind the trail, else None; on a
    writable store the first such warning for a newest time is also recorded in the trail."""
    newest, noted = _newest(store)
    if newest is None:
        return None
    now = utc_now()
    if datetime.fromisoformat(now) + _SLACK >= datetime.fromisoformat(newest):
        return None
    if not noted and not store.readonly:
        with store.transaction():
            store.audit(A.CLOCK_BEHIND, old_value=newest, new_value=now,
                        reason="this computer's clock is earlier than the newest audit time")
    shown = datetime.fromisoformat(newest).astimezone().strftime("%Y-%m-%d %H:%M")
    return (f"This computer's clock is behind the audit trail: its newest entry is from "
            f"{shown}, later than now. Times recorded now will look earlier than what came "
            "before. Ask IT to set the clock right; saving still works, and this is noted in "
            "the audit trail.")


def time_notes(conn, limit: int = 20) -> list[str]:
    """For `alsdesk verify`: where the trail's times step back, or lie in the future.

    Notes, not failures: a clock put right, or two workstations' clocks a little apart,
    step back for good reasons; the rows the program wrote when it saw its clock behind
    (system.clock_behind) say which steps it knew of.
    """
    notes: list[str] = []
    now = datetime.fromisoformat(utc_now()) + _SLACK
    newest = None
    known = {old for (old,) in conn.execute(
        "SELECT old_value FROM audit_trail WHERE action = ?", (A.CLOCK_BEHIND,))}
    for seq, ts in conn.execute("SELECT seq, ts FROM audit_trail ORDER BY seq"):
        try:
            when = datetime.fromisoformat(ts)
        except (TypeError, ValueError):
            continue  # not a time: the chain and replay checks report an edited row
        if when > now:
            notes.append(f"audit row {seq} is dated {ts}, later than this computer's clock")
        if newest is not None and when + _SLACK < newest[1] and newest[0] not in known:
            notes.append(f"audit row {seq} ({ts}) is earlier than a row before it "
                         f"({newest[0]}): the clock was set back")
            known.add(newest[0])  # one note for each step back
        if newest is None or when > newest[1]:
            newest = (ts, when)
        if len(notes) >= limit:
            notes.append("... and more")
            break
    return notes
