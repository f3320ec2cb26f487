"""Investigator signature blocks (21 CFR 11.50) and the casebook's sign-off page.

Where the study definition has the investigator sign (``investigator_signature``: see
alsdesk/store/signoff.py), the blank book prints a block to sign in ink with the meaning of
the signature written out; a filled form prints its electronic signature in that block (name,
role, meaning, UTC time, valid or voided), or "Not signed" with room to sign on paper; the
casebook opens with the list of every form that needs a signature and its state, then the
investigator's statement for the whole casebook and a block to sign it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer

from alsdesk.i18n import QT_TRANSLATE_NOOP, tr
from alsdesk.pdf import page, styles as st
from alsdesk.pdf.fonts import esc
from alsdesk.pdf.widgets import EntryLine, boxes, text
from alsdesk.pdf.wording import condition_text, utc_text
from alsdesk.store.signoff import SignOffItem, SignState, meaning_of
from alsdesk.study.model import Event, Form, Study

if TYPE_CHECKING:
    from alsdesk.pdf.collect import FormBlock, SignatureRow

__all__ = ["blank_blocks", "filled_block", "signature_text", "signoff_page"]

_TITLE = QT_TRANSLATE_NOOP("", "Investigator's signature")
# a signer's role as a Persian paper names it (the stored value is the English word)
_ROLES = (QT_TRANSLATE_NOOP("", "investigator"), QT_TRANSLATE_NOOP("", "nurse"),
          QT_TRANSLATE_NOOP("", "monitor"), QT_TRANSLATE_NOOP("", "admin"))
_STATE_TEXT = {
    SignState.SIGNED: "SIGNED",
    SignState.NOT_SIGNED: "NOT SIGNED",
    SignState.INVALIDATED: "SIGNATURE INVALIDATED",
    SignState.NOT_ENTERED: "not entered",
}


def blank_blocks(study: Study, event: Event, form: Form, width: float,
                 log: bool = False) -> list:
    """The blocks to sign in ink after ``form`` of ``event`` in the blank book: the form's own,
    and the visit's after the visit's last form. `log`: the form prints as a log page of
    several entries, so the block names the rows it signs."""
    flow: list = []
    if form.signature is not None:
        when = condition_text(form, form.signature.when) if form.signature.when else ""
        scope = (tr("the entries of this page in rows: ______") if log
                 else tr("this entry") if form.repeating else tr("this form"))
        flow += _ink_block(f"{tr(_TITLE)}: {scope}", meaning_of(study, form.signature), width,
                           tr("Only if {condition}").format(condition=when) if when else "")
    if event.signature is not None and event.forms[-1] == form.id:
        flow += _ink_block(tr("{title}: every form of this visit ({event})").format(
            title=tr(_TITLE), event=event.label), meaning_of(study, event.signature), width)
    return flow


def filled_block(form: "FormBlock", width: float) -> list:
    """The signature block of a filled form that needs the investigator's signature."""
    valid = [s for s in form.signatures if s.valid]
    voided = [s for s in form.signatures if not s.valid]
    rows: list = [[st.p(f"<b>{esc(tr(_TITLE))}</b>", st.CELL)]]
    for s in voided:
        rows.append([st.p(signature_text(s), st.CELL)])
    if valid:
        rows += [[st.p(signature_text(s), st.CELL)] for s in valid]
        return [Spacer(1, 1.5 * mm), st.Keep(st.table(rows, [width], _box()))]
    state = tr("signature invalidated by a later change; ") if voided else ""
    rows.append([st.p("<b>" + esc(tr("Not signed")) + "</b>: " + esc(tr(
        "{state}no valid electronic signature of the investigator. Meaning of the signature "
        "required: {meaning}").format(state=state, meaning=form.sign_meaning or "")),
        st.CELL)])
    return [Spacer(1, 1.5 * mm), st.Keep(
        [st.table(rows, [width], _box()), _ink_lines(width, tr("If signed on paper:"))])]


def signature_text(s: "SignatureRow") -> str:
    """One electronic signature as printed (21 CFR 11.50: name, time, meaning), as markup."""
    if s.valid:
        return tr("<b>Electronically signed</b> by <b>{name}</b> ({role}) on <b>{when}</b>. "
                  "Meaning: {meaning}").format(name=esc(s.name), role=esc(tr(s.role)),
                                               when=esc(s.signed_at), meaning=esc(s.meaning))
    return tr("<b>Signature voided</b>: signed by {name} ({role}) on {when}, meaning: "
              "{meaning}; voided on {voided}: {reason}").format(
                  name=esc(s.name), role=esc(tr(s.role)), when=esc(s.signed_at),
                  meaning=esc(s.meaning), voided=esc(s.voided_at),
                  reason=esc(s.voided_reason))


