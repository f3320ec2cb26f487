"""ALSFRS-R scoring, King's and MiToS staging, and the Delta-FS progression rate.

Sources (see shared/reference/clinical.md): Cedarbaum 1999 for the scale, Balendra 2014 for
King's staging estimated from ALSFRS-R, Chio 2015 for MiToS, Kimura 2006 for Delta-FS.

Items are passed as a mapping from item id ("q1" .. "q12", with "q5a"/"q5b") to the score or
None. Keys that are not ALSFRS-R items are ignored, so a whole form's values can be passed;
a missing key means the same as None: the item was not scored.

A partial form never yields a misleading number: every function returns None for whatever
cannot be determined from the items present, and computes whatever can.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

from alsdesk.clinical.dates import PartialDate, as_date, months_between
from alsdesk.errors import ClinicalError
from alsdesk.i18n import QT_TRANSLATE_NOOP, tr

__all__ = [
    "ITEMS", "DOMAINS", "MAX_TOTAL", "AlsfrsScore", "score", "kings_stage", "mitos_stage",
    "delta_fs", "onset_imputed",
]

ITEMS: tuple[str, ...] = (
    "q1", "q2", "q3", "q4", "q5a", "q5b", "q6", "q7", "q8", "q9", "q10", "q11", "q12",
)

# Domain -> items it sums. fine_motor lists both versions of item 5; exactly one of them is
# scored (5a without gastrostomy, 5b with one), so every domain sums three items, 0-12.
DOMAINS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "bulbar": ("q1", "q2", "q3"),
    "fine_motor": ("q4", "q5a", "q5b", "q6"),
    "gross_motor": ("q7", "q8", "q9"),
    "respiratory": ("q10", "q11", "q12"),
})

MAX_TOTAL = 48

_ITEM_NAMES = {  # shown with tr()
    "q1": QT_TRANSLATE_NOOP("", "1 (speech)"), "q2": QT_TRANSLATE_NOOP("", "2 (salivation)"),
    "q3": QT_TRANSLATE_NOOP("", "3 (swallowing)"),
    "q4": QT_TRANSLATE_NOOP("", "4 (handwriting)"),
    "q5a": QT_TRANSLATE_NOOP("", "5a (cutting food, no gastrostomy)"),
    "q5b": QT_TRANSLATE_NOOP("", "5b (cutting food, gastrostomy)"),
    "q6": QT_TRANSLATE_NOOP("", "6 (dressing and hygiene)"),
    "q7": QT_TRANSLATE_NOOP("", "7 (turning in bed)"), "q8": QT_TRANSLATE_NOOP("", "8 (walking)"),
    "q9": QT_TRANSLATE_NOOP("", "9 (climbing stairs)"),
    "q10": QT_TRANSLATE_NOOP("", "10 (dyspnea)"), "q11": QT_TRANSLATE_NOOP("", "11 (orthopnea)"),
    "q12": QT_TRANSLATE_NOOP("", "12 (respiratory insufficiency)"),
}


@dataclass(frozen=True)
class AlsfrsScore:
    """ALSFRS-R total and domain subscores; each None when an item it needs is missing."""

    total: int | None
    bulbar: int | None
    fine_motor: int | None
    gross_motor: int | None
    respiratory: int | None

    @property
    def complete(self) -> bool:
        """True when every item was scored, so the total is defined."""
        return self.total is not None


def _items(items: Mapping[str, int | None]) -> dict[str, int | None]:
    """Validated item scores, one entry per ALSFRS-R item (None = not scored)."""
    if not isinstance(items, Mapping):
        raise ClinicalError(tr("ALSFRS-R items must be given as item -> score"))
    checked: dict[str, int | None] = {}
    for item in ITEMS:
        value = items.get(item)
        if value is not None:
            # bool is an int in Python; a tick box landing here is a wiring mistake, not a score.
            if isinstance(value, bool) or not isinstance(value, int):
                raise ClinicalError(
                    tr("ALSFRS-R item {item}: {value} is not a score; enter a whole number "
                       "from 0 to 4").format(item=tr(_ITEM_NAMES[item]), value=repr(value)))
            if not 0 <= value <= 4:
                raise ClinicalError(
                    tr("ALSFRS-R item {item}: {value} is out of range; scores run from 0 to 4")
                    .format(item=tr(_ITEM_NAMES[item]), value=value))
        checked[item] = value
    if checked["q5a"] is not None and checked["q5b"] is not None:
        raise ClinicalError(
            tr("ALSFRS-R items 5a and 5b are both scored; score 5a when the patient has no "
               "gastrostomy, 5b when they have one, never both"))
    return checked


def _sum(values: list[int | None]) -> int | None:
    if any(v is None for v in values):
        return None
    return sum(v for v in values if v is not None)


def score(items: Mapping[str, int | None]) -> AlsfrsScore:
    """Total (0-48) and the four domain subscores (0-12) of an ALSFRS-R form.

    Fine motor is item 4 + item 5 (5a or 5b, whichever was scored) + item 6. A domain is
    None when one of its items is missing; the total is None unless all twelve are present.
    Raises ClinicalError for a score outside 0-4, a non-integer score, or 5a and 5b both
    scored.
    """
    q = _items(items)
    item5 = q["q5a"] if q["q5a"] is not None else q["q5b"]
    bulbar = _sum([q["q1"], q["q2"], q["q3"]])
    fine = _sum([q["q4"], item5, q["q6"]])
    gross = _sum([q["q7"], q["q8"], q["q9"]])
    resp = _sum([q["q10"], q["q11"], q["q12"]])
    total = _sum([bulbar, fine, gross, resp])
    return AlsfrsScore(total=total, bulbar=bulbar, fine_motor=fine, gross_motor=gross,
                       respiratory=resp)


def _region_involved(values: list[int | None]) -> bool | None:
    """True if any item is below 4, False if all are known and 4, None if it cannot be told."""
    if any(v is not None and v < 4 for v in values):
        return True
    if any(v is None for v in values):
        return None
    return False


def kings_stage(items: Mapping[str, int | None]) -> str | None:
    """King's stage "1", "2", "3", "4A" or "4B" estimated from ALSFRS-R items (Balendra 2014).

    4B when item 10 = 0 or item 12 < 4 (ventilatory support), and it wins over 4A; else 4A
    when item 5b was scored (gastrostomy); else the number of regions involved: bulbar (any
    of items 1-3 < 4), upper limb (item 4 or 5a < 4), lower limb (item 8 < 4).

    Returns None when no region is involved (not staged: show "–", never "0") and when the
    items present cannot settle the stage. 4B needs only item 10 or 12; every lower stage
    needs items 10 and 12 (to rule 4B out) and one of 5a/5b (to rule 4A out), and 1-3 need
    every item that decides a region not already known to be involved.
    """
    q = _items(items)
    if (q["q10"] is not None and q["q10"] == 0) or (q["q12"] is not None and q["q12"] < 4):
        return "4B"
    if q["q10"] is None or q["q12"] is None:
        return None
    if q["q5b"] is not None:
        return "4A"
    if q["q5a"] is None:
        # Without item 5 we cannot tell whether there is a gastrostomy (4A).
        return None
    regions = [
        _region_involved([q["q1"], q["q2"], q["q3"]]),
        _region_involved([q["q4"], q["q5a"]]),
        _region_involved([q["q8"]]),
    ]
    if any(r is None for r in regions):
        return None
    involved = sum(1 for r in regions if r)
    return str(involved) if involved else None


_MITOS_ITEMS = ("q1", "q3", "q4", "q6", "q8", "q10", "q12")


def mitos_stage(items: Mapping[str, int | None]) -> int | None:
    """MiToS stage 0-4: the number of functional domains lost (Chio 2015).

    Lost when: walking/self-care item 8 <= 1 or item 6 <= 1; swallowing item 3 <= 1;
    communicating item 1 <= 1 AND item 4 <= 1 (both, not either); breathing item 10 <= 1
    or item 12 <= 2. None when any of items 1, 3, 4, 6, 8, 10, 12 is missing, even if some
    domains could be judged, so a partial form never shows a stage that may be too low.
    Death (stage 5) is not an ALSFRS-R finding and is left to the caller.
    """
    q = _items(items)
    v: dict[str, int] = {}
    for item in _MITOS_ITEMS:
        value = q[item]
        if value is None:
            return None
        v[item] = value
    lost = [
        v["q8"] <= 1 or v["q6"] <= 1,
        v["q3"] <= 1,
        v["q1"] <= 1 and v["q4"] <= 1,
        v["q10"] <= 1 or v["q12"] <= 2,
    ]
    return sum(lost)


def onset_imputed(onset: date | str | PartialDate | None) -> bool:
    """True when the onset date lacks its day or month, so Delta-FS used an imputed date.

    The UI uses this to say "onset day unknown: mid-month used". None gives False.
    """
    if onset is None:
        return False
    return as_date(onset)[1]


def delta_fs(
    total: int | None,
    onset: date | str | PartialDate | None,
    assessed: date | None,
) -> float | None:
    """Delta-FS progression rate: (48 - ALSFRS-R total) / months from onset to assessment.

    ``onset`` may be partial ("2014-03"): an unknown day is taken as the 15th, an unknown
    month as 2 July (see :mod:`alsdesk.clinical.dates`). Points per month, not rounded.
    None when any input is missing. Raises ClinicalError when the total is outside 0-48 or
    the assessment is not after the (possibly imputed) onset date.
    """
    if total is None or onset is None or assessed is None:
        return None
    if isinstance(total, bool) or not isinstance(total, int):
        raise ClinicalError(tr("ALSFRS-R total {total} is not a whole number").format(
            total=repr(total)))
    if not 0 <= total <= MAX_TOTAL:
        raise ClinicalError(tr("ALSFRS-R total {total} is out of range; totals run from 0 to "
                               "48").format(total=total))
    onset_date, imputed = as_date(onset)
    assessed_date, _ = as_date(assessed)
    if assessed_date <= onset_date:
        said = (tr("assessment date {assessed} is not after symptom onset {onset} (taken as "
                   "{taken}); check both dates") if imputed else
                tr("assessment date {assessed} is not after symptom onset {onset}; check both "
                   "dates"))
        raise ClinicalError(said.format(assessed=assessed_date.isoformat(), onset=onset,
                                        taken=onset_date.isoformat()))
    return (MAX_TOTAL - total) / months_between(onset_date, assessed_date)
