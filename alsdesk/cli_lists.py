"""`alsdesk subjects` and the tables of `alsdesk study`: plain-text tables (a header row, columns padded to
their widest cell, so the output reads, and pastes, as a table); and the commands' one-line
help shown whole in every --help listing."""
from __future__ import annotations

from typing import Iterable, Sequence

import click

from alsdesk.study.model import Event, EventKind, Study, TimeUnit


def table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """Lines of an aligned table; the last column is never padded (it may be long)."""
    rows = [[str(c) for c in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        padded = [c.ljust(w) for c, w in zip(cells[:-1], widths)] + [cells[-1]]
        return "  ".join(padded).rstrip()

    return [line(headers), line(["-" * w for w in widths])] + [line(r) for r in rows]


def _number(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def event_timing(event: Event) -> str:
    """'day 60 (53 to 67)', 'hour 72 (48 to 96)', 'days -28 to 0', 'repeats', 'log'."""
    if event.kind is EventKind.LOG:
        return "running log"
    if event.repeating:
        return "any time, repeats"
    if event.unit is None:
        return ""
    unit = "hour" if event.unit is TimeUnit.HOURS else "day"
    window = (f"{_number(event.window[0])} to {_number(event.window[1])}"
              if event.window else "")
    if event.target is None:
        return f"{unit}s {window}".strip()
    text = f"{unit} {_number(event.target)}"
    if event.window and event.window[0] != event.window[1]:
        text += f" ({window})"
    return text + (", the anchor" if event.anchor else "")


def event_table(study: Study) -> list[str]:
    """The study's events: the id that commands take (`pdf visit S001 m2`), name, timing
    from the anchor (the infusion), forms."""
    return table(["event id", "name", "when (from the anchor)", "forms"],
                 [[e.id, e.label, event_timing(e), ", ".join(e.forms)] for e in study.events])


def event_ids(study: Study) -> str:
    """'screening (Screening), baseline (...), ...' for messages."""
    return ", ".join(f"{e.id} ({e.label})" for e in study.events)

@click.command()
@click.option("--as", "acting", required=True, help="Your user id.")
@click.option("--password-stdin", is_flag=True, help="Read your password from standard input.")
@click.pass_context
def subjects(ctx: click.Context, acting: str, password_stdin: bool) -> None:
    """List subjects with their status and next visit (you log in: it is trial data)."""
    from alsdesk.cli import _login_viewer, _open  # here: alsdesk.cli imports this module
    from alsdesk.overview import next_visit_texts

    with _open(ctx, readonly=True) as store:
        _login_viewer(store, acting, password_stdin)
        found = store.subjects.list()
        if not found:
            click.echo("No subjects yet.")
            return
        visits = next_visit_texts(store)
        rows = [[s.code, s.status.value, visits.get(s.code) or "-"] for s in found]
    for line in table(["subject", "status", "next visit"], rows):
        click.echo(line)


def whole_short_help(group: click.Group) -> None:
    """Every command listed in a --help with its whole first sentence, wrapped, not cut to
    the width left beside the names ("Back up the database (safe while ALS Desk is open)
    and check..."). Run once all commands are added, so later ones are covered too."""
    import inspect
    import re

    for command in group.commands.values():
        if command.short_help is None and command.help:
            paragraph = inspect.cleandoc(command.help).split("\n\n")[0]
            sentence = re.split(r"(?<=\.)\s", " ".join(paragraph.split()), maxsplit=1)[0]
            command.short_help = sentence
        if isinstance(command, click.Group):
            whole_short_help(command)
