"""`alsdesk encrypt` and `alsdesk recover` (issue 20; the work is alsdesk/store/convert.py)."""
from __future__ import annotations

import click

# (alsdesk.cli's helpers are imported in each command: `python -m alsdesk.cli` runs that
# module as __main__, and importing it here at the top would import it a second time.)


@click.command(short_help="Encrypt a plain database in place (checked copy, verify before and "
                          "after, the plain file kept aside until --confirm).")
@click.option("--as", "acting", help="Your administrator user id.")
@click.option("--password-stdin", is_flag=True, help="Read your password from standard input.")
@click.option("--confirm", is_flag=True,
              help="After checking the encrypted file: type the recovery key back from the "
                   "binder, and the file kept aside is deleted.")
@click.option("--rekey", is_flag=True,
              help="An encrypted database under a new key (someone who left may have taken "
                   "the old one out of their slot): a new recovery key, new passwords for "
                   "the other accounts.")
@click.pass_context
def encrypt(ctx: click.Context, acting: str | None, password_stdin: bool, confirm: bool,
            rekey: bool) -> None:
    """Encrypt a plain database (or, with --rekey, give an encrypted one a new key): the
    administrator's password opens it from now on, the recovery key is printed once, the
    other accounts need new passwords."""
    from alsdesk.cli import _db_path, _password_of, _read_line, _recovery_text
    from alsdesk.store import convert

    path = _db_path(ctx, unlock=False)
    if confirm:
        key = (_read_line("Recovery key") if password_stdin else click.prompt(
            "Recovery key, from the binder's page", hide_input=True))
        gone = convert.confirm(path, key)
        click.echo(f"Deleted {len(gone)} file(s) kept aside: "
                   + (", ".join(p.name for p in gone) or "none was there") + ".")
        return
    if not acting:
        raise click.UsageError("Give your administrator user id with --as.")
    if not path.is_file():
        raise click.ClickException(f"There is no database at {path}.")
    password = _password_of(acting, password_stdin)
    # The key is printed before the encrypted copy replaces the file: a kill after that
    # moment finds it on the screen already.
    if rekey:  # the file opens with this login first (under its old key)
        from alsdesk.store import encryption

        encryption.open_door(path, acting, password)
    done = convert.encrypt(path, acting, password, rekey=rekey,
                           show_key=lambda key: click.echo(_recovery_text(path, key) + "\n"))
    click.echo("Before:\n" + done.verify_before)
    click.echo(f"\nEncrypted {path}. After:\n" + done.verify_after)
    click.echo("VERIFY OK" if done.ok_after else "VERIFY FAILED: keep the plain file kept "
               "aside, and do not confirm.")
    what = "file under its old key" if rekey else "plain file"
    click.echo(f"\nThe {what} is kept aside as {done.aside.name}: once you have checked "
               "the encrypted file (log in, look at a subject), delete it with 'alsdesk "
               "encrypt --confirm' (it asks for the recovery key above). "
               + ("The backups made before open with the old key and old passwords: delete "
                  "or lock away those you do not need." if rekey else
                  "Every backup made before this conversion is plain: delete those too."))
    if done.without_slot:
        why = ("their slots opened the old key" if rekey else
               "their old ones were readable in the plain file")
        click.echo("\nThese accounts cannot open the file until you give each a new password "
                   f"('alsdesk users reset-password'; {why}): "
                   + ", ".join(done.without_slot) + ".")


@click.command(short_help="Every password lost: open the file with the recovery key and give "
                          "an administrator a new password.")
@click.option("--admin", "admin_id", required=True, help="The administrator's user id.")
@click.option("--reason", required=True, help="Why (recorded in the audit trail).")
@click.option("--stdin", "from_stdin", is_flag=True,
              help="Read the recovery key, then the new password, from standard input.")
@click.pass_context
def recover(ctx: click.Context, admin_id: str, reason: str, from_stdin: bool) -> None:
    """Open an encrypted database with the recovery key from the study binder and set a new
    password for an administrator (audited as done with the recovery key)."""
    from alsdesk.cli import _db_path, _read_line, _read_secret
    from alsdesk.store import convert

    path = _db_path(ctx, unlock=False)
    if not path.is_file():
        raise click.ClickException(f"There is no database at {path}.")
    key = _read_line("Recovery key") if from_stdin else click.prompt(
        "Recovery key (13 groups of 4, from the binder)", hide_input=True)
    password = _read_secret(f"New password of {admin_id}", from_stdin, confirm=True)
    rebuilt = convert.recover(path, key, admin_id, password, reason)
    click.echo(f"'{admin_id}' has a new password and opens {path} with it again. "
               + ("The key file was missing or damaged and was made anew: every other "
                  "account needs a new password ('alsdesk users reset-password')."
                  if rebuilt else "Give the other accounts new passwords if theirs are lost "
                  "too."))
