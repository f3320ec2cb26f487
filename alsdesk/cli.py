"""The `alsdesk` command: the GUI by default, sub-commands over the same core calls."""
from __future__ import annotations

import importlib
import sys
from pathlib import Path

import click

from alsdesk import __version__
from alsdesk.cli_login import login_to_open as _login_to_open
from alsdesk.errors import AlsDeskError
from alsdesk.paths import default_database


def _db_path(ctx: click.Context, *, unlock: bool = True) -> Path:
    """The database's path; an encrypted file's key unlocked with a login first (the
    window, `unlock=False`, asks for its own)."""
    path = Path(ctx.obj["db"]) if ctx.obj.get("db") else default_database()
    if unlock:
        _unlock(ctx, path)
    return path


def _open(ctx: click.Context, readonly: bool = False, *, untrusted_ok: bool = False):
    """The store; a read-only look at a file whose stored definition the audit trail does
    not vouch for is refused (only verify, `untrusted_ok`, reads it, to report it)."""
    from alsdesk.store import Store

    path = _db_path(ctx)
    if not path.exists() and not path.is_symlink():  # (the core judges what is there)
        raise click.ClickException(_no_database(path, given=bool(ctx.obj.get("db"))))
    store = Store.open(path, readonly=readonly)
    if store.untrusted and not untrusted_ok:
        store.close()
        raise click.ClickException(store.untrusted)
    return store


def _no_database(path: Path, given: bool) -> str:
    """Nothing at the path: the first commands to run, not the core's talk of sticks (a new
    user's default folder is simply not made yet)."""
    text = (f"There is no database at {path}. Create one with 'alsdesk init' (a study's own, "
            "with its first administrator) or 'alsdesk demo' (synthetic data to try the "
            "program)")
    if not given:
        return text + ", or name another file with --db FILE."
    if not path.parent.is_dir():
        text += (f"; or, if it is on a USB stick or a network drive, check that "
                 f"{path.parent} is connected")
    return text + "."


def _read_secret(prompt: str, from_stdin: bool, confirm: bool = False) -> str:
    """A password from the next line of standard input, or from a hidden prompt."""
    if from_stdin:
        line = sys.stdin.readline()
        if not line:
            # (not the prompt: it names the user id read before, which may be a password
            # typed on the wrong line)
            raise click.UsageError("Expected a line on standard input for a password.")
        return line.rstrip("\r\n")
    return click.prompt(prompt, hide_input=True, confirmation_prompt=confirm)


def _unlock(ctx: click.Context, path: Path) -> None:
    """An encrypted file's key, unwrapped with the login of the command (its --as and
    password, asked here once and kept for the login that follows) or, for a command that
    logs nobody in, with the user id and password asked for. A wrong password is told as
    the login's own message: nothing says the file is encrypted or which accounts exist."""
    from alsdesk.store import encryption

    if not encryption.locked(path):
        return
    params = click.get_current_context().params
    from_stdin = bool(params.get("password_stdin"))
    user_id = params.get("acting")
    if not user_id:
        if not sys.stdin.isatty():
            raise click.UsageError(f"{path.name} is opened with a login: give your user id "
                                   "with --as (and --password-stdin to read the password "
                                   "from standard input).")
        user_id = click.prompt("User id (the database is opened with a login)")
    password = _password_of(user_id, from_stdin)
    encryption.open_door(path, user_id, password)  # (AuthError: the login's own words)


def _password_of(user_id: str, from_stdin: bool) -> str:
    """The password of `user_id`, asked once per command: the unlocking of an encrypted
    file and the login after it share it (standard input holds it once)."""
    root = click.get_current_context().find_root()
    root.ensure_object(dict)
    typed = root.obj.get("typed")
    if typed and typed[0] == user_id:
        return typed[1]
    password = _read_secret(f"Password of {user_id}", from_stdin)
    root.obj["typed"] = (user_id, password)
    return password


def _read_line(prompt: str) -> str:
    line = sys.stdin.readline()
    if not line:
        raise click.UsageError(f"Expected a line on standard input for: {prompt}")
    return line.rstrip("\r\n")


def _login_admin(store, user_id: str, from_stdin: bool) -> None:
    store.login(user_id, _password_of(user_id, from_stdin))
    _warn_clock(store)


def _warn_clock(store) -> None:
    """Say so when this computer's clock is behind the audit trail (the core noted it)."""
    if store.clock_warning:
        click.echo(f"Warning: {store.clock_warning}", err=True)


