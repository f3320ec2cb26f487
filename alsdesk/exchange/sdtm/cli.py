"""`alsdesk export sdtm`: the SDTM datasets as SAS transport v5 files."""
from __future__ import annotations

import click

from alsdesk.exchange.commands import _run, export_options


@click.command("sdtm")
@click.option("--out", required=True, type=click.Path(file_okay=False),
              help="A new or empty folder for the SDTM .xpt files and define.xml.")
@export_options("sdtm", audit=False)
@click.pass_context
def export_sdtm(ctx: click.Context, out: str, **opts) -> None:
    """SDTM datasets (DM, VS, QS, RS, RE, AE, CM, MH...) as SAS transport v5, one per domain;
    the mapping is resources/study/sdtm.toml."""
    _run(ctx, "sdtm", out, **opts)
