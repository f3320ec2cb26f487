"""`alsdesk export csv|odm|redcap` and `alsdesk import odm`: the same core calls as the GUI."""
from __future__ import annotations

from pathlib import Path

import click

from alsdesk.cli_login import login_to_open as _login_to_open

_as_option = click.option("--as", "acting", required=True,
                          help="Your user id (exports: investigator, monitor or administrator).")
_stdin_option = click.option("--password-stdin", is_flag=True,
                             help="Read your password from standard input.")


def _split(values: tuple[str, ...], option: str = "") -> tuple[str, ...]:
    """Values given as --x A,B or --x A --x B; `--x ''` names nothing, which is refused
    (it would otherwise mean everything)."""
    out = tuple(v.strip() for text in values for v in text.split(",") if v.strip())
    if values and not out:
        raise click.UsageError(f"{option} names nothing: give ids (e.g. {option} A,B), or "
                               "leave the option out for all.")
    return out


# What --audit adds and what --force replaces, in each format's own words.
_AUDIT_HELP = {
    "csv": "Add the audit trail and signatures (audit_trail.csv, signatures.csv).",
    "odm": "Add the audit trail and signatures (an AuditRecord per value, Signatures).",
    # Kept so that asking for it gets the reason, not "no such option".
    "redcap": "Refused: REDCap's import files cannot hold the audit trail (use CSV or ODM).",
    "stata": "Refused: the Stata files hold the data only (use CSV or ODM for the audit).",
    "spss": "Refused: the SPSS files hold the data only (use CSV or ODM for the audit).",
    "analysis": "Refused: the analysis tables hold no audit trail (use CSV or ODM).",
    "proact": "Refused: the PRO-ACT tables hold no audit trail (use CSV or ODM).",
    "safety": "Refused: the safety tables hold no audit trail (use CSV or ODM).",
    "xpt": "Refused: the SAS transport files hold the data only (use CSV or ODM).",
}
_FORCE_HELP = {
    "odm": "Replace the ODM file if it exists.",
}
_FOLDER_FORCE = "Write into a folder that is not empty (its files of the same names are replaced)."


def export_options(fmt: str, audit: bool = True):
    """The options every export command shares (`audit=False`: no --audit at all)."""
    def decorate(fn):
        from alsdesk.exchange.formats import FORMATS

        known = FORMATS.get(fmt)
        options = [
            click.option("--subjects", multiple=True, metavar="CODES",
                         help="Only these subjects, e.g. S001,S003 (default: all)."),
            click.option("--forms", multiple=True, metavar="IDS", help=(
                "Only these forms, e.g. vs,alsfrs,ae (default: all)." if known is None
                or known.forms else "Refused: the tables are computed from every form.")),
        ]
        if audit:
            options.append(click.option("--audit", is_flag=True, help=_AUDIT_HELP.get(
                fmt, "Add the audit trail of the exported subjects and forms.")))
        options += [
            click.option("--include-identifiers", is_flag=True, help=(
                "Include direct identifiers (names, record and phone numbers, initials); "
                "administrators only." if known is None or known.identifiers else
                "Refused: these files hold no direct identifiers (use CSV or ODM).")),
            click.option("--force", is_flag=True, help=_FORCE_HELP.get(fmt, _FOLDER_FORCE)),
            _as_option,
            _stdin_option,
        ]
        for option in reversed(options):
            fn = option(fn)
        return fn
    return decorate


def _run(ctx: click.Context, fmt: str, out: str, acting: str, password_stdin: bool,
         force: bool, **opts) -> None:
    from alsdesk import exchange
    from alsdesk.cli import _login_admin, _open  # here: alsdesk.cli imports this module
    from alsdesk.exchange import formats

    options = exchange.ExportOptions(
        subjects=_split(opts["subjects"], "--subjects"), forms=_split(opts["forms"], "--forms"),
        include_identifiers=opts["include_identifiers"], include_audit=opts.get("audit", False),
        bom=opts.get("bom", False))
    writer = formats.writer(fmt)
    with _open(ctx) as store:
        _login_admin(store, acting, password_stdin)
        result = writer(store, Path(out), options, overwrite=force)
    click.echo(result.text())
    for path in result.files:
        click.echo(f"  {path}")


@click.group("export")
def export() -> None:
    """Export the trial's data: CSV, ODM, REDCap, Stata, SPSS, SAS, SDTM, analysis, PRO-ACT.

    Every export is recorded in the audit trail. Direct identifiers are left out unless an
    administrator passes --include-identifiers; deleted log entries are never exported.
    """


@export.command("csv")
@click.option("--out", required=True, type=click.Path(file_okay=False),
              help="A new or empty folder for the CSV files.")
@click.option("--bom", is_flag=True, help="UTF-8 with a byte order mark (for Excel).")
@export_options("csv")
@click.pass_context
def export_csv(ctx: click.Context, out: str, **opts) -> None:
    """One CSV file per form, a data dictionary and the code lists (for R, SAS, Stata, Excel)."""
    _run(ctx, "csv", out, **opts)


@export.command("odm")
@click.option("--out", required=True, type=click.Path(dir_okay=False),
              help="The ODM XML file to write, e.g. nct02492516.xml.")
@export_options("odm")
@click.pass_context
def export_odm(ctx: click.Context, out: str, **opts) -> None:
    """CDISC ODM 1.3.2 XML: study metadata and clinical data (for OpenClinica, REDCap...)."""
    _run(ctx, "odm", out, **opts)


