"""Small text helpers for the screen: dates and time stamps, status words, role tool tips.

Every date the window writes goes through date_text / datetime_text / local_time here, in the
site's one format (alsdesk.datefmt; set once per session by use_site_format)."""
from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from alsdesk import datefmt
from alsdesk.i18n import tr

if TYPE_CHECKING:
    from alsdesk.store.forms import FormRecord

__all__ = ["local_time", "date_text", "datetime_text", "use_site_format", "site_format", "gate",
           "approvals_html", "row_list"]

_format = datefmt.DEFAULT_FORMAT


def use_site_format(store) -> str:
    """Write dates in the site's format (setting date_format) from now on; the format."""
    global _format
    _format = datefmt.site_format(store)
    return _format


def site_format() -> str:
    """The date format in use on screen (the forms' editors write and show dates in it)."""
    return _format


def date_text(day: date, *, year: bool = True) -> str:
    """A date in the site's format: "05/MAR/2015" ("05/MAR" without the year)."""
    return datefmt.shown_date(day, _format, year=year)


def datetime_text(moment: datetime, *, year: bool = True) -> str:
    """A clinic date and clock time in the site's format: "05/MAR/2015 14:30"."""
    return datefmt.shown_datetime(moment, _format, year=year)


def local_time(ts: str | None) -> str:
    """A UTC ISO time stamp as the clinic's local time: "05/MAR/2015 14:30 (UTC+03:30)"."""
    if not ts:
        return ""
    try:
        moment = datetime.fromisoformat(ts).astimezone()
    except ValueError:
        return ts
    offset = moment.strftime("%z")
    zone = f"UTC{offset[:3]}:{offset[3:]}" if offset else tr("local time")
    return f"{datetime_text(moment)} ({zone})"


def gate(target: QAction | QWidget, refusal: str | None, tip: str = "") -> None:
    """Enable an action or widget, or disable it with the core's reason as its tool tip.

    A target marked read-only by ui.reliability stays disabled with that reason.
    """
    refusal = target.property("alsdesk_readonly_reason") or refusal
    target.setEnabled(refusal is None)
    text = refusal if refusal is not None else tip
    target.setToolTip(text)
    if isinstance(target, QAction):
        target.setStatusTip(text)


def approvals_html(rec: "FormRecord") -> str:
    """Signatures (printed name, date and time, meaning; voided ones greyed) and verification."""
    lines = []
    for sig in rec.signatures:
        when = local_time(sig.signed_at)
        if sig.valid:
            lines.append(tr("<b>Signed</b> by <b>{name}</b> ({role}) on {when}"
                            "<br>Meaning: <i>{meaning}</i>").format(
                                name=sig.full_name, role=sig.role, when=when,
                                meaning=sig.meaning))
        else:
            lines.append("<span style='color:#5f6368'>"
                         + tr("Signature of {name} on {when} voided on {voided}: {reason}")
                         .format(name=sig.full_name, when=when,
                                 voided=local_time(sig.invalidated_at),
                                 reason=sig.invalidated_reason)
                         + "</span>")
    if rec.verified_at:
        lines.append(tr("Source data verified by {name} on {when}").format(
            name=rec.verified_by, when=local_time(rec.verified_at)))
    return "<br>".join(lines)


def row_list(view: QTableView, name: str, accessible: str = "") -> QTableView:
    """Make a table a read-only list of rows: one row selected at a time, no row numbers."""
    view.setObjectName(name)
    if accessible:
        view.setAccessibleName(accessible)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().hide()
    return view