def signoff_page(items: tuple[SignOffItem, ...], statement: str | None, width: float) -> list:
    """The casebook's sign-off page(s): what needs a signature, its state, the statement."""
    flow: list = [PageBreak(),
                  page.Mark("Sign-off", "Investigator sign-off", outline="Investigator sign-off"),
                  st.t("Investigator sign-off", st.H1)]
    entered = [i for i in items if i.instance_id is not None]
    counts = {state: sum(1 for i in entered if i.state is state) for state in SignState}
    summary = (f"{len(entered)} entered form{'s' if len(entered) != 1 else ''} need the "
               f"investigator's signature: {counts[SignState.SIGNED]} signed, "
               f"{counts[SignState.NOT_SIGNED]} not signed, "
               f"{counts[SignState.INVALIDATED]} with the signature invalidated by a later "
               f"change.")
    not_entered = len(items) - len(entered)
    if not_entered:
        summary += f" {not_entered} such form{'s are' if not_entered > 1 else ' is'} not entered."
    flow.append(st.t(summary, st.BODY))
    flow.append(st.t("The list follows the study definition (investigator_signature of each "
                     "visit and form) and the signatures as stored, valid or voided.", st.SMALL))
    flow.append(Spacer(1, 2 * mm))
    if items:
        rows = [[st.t(h, st.TINY_BOLD) for h in ("No.", "Visit", "Form", "State",
                                                  "Signature")]]
        for n, i in enumerate(items, 1):
            rows.append([st.t(n, st.TINY), st.t(i.event, st.TINY), st.t(i.form, st.TINY),
                         st.t(_STATE_TEXT[i.state], st.TINY_BOLD), st.t(_who(i), st.TINY)])
        flow.append(st.table(rows, [w * width for w in (0.05, 0.19, 0.2, 0.23, 0.33)],
                             st.grid(1), header_rows=1))
    else:
        flow.append(st.t("The study definition asks for no investigator signature on this "
                         "subject's forms.", st.NOTE))
    if statement:
        flow.append(Spacer(1, 5 * mm))
        flow += _ink_block("Investigator's statement for this casebook", statement, width)
        flow.append(Spacer(1, 1.5 * mm))
        flow.append(st.t("Forms are signed electronically in ALS Desk; the casebook as a whole "
                         "is signed here, in ink, once every form above is signed.", st.SMALL))
    return flow  # the next visit with data starts a page of its own (filled._event)


def _who(item: SignOffItem) -> str:
    if item.state is SignState.SIGNED:
        return f"{item.signer}, {utc_text(item.signed_at)}"
    if item.state is SignState.INVALIDATED:
        return (f"was signed by {item.signer}, {utc_text(item.signed_at)}; voided "
                f"{utc_text(item.voided_at)}: {item.note}")
    return "–"


def _ink_block(title: str, meaning: str, width: float, note: str = "") -> list:
    """A block to sign by hand: the meaning written out, then name, signature and date."""
    rows = [[st.p(f"<b>{esc(title)}</b>" + (f" — {esc(note)}" if note else ""), st.CELL)],
            [st.p(esc(tr("By signing I declare: {meaning}").format(meaning=meaning)),
                  st.CELL)]]
    return [Spacer(1, 3 * mm), st.Keep([st.table(rows, [width], _box()),
                                             _ink_lines(width)])]


def _ink_lines(width: float, lead: str = "") -> object:
    """Printed name, signature and date (DD/MMM/YYYY) to write by hand."""
    if st.rtl():  # year first, in digits, as the document writes dates (alsdesk.pdf.blank)
        date = EntryLine([boxes(4, tr("year"), gap=0), text("/"), boxes(2, tr("month")),
                          text("/"), boxes(2, tr("day"))])
    else:
        date = EntryLine([boxes(2, "DD", gap=0), text("/"), boxes(3, "MMM"), text("/"),
                          boxes(4, "YYYY")])
    labels = [st.t((lead + " " + tr("Printed name")).strip(), st.SMALL),
              st.t(tr("Signature"), st.SMALL), st.t(tr("Date"), st.SMALL)]
    cells = [Spacer(1, 9 * mm), Spacer(1, 9 * mm), date]
    return st.table([labels, cells], [0.36 * width, 0.34 * width, 0.30 * width],
                    st.grid(extra=[("VALIGN", (0, 1), (-1, 1), "BOTTOM")]))


def _box():
    return st.grid(extra=[("BOX", (0, 0), (-1, -1), 0.9, st.MUTED),
                          ("BACKGROUND", (0, 0), (-1, 0), st.BAND)])
