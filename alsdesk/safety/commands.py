"""`alsdesk ctcae import|versions|search`: the same core calls as the screens."""
from __future__ import annotations

import textwrap

import click

_as = click.option("--as", "acting", required=True, help="Your user id.")
_stdin = click.option("--password-stdin", is_flag=True,
                      help="Read your password from standard input.")


@click.group(short_help="Import the NCI's CTCAE terminology, list it, search it.")
def ctcae() -> None:
    """The CTCAE terminology adverse events are graded by. The NCI's workbook is not
    shipped with the program: download it (v5.0 or v6.0, .xlsx) and import it once."""


@ctcae.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--as", "acting", required=True, help="Your administrator user id.")
@_stdin
@click.pass_context
def import_(ctx: click.Context, file: str, acting: str, password_stdin: bool) -> None:
    """Import the NCI's CTCAE workbook FILE (.xlsx, v5.0 or v6.0) into the database.

    Checked whole first: a sheet of another layout, a cut-short file or a repeated code is
    refused naming the row, and nothing is written. Importing the same version again
    changes nothing, or puts its terms back when they are missing from the database (the
    same terms only: their SHA-256 is the first import's); other terms under a version
    already imported are refused."""
    from alsdesk.cli import _login_admin, _open
    from alsdesk.safety.ctcae_import import import_ctcae

    with _open(ctx) as store:
        _login_admin(store, acting, password_stdin)
        done = import_ctcae(store, file)
    if done.repaired:
        click.echo(f"The terms of CTCAE v{done.version} were missing from the database: put "
                   f"back the {done.terms} terms of CTCAE v{done.version} from {file}, the "
                   f"same as imported (SHA-256 of the terms {done.digest}), recorded in the "
                   "audit trail. Run alsdesk verify to see what else was changed.")
    elif done.already:
        click.echo(f"CTCAE v{done.version} is already in the database with these same "
                   f"{done.terms} terms: nothing changed.")
    else:
        click.echo(f"Imported CTCAE v{done.version}: {done.terms} terms (SHA-256 of the "
                   f"terms {done.digest}), recorded in the audit trail.")


@ctcae.command()
@_as
@_stdin
@click.pass_context
def versions(ctx: click.Context, acting: str, password_stdin: bool) -> None:
    """The CTCAE versions in the database, and which one the study grades by."""
    from alsdesk.cli import _login_viewer, _open
    from alsdesk.cli_lists import table
    from alsdesk.safety.ctcae import Terminology, versions as listed

    with _open(ctx, readonly=True) as store:
        _login_viewer(store, acting, password_stdin)
        found = listed(store.conn)
        wanted = store.study.ctcae_version
        missing = {v.version: Terminology(store.conn, v.version).missing for v in found}
    if not found:
        click.echo("No CTCAE version is imported yet. An administrator imports the NCI's "
                   "workbook: alsdesk ctcae import FILE --as ADMIN")
    else:
        for line in table(["version", "terms", "imported (UTC)", "by", "from"],
                          [[f"v{v.version}", v.terms, v.imported_at[:16].replace("T", " "),
                            v.imported_by, v.source] for v in found]):
            click.echo(line)
    for version, why in missing.items():
        if why:
            click.echo(f"CTCAE v{version} was imported, but its terms are missing or "
                       f"unreadable in this database ({why}): adverse events cannot be "
                       "checked against it. Run alsdesk verify; restore the latest good "
                       f"backup, or an administrator imports the NCI's v{version} workbook "
                       "again, which puts back the same terms.")
    if wanted:
        have = any(v.version == wanted for v in found)
        click.echo(f"The study grades adverse events by CTCAE v{wanted}"
                   + ("." if have else ", which is not imported yet."))


@ctcae.command()
@click.argument("text")
@_as
@_stdin
@click.option("--version", "version", help="A version other than the study's (e.g. 6.0).")
@click.pass_context
def search(ctx: click.Context, text: str, acting: str, password_stdin: bool,
           version: str | None) -> None:
    """The terms for TEXT (start of a term, its words, or its grade texts), with the
    grades each allows."""
    from alsdesk.cli import _login_viewer, _open
    from alsdesk.safety.ctcae import Terminology

    with _open(ctx, readonly=True) as store:
        _login_viewer(store, acting, password_stdin)
        version = version or store.study.ctcae_version
        terms = Terminology(store.conn, version)
        if not terms.available:  # (read here, while the file is open)
            raise click.ClickException(f"CTCAE v{version} is not imported: an administrator "
                                       "runs alsdesk ctcae import FILE --as ADMIN")
        found = terms.search(text)
    if not found:
        click.echo(f"No CTCAE v{version} term matches {text!r}.")
    for t, where in found:
        grades = ", ".join(map(str, t.allowed))
        click.echo(f"{t.term}  [MedDRA {t.code}; {t.soc}]  grades {grades}"
                   + ("" if where == "term" else f"  (found in its {where})"))
        for g, grade_text in enumerate(t.grades, start=1):
            if grade_text:
                click.echo(textwrap.fill(grade_text, 96, initial_indent=f"    {g}: ",
                                         subsequent_indent="       "))
