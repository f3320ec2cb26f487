"""The MethodDefs of define.xml: how each derived SDTM variable and each derived test
result is computed, in words a reviewer checks against the data (alsdesk.exchange.sdtm.define
writes them). These describe ALS Desk's own code (build.py, findings.py, dm.py and the core's
scoring), so they live beside it, not in the study's files.
"""
from __future__ import annotations

from alsdesk.exchange.sdtm.spec import Domain


# How the derived variables are derived: a MethodDef each (a derived variable without one
# stops the export: define.xml would describe it as derived and not say how).
# "--" stands for the domain code.
METHODS = {
    "RFSTDTC": "The date/time of the study definition's reference start (bindings.anchor: "
               "the infusion start) of the subject; empty without one.",
    "USUBJID": "STUDYID and SUBJID joined by a hyphen (STUDYID-SUBJID).",
    "--SEQ": "Numbers the subject's records of the dataset 1, 2, 3... in the order written "
             "(by form, then visit, then test order of sdtm.toml).",
    "--DY": "Study day of --DTC from RFSTDTC (the infusion start): date minus RFSTDTC plus 1 "
            "on or after it, date minus RFSTDTC before it (no day 0); empty unless both are "
            "full dates.",
    "--STDY": "Study day of --STDTC from RFSTDTC, as --DY: day 1 is RFSTDTC, no day 0; empty "
              "unless both are full dates.",
    "--ENDY": "Study day of --ENDTC from RFSTDTC, as --DY: day 1 is RFSTDTC, no day 0; empty "
              "unless both are full dates.",
    "VISITNUM": "The visitnum of the record's visit in sdtm.toml's [events]; a repeated "
                "unscheduled visit adds repeat_step per repeat (9.01, 9.02...).",
    "VISIT": "The label of the record's visit in the study definition's schedule.",
    "EPOCH": "The epoch of the record's visit in sdtm.toml's [events]; for an unscheduled "
             "visit and for AE, CM, DV and DS records, by the date ([epochs]): before the "
             "infusion start (or never infused), from its start to its end, or after its end "
             "(date-times compared when both have a time, else dates); none for a partial "
             "date that may fall either side.",
    "--STRESC": "--ORRES as collected, in the unit of the CRF; a laboratory result the report "
                "gave in another unit (--ORRESU, chosen on the CRF) is converted to the CRF's "
                "unit by the study definition's factor for that unit (e.g. creatinine "
                "umol/L / 88.4 = mg/dL), exactly, then rounded to two decimals more than the "
                "CRF records.",
    "--STRESN": "--STRESC as a number when the result is numeric, else empty.",
    "--STRESU": "The CRF's unit of the test: --ORRESU unless the report gave another unit.",
    "--DRVFL": "Y on the records whose result the program computes (the ALSFRS-R total and "
               "subscores), else empty.",
    "AGE": "Whole years from BRTHDTC to RFICDTC (the day of consent); empty unless both are "
           "full dates.",
    "RFPENDTC": "The latest of the end-of-study date and every --DTC of the subject's records "
                "in these datasets.",
    "DTHFL": "Y when the subject's status is died or a date of death (DTHDTC) is recorded.",
    "ACTARMCD": "The planned arm once the infusion was given (RFXSTDTC recorded), else empty.",
    "ACTARM": "The planned arm once the infusion was given (RFXSTDTC recorded), else empty.",
    "ARMNRS": "SCREEN FAILURE for a subject of that status; ASSIGNED, NOT TREATED for one found "
              "eligible without the infusion; NOT ASSIGNED for one still in screening; empty "
              "once infused.",
    "--LOBXFL": "Y on the subject's last record of each category and test code with a result "
                "dated before RFXSTDTC (date-times compared when both have a time, else dates: "
                "the same day without a time is not before); none without an infusion.",
    "--STNRLO": "The collected lower limit as a number, in --STRESU (converted as --STRESC).",
    "--STNRHI": "The collected upper limit as a number, in --STRESU (converted as --STRESC).",
}


