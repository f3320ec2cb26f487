"""Build the translation catalogues: ``python -m ui.translations`` (docs/translations.md).

1. ``pyside6-lupdate`` reads every ``tr("...")`` (and ``QCoreApplication.translate``) in
   alsdesk/ and ui/ into resources/translations/alsdesk_<code>.ts, keeping the translations
   already written and dropping strings the code no longer has;
2. a translator fills the .ts (Qt Linguist: ``pyside6-linguist``, or any text editor);
3. ``pyside6-lrelease`` compiles it into the .qm the program loads (ui.i18n).

``--check`` changes nothing: it says how many strings have no translation yet (status 1 if
any), which is what the tests ask too.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATED = ("fa",)  # English is the source language: it has no catalogue


def ts_path(code: str) -> Path:
    return ROOT / "resources" / "translations" / f"alsdesk_{code}.ts"


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}") or shutil.which(
        f"pyside6-{name}", path=str(Path(sys.executable).parent))
    if found is None:
        raise SystemExit(f"pyside6-{name} not found: install PySide6 in this environment")
    return found


def sources() -> list[str]:
    """The Python files whose strings are translated, relative to the project's folder."""
    return sorted(str(p.relative_to(ROOT)) for folder in ("alsdesk", "ui")
                  for p in (ROOT / folder).rglob("*.py"))


def update(code: str) -> None:
    subprocess.run([_tool("lupdate"), "-no-obsolete", *sources(), "-ts",
                    str(ts_path(code).relative_to(ROOT))], cwd=ROOT, check=True)


def release(code: str) -> Path:
    qm = ts_path(code).with_suffix(".qm")
    subprocess.run([_tool("lrelease"), str(ts_path(code)), "-qm", str(qm)], cwd=ROOT,
                   check=True, capture_output=True)
    return qm


def untranslated(code: str) -> list[str]:
    """The source texts of `code`'s catalogue that have no translation yet."""
    from alsdesk.i18n import read_ts

    return [source for source, text in read_ts(ts_path(code)).items() if text is None]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.translations", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true",
                        help="only report the strings that have no translation yet")
    args = parser.parse_args(argv)
    status = 0
    for code in TRANSLATED:
        if not args.check:
            update(code)
            print(f"compiled {release(code).relative_to(ROOT)}")
        missing = untranslated(code)
        if missing:
            status = 1
            print(f"{code}: {len(missing)} string(s) without a translation, e.g.:")
            for text in missing[:10]:
                print(f"  {text!r}")
        else:
            print(f"{code}: every string translated")
    return status


if __name__ == "__main__":
    sys.exit(main())
