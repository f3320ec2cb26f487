"""The audit head a printout or an export carries, read back from the file.

Every PDF of data prints "Audit head 1234:3f9a..." in its footer and puts it in its Keywords;
ODM files carry it in the root element's Description; CSV and REDCap export folders in their
README.txt (alsdesk.exchange.heads). A seal or a note typed by hand is any text file holding
a head. :func:`head_in_file` finds the head in any of these, so `alsdesk verify --against
FILE` can check the database still holds it (alsdesk.anchor.extends).
"""
from __future__ import annotations

import logging
import re
from alsdesk.store.sqldb import driver as sqlite3
import zipfile
import zlib
from pathlib import Path
from xml.parsers import expat

from alsdesk import anchor
from alsdesk.anchor import Head
from alsdesk.errors import AlsDeskError
from alsdesk.store.filekind import kind_of

# "Audit head 1234:3f9a...": the label first, so another number:hex pair in the same text
# (none today) cannot be taken for the head.
_LABELLED = re.compile(re.escape(anchor.PREFIX) + r"\s+(\d{1,12}\s*:\s*[0-9a-fA-F]{%d,64})"
                       % anchor.HEX_CHARS, re.IGNORECASE)
_TEXT_LIMIT = 4 * 1024 * 1024  # a README, a seal or a note is far smaller
_README_NAMES = ("README.txt", "readme.txt", "MANIFEST.txt", "manifest.txt")


class NoHead(AlsDeskError):
    """The file cannot be read, or holds no audit head."""


def head_in_file(path: Path) -> Head:
    """The audit head `path` carries: a PDF, an ODM or other XML file, an export folder or
    its zip, a README or manifest, a SQLite database, or any text file holding a head."""
    path = Path(path)
    if path.is_dir():
        return _folder(path)
    kind = kind_of(path)
    if kind is not None:  # a FIFO would block the open below for ever
        raise NoHead(f"{path} is {kind}, not a file: give the path of a printed PDF, an "
                     "export or a text file holding an audit head.")
    try:
        with path.open("rb") as fh:
            start = fh.read(16)
    except FileNotFoundError:
        raise NoHead(f"There is no file {path}: give the path of a printed PDF, an export or "
                     "a text file holding an audit head.") from None
    except OSError as exc:
        raise NoHead(f"Cannot read {path}: {exc.strerror or exc}.") from None
    if start.startswith(b"%PDF"):
        return _pdf(path)
    if start.startswith(b"PK\x03\x04"):
        return _zip(path)
    if start.startswith(b"SQLite format 3\x00") or _encrypted_database(path):
        return _database(path)
    return _text_file(path)


def _encrypted_database(path: Path) -> bool:
    """A backup encrypted with the key this process unlocked (issue 20)."""
    from alsdesk.store import sqldb

    return sqldb.is_encrypted(path) and sqldb.unlocked(path)


# -- PDF ----------------------------------------------------------------------------------


def _pdf(path: Path) -> Head:
    try:
        from pypdf import PdfReader
    except ImportError:
        raise NoHead("Reading a PDF needs the pypdf package, which is not installed: "
                     "install it (pip install pypdf) or type the head printed at the foot "
                     "of the page instead.") from None
    # pypdf raises many kinds of error on a damaged file (its own, ValueError, KeyError,
    # TypeError...): each becomes the message below, never a traceback. Its warnings about
    # a damaged file ("EOF marker not found") would reach the terminal past our message.
    quiet = logging.getLogger("pypdf")
    level = quiet.level
    quiet.setLevel(logging.ERROR)
    try:
        reader = PdfReader(str(path))
        keywords = str((reader.metadata or {}).get("/Keywords") or "")
        found = _labelled(keywords)
        if found is not None:
            return found
        for page in reader.pages:  # a PDF whose metadata was lost: the printed footer
            found = _labelled(page.extract_text() or "")
            if found is not None:
                return found
    except Exception as exc:  # noqa: BLE001 - see above
        raise NoHead(f"{path} cannot be read as a PDF ({type(exc).__name__}: {exc}): it is "
                     "damaged or not a PDF. Type the head printed at the foot of the page "
                     "instead.") from None
    finally:
        quiet.setLevel(level)
    raise NoHead(f"{path} holds no audit head: neither its metadata nor its pages name one. "
                 "Blank CRF books carry none, nor do PDFs printed before ALS Desk printed "
                 "heads.")


# -- folders, zips, text ------------------------------------------------------------------