# The core's ALSFRS-R scoring (alsdesk.clinical.alsfrs), by derived result of sdtm.toml.
SCORES = {
    "total": "Sum of the 12 ALSFRS-R item scores (0-48), item 5 being 5a (no gastrostomy) or "
             "5b (gastrostomy), whichever was scored.",
    "bulbar": "Sum of items 1-3 (speech, salivation, swallowing), 0-12.",
    "fine_motor": "Sum of items 4, 5a or 5b, and 6 (handwriting, cutting food, dressing and "
                  "hygiene), 0-12.",
    "gross_motor": "Sum of items 7-9 (turning in bed, walking, climbing stairs), 0-12.",
    "respiratory": "Sum of items 10-12 (dyspnea, orthopnea, respiratory insufficiency), 0-12.",
}
SCORE_RULE = (" No record when an item it needs is missing or not done (the score would "
              "mislead); {flag} is Y.")


# The derived values that look a term up in the CTCAE terms imported into the file
# (alsdesk.derive's ctcae_code and ctcae_soc): {term} is the field holding the term.
LOOKUPS = {
    "ctcae_code": "The MedDRA code that CTCAE v{version} gives the term in {term} (CTCAE "
                  "terms are MedDRA lowest level terms)",
    "ctcae_soc": "The MedDRA system organ class that CTCAE v{version} gives the term in "
                 "{term} (CTCAE files each term under one SOC: the primary one)",
}
LOOKUP_RULE = (", from the CTCAE terms imported into the database (alsdesk ctcae import), as "
               "the adverse event form shows it; empty for an event not coded, or before "
               "CTCAE is imported.")


def score_method(src, field: str, study) -> str:
    """How a derived test is computed: by the core's ALSFRS-R scoring, or (scoring = "form")
    as the form's own derived value of the study definition (the GCS total)."""
    if src.scoring == "alsfrs":
        return SCORES[field]
    return form_value_method(src.form, field, study)


def form_value_method(form: str, name: str, study) -> str:
    """How the study definition's derived value `name` of `form` is computed."""
    found = None
    if study is not None and form in study.forms:
        found = next((x for x in study.forms[form].derived if x.id == name), None)
    if found is None:
        return f"The derived value {name} of the form {form}, as data entry computes it."
    if found.function in LOOKUPS:
        return LOOKUPS[found.function].format(version=study.ctcae_version,
                                              term=f"{form}.{found.inputs[0]}") + LOOKUP_RULE
    return (f"{found.label}: the {found.function} of {form}'s "
            f"{', '.join(found.inputs)}, as the form's derived value {name} is computed on "
            f"the data entry screen (the study definition's [[forms.{form}.derived]]).")


def describe(key: str, domains, study) -> str:
    """The MethodDef text of a derived variable (a key method_key gave)."""
    for d in domains:
        if key in {var for var, _, _ in d.recode}:
            return recoded(d, key)
        if key in {var for var, _, _ in d.derived}:
            did = next(x for var, x, _ in d.derived if var == key)
            return form_value_method(d.form, did, study)
    return METHODS[key]


def method_key(domain: Domain | None, column: str) -> str | None:
    if domain is None:
        return None
    if column in {var for var, _, _ in domain.recode + domain.derived}:
        return column  # described from sdtm.toml's recode or derived (describe)
    generic = "--" + column[2:] if column.startswith(domain.code) else column
    for key in (column, generic):
        if key in METHODS:
            return key
    return None


def recoded(domain: Domain, column: str) -> str:
    """The method of a variable that is a term for a field's answer (AEENRTPT)."""
    _, fid, values = next(r for r in domain.recode if r[0] == column)
    terms = "; ".join(f"{text} when {fid} is {value}" for value, text in values)
    return f"From the answer to {domain.form}.{fid}: {terms}; empty for any other answer."