@export.command("redcap")
@click.option("--out", required=True, type=click.Path(file_okay=False),
              help="A new or empty folder for the REDCap files.")
@click.option("--bom", is_flag=True, help="UTF-8 with a byte order mark (for Excel).")
@export_options("redcap")
@click.pass_context
def export_redcap(ctx: click.Context, out: str, **opts) -> None:
    """REDCap data dictionary, events, instrument-event mapping and records to import."""
    _run(ctx, "redcap", out, **opts)


@export.command("stata")
@click.option("--out", required=True, type=click.Path(file_okay=False),
              help="A new or empty folder for the .dta files.")
@export_options("stata")
@click.pass_context
def export_stata(ctx: click.Context, out: str, **opts) -> None:
    """Stata 15 .dta files, one per form: labels, value labels, codes as .a/.b/.c."""
    _run(ctx, "stata", out, **opts)


@export.command("spss")
@click.option("--out", required=True, type=click.Path(file_okay=False),
              help="A new or empty folder for the .sav files.")
@export_options("spss")
@click.pass_context
def export_spss(ctx: click.Context, out: str, **opts) -> None:
    """SPSS .sav files, one per form: labels, value labels, codes as user-missing values."""
    _run(ctx, "spss", out, **opts)


@export.command("xpt")
@click.option("--out", required=True, type=click.Path(file_okay=False),
              help="A new or empty folder for the .xpt files.")
@export_options("xpt")
@click.pass_context
def export_xpt(ctx: click.Context, out: str, **opts) -> None:
    """SAS transport (XPORT v5) files, one per form; names.csv maps the 8-character names."""
    _run(ctx, "xpt", out, **opts)


@export.command("analysis")
@click.option("--out", required=True, type=click.Path(file_okay=False),
              help="A new or empty folder for the analysis tables.")
@click.option("--bom", is_flag=True, help="UTF-8 with a byte order mark, for Excel (text that "
              "Excel would run as a formula gets a leading apostrophe).")
@export_options("analysis")
@click.pass_context
def export_analysis(ctx: click.Context, out: str, **opts) -> None:
    """One row per subject (baseline, every visit, changes, slope, dose, AEs) and AE
    incidence (the subjects infused, by SOC and term, as the safety tables count it): the CSV
    a statistician opens first (columns: resources/study/analysis.toml)."""
    _run(ctx, "analysis", out, **opts)


@export.command("proact")
@click.option("--out", required=True, type=click.Path(file_okay=False),
              help="A new or empty folder for the PRO-ACT tables.")
@click.option("--bom", is_flag=True, help="UTF-8 with a byte order mark, for Excel (text that "
              "Excel would run as a formula gets a leading apostrophe).")
@export_options("proact")
@click.pass_context
def export_proact(ctx: click.Context, out: str, **opts) -> None:
    """PRO-ACT-shaped tables (ALSFRS, FVC, vitals, AEs, ...), dates as days from the
    infusion, for pooling with the PRO-ACT database (mapping: resources/study/proact.toml)."""
    _run(ctx, "proact", out, **opts)


@export.command("safety")
@click.option("--out", required=True, type=click.Path(file_okay=False),
              help="A new or empty folder for the safety tables.")
@export_options("safety")
@click.pass_context
def export_safety(ctx: click.Context, out: str, **opts) -> None:
    """The safety tables (AEs by SOC and term with the worst grade, SAEs, relationship, per
    subject) and the primary outcomes, as CSV, of the subjects infused."""
    _run(ctx, "safety", out, **opts)


@export.command("codebook")
@click.option("--out", required=True, type=click.Path(dir_okay=False),
              help="The HTML file to write, e.g. codebook.html.")
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
@click.pass_context
@_login_to_open
def export_codebook(ctx: click.Context, out: str, force: bool, acting: str | None,
                    password_stdin: bool) -> None:
    """The codebook (HTML): every field of the forms, its export names, codes and checks.

    From the study definition alone (the database's, when there is one), so no login (an
    encrypted database is read with one: --as).
    """
    from alsdesk.cli import _db_path, _open
    from alsdesk.exchange.codebook import write_codebook
    from alsdesk.study import load_study

    if ctx.obj.get("db") and not _db_path(ctx).exists():
        # a database named (--db, ALSDESK_DB) that is not there is a typo, not "no study"
        raise click.ClickException(f"There is no database at {_db_path(ctx)}: check the "
                                   "name, or leave out --db for the program's own definition.")
    if not _db_path(ctx).exists():
        path = write_codebook(load_study(), out, force)
    else:
        with _open(ctx, readonly=True) as store:
            path = write_codebook(store.study, out, force)
    click.echo(f"Wrote {path}.")


@click.group("import")
def import_() -> None:
    """Import data into an empty database of the same study."""


@import_.command("odm")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--as", "acting", required=True,
              help="Your user id: a nurse or an investigator (importing enters data).")
@_stdin_option
@click.pass_context
def import_odm(ctx: click.Context, file: str, acting: str, password_stdin: bool) -> None:
    """Import a CDISC ODM 1.3.2 file (all or nothing; a nurse or investigator logs in)."""
    from alsdesk.cli import _login_admin, _open
    from alsdesk.exchange.odm_import import import_odm as run_import

    with _open(ctx) as store:
        _login_admin(store, acting, password_stdin)
        report = run_import(store, Path(file))
    click.echo(report.text())


from alsdesk.exchange.sdtm.cli import export_sdtm as _export_sdtm  # noqa: E402  (uses the above)

export.add_command(_export_sdtm)