def _db_first(args: list[str]) -> list[str]:
    """The --db option (and its value) moved to the front of the arguments."""
    moved: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest += args[i:]
            break
        if arg == "--db" and i + 1 < len(args):
            moved += args[i:i + 2]
            i += 2
            continue
        if arg.startswith("--db="):
            moved.append(arg)
        else:
            rest.append(arg)
        i += 1
    return moved + rest


def _login_viewer(store, user_id: str | None, from_stdin: bool, action=None) -> None:
    """Log in to a (read-only) store before showing trial data: it is not for anyone at the
    keyboard. `action` (default: view data) is what the role must be allowed."""
    from alsdesk.auth import Action

    if not user_id:
        raise click.UsageError("Give your user id with --as: this shows trial data, which "
                               "needs a login.")
    _login_admin(store, user_id, from_stdin)
    store.require(action or Action.VIEW_DATA)


class _Group(click.Group):
    """Turns our own errors into one clear line and exit status 1, never a traceback."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # `--db FILE` is the program's option, but people write it after the command
        # (`alsdesk verify --db trial.db`): take it from anywhere before a `--`.
        if ctx.parent is None:
            args = _db_first(list(args))
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context):
        from alsdesk.store.sqldb import driver as sqlite3

        try:
            return super().invoke(ctx)
        except AlsDeskError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(1)
        except sqlite3.DatabaseError as exc:
            # Damage the checks did not meet before (a flipped byte read late): words, not
            # a traceback, and what to do.
            click.echo(f"Error: the database could not be read ({exc}): it may be damaged. "
                       "Run 'alsdesk verify', and restore the latest good backup if it "
                       "reports damage.", err=True)
            sys.exit(1)


@click.group(cls=_Group, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", type=click.Path(dir_okay=False), envvar="ALSDESK_DB",
              help="The database file, before or after the command (default: ALSDESK_DB, "
                   "else alsdesk.db in your user data folder).")
@click.version_option(__version__, prog_name="ALS Desk")
@click.pass_context
def main(ctx: click.Context, db: str | None) -> None:
    """ALS Desk: offline data capture for the NCT02492516 trial.

    Without a command, starts the desktop program.
    """
    ctx.ensure_object(dict)
    ctx.obj["db"] = db
    if ctx.invoked_subcommand is None:
        ctx.invoke(gui)


@main.command()
@click.pass_context
def gui(ctx: click.Context) -> None:
    """Start the desktop program (the same as running alsdesk with no command)."""
    from alsdesk.frontend import ui_module, ui_package

    # The core never imports the front end statically: Qt is loaded only when the GUI starts,
    # from `alsdesk.ui` (installed) or `ui` (the source tree), whichever this copy has.
    try:
        check = importlib.import_module(ui_module("display_check"))
        run = importlib.import_module(ui_module("app")).run
    except ModuleNotFoundError as exc:
        if exc.name and (exc.name.startswith(ui_package()) or exc.name.startswith("PySide6")):
            click.echo(
                "The desktop window is not available in this installation yet "
                f"({exc.name} is missing). Use the sub-commands meanwhile: alsdesk --help",
                err=True,
            )
            sys.exit(2)
        raise
    except ImportError as exc:  # Qt's own libraries load, a system one they need does not
        problem = check.library_problem(exc)
        if problem is None:
            raise
        click.echo(problem, err=True)
        sys.exit(check.NO_DISPLAY_EXIT)
    sys.exit(run(_db_path(ctx, unlock=False)))


@main.command()
@click.option("--admin", "admin_id", prompt="Administrator user id", help="User id of the first administrator.")
@click.option("--name", "full_name", prompt="Administrator full name", help="Their full name.")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@click.option("--study", "study_file", type=click.Path(dir_okay=False),
              help="The trial's definition file (default: the bundled NCT02492516 one); it "
                   "is stored in the database, with its companion files beside it.")
@click.option("--no-encryption", is_flag=True,
              help="A plain file, for training only: anyone who copies it reads it (the "
                   "window warns of it).")
@click.pass_context
def init(ctx: click.Context, admin_id: str, full_name: str, password_stdin: bool,
         study_file: str | None, no_encryption: bool) -> None:
    """Create a new database for a trial's definition, with its first administrator.

    The file is encrypted under a new random key that each account's password unwraps;
    its recovery key is printed once, for the study binder."""
    from alsdesk.store import Store
    from alsdesk.study import load_study

    study = load_study(study_file)  # before the password: a bad file is said at once
    path = _db_path(ctx, unlock=False)
    if path.exists() or path.is_symlink():  # (before the password is asked for)
        raise click.ClickException(f"{path} already exists: pick a new file name or open it "
                                   "instead.")
    path.parent.mkdir(parents=True, exist_ok=True)
    password = _read_secret("Password", password_stdin, confirm=True)
    from alsdesk.auth import validate_password

    validate_password(password, admin_id, full_name)
    # The administrator is added before the file gets its name: a kill halfway leaves
    # nothing at the path, never a database nobody can log in to.
    # The recovery key is printed as soon as it exists, before the file gets its name.
    with Store.create(path, study, admin=(admin_id, full_name, password),
                      encrypt=not no_encryption,
                      show_key=lambda key: click.echo(_recovery_text(path, key) + "\n")):
        pass
    click.echo(f"Created {path} for {study.id} CRF {study.crf_version} with administrator "
               f"'{admin_id}'" + (", not encrypted." if no_encryption else ", encrypted."))


def _recovery_text(path: Path, key: str) -> str:
    from alsdesk.keyslots import key_file

    return (f"\nRECOVERY KEY of {path.name} (shown this once: write it on the study "
            f"binder's page, or print this, and keep it locked away):\n\n    {key}\n\n"
            "It opens the database when every password is lost ('alsdesk recover'), and in "
            "DB Browser for SQLite (SQLCipher 4 defaults). The file opens only with its key "
            f"file {key_file(path).name} beside it: the backups carry both.")


@main.group()
def users() -> None:
    """Manage user accounts (an administrator logs in with --as)."""


_as_option = click.option("--as", "acting", required=True, help="Your administrator user id.")
_stdin_option = click.option(
    "--password-stdin", is_flag=True,
    help="Read passwords from standard input, one per line: yours first, then the new "
         "account's or new password where the command sets one.",
)


@users.command("list")
@click.option("--as", "acting", required=True, help="Your administrator user id.")
@click.option("--password-stdin", is_flag=True, help="Read your password from standard input.")
@click.pass_context
def users_list(ctx: click.Context, acting: str, password_stdin: bool) -> None:
    """List accounts with their role and state (an administrator logs in)."""
    from alsdesk.auth import Action

    with _open(ctx, readonly=True) as store:
        _login_viewer(store, acting, password_stdin, Action.MANAGE_USERS)
        for u in store.users.list():
            state = "active" if u.active else "deactivated"
            if u.locked_until:
                state += f", locked until {u.locked_until}"
            click.echo(f"{u.user_id:<20} {u.role.value:<13} {state:<12} {u.full_name}")


@users.command("add")
@click.argument("user_id")
@click.option("--name", "full_name", required=True, help="Full name, printed with signatures.")
@click.option("--role", type=click.Choice(["nurse", "investigator", "monitor", "admin"]),
              required=True, help="What the account may do.")
@_as_option
@_stdin_option
@click.pass_context
def users_add(ctx, user_id, full_name, role, acting, password_stdin) -> None:
    """Add an account."""
    with _open(ctx) as store:
        _login_admin(store, acting, password_stdin)
        password = _read_secret(f"New password for {user_id}", password_stdin, confirm=True)
        store.users.add(user_id, full_name, role, password)
    click.echo(f"Added {user_id} ({role}).")


def _account_command(name: str, default_reason: str | None = None):
    """A `users` sub-command on USER_ID run by a logged-in administrator.

    The decorated function gets (store, user_id, reason, password_stdin) and returns the line
    to print.
    """
    def wrap(act):
        @users.command(name, help=act.__doc__)
        @click.argument("user_id")
        # (click enforces `required` only when no default is given, not even None)
        @click.option("--reason", help="Why (kept in the audit trail).",
                      **({"required": True} if default_reason is None
                         else {"default": default_reason}))
        @_as_option
        @_stdin_option
        @click.pass_context
        def command(ctx, user_id, reason, acting, password_stdin) -> None:
            with _open(ctx) as store:
                _login_admin(store, acting, password_stdin)
                message = act(store, user_id, reason, password_stdin)
            click.echo(message)

        return command

    return wrap


@_account_command("deactivate")
def users_deactivate(store, user_id, reason, password_stdin) -> str:
    """Deactivate an account (accounts are never deleted)."""
    store.users.set_active(user_id, False, reason)
    return f"Deactivated {user_id}."


@_account_command("reactivate")
def users_reactivate(store, user_id, reason, password_stdin) -> str:
    """Reactivate a deactivated account."""
    store.users.set_active(user_id, True, reason)
    note = store.slots.without_slot_note(user_id)
    return f"Reactivated {user_id}." + (f" {note}" if note else "")


@_account_command("reset-password", "password reset by administrator")
def users_reset_password(store, user_id, reason, password_stdin) -> str:
    """Set a new password for an account (also unlocks it)."""
    password = _read_secret(f"New password for {user_id}", password_stdin, confirm=True)
    store.users.reset_password(user_id, password, reason)
    return f"New password set for {user_id}."


@_account_command("unlock", "unlocked by administrator")
def users_unlock(store, user_id, reason, password_stdin) -> str:
    """Unlock an account locked after wrong passwords."""
    store.users.unlock(user_id, reason)
    return f"Unlocked {user_id}."


@users.command("set-role")
@click.argument("user_id")
@click.argument("role", type=click.Choice(["nurse", "investigator", "monitor", "admin"]))
@click.option("--reason", required=True, help="Why (kept in the audit trail).")
@_as_option
@_stdin_option
@click.pass_context
def users_set_role(ctx, user_id, role, reason, acting, password_stdin) -> None:
    """Change an account's role."""
    with _open(ctx) as store:
        _login_admin(store, acting, password_stdin)
        store.users.set_role(user_id, role, reason)
    click.echo(f"{user_id} is now {role}.")


