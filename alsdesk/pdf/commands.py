"""`alsdesk pdf ...`: print CRFs, casebooks and lists to PDF files from the command line.

Printouts of trial data need a login, and each is recorded in the audit trail (alsdesk.pdf),
so the database is opened for writing; when another ALS Desk has it open, read-only, and the
printout is made with a warning that the trail could not record it. Direct identifiers are
left out unless --include-identifiers is given by an administrator, whose disclosure must be
recorded (never printed from a read-only database). The blank book opens it read-only.
"""
from __future__ import annotations

import functools
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Iterator

import click

from alsdesk.cli_login import login_to_open as _login_to_open

_out_path = click.option("--out", "out", type=click.Path(dir_okay=False),
                         help="The PDF file to write (default: a descriptive name in the "
                              "current folder).")
# Kept in ctx.meta rather than passed to every command: _write is the one place it matters.
_force = click.option("--force", is_flag=True, expose_value=False,
                      callback=lambda ctx, _param, value: ctx.meta.__setitem__("pdf_force",
                                                                               value),
                      help="Replace the PDF file if it exists (only an ordinary file).")


def _out(fn):
    """--out and --force; a named target is checked before the PDF is made, so a refusal
    comes at once, and before an administrator's disclosure is written to the trail."""
    @functools.wraps(fn)
    def checked_first(*args, **kwargs):
        from alsdesk.outfile import check_target

        if kwargs.get("out"):
            check_target(Path(kwargs["out"]),
                         force=click.get_current_context().meta.get("pdf_force", False))
        return fn(*args, **kwargs)

    return _out_path(_force(checked_first))
_paper = click.option("--paper", type=click.Choice(["A4", "letter"], case_sensitive=False),
                      help="Paper size (default: the site setting 'paper', else A4).")
_printed_at = click.option("--printed-at", "printed_at", metavar="ISO-TIME",
                           help="The time printed in the footer, e.g. 2025-03-01T10:00+03:30 "
                                "(default: now), not before the data printed nor ahead of the "
                                "clock; each print is recorded in the audit trail.")
_language = click.option("--language", type=click.Choice(["en", "fa"]), default="en",
                         show_default=True,
                         help="The language of the printout: en (the study binder's) or fa "
                              "(Persian, right to left, Solar Hijri dates beside the "
                              "Gregorian). The data print as stored.")
_binder_language = click.option("--language", type=click.Choice(["en", "fa"]), default="en",
                                show_default=True,
                                help="English only: the study binder's document (fa is "
                                     "refused, saying which papers print in Persian).")
_identifiers = click.option("--include-identifiers", is_flag=True,
                            help="Also print direct identifiers (name, record number, phone). "
                                 "Administrators only: needs --as and the password.")
_as = click.option("--as", "acting", help="Your user id: printouts of trial data need a "
                                          "login (an administrator's to include direct "
                                          "identifiers, where the command offers it).")
_stdin = click.option("--password-stdin", is_flag=True,
                      help="Read the password from standard input.")


@click.group()
def pdf() -> None:
    """Print case report forms and lists to PDF files."""


def _options(store, paper: str | None, printed_at: str | None, identifiers: bool,
             language: str = "en"):
    from alsdesk.pdf import PrintOptions, paper_setting

    moment = None
    if printed_at:
        try:
            moment = datetime.fromisoformat(printed_at)
        except ValueError:
            raise click.BadParameter(f"'{printed_at}' is not an ISO date-time, e.g. "
                                     "2025-03-01T10:00+03:30", param_hint="--printed-at") from None
        from alsdesk.pdf.options import check_not_ahead

        check_not_ahead(moment)  # the time before the data is refused once the data is read
    chosen = paper or (paper_setting(store) if store is not None else "A4")
    return PrintOptions(paper=chosen, printed_at=moment, include_identifiers=identifiers,
                        language=language)


