"""The export formats by name: one table the CLI, the window and the bench read."""
from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import Callable


@dataclass(frozen=True)
class Format:
    name: str
    module: str  # where its writer is
    function: str
    folder: bool  # writes a folder (else one file)
    audit: bool  # can carry the audit trail
    # Takes --forms: the derived tables (analysis, PRO-ACT) are computed from every form, so
    # a choice of forms would change nothing and is refused rather than claimed.
    forms: bool = True
    # Can hold direct identifiers (SDTM, analysis and PRO-ACT map none, so asking is refused).
    identifiers: bool = True


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("csv", "alsdesk.exchange.csv_export", "export_csv", True, True),
    Format("odm", "alsdesk.exchange.odm_export", "export_odm", False, True),
    Format("redcap", "alsdesk.exchange.redcap", "export_redcap", True, False),
    Format("stata", "alsdesk.exchange.statfiles", "export_stata", True, False),
    Format("spss", "alsdesk.exchange.statfiles", "export_spss", True, False),
    Format("xpt", "alsdesk.exchange.xpt", "export_xpt", True, False),
    # SDTM's datasets lean on each other (DM's reference dates, EPOCH, --DY): all forms
    Format("sdtm", "alsdesk.exchange.sdtm", "export_sdtm", True, False, forms=False,
           identifiers=False),
    Format("analysis", "alsdesk.exchange.analysis", "export_analysis", True, False,
           forms=False, identifiers=False),
    Format("proact", "alsdesk.exchange.proact", "export_proact", True, False, forms=False,
           identifiers=False),
    Format("safety", "alsdesk.safety.tables_csv", "export_safety", True, False, forms=False,
           identifiers=False),
)}


def refusal(name: str, forms: tuple[str, ...], identifiers: bool) -> str | None:
    """Why the options asked for do not apply to the format `name`, or None."""
    fmt = FORMATS[name]
    if forms and not fmt.forms and name == "sdtm":
        return ("SDTM datasets depend on each other: DM's reference dates and arm, EPOCH and "
                "the study days come from the demography, infusion and end-of-study forms, "
                "so every form is exported. Leave out the forms (the subjects may be chosen).")
    if forms and not fmt.forms:
        return (f"The {name} tables are computed from every form, so a choice of forms does "
                "not apply: leave out the forms (the subjects may be chosen).")
    if identifiers and not fmt.identifiers:
        return (f"The {name} files hold no direct identifiers (none of them is mapped there): "
                "leave out the identifiers, or export CSV or ODM with them.")
    return None


def writer(name: str) -> Callable:
    """The export function of the format `name` (imported when first asked for)."""
    fmt = FORMATS[name]
    return getattr(import_module(fmt.module), fmt.function)