@main.command()
@click.option("--force", is_flag=True, help="Replace the file if it exists (demo files only).")
@click.pass_context
def demo(ctx: click.Context, force: bool) -> None:
    """Create a database of synthetic demo subjects (clearly marked as demo data)."""
    from alsdesk.demo import DEMO_PASSWORD, DEMO_USERS, build_demo

    from alsdesk.store import Store, encryption

    path = _db_path(ctx, unlock=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and encryption.is_encrypted(path):  # a study's own: demos are plain
        raise click.ClickException(f"{path} exists and is not a demo database: nothing was "
                                   "changed. Choose another file (--db).")
    if path.exists() and not force:
        # Run again (the README's first command is), the demo file is kept, not an error;
        # any other file is never touched.
        with Store.open(path, readonly=True) as old:
            if old.setting("demo") != "synthetic":
                raise click.ClickException(f"{path} exists and is not a demo database: "
                                           "nothing was changed. Choose another file (--db).")
        click.echo(f"The demo database {path} is already there and was kept "
                   "(--force builds it anew). It holds SYNTHETIC data only.")
    else:
        build_demo(path, force=force)
        click.echo(f"Demo database written to {path}. It holds SYNTHETIC data only.")
    click.echo("Accounts (password for all: " + DEMO_PASSWORD + "):")
    for user_id, _name, role in DEMO_USERS:
        click.echo(f"  {user_id:<14} {role}")


@main.command(short_help="Prove the data is intact: SQLite integrity, the audit chain and its "
                         "replay, the heads kept outside the file.")
@click.option("--against", "against", multiple=True, metavar="FILE|HEAD",
              help="Also check that the audit trail contains this head (1234:3f9a2b7c1d0e4f5a, "
                   "as printed on every PDF) or the heads in this file or folder (a seal file, "
                   "heads log, backup, PDF or export). Repeatable.")
@click.pass_context
@_login_to_open
def verify(ctx: click.Context, against: tuple[str, ...], acting: str | None,
           password_stdin: bool) -> None:
    """Prove the data is intact: SQLite integrity, audit hash chain, audit replay, and that
    the audit trail contains every head kept outside the file (backups, heads log, seals)."""
    with _open(ctx, readonly=True, untrusted_ok=True) as store:
        report = store.verify(against)
    click.echo(f"Database: {_db_path(ctx)}")
    click.echo(report.text())
    if report.only_definition:
        click.echo("VERIFY FAILED: the data agree with the audit trail, but the file was made "
                   "before databases kept their study definition and the one it would now be "
                   "given lacks fields it holds (above). Do not work on it until an "
                   "administrator has amended it with the definition the site used.", err=True)
        sys.exit(1)
    if not report.ok:
        click.echo("VERIFY FAILED: the file differs from its audit trail, or the trail from "
                   "heads kept outside the file. Keep this file aside unchanged and tell the "
                   "data manager.", err=True)
        sys.exit(1)
    click.echo("VERIFY OK")


@main.command()
@click.option("--out", type=click.Path(dir_okay=False),
              help="Write the backup to this new file (default: a dated file in the backup "
                   "folder).")
@click.pass_context
@_login_to_open
def backup(ctx: click.Context, out: str | None, acting: str | None,
           password_stdin: bool) -> None:
    """Back up the database (safe while ALS Desk is open) and check the copy."""
    from alsdesk import anchor, anchor_places
    from alsdesk import backup as backups

    info = backups.backup_now(_db_path(ctx), Path(out) if out else None)
    click.echo(f"Backup written to {info.path}")
    click.echo(info.summary())
    seq, digest = info.audit_head.split(":")
    click.echo(f"{anchor.Head(int(seq), digest).label()} added to "
               f"{anchor_places.heads_log(info.path.parent, _db_path(ctx).stem)}")


@main.command(short_help="Write the audit head to a seal file, where the workstation's users "
                         "cannot write.")
@click.option("--to", "to", type=click.Path(), help="The seal file (or a folder for "
              "<database>-seal.txt); default: the seal.path setting.")
@click.option("--set-path", "set_path", type=click.Path(), help="Administrators: make this "
              "the seal file from now on ('' for none), then seal there.")
@click.option("--as", "acting", required=True, help="Your user id.")
@click.option("--password-stdin", is_flag=True, help="Read your password from standard input.")
@click.pass_context
def seal(ctx: click.Context, to: str | None, set_path: str | None, acting: str,
         password_stdin: bool) -> None:
    """Write the audit head to a seal file at a place the site chooses (where the
    workstation's users cannot write), for verify to check later."""
    from alsdesk import seal as seals

    with _open(ctx) as store:
        _login_admin(store, acting, password_stdin)
        if set_path is not None:
            seals.configure(store, set_path)
            if not set_path.strip():
                click.echo("No seal file is set any more.")
                return
        sealed = seals.seal(store, to)
    click.echo(f"{sealed.head.label()} written to {sealed.path}")


@main.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--as", "acting", required=True, help="Your administrator user id (of the "
              "current database; of the backup only when there is no readable one).")
@click.option("--reason", default="restored from a backup", help="Why (kept in the audit trail).")
@click.option("--password-stdin", is_flag=True, help="Read your password from standard input.")
@click.option("--yes", is_flag=True, help="Do not ask before replacing the database.")
@click.pass_context
def restore(ctx: click.Context, file: str, acting: str, reason: str, password_stdin: bool,
            yes: bool) -> None:
    """Replace the database with a checked backup; the current file is kept aside."""
    from alsdesk import restore as restoring

    path = _db_path(ctx)
    if password_stdin and not yes:
        # The question would read the password's line as its answer.
        raise click.UsageError("--password-stdin reads standard input, where the question "
                               "'Replace ...?' would be answered: add --yes (having read the "
                               "plan that restore prints), or type the password at the prompt.")
    from alsdesk.store import encryption

    if encryption.locked(Path(file)):  # a backup of another key: its key file, the login
        restoring.unlock_backup(Path(file), acting, _password_of(acting, password_stdin))
    plan = restoring.plan(path, Path(file))
    click.echo(plan.text())
    if not yes:
        click.confirm(f"Replace {path} with this backup? The current file is kept aside, "
                      "renamed, in the same folder", abort=True)
    password = _password_of(acting, password_stdin)
    result = restoring.restore(path, Path(file), user_id=acting, password=password,
                               reason=reason)
    click.echo(f"Restored {path} from {file}.")
    if result.kept_aside is not None:
        click.echo(f"The file it replaced is kept as {result.kept_aside}.")
    for place in result.unrecorded:
        click.echo(f"Warning: the restore could not be recorded in {place}: verify will "
                   "report the heads it rewound past there as problems.", err=True)


from alsdesk.exchange.commands import export, import_  # noqa: E402

main.add_command(export)
main.add_command(import_)

from alsdesk.pdf import commands as pdf_commands  # noqa: E402
main.add_command(pdf_commands.pdf)

from alsdesk import doctor as _doctor  # noqa: E402
main.add_command(_doctor.command())

from alsdesk.safety.commands import ctcae as _ctcae  # noqa: E402
main.add_command(_ctcae)

from alsdesk import cli_lists  # noqa: E402
main.add_command(cli_lists.subjects)
from alsdesk import study_commands  # noqa: E402
main.add_command(study_commands.study)
main.add_command(study_commands.amend)

from alsdesk import cli_encrypt  # noqa: E402
main.add_command(cli_encrypt.encrypt)
main.add_command(cli_encrypt.recover)

cli_lists.whole_short_help(main)  # last: after every command is added

if __name__ == "__main__":  # pragma: no cover
    main()
