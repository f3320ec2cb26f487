"""The codebook (alsdesk export codebook): read with an HTML parser, it names every field of
the definition with its label, codes and missing-data codes as each format writes them."""
from __future__ import annotations

from html.parser import HTMLParser

from click.testing import CliRunner

from alsdesk.cli import main
from alsdesk.study import load_study


class Cells(HTMLParser):
    """Table rows as lists of cell texts, per table (one table per form)."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None
        self.headings: list[str] = []
        self._h2 = False

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self.cell = []
        elif tag == "br" and self.cell is not None:
            self.cell.append("\n")
        elif tag == "h2":
            self._h2 = True
            self.headings.append("")

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append("".join(self.cell).strip())
            self.cell = None
        elif tag == "h2":
            self._h2 = False

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)
        if self._h2:
            self.headings[-1] += data


def test_every_field_is_in_the_codebook(tmp_path):
    out = tmp_path / "codebook.html"
    result = CliRunner().invoke(main, ["export",
                                       "codebook", "--out", str(out)])
    assert result.exit_code == 0, result.output
    parser = Cells()
    parser.feed(out.read_text(encoding="utf-8"))
    study = load_study()
    assert len(parser.headings) == len(study.forms)
    by_name: dict[str, list[list[str]]] = {}
    for row in parser.rows:
        if row and row[0] != "variable":
            by_name.setdefault(row[0].split("\n")[0], []).append(row)
    for form in study.forms.values():
        assert f"{form.label} ({form.id})" in parser.headings
        for f in form.fields:
            rows = [r for r in by_name[f.id] if r[1].startswith(f.label)]
            assert rows, (form.id, f.id)
            row = rows[0]
            if f.codelist is not None:
                for c in f.codelist.choices:
                    assert f"{c.code} = {c.label}" in row[3], (form.id, f.id, c.code)
            for code in f.missing:
                assert code in row[4], (form.id, f.id, code)
            if "NA" in f.missing:
                assert "CSV NAP" in row[4]
            if f.sdtm:
                assert f.sdtm in row[8]
    result = CliRunner().invoke(main, ["export",
                                       "codebook", "--out", str(out)])
    assert result.exit_code != 0 and "exists" in result.output  # never over a file unasked


def test_text_of_the_definition_is_escaped(tmp_path):
    from alsdesk.exchange.codebook import codebook_html
    from alsdesk.paths import default_study_file

    text = default_study_file().read_text(encoding="utf-8")
    hostile = 'Vital <script>alert(1)</script> & "signs"'
    path = tmp_path / "study.toml"
    path.write_text(text.replace('label = "Vital signs"', f"label = '{hostile}'", 1),
                    encoding="utf-8")
    page = codebook_html(load_study(path))
    assert "<script>" not in page
    parser = Cells()
    parser.feed(page)
    assert f"{hostile} (vs)" in parser.headings
