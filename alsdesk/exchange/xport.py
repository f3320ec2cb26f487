"""A SAS transport (XPORT v5) file written a block of rows at a time.

pyreadstat.write_xport needs the whole dataset as one DataFrame: for 10,000 subjects the QS
domain alone is 1.6 million records, several hundred MB as Python objects. This writer takes
the rows in blocks (columns of equal length), turns each block into its bytes at once (numbers
into IBM doubles with numpy, text into fixed-width bytes) and spools it to a scratch file
beside the output; :meth:`XportFile.close` then knows every text's longest value (a v5 header
gives each variable's width before the first record) and writes the file.

The bytes are those pyreadstat 1.3.8 (ReadStat) writes for the same data: the same header
records, NAMESTR layout, IBM conversion (truncating, as SAS's TS-140 routine does), missing
numbers as ".", text padded with blanks, the last card padded with blanks.
tests/test_exchange_xport.py compares the two byte for byte.
"""
from __future__ import annotations

import datetime as dt
import pickle
import re
import struct
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from alsdesk.exchange.dataset import ExportError

CARD = 80
NAME, LABEL = 8, 40
MISSING = b"." + bytes(7)  # SAS's plain missing number
NUM, TEXT, DATE, DATETIME, AUTO = "num", "text", "date", "datetime", "auto"
# SAS dates count days, date-times seconds, from 1 January 1960.
DATE0, DATETIME0 = dt.date(1960, 1, 1), dt.datetime(1960, 1, 1)
RESERVED = {"_N_", "_ERROR_", "_NUMERIC_", "_CHARACTER_", "_ALL_"}  # ReadStat refuses these
_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
_NUMBER_TYPES = {int, float, type(None)}  # not bool: True is text ("True"), as before


@dataclass(frozen=True)
class Var:
    """One variable. kind: num, text, date (datetime.date values), datetime, or auto: numeric
    when every value is a number or None (an all-None column too), else text.
    `format` is a SAS format such as "YYMMDD10." (kept on a date column written as text)."""

    name: str
    label: str
    kind: str
    format: str = ""
    # a text's length in bytes at least this (SDTM: USUBJID one length in every dataset);
    # such a variable is never the one widened past a card
    width: int = 0


def check_name(name: str) -> None:
    """The names ReadStat accepts in v5: 1-8 letters, digits, underscores, not a digit first."""
    ok = (0 < len(name) <= NAME and name.isascii() and (name[0].isalpha() or name[0] == "_")
          and all(c.isalnum() or c == "_" for c in name) and name not in RESERVED)
    if not ok:
        raise ExportError(f"{name!r} is not a SAS transport v5 name (1-8 letters, digits or "
                          "underscores, not starting with a digit).")


def ibm_doubles(values: np.ndarray) -> np.ndarray:
    """IEEE doubles as IBM hexadecimal doubles (big-endian uint64), NaN as missing.

    SAS's ieee2xpt (TS-140), vectorised: the 53-bit mantissa shifted left by the binary
    exponent's low 2 bits is the 56-bit hex fraction, the exponent / 4 + 65 the hex exponent;
    too small gives 0, too large the largest number of that sign."""
    u = np.ascontiguousarray(values, dtype=np.float64).view(np.uint64)
    sign = u & np.uint64(1 << 63)
    e = ((u >> np.uint64(52)) & np.uint64(0x7FF)).astype(np.int64) - 1023
    frac = (u & np.uint64((1 << 52) - 1)) | np.uint64(1 << 52)
    frac <<= (e & 3).astype(np.uint64)
    out = sign | (((e >> 2) + 65).astype(np.uint64) << np.uint64(56)) | frac
    out[e < -260] = 0
    out[e > 248] = sign[e > 248] | np.uint64(0x7FFFFFFFFFFFFFFF)
    out[np.isnan(values)] = np.uint64(0x2E00000000000000)
    return out.astype(">u8")


def _texts(col: Sequence[Any]) -> tuple[list[str], bool]:
    """The values as text, and whether they all were text."""
    if set(map(type, col)) <= {str}:
        return (col if isinstance(col, list) else list(col)), True
    return ["" if v is None else str(v) for v in col], False


def _encode(texts: list[str]) -> list[bytes]:
    """Each text in UTF-8: one encode of them all, split at the NULs put between them (a
    NUL inside a text, which the program refuses on entry, falls back to one by one)."""
    encoded = "\0".join(texts).encode("utf-8").split(b"\0")
    if len(encoded) != len(texts):
        encoded = [t.encode("utf-8") for t in texts]
    return encoded