def _folder(path: Path) -> Head:
    for name in _README_NAMES:
        if (path / name).is_file():  # is_file: a FIFO named README.txt is not read
            return _text_file(path / name)
    raise NoHead(f"The folder {path} has no README.txt: it is not an ALS Desk CSV or REDCap "
                 "export. Give the export's README.txt, its ODM file or a PDF.")


def _zip(path: Path) -> Head:
    try:
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
            readmes = [n for n in names if n.rsplit("/", 1)[-1] in _README_NAMES]
            others = [n for n in names if n.lower().endswith((".xml", ".txt"))
                      and n not in readmes]
            for name in readmes + others:
                with zf.open(name) as fh:
                    found = _in_text(fh.read(_TEXT_LIMIT + 1))
                if found is not None:
                    return found
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, RuntimeError, zlib.error,
            NotImplementedError, EOFError) as exc:
        # RuntimeError: a member is encrypted; NotImplementedError: compressed in a way
        # Python does not read; zlib.error, EOFError: a damaged member.
        raise NoHead(f"{path} cannot be read as a zip file ({exc}).") from None
    raise NoHead(f"{path} holds no audit head: no README.txt, manifest or ODM file in it "
                 "names one.")


def _text_file(path: Path) -> Head:
    try:
        with path.open("rb") as fh:
            data = fh.read(_TEXT_LIMIT + 1)
    except OSError as exc:
        raise NoHead(f"Cannot read {path}: {exc.strerror or exc}.") from None
    if b"\x00" in data[:4096]:
        raise NoHead(f"{path} is neither a PDF, an export nor a text file: it cannot hold "
                     "an audit head.")
    found = _in_text(data)
    if found is None and len(data) > _TEXT_LIMIT and not _is_xml(data):
        raise NoHead(f"{path} is larger than a README or a note holding an audit head "
                     f"({_TEXT_LIMIT // (1024 * 1024)} MB at most) and names none at its "
                     "start: give the export's README.txt or the ODM file.")
    if found is None:
        raise NoHead(f"{path} holds no audit head. A head is a row number, a colon and "
                     f"{anchor.HEX_CHARS} hexadecimal characters (1234:3f9a2b7c1d0e4f5a), as "
                     "printed at the foot of every PDF and written in every export.")
    return found


def _is_xml(data: bytes) -> bool:
    return data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


def _in_text(data: bytes) -> Head | None:
    """The head in the start of a file (`data`: at most _TEXT_LIMIT + 1 bytes of it).

    An ODM file may be far larger than what is read: its head is in the root element's
    start tag, at the top."""
    if _is_xml(data):
        found = _xml_root(data)
        if found is not None:
            return found
    text = data[:_TEXT_LIMIT].decode("utf-8-sig", errors="replace")
    found = _labelled(text)
    if found is not None:
        return found
    try:
        return anchor.parse(text)  # a head alone, as typed into a seal or a note
    except AlsDeskError:
        return None


def _xml_root(data: bytes) -> Head | None:
    """The head in the Description of an ODM file's root element (only the root is read)."""
    attrs: dict[str, str] = {}

    class _Done(Exception):
        pass

    def start(name: str, attributes: dict[str, str]) -> None:
        attrs.update(attributes)
        raise _Done

    def doctype(*_args) -> None:
        raise _Done  # a DTD may declare entities that expand without end: not read

    parser = expat.ParserCreate()
    parser.StartElementHandler = start
    parser.StartDoctypeDeclHandler = doctype
    try:
        parser.Parse(data, False)  # not final: `data` may be the start of a larger file
    except _Done:
        pass
    except expat.ExpatError:
        return None  # not well-formed XML: the caller looks at the text
    return _labelled(attrs.get("Description", ""))


def _labelled(text: str) -> Head | None:
    found = _LABELLED.findall(text)
    return anchor.parse(found[-1]) if found else None


# -- a database (a backup copy) -----------------------------------------------------------


def _database(path: Path) -> Head:
    """The head of a copy of the database, such as a backup kept on a stick."""
    from alsdesk.store import schema

    try:
        # open_readonly: a backup on a write-protected stick is read as immutable
        conn = schema.open_readonly(path)
    except sqlite3.Error as exc:
        raise NoHead(f"{path} cannot be opened as a database ({exc}).") from None
    try:
        return anchor.of(conn)
    except sqlite3.Error as exc:
        raise NoHead(f"{path} is a SQLite file but not an ALS Desk database with an audit "
                     f"trail ({exc}).") from None
    finally:
        conn.close()


__all__ = ["NoHead", "head_in_file"]