@contextmanager
def _store(ctx: click.Context, identifiers: bool, acting: str | None,
           password_stdin: bool) -> Iterator:
    """The Store, logged in (trial data is not for anyone at the keyboard), for writing so
    the printout is recorded (read-only when another ALS Desk has the file: the print says
    it is not recorded); or, to print identifiers, for writing as an administrator."""
    from alsdesk.cli import _login_admin, _login_viewer, _open
    from alsdesk.errors import DatabaseInUse, ReadOnlyDatabase

    if not identifiers:
        # The login is made on a read-only open, as before printouts were recorded: wrong
        # passwords count as in any read-only run (alsdesk.store.logins), and a login that
        # fails never took the write lock. The print is then made as that user on a store
        # that can write its audit row, as the window's workers do (ui.tasks.Session).
        with _open(ctx, readonly=True) as reader:
            _login_viewer(reader, acting, password_stdin)
            who = (reader.user_id, reader.role, reader.full_name)
        from alsdesk.cli import _db_path
        from alsdesk.store import Store

        try:
            opened = Store.open(_db_path(ctx), quick_check=False)  # checked a moment ago
        except (DatabaseInUse, ReadOnlyDatabase):
            opened = Store.open(_db_path(ctx), readonly=True, quick_check=False)
        with opened as store:
            store.user_id, store.role, store.full_name = who
            yield store
        return
    from alsdesk.auth import Role
    from alsdesk.errors import PermissionDenied

    if not acting:
        raise click.UsageError("--include-identifiers needs --as ADMIN (an administrator's "
                               "user id).")
    with _open(ctx) as store:
        _login_admin(store, acting, password_stdin)
        try:
            if store.role is not Role.ADMIN:
                raise PermissionDenied("Only an administrator may print direct identifiers.")
            yield store  # alsdesk.pdf records the disclosure in the audit trail
        finally:
            store.logout()


def _write(result, out: str | None) -> None:
    from alsdesk.outfile import write_bytes

    path = Path(out) if out else Path.cwd() / result.filename
    # Never into a FIFO or device, nor over a file without --force; a kill leaves no half PDF.
    write_bytes(path, result.data, force=click.get_current_context().meta.get("pdf_force",
                                                                              False))
    stamp = f", data fingerprint {result.fingerprint}" if result.fingerprint else ""
    if result.audit_head is not None:
        stamp += f", audit head {result.audit_head.text()}"
    pages = f"{result.pages} page" + ("s" if result.pages != 1 else "")
    click.echo(f"Wrote {path} ({pages}{stamp}).")
    if result.not_recorded:
        click.echo(f"Warning: {result.not_recorded}", err=True)


@pdf.command("blank")
@_out
@_paper
@_language
@_identifiers
@_as
@_stdin
@click.pass_context
def blank(ctx, out, paper, language, include_identifiers, acting, password_stdin) -> None:
    """The blank CRF book: every form of every event, to fill in by hand."""
    from alsdesk.cli import _db_path, _open
    from alsdesk.pdf import blank_book
    from alsdesk.study import load_study

    if not include_identifiers and not _db_path(ctx).exists():
        # The book needs only the study definition; without a database, A4 unless asked.
        _write(blank_book(load_study(), _options(None, paper, None, False, language)), out)
        return
    if not include_identifiers:
        # Blank pages hold no trial data: no login, the database gives only its paper size.
        with _open(ctx, readonly=True) as store:
            _write(blank_book(store.study, _options(store, paper, None, False, language)), out)
        return
    with _store(ctx, include_identifiers, acting, password_stdin) as store:
        options = _options(store, paper, None, include_identifiers, language)
        _write(blank_book(store.study, options), out)


@pdf.command("annotated")
@_out
@_paper
@_printed_at
@click.pass_context
@_login_to_open
def annotated(ctx, out, paper, printed_at, acting, password_stdin) -> None:
    """The annotated CRF for the data manager: every field's variable name, CDASH and SDTM
    names, format, code list, visibility rule and checks."""
    from alsdesk.cli import _db_path, _open
    from alsdesk.pdf import annotated_crf
    from alsdesk.study import load_study

    # The definition only, no trial data: no login. With a database, its own definition
    # (the one its columns were made from) and its paper size.
    if not _db_path(ctx).exists():
        _write(annotated_crf(load_study(), _options(None, paper, printed_at, False)), out)
        return
    with _open(ctx, readonly=True) as store:
        _write(annotated_crf(store.study, _options(store, paper, printed_at, False)), out)


@pdf.command("visit")
@click.argument("subject")
@click.argument("event")
@click.option("--repeat", "event_repeat", type=int, default=1, show_default=True,
              help="Which occurrence of a repeating event (unscheduled visits).")
@_out
@_paper
@_language
@_printed_at
@_identifiers
@_as
@_stdin
@click.pass_context
def visit(ctx, subject, event, event_repeat, out, paper, language, printed_at,
          include_identifiers, acting, password_stdin) -> None:
    """The filled forms of SUBJECT at EVENT, an event id such as m2.

    The event ids are the first column of `alsdesk study` (screening, baseline, m2...); an
    unknown one is answered with the list.
    """
    from alsdesk.cli_lists import event_ids
    from alsdesk.pdf import visit_forms

    with _store(ctx, include_identifiers, acting, password_stdin) as store:
        if event not in {e.id for e in store.study.events}:
            raise click.BadParameter(f"the study has no event {event[:40]!r}. Its events: "
                                     f"{event_ids(store.study)}.", param_hint="EVENT")
        options = _options(store, paper, printed_at, include_identifiers, language)
        _write(visit_forms(store, subject, event, event_repeat=event_repeat, options=options),
               out)