class XportFile:
    """One dataset: ``add`` blocks of columns, then ``close``. `limit` refuses (never cuts)
    a text longer than that many bytes."""

    def __init__(self, path: Path, name: str, label: str, variables: Sequence[Var],
                 limit: int | None = None) -> None:
        for n in [name, *(v.name for v in variables)]:
            check_name(n)
        self.path, self.name, self.label, self.limit = Path(path), name, label, limit
        self.vars = list(variables)
        self.kinds = [v.kind for v in self.vars]
        self.longest = [0] * len(self.vars)  # bytes of the longest text so far
        self.pure = [True] * len(self.vars)  # text only, no date or None turned into text
        self.rows = self.blocks = 0
        self.spool = tempfile.TemporaryFile(dir=self.path.parent, prefix=".spool.")

    def add(self, columns: Sequence[Sequence[Any]]) -> None:
        """One block of rows, as one sequence of values per variable (in order)."""
        n = len(columns[0]) if columns else 0
        if n == 0:
            return
        payload: list[Any] = []
        for i, col in enumerate(columns):
            kind = self.kinds[i]
            if kind == AUTO:
                first = next((v for v in col if v is not None), None)
                if first is None:
                    payload.append(None)  # all None: missing or blank, decided at the end
                    continue
                numeric = type(first) in (int, float)
                kind = self.kinds[i] = NUM if numeric else TEXT
            if kind == NUM:
                if not set(map(type, col)) <= _NUMBER_TYPES:
                    raise ExportError(f"{self.name}.{self.vars[i].name} mixes numbers and text.")
                payload.append(ibm_doubles(np.array(col, dtype=np.float64)).tobytes())
            elif kind in (DATE, DATETIME):
                try:
                    numbers = [None if v is None else (v - DATE0).days if kind == DATE
                               else (v - DATETIME0).total_seconds() for v in col]
                except TypeError:  # the caller declares a column with a partial date text
                    raise ExportError(f"{self.name}.{self.vars[i].name} holds a value that "
                                      "is no date.") from None
                payload.append(ibm_doubles(np.array(numbers, dtype=np.float64)).tobytes())
            else:
                texts, pure = _texts(col)
                self.pure[i] = self.pure[i] and pure
                encoded = _encode(texts)
                size = max(map(len, encoded))
                if self.limit is not None and size > self.limit:
                    raise ExportError(f"{self.name}.{self.vars[i].name} holds a text of {size} "
                                      f"bytes; SAS transport v5 takes {self.limit} (split it "
                                      "before writing).")
                self.longest[i] = max(self.longest[i], size)
                payload.append(np.array(encoded, dtype=f"S{max(size, 1)}"))
        pickle.dump((n, payload), self.spool, protocol=pickle.HIGHEST_PROTOCOL)
        self.rows += n
        self.blocks += 1

    def close(self) -> list[tuple[str, bool, int]]:
        """Write the file; (variable, numeric, length in bytes) of each variable."""
        kinds = [NUM if k == AUTO else k for k in self.kinds]
        text = [k == TEXT for k in kinds]
        longest = [max(size, v.width) for size, v in zip(self.longest, self.vars)]
        widths = [max(1, size) if t else 8 for t, size in zip(text, longest)]
        lengths = [size if t else 8 for t, size in zip(text, longest)]
        self._widen(widths, lengths, text)
        with open(self.path, "wb") as fh:
            fh.write(self._header(widths, text))
            written = self._records(fh, widths, text)
            if written % CARD:
                fh.write(b" " * (CARD - written % CARD))
        self.spool.close()
        return [(v.name, not t, size) for v, t, size in zip(self.vars, text, lengths)]

    def discard(self) -> None:
        try:
            self.spool.close()
        except OSError:
            pass  # the spool is thrown away: a full disk failing its last flush changes nothing

    def _widen(self, widths: list[int], lengths: list[int], text: list[bool]) -> None:
        """Make a record longer than one 80-byte card.

        The file ends padded with blanks to a whole card, so a reader cannot tell a short
        last record with blank trailing text from padding: pandas.read_sas counts the blank
        8-byte words of the last card as padding and drops the last row of such a file (a
        DM with an empty ETHNIC last lost a subject; so did the raw sv.xpt). Trailing blanks
        are not part of a SAS character value (every reader strips them), so widening the
        widest text variable (the last name of equals) past the card is harmless."""
        # As before (pyreadstat's frame was widened): a column that held anything but text
        # (a date beside a partial date) counted as 8 bytes and was never the one widened.
        plain = [t and p for t, p in zip(text, self.pure)]
        width = sum(w if p else 8 for w, p in zip(widths, plain))
        free = [p and not v.width for p, v in zip(plain, self.vars)]
        if self.rows == 0 or width > CARD or not any(free):
            return
        i = max((i for i in range(len(widths)) if free[i]),
                key=lambda i: (widths[i], self.vars[i].name))
        widths[i] = lengths[i] = widths[i] + CARD + 1 - width

    def _header(self, widths: list[int], text: list[bool]) -> bytes:
        t = time.localtime()
        stamp = (f"{t.tm_mday:02d}{_MONTHS[t.tm_mon - 1]}{t.tm_year % 100:02d}:"
                 f"{t.tm_hour:02d}:{t.tm_min:02d}:{t.tm_sec:02d}").encode("ascii")

        def card(*parts: bytes) -> bytes:
            line = b"".join(parts)
            return line + b" " * (-len(line) % CARD)

        def head(name: str, nums: str = "0" * 30) -> bytes:
            return card(b"HEADER RECORD*******", name.ljust(8).encode("ascii"),
                        b"HEADER RECORD!!!!!!!", nums.encode("ascii"))

        def pad(text_: str, size: int) -> bytes:  # cut, as ReadStat's fixed fields do
            return text_.encode("utf-8")[:size].ljust(size)

        out = [head("LIBRARY"),
               card(pad("SAS", 8), pad("SAS", 8), pad("SASLIB", 8), pad("6.06", 8),
                    pad("bsd4.2", 8), b" " * 24, stamp),
               card(stamp), head("MEMBER", "0" * 17 + "160" + "0" * 7 + "140"), head("DSCRPTR"),
               card(pad("SAS", 8), pad(self.name, 8), pad("SASDATA", 8), pad("6.06", 8),
                    pad("bsd4.2", 8), b" " * 24, stamp),
               card(stamp, b" " * 16, pad(self.label, LABEL), b" " * 8),
               head("NAMESTR", f"{0:05d}{len(self.vars):05d}" + "0" * 20)]
        names, offset = [], 0
        for n, (v, width, is_text) in enumerate(zip(self.vars, widths, text), start=1):
            fmt, fl, fd = _format(v.format)
            names.append(struct.pack(
                ">hhhh8s40s8shhhh8shhl52s", 2 if is_text else 1, 0, width, n,
                pad(v.name, 8), pad(v.label, LABEL), pad(fmt, 8), fl, fd, 0 if is_text else 1,
                0, b" " * 8, 0, 0, offset, bytes(52)))
            offset += width
        out.append(card(b"".join(names)))
        out.append(head("OBS"))
        return b"".join(out)

    def _records(self, fh, widths: list[int], text: list[bool]) -> int:
        self.spool.seek(0)
        offsets = np.cumsum([0, *widths])
        width = int(offsets[-1])
        written = 0
        for _ in range(self.blocks):
            n, payload = pickle.load(self.spool)
            buf = np.empty((n, width), dtype=np.uint8)
            for i, data in enumerate(payload):
                at, w = int(offsets[i]), widths[i]
                cells = buf[:, at:at + w]
                if data is None:
                    cells[:] = 32 if text[i] else np.frombuffer(MISSING, np.uint8)
                elif text[i]:
                    size = data.dtype.itemsize
                    part = data.view(np.uint8).reshape(n, size)
                    cells[:, :size] = np.where(part == 0, 32, part)  # numpy pads with NULs
                    cells[:, size:] = 32
                else:
                    cells[:] = np.frombuffer(data, np.uint8).reshape(n, 8)
            fh.write(buf.data)
            written += buf.size
        return written


def _format(text: str) -> tuple[str, int, int]:
    """("YYMMDD", 10, 0) of "YYMMDD10."."""
    found = re.fullmatch(r"([A-Za-z$_]*)(\d*)\.(\d*)", text)
    if not found:
        return "", 0, 0
    name, width, places = found.groups()
    return name, int(width or 0), int(places or 0)
