"""The visit schedule card handed to the patient: English beside Persian, plain dates.

It is for the patient, not the site: a visit's name as a patient says it, "between 27
November and 11 December 2026" rather than a window in days, the site's telephone number
(the setting `site_phone`), and no card for someone who is not, or no longer, coming to
visits. The wording in each language is in resources/study/card.toml, not here.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table, TableStyle

from alsdesk import overview
from alsdesk.errors import DefinitionError, WorkflowError
from alsdesk.i18n import tr
from alsdesk.jalali import to_jalali
from alsdesk.pdf import page, styles as st
from alsdesk.pdf.collect import fingerprint, latest, short
from alsdesk.pdf.options import PdfResult, PrintOptions, Progress
from alsdesk.pdf.reading import with_head
from alsdesk.states import SubjectStatus

if TYPE_CHECKING:
    from alsdesk.store.core import Store
    from alsdesk.study.model import Study

LANGUAGES = ("en", "fa")  # printed side by side, in this order (Persian on the right)
PHONE_SETTING = "site_phone"
_KEYS = ("title", "study", "number", "column", "calendar", "on", "between", "best", "done",
         "at_time", "not_yet", "bring", "phone", "no_phone", "months")
# Who gets no card, and why (a message for the site, which asked for one).
_NO_CARD = {
    SubjectStatus.SCREEN_FAILURE: "is a screen failure: not in the study, no visits to come",
    SubjectStatus.WITHDRAWN: "has withdrawn from the study: no visits to come",
    SubjectStatus.DIED: "has died",
    SubjectStatus.COMPLETED: "has completed the study: no visits to come",
}


def wording(study: "Study | None" = None) -> dict:
    """The card's texts by language (and visit names), checked once per definition: the
    study's own card.toml, else the program's wording without the bundled trial's visit
    names and site (a study that brings none prints its own labels and site)."""
    own = (study.companions.get("card.toml") if study is not None else None)
    if study is not None and own is None:
        data = dict(_wording(_bundled_card(), "card.toml"))
        data.pop("visits", None)
        data["fa"] = {k: v for k, v in data["fa"].items() if k != "site"}
        return data
    return _wording(own if own is not None else _bundled_card(), "card.toml")


@lru_cache(maxsize=4)
def _wording(text: str, name: str) -> dict:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DefinitionError(name, "(file)",
                              f"the schedule card's wording cannot be read: {exc}") from None
    for lang in LANGUAGES:
        texts = data.get(lang)
        missing = [k for k in _KEYS if not isinstance(texts, dict) or k not in texts]
        if missing:
            raise DefinitionError(name, lang, f"lacks {', '.join(missing)}")
        if not isinstance(texts["months"], list) or len(texts["months"]) != 12:
            raise DefinitionError(name, f"{lang}.months", "must name the 12 months")
    return data


@lru_cache(maxsize=1)
def _bundled_card() -> str:
    from alsdesk.study.companion import companion_file

    path = companion_file("card.toml")
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DefinitionError(str(path), "(file)", f"cannot be read: {exc}") from None


def jalali(day: date) -> tuple[int, int, int]:
    """The Solar Hijri (Iranian) date of a Gregorian date: (year, month, day); the one
    conversion of the program (alsdesk.jalali), so the card and the window agree."""
    return to_jalali(day)


class _Dates:
    """Dates as one language writes them: its calendar, month names and digits."""

    def __init__(self, lang: str, texts: dict) -> None:
        self.lang, self.t = lang, texts
        digits = texts.get("digits") or "0123456789"
        self._digits = str.maketrans("0123456789", digits)

    def num(self, text: str) -> str:
        return str(text).translate(self._digits)

    def _ymd(self, day: date) -> tuple[int, int, int]:
        return jalali(day) if self.lang == "fa" else (day.year, day.month, day.day)

    def day(self, day: date, with_year: bool = True, with_month: bool = True) -> str:
        y, m, d = self._ymd(day)
        parts = [str(d)] + ([self.t["months"][m - 1]] if with_month else []) + (
            [str(y)] if with_year else [])
        return self.num(" ".join(parts))

    def moment(self, when: datetime, with_time: bool) -> str:
        text = self.day(when.date())
        if with_time:
            text = self.t["at_time"].format(day=text, time=self.num(f"{when:%H:%M}"))
        return text

    def span(self, start: datetime, end: datetime, with_time: bool) -> str:
        """'on 5 October 2026', 'between 27 November and 11 December 2026'."""
        if with_time:
            if start == end:
                return self.t["on"].format(day=self.moment(start, True))
            return self.t["between"].format(start=self.moment(start, True),
                                            end=self.moment(end, True))
        first, last = start.date(), end.date()
        if first == last:
            return self.t["on"].format(day=self.day(first))
        (y1, m1, _), (y2, m2, _) = self._ymd(first), self._ymd(last)
        head = self.day(first, with_year=y1 != y2, with_month=(y1, m1) != (y2, m2))
        return self.t["between"].format(start=head, end=self.day(last))


@dataclass(frozen=True)
class CardRow:
    visit: tuple[str, ...]  # the visit's name, per language
    when: tuple[tuple[str, ...], ...]  # per language: the lines under the name


@dataclass(frozen=True)
class Card:
    subject: str
    rows: tuple[CardRow, ...]
    phone: str
    dated: bool  # False before the infusion: no dates can be given yet
    data_time: str  # the latest change of the subject's data: the print time is not before


def _no_card(subject: str, status: SubjectStatus) -> None:
    why = _NO_CARD.get(status)
    if why is not None:
        raise WorkflowError(f"No visit schedule card for {subject}: the subject {why}. A "
                            "card is for a patient who still comes to visits.")


def collect_card(store: "Store", subject: str) -> Card:
    """What the card of `subject` says, in every language (refused when no visits come)."""
    s = store.subjects.get(subject)
    _no_card(s.code, s.status)
    texts = wording(store.study)
    names = texts.get("visits", {})
    dates = [_Dates(lang, texts[lang]) for lang in LANGUAGES]
    rows, dated = [], False
    for plan in overview.schedule(store, s.code):
        if plan.window is None:
            continue  # unscheduled visits and the end of study have no date to give
        named = names.get(plan.event_id, {})
        visit = tuple(str(named.get(lang) or plan.label) for lang in LANGUAGES)
        hours = plan.unit is not None and plan.unit.value == "hours"
        when: list[tuple[str, ...]] = []
        for d in dates:
            lines: list[str] = []
            if plan.done_at is not None:
                lines.append(d.t["done"].format(day=d.day(plan.done_at.date())))
            elif plan.window_start is not None and plan.window_end is not None:
                lines.append(d.span(plan.window_start, plan.window_end, hours))
                if plan.target is not None and plan.window_start != plan.window_end:
                    lines.append(d.t["best"].format(day=d.moment(plan.target, hours)))
            when.append(tuple(lines))
        dated = dated or plan.target is not None
        rows.append(CardRow(visit, tuple(when)))
    newest = store.conn.execute(
        "SELECT max(ts) FROM audit_trail WHERE subject = ? AND action != 'data.export'",
        (s.code,)).fetchone()[0]
    return Card(s.code, tuple(rows), _ascii_digits(store.setting(PHONE_SETTING) or ""),
                dated, newest or "")


def _ascii_digits(text: str) -> str:
    """A number as typed (Persian digits too) with 0-9: the Persian column converts back."""
    import unicodedata

    return "".join(str(unicodedata.digit(c)) if unicodedata.category(c) == "Nd" else c
                   for c in text.strip())


def _right(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-right", parent=style, alignment=TA_RIGHT)


def build_schedule_card(store: "Store", subject: str, options: PrintOptions,
                        progress: Progress | None) -> PdfResult:
    """The visit schedule card to hand to the patient."""
    card, audit_head = with_head(store, lambda: collect_card(store, subject))
    digest = fingerprint(card)
    # English beside Persian by default; in Persian alone when asked (options.language),
    # for a patient who reads no English: the same dates, the page right to left
    langs = ("fa",) if options.language == "fa" else LANGUAGES
    suffix = "-fa" if langs == ("fa",) else ""
    from alsdesk.study.translation import localized

    shown = localized(store.study, options.language)  # the header's study title
    spec = page.PageSpec(study=shown, title=tr("Visit schedule"), options=options,
                         subject=card.subject, fingerprint=short(digest),
                         data_time=latest([card.data_time]),
                         filename=f"schedule-{card.subject}{suffix}.pdf",
                         audit_head=audit_head, patient=True)
    width = page.frame_width(spec)
    texts = wording(store.study)
    en, fa = texts["en"], texts["fa"]
    fa_dates = _Dates("fa", fa)
    styles = {"title": (st.TITLE, _right(st.TITLE)), "label": (st.LABEL, _right(st.LABEL)),
              "body": (st.BODY, _right(st.BODY))}

    def pair(en_text: str, fa_text: str, kind: str = "body") -> list:
        left, right = styles[kind]
        cells = {"en": st.t(en_text, left), "fa": st.t(fa_text, right)}
        return [cells[lang] for lang in langs]

    half = [width / len(langs)] * len(langs)
    plain = TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 3)])
    site = store.study.site
    head = [pair(en["title"], fa["title"], "title"),
            pair(en["study"].format(study=store.study.id, site=site),
                 fa["study"].format(study=store.study.id, site=fa.get("site") or site)),
            pair(en["number"].format(subject=card.subject),
                 fa["number"].format(subject=card.subject))]
    flow: list = [page.Mark(tr("All visits"), tr("Visit schedule card")),
                  Table(head, colWidths=half, style=plain), Spacer(1, 3 * mm)]
    if not card.dated:
        flow += [Table([pair(en["not_yet"], fa["not_yet"])], colWidths=half, style=plain),
                 Spacer(1, 2 * mm)]
    data = [pair(en["column"], fa["column"], "label")]
    for row in card.rows:
        cells = [[st.t(row.visit[n], styles["label"][n])]
                 + [st.t(line, styles["body"][n]) for line in row.when[n]]
                 for n, lang in enumerate(LANGUAGES) if lang in langs]
        data.append(cells)
    data.append(pair(en["calendar"], fa["calendar"]))
    flow.append(st.table(data, half, st.grid(1, [("TOPPADDING", (0, 0), (-1, -1), 5),
                                                 ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                                                 ("LEFTPADDING", (0, 0), (-1, -1), 5),
                                                 ("RIGHTPADDING", (0, 0), (-1, -1), 5)]),
                         header_rows=1))
    if card.phone:
        phone = pair(en["phone"].format(phone=card.phone),
                     fa["phone"].format(phone=fa_dates.num(card.phone)), "label")
    else:  # no number in the settings: a line for the site to write it on
        phone = pair(en["no_phone"] + " " + "_" * 24, fa["no_phone"] + " " + "_" * 24,
                     "label")
    flow += [Spacer(1, 5 * mm),
             Table([pair(en["bring"], fa["bring"]), phone], colWidths=half,
                   style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                     ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                     ("RIGHTPADDING", (0, 0), (0, -1),
                                      6 * mm if len(langs) > 1 else 0),
                                     ("RIGHTPADDING", (-1, 0), (-1, -1), 0),
                                     ("TOPPADDING", (0, 1), (-1, 1), 4 * mm)]))]
    data_bytes, pages = page.build(flow, spec, progress)
    return PdfResult(data_bytes, spec.title, spec.filename, pages, short(digest),
                     audit_head)
