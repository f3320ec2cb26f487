"""Safety tables: adverse events by system organ class and term with each subject's worst
grade, serious events, events by relationship to the infusion, and one line per subject.

The population is the subjects infused (``bindings.infusion_given``, else the anchor): the
denominator of every percentage. Their events are counted from consent on, as the log holds
them (how many began before the infusion is said); events of subjects never infused are not
counted, and their number is given. Deleted entries never count. The fields are the study
definition's ``[safety_tables]``; the system organ class is the derived value the AE form
shows (from the imported CTCAE terms), and "SOC not coded" without it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Iterable

from alsdesk.derive import Deriver
from alsdesk.errors import NotFound
from alsdesk.i18n import QT_TRANSLATE_NOOP, tr
from alsdesk.states import FormStatus
from alsdesk.study.model import Study

if TYPE_CHECKING:
    from alsdesk.store.core import Store

__all__ = ["Event", "TermRow", "RelationRow", "SubjectRow", "SafetyTables", "safety_tables",
           "NOT_CODED", "GRADES", "percent"]

# The words of rows the tables make themselves: English on paper and in the CSV files (and
# compared here), in the window's language on screen only (as_cells).
NOT_CODED = QT_TRANSLATE_NOOP("", "SOC not coded")
ANY_AE = QT_TRANSLATE_NOOP("", "Any adverse event")
ANY_SAE = QT_TRANSLATE_NOOP("", "Any serious adverse event")
ANY_RELATED = QT_TRANSLATE_NOOP("", "Any adverse event related to the infusion")
_SHOWN = (NOT_CODED, ANY_AE, ANY_SAE, ANY_RELATED)
GRADES = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class Event:
    """One adverse event as the tables count it."""

    subject: str
    entry: int
    term: str  # the CTCAE term where coded, else the verbatim term
    coded: bool
    soc: str
    grade: int | None
    serious: bool
    relationship: str | None  # the code
    related: bool
    before_infusion: bool


@dataclass(frozen=True)
class TermRow:
    """A row of an incidence table: a SOC (term None), a term under it, or every event."""

    soc: str
    term: str | None
    subjects: int
    events: int
    worst: tuple[int, ...]  # subjects whose worst grade here is 1..5, then "not graded"


@dataclass(frozen=True)
class RelationRow:
    code: str | None
    label: str
    related: bool
    subjects: int
    events: int


@dataclass(frozen=True)
class SubjectRow:
    subject: str
    events: int
    worst: int | None
    serious: int
    related: int
    terms: str  # its events' terms, worst grade first
    items: tuple[str, ...] = ()  # the same, one "term (grade)" each


@dataclass(frozen=True)
class SafetyTables:
    population: int  # subjects infused: the denominator
    population_text: str
    events: tuple[Event, ...]  # of the population, subject then entry order
    excluded: int  # events of subjects not infused (not counted)
    by_term: tuple[TermRow, ...]  # "Any adverse event", then SOC by SOC with their terms
    serious: tuple[TermRow, ...]
    related: tuple[TermRow, ...]  # events related to the infusion by SOC and term
    by_relationship: tuple[RelationRow, ...]
    subjects: tuple[SubjectRow, ...]
    related_codes: tuple[str, ...]
    data_time: str = ""
    excluded_subjects: int = 0  # subjects not infused whose events are not counted

    @property
    def before_infusion(self) -> int:
        return sum(e.before_infusion for e in self.events)


def excluded_text(n: int) -> str:
    """The sentence saying how many events of subjects never infused are not counted."""
    return (f"{n} event of a subject not infused is not counted." if n == 1 else
            f"{n} events of subjects not infused are not counted.")


def percent(n: int, of: int) -> str:
    """n (%) as the tables print it: "3 (42.9 %)"; "0" when nothing is counted."""
    if not of:
        return str(n)
    return f"{n} ({100 * n / of:.1f} %)"


def _infused(store: "Store", study: Study) -> tuple[dict[str, str], int]:
    """Subject -> the infusion start as stored, of the subjects infused; and how many
    subjects are not."""
    ref = study.bindings.get("infusion_given") or study.bindings["anchor"]
    event, form, field = ref.split(".")
    got = dict(store.conn.execute(
        f'SELECT s.code, t."{field}" FROM form_instances fi JOIN subjects s ON '
        f's.id = fi.subject_id JOIN "{form}" t ON t.instance_id = fi.id WHERE fi.event = ? '
        f'AND fi.form = ? AND fi.status != ? AND t."{field}" IS NOT NULL',
        (event, form, FormStatus.DELETED.value)))
    for code in start_cleared(store, study):
        got.setdefault(code, "")
    total = store.conn.execute("SELECT count(*) FROM subjects").fetchone()[0]
    return got, total - len(got)


def start_cleared(store: "Store", study: Study) -> list[str]:
    """Subjects whose infusion start was recorded and is now blank, on a form not deleted:
    the infusion was given (the subject was enrolled by it) and its time is being put right.
    A safety table must not lose them, nor their serious events, while it is."""
    ref = study.bindings.get("infusion_given") or study.bindings["anchor"]
    event, form, field = ref.split(".")
    return [code for (code,) in store.conn.execute(
        f'SELECT DISTINCT s.code FROM form_instances fi JOIN subjects s ON '
        f's.id = fi.subject_id JOIN "{form}" t ON t.instance_id = fi.id WHERE fi.event = ? '
        f'AND fi.form = ? AND fi.status != ? AND t."{field}" IS NULL AND EXISTS (SELECT 1 '
        f'FROM audit_trail a WHERE a.instance_id = fi.id AND a.field = ? AND a.new_value IS '
        f'NOT NULL) ORDER BY s.number', (event, form, FormStatus.DELETED.value, field))]


def cleared_text(codes: list[str]) -> str:
    """The sentence naming the subjects counted as infused without a recorded start."""
    if not codes:
        return ""
    who = ", ".join(codes)
    return (f" Infusion start not recorded (it was, then cleared): {who}; counted as infused, "
            "every adverse event counted as after the infusion.")


def _events(store: "Store", study: Study, starts: dict[str, str],
            subjects: set[str] | None) -> tuple[list[Event], list[str], str]:
    from alsdesk.safety.ctcae import terms_of

    d = study.safety_tables
    form = study.form(d.form)
    cols = ", ".join(f't."{f.id}"' for f in form.fields)
    deriver = Deriver(study, lambda event, f: {}, terms_of(store))
    rows = store.conn.execute(
        f'SELECT s.code, fi.event, fi.repeat, fi.updated_at, {cols} FROM form_instances fi '
        f'JOIN subjects s ON s.id = fi.subject_id JOIN "{form.id}" t ON t.instance_id = fi.id '
        "WHERE fi.form = ? AND fi.status != ? ORDER BY s.number, fi.repeat",
        (form.id, FormStatus.DELETED.value))
    out, excluded, latest = [], [], ""
    for code, event, repeat, updated, *values in rows:
        latest = max(latest, updated or "")
        if code not in starts:
            if subjects is None or code in subjects:
                excluded.append(code)  # one per event
            continue
        v = dict(zip(form.field_ids, values))
        coded = (v.get(d.coded_term) or "").strip() if d.coded_term else ""
        term = coded or " ".join(str(v.get(d.term) or "").split()) or "(no term)"
        soc = None
        if d.soc is not None:
            soc = (v.get(d.soc) if d.soc in form.field_ids
                   else deriver.compute(form, event, v)[d.soc].value)
        start = str(v.get(d.start) or "") if d.start else ""
        # A partial start (2014-03) is before the infusion only when all of it is.
        before = bool(start) and start < str(starts[code])[:len(start)]  # no start: after
        rel = v.get(d.relationship)
        out.append(Event(code, repeat, term, bool(coded), soc or NOT_CODED,
                         v.get(d.grade), str(v.get(d.serious) or "").upper() == "Y", rel,
                         rel in d.related, before))
    return out, excluded, latest


def _worst(events: Iterable[Event]) -> dict[str, int | None]:
    worst: dict[str, int | None] = {}
    for e in events:
        g = e.grade if isinstance(e.grade, int) else None
        if e.subject not in worst or (g is not None and (worst[e.subject] or 0) < g):
            worst[e.subject] = g if g is not None else worst.get(e.subject)
    return worst


def _row(soc: str, term: str | None, events: list[Event]) -> TermRow:
    worst = _worst(events)
    counts = tuple(sum(1 for g in worst.values() if g == n) for n in GRADES)
    return TermRow(soc, term, len(worst), len(events),
                   counts + (sum(1 for g in worst.values() if g is None),))


def _by_term(events: list[Event], keep: Callable[[Event], bool], overall: str
             ) -> tuple[TermRow, ...]:
    """The overall row, then each SOC (most subjects first, "SOC not coded" last) and its
    terms (most subjects first, then by name)."""
    chosen = [e for e in events if keep(e)]
    rows = [_row(overall, None, chosen)]
    socs: dict[str, dict[str, list[Event]]] = {}
    for e in chosen:
        socs.setdefault(e.soc, {}).setdefault(e.term, []).append(e)
    order = sorted(socs, key=lambda s: (s == NOT_CODED,
                                        -len({e.subject for t in socs[s].values() for e in t}),
                                        s.casefold()))
    for soc in order:
        rows.append(_row(soc, None, [e for t in socs[soc].values() for e in t]))
        for term in sorted(socs[soc], key=lambda t: (-len({e.subject for e in socs[soc][t]}),
                                                     t.casefold())):
            rows.append(_row(soc, term, socs[soc][term]))
    return tuple(rows)


def _relationship(study: Study, events: list[Event]) -> tuple[RelationRow, ...]:
    d = study.safety_tables
    codes = study.form(d.form).field(d.relationship).codelist
    rows = []
    for choice in codes.choices:
        mine = [e for e in events if e.relationship == choice.code]
        rows.append(RelationRow(str(choice.code), choice.label, choice.code in d.related,
                                len({e.subject for e in mine}), len(mine)))
    unknown = [e for e in events if e.relationship not in codes.codes]
    if unknown:
        rows.append(RelationRow(None, "Not recorded", False, len({e.subject for e in unknown}),
                                len(unknown)))
    related = [e for e in events if e.related]
    rows.append(RelationRow("RELATED", "Related (" + ", ".join(
        codes.label_of(c) or c for c in d.related).lower() + ")", True,
        len({e.subject for e in related}), len(related)))
    return tuple(rows)


def _subjects(starts: dict[str, str], events: list[Event]) -> tuple[SubjectRow, ...]:
    rows = []
    for code in starts:
        mine = [e for e in events if e.subject == code]
        graded = [e.grade for e in mine if isinstance(e.grade, int)]
        by_grade = sorted(mine, key=lambda e: (-(e.grade or 0), e.entry))
        items = tuple(f"{e.term} ({e.grade or '–'})" for e in by_grade)
        rows.append(SubjectRow(code, len(mine), max(graded) if graded else None,
                               sum(e.serious for e in mine), sum(e.related for e in mine),
                               "; ".join(items), items))
    return tuple(rows)


def safety_tables(store: "Store", subjects: set[str] | None = None) -> SafetyTables:
    """Every table, from one read of the AE log (inside a caller's read transaction, if any);
    of the subjects infused among `subjects` when given (an export's choice)."""
    study = store.study
    if study.safety_tables is None:
        raise NotFound(tr("The study definition has no [safety_tables]: nothing says which "
                          "fields of the adverse event log to count."))
    starts, not_infused = _infused(store, study)
    if subjects is not None:
        starts = {code: v for code, v in starts.items() if code in subjects}
        not_infused = len(subjects) - len(starts)
    order = {code: n for n, (code,) in enumerate(
        store.conn.execute("SELECT code FROM subjects ORDER BY number"))}
    starts = dict(sorted(starts.items(), key=lambda kv: order[kv[0]]))
    events, excluded, latest = _events(store, study, starts, subjects)
    n = len(starts)
    text = (f"Subjects infused: N = {n} (the enrolled population; every percentage is of N)."
            + (f" {not_infused} subject{'s' if not_infused != 1 else ''} not infused "
               "are not counted." if not_infused else "")
            + cleared_text([c for c, v in starts.items() if v == ""]))
    return SafetyTables(
        n, text, tuple(events), len(excluded),
        _by_term(events, lambda e: True, ANY_AE),
        _by_term(events, lambda e: e.serious, ANY_SAE),
        _by_term(events, lambda e: e.related, ANY_RELATED),
        _relationship(study, events), _subjects(starts, events),
        study.safety_tables.related, latest, len(set(excluded)))


def grade_header() -> list[str]:
    """The worst-grade columns: G1..G5 and not graded."""
    return [f"G{g}" for g in GRADES] + ["not graded"]


def as_cells(row: TermRow, population: int) -> list[Any]:
    """A term row as the screen shows it (the same numbers as the PDF and the CSV); the
    tables' own row names in the window's language (a SOC from CTCAE as it is)."""
    soc = tr(row.soc) if row.soc in _SHOWN else row.soc
    return [soc if row.term is None else "", row.term or "",
            percent(row.subjects, population), row.events, *row.worst]
