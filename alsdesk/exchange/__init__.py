"""Data out and in: CSV, CDISC ODM 1.3.2, REDCap import files, and ODM import.

Never imports Qt; the GUI and the CLI call these same functions. See docs/exchange.md.
"""
from __future__ import annotations

from alsdesk.exchange.csv_export import export_csv
from alsdesk.exchange.dataset import ExportError, ExportOptions, ExportResult
from alsdesk.exchange.odm_export import export_odm
from alsdesk.exchange.odm_import import ImportRefused, ImportReport, import_odm
from alsdesk.exchange.redcap import export_redcap

__all__ = ["ExportError", "ExportOptions", "ExportResult", "ImportRefused", "ImportReport",
           "export_csv", "export_odm", "export_redcap", "import_odm"]
