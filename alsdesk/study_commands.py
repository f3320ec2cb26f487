"""`alsdesk study ...` and `alsdesk amend`: definition files, the versions a database holds,
and a protocol amendment (alsdesk/store/amend.py) shown before it is applied."""
from __future__ import annotations

import json
from pathlib import Path

import click

from alsdesk.cli_lists import event_table, table


class _StudyGroup(click.Group):
    """`alsdesk study FILE` (check a file) kept beside the sub-commands: a first argument
    that is no sub-command's name is the file to check."""

    def resolve_command(self, ctx, args):
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            args = ["check", *args]
        return super().resolve_command(ctx, args)


@click.group(cls=_StudyGroup, invoke_without_command=True)
@click.pass_context
def study(ctx: click.Context) -> None:
    """Check a study definition file (default: the bundled one) and summarise it, with the
    event ids that other commands take (pdf visit SUBJECT EVENT); compare two; list the
    versions a database holds.

    \b
    alsdesk study [FILE]            check and summarise a definition
    alsdesk study diff OLD NEW      what changes from one definition to another
    alsdesk study versions --as ID  the versions stored in the database
    alsdesk study save N FOLDER     write stored version N (and its companions) out
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(check, file=None)


@study.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False))
def check(file: str | None) -> None:
    """Check a definition file (default: the bundled one) and summarise it."""
    from alsdesk.study import load_study

    st = load_study(file)
    fields = sum(len(f.fields) for f in st.forms.values())
    checks = sum(len(f.checks) for f in st.forms.values())
    derived = sum(len(f.derived) for f in st.forms.values())
    click.echo(f"{st.id} ({st.protocol}), CRF version {st.crf_version}: {st.source}")
    click.echo(f"{len(st.events)} events, {len(st.forms)} forms, {fields} fields, "
               f"{checks} checks, {derived} derived values, {len(st.codelists)} code lists")
    if st.companions:
        click.echo(f"with {', '.join(sorted(st.companions))}")
    from alsdesk.study import translation

    for code in translation.LANGUAGES:
        for line in translation.warnings(st, code):
            click.echo(f"warning: {line}")
    click.echo("")
    for line in event_table(st):
        click.echo(line)


@study.command()
@click.argument("old", type=click.Path(dir_okay=False))
@click.argument("new", type=click.Path(dir_okay=False))
def diff(old: str, new: str) -> None:
    """What changes from definition OLD to NEW: events, forms, fields, code lists, checks
    and windows added, changed and removed (no database is read)."""
    from alsdesk.study import load_study
    from alsdesk.study.diff import diff as compare

    a, b = load_study(old), load_study(new)
    changes = compare(a, b)
    companions = sorted(k for k in set(a.companions) | set(b.companions)
                        if a.companions.get(k) != b.companions.get(k))
    click.echo(f"{a.id} CRF {a.crf_version} ({old}) -> {b.id} CRF {b.crf_version} ({new}): "
               f"{len(changes)} change(s)")
    if a.id != b.id:
        click.echo(f"  the two are definitions of different studies ({a.id}, {b.id})")
    for c in changes:
        click.echo(f"  {c.text}")
    for name in companions:
        click.echo(f"  companion file {name} changes")
    if not changes and not companions:
        click.echo("  (no change but in comments or layout)" if a.text != b.text
                   else "  (the files are the same)")


@study.command()
@click.option("--as", "acting", required=True, help="Your user id.")
@click.option("--password-stdin", is_flag=True, help="Read your password from standard input.")
@click.pass_context
def versions(ctx: click.Context, acting: str, password_stdin: bool) -> None:
    """The study definitions stored in the database, oldest first: CRF version, when, by
    whom, why, and how many forms were entered under each."""
    from alsdesk.cli import _login_viewer, _open
    from alsdesk.store import definitions

    with _open(ctx.find_root(), readonly=True) as store:
        _login_viewer(store, acting, password_stdin)
        rows = definitions.versions(store.conn)
        counts = definitions.forms_entered(store.conn)
        if not rows:
            click.echo(f"{store.path} keeps no definition yet (file format 2): it is stored "
                       "when the file is next opened for writing.")
            return
        lines = table(["version", "CRF", "loaded (UTC)", "by", "forms entered", "reason"],
                      [[str(v.version), v.crf_version, v.loaded_at[:16].replace("T", " "),
                        v.loaded_by or "-", str(counts.get(v.version, 0)), v.reason]
                       for v in rows])
    for line in lines:
        click.echo(line)


@study.command()
@click.argument("number", type=int)
@click.argument("folder", type=click.Path(file_okay=False))
@click.option("--as", "acting", required=True, help="Your user id.")
@click.option("--password-stdin", is_flag=True, help="Read your password from standard input.")
@click.pass_context
def save(ctx: click.Context, number: int, folder: str, acting: str,
         password_stdin: bool) -> None:
    """Write stored definition version NUMBER and its companion files into FOLDER (a new or
    empty folder), as they were loaded: to read, compare or amend from."""
    from alsdesk.cli import _login_viewer, _open
    from alsdesk.store import definitions

    out = Path(folder)
    if out.exists() and any(out.iterdir()):
        raise click.ClickException(f"{out} is not empty: give a new or empty folder.")
    with _open(ctx.find_root(), readonly=True) as store:
        _login_viewer(store, acting, password_stdin)
        row = store.conn.execute(
            "SELECT study_id, definition, companions FROM study_versions WHERE version = ?",
            (number,)).fetchone() if definitions.has_table(store.conn) else None
        if row is None:
            raise click.ClickException(f"The database holds no definition version {number}: "
                                       "'alsdesk study versions' lists them.")
    out.mkdir(parents=True, exist_ok=True)
    name = f"{row[0].lower()}.toml"
    (out / name).write_text(row[1], encoding="utf-8")
    for companion, text in json.loads(row[2]).items():
        (out / companion).write_text(text, encoding="utf-8")
    click.echo(f"Wrote version {number} to {out / name}"
               + (f" with {', '.join(sorted(json.loads(row[2])))}" if row[2] != "{}" else ""))


@click.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--as", "acting", required=True, help="Your administrator user id.")
@click.option("--reason", help="Why: the protocol amendment's number and date (kept in the "
              "audit trail).")
@click.option("--dry-run", is_flag=True, help="Show what would change and stop.")
@click.option("--yes", is_flag=True, help="Do not ask before applying.")
@click.option("--password-stdin", is_flag=True, help="Read your password from standard input.")
@click.pass_context
def amend(ctx: click.Context, file: str, acting: str, reason: str | None, dry_run: bool,
          yes: bool, password_stdin: bool) -> None:
    """Amend the database's study definition with FILE (a newer CRF version): shows every
    change and what it does to data already entered, refuses changes that would lose or
    reinterpret data, and applies the rest in one step, with your reason and password."""
    from alsdesk.auth import Action
    from alsdesk.cli import _open, _password_of, _warn_clock
    from alsdesk.store import amend as amending
    from alsdesk.study import load_study

    if password_stdin and not (yes or dry_run):
        raise click.UsageError("--password-stdin reads standard input, where the question "
                               "'Apply ...?' would be answered: add --yes (having read the "
                               "changes with --dry-run), or type the password at the prompt.")
    if not dry_run and not (reason or "").strip():
        raise click.UsageError("Give the reason for the amendment with --reason (for example "
                               "\"Protocol amendment 2, 2016-03-01: 24 h visit\").")
    new = load_study(file)  # a file that does not load is refused here, the file untouched
    password = _password_of(acting, password_stdin)
    # The plan is made on a read-only look: a refused amendment (or a dry run) leaves the
    # file byte for byte as it was, not even a login row added.
    with _open(ctx, readonly=True) as store:
        store.login(acting, password)
        store.require(Action.AMEND_STUDY)
        plan = amending.plan(store, new, Path(file).name)
    click.echo(plan.report())
    if plan.refused:
        raise SystemExit(1)
    if dry_run:
        click.echo("Dry run: nothing was changed.")
        return
    if not yes:
        click.confirm(f"Apply these changes as version {plan.version}?", abort=True)
    if plan.migration:  # a file of format 2: the opening that migrates it stores `new`
        _migrate(ctx, new, Path(file).name, acting, password, reason)
        return
    with _open(ctx) as store:
        store.login(acting, password)
        _warn_clock(store)
        amending.apply(store, new, Path(file).name, reason=reason, password=password)
        click.echo(f"The database now works under {new.id} CRF {new.crf_version} (version "
                   f"{store.study_version}). Forms entered before keep their version.")


def _migrate(ctx: click.Context, new, file: str, acting: str, password: str,
             reason: str) -> None:
    """Open a file of format 2 for writing with `new` as its version 1 (store/format2.py)."""
    from alsdesk.cli import _db_path, _warn_clock
    from alsdesk.store import Store
    from alsdesk.store.format2 import Migration

    with Store.open(_db_path(ctx), new, migration=Migration(file, acting, password,
                                                            reason)) as store:
        store.login(acting, password)
        _warn_clock(store)
        click.echo(f"The database now works under {new.id} CRF {new.crf_version} (version "
                   f"{store.study_version}); the forms entered before count as entered "
                   "under it.")