@pdf.command("casebook")
@click.argument("subject")
@_out
@_paper
@_binder_language
@_printed_at
@_identifiers
@_as
@_stdin
@click.pass_context
def casebook(ctx, subject, out, paper, language, printed_at, include_identifiers, acting,
             password_stdin) -> None:
    """SUBJECT's casebook: every event and log, signatures, queries and the audit trail."""
    from alsdesk.pdf import casebook as make

    with _store(ctx, include_identifiers, acting, password_stdin) as store:
        options = _options(store, paper, printed_at, include_identifiers, language)
        _write(make(store, subject, options), out)


@pdf.command("ae-listing")
@_out
@_paper
@_binder_language
@_printed_at
@_as
@_stdin
@click.pass_context
def ae_listing(ctx, out, paper, language, printed_at, acting, password_stdin) -> None:
    """Every adverse event of every subject; serious ones marked."""
    from alsdesk.pdf import ae_listing as make

    with _store(ctx, False, acting, password_stdin) as store:
        _write(make(store, _options(store, paper, printed_at, False, language)), out)


@pdf.command("double-entry")
@_out
@_paper
@_binder_language
@_printed_at
@click.option("--csv", "csv_out", type=click.Path(dir_okay=False),
              help="Also write the figures as CSV (one row per form, subject and user).")
@_as
@_stdin
@click.pass_context
def double_entry(ctx, out, paper, language, printed_at, csv_out, acting,
                 password_stdin) -> None:
    """Double data entry: forms awaiting their second entry, differences found and
    resolved, the error rate per 10,000 fields, per form, subject and user."""
    from alsdesk import double_report
    from alsdesk.pdf import double_entry_report as make

    from alsdesk.outfile import check_target

    force = ctx.meta.get("pdf_force", False)
    if csv_out:  # refused before anything is made, as --out is
        check_target(Path(csv_out), force=force)
    with _store(ctx, False, acting, password_stdin) as store:
        _write(make(store, _options(store, paper, printed_at, False, language)), out)
        if csv_out:
            double_report.write_csv(store, csv_out, force=force)
            click.echo(f"Wrote {csv_out}.")


@pdf.command("schedule")
@click.argument("subject")
@_out
@_paper
@click.option("--language", type=click.Choice(["en", "fa"]), default="en", show_default=True,
              help="en: English beside Persian (the default); fa: Persian alone, right to "
                   "left, for a patient who reads no English.")
@_printed_at
@_as
@_stdin
@click.pass_context
def schedule(ctx, subject, out, paper, language, printed_at, acting, password_stdin) -> None:
    """SUBJECT's visit schedule card (target dates and windows) to hand to the patient."""
    from alsdesk.pdf import schedule_card

    with _store(ctx, False, acting, password_stdin) as store:
        _write(schedule_card(store, subject,
                             _options(store, paper, printed_at, False, language)), out)


@pdf.command("outcomes")
@_out
@_paper
@_printed_at
@_as
@_stdin
@click.pass_context
def outcomes(ctx, out, paper, printed_at, acting, password_stdin) -> None:
    """The primary outcomes of every subject infused: fever and a fall in the GCS within
    the study's hours of the infusion start ([primary_outcomes] of the study definition)."""
    from alsdesk.pdf.safety_tables import outcomes_pdf

    with _store(ctx, False, acting, password_stdin) as store:
        _write(outcomes_pdf(store, _options(store, paper, printed_at, False)), out)


@pdf.command("safety")
@_out
@_paper
@_printed_at
@_as
@_stdin
@click.pass_context
def safety(ctx, out, paper, printed_at, acting, password_stdin) -> None:
    """The safety tables: adverse events by system organ class and term with the worst
    grade per subject, serious events, relationship to the infusion, per subject; of the
    subjects infused."""
    from alsdesk.pdf.safety_tables import safety_tables_pdf

    with _store(ctx, False, acting, password_stdin) as store:
        _write(safety_tables_pdf(store, _options(store, paper, printed_at, False)), out)


@pdf.command("sae")
@click.argument("subject")
@click.argument("entry", type=click.IntRange(min=1))
@_out
@_paper
@_binder_language
@_printed_at
@_identifiers
@_as
@_stdin
@click.pass_context
def sae(ctx, subject, entry, out, paper, language, printed_at, include_identifiers, acting,
        password_stdin) -> None:
    """The SAE report form (CIOMS I layout) of SUBJECT's serious adverse event number ENTRY
    (the number in the casebook's adverse event list), with its reporting timeline."""
    from alsdesk.pdf import sae_report

    with _store(ctx, include_identifiers, acting, password_stdin) as store:
        options = _options(store, paper, printed_at, include_identifiers, language)
        _write(sae_report(store, subject, entry, options), out)
