"""An ODM file read piece by piece, so that importing it needs the memory of one subject.

The document is parsed with expat in blocks (a DOCTYPE or an entity declaration is refused:
ODM never needs one, and entity expansion is the classic XML bomb). Everything but the
subjects (the ODM element, Study with its metadata, AdminData, ClinicalData's attributes) is
kept as one small tree, the *skeleton*; each SubjectData is built as a tree of its own and
handed out when it ends, then dropped. Every element's line is kept (for messages) in a
dictionary that belongs to the piece it came from, so dropping a subject drops its lines.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import IO, Any, Iterator
from xml.parsers import expat

from alsdesk.exchange import odm_common as oc

BLOCK = 1 << 16
_CLINICAL = oc.tag("ClinicalData")
_SUBJECT = oc.tag("SubjectData")


class DoctypeRefused(Exception):
    pass


# ODM nests at most about ten deep (ODM, ClinicalData, SubjectData, StudyEventData, FormData,
# ItemGroupData, ItemData, AuditRecord, UserRef; the metadata as much). A file nesting deeper
# is no ODM, and 100,000 levels would exhaust the recursion of every tree walker after us.
MAX_DEPTH = 40


class TooDeep(Exception):
    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


@dataclass
class Piece:
    """What the reader has come to: "clinical" (a ClinicalData has begun: the skeleton holds
    everything before it; `element` is the ClinicalData, without children yet, and `lines`
    the skeleton's lines, kept up to date as it grows), "subject"
    (`element` is one whole SubjectData, `lines` its elements' lines) or "end" (the file is
    read; `element` is the skeleton's root)."""
    kind: str
    element: ET.Element
    lines: dict[int, int] = field(default_factory=dict)
    root: ET.Element | None = None  # for "clinical": the skeleton as read so far


class _Builder:
    """expat's handlers: the skeleton in one TreeBuilder, the subject being read in another."""

    def __init__(self, parser: Any) -> None:
        self.parser = parser
        self.main = ET.TreeBuilder()
        self.root: ET.Element | None = None
        self.lines: dict[int, int] = {}  # the skeleton's elements
        self.sub: ET.TreeBuilder | None = None
        self.sub_lines: dict[int, int] = {}
        self.path: list[str] = []
        self.ready: list[Piece] = []
        self.events = 0

    @staticmethod
    def qname(name: str) -> str:
        uri, _, local = name.rpartition(" ")
        return f"{{{uri}}}{local}" if uri else local

    def start(self, name: str, attrs: dict[str, str]) -> None:
        self.events += 1
        tag = self.qname(name)
        attrib = {self.qname(k): v for k, v in attrs.items()}
        line = self.parser.CurrentLineNumber
        if len(self.path) >= MAX_DEPTH:
            raise TooDeep(line)
        if self.sub is None and tag == _SUBJECT and self.path[-1:] == [_CLINICAL] \
                and len(self.path) == 2:
            self.sub, self.sub_lines = ET.TreeBuilder(), {}
        if self.sub is not None:
            self.sub_lines[id(self.sub.start(tag, attrib))] = line
        else:
            el = self.main.start(tag, attrib)
            self.lines[id(el)] = line
            if self.root is None:
                self.root = el
            if tag == _CLINICAL and len(self.path) == 1:
                self.ready.append(Piece("clinical", el, self.lines, self.root))
        self.path.append(tag)

    def end(self, name: str) -> None:
        self.events += 1
        tag = self.path.pop()
        if self.sub is None:
            self.main.end(tag)
            return
        self.sub.end(tag)
        if len(self.path) == 2:  # the SubjectData itself has ended
            self.ready.append(Piece("subject", self.sub.close(), self.sub_lines))
            self.sub, self.sub_lines = None, {}

    def data(self, text: str) -> None:
        self.events += 1
        (self.sub or self.main).data(text)


def _refuse(*_args: Any) -> None:
    raise DoctypeRefused


def pieces(fh: IO[bytes]) -> Iterator[Piece]:
    """The pieces of the ODM file open in `fh`, in the file's order; raises expat.ExpatError
    for XML that is not well formed, DoctypeRefused for a DTD and TooDeep for elements
    nested deeper than MAX_DEPTH."""
    parser = expat.ParserCreate(namespace_separator=" ")
    builder = _Builder(parser)
    parser.StartElementHandler = builder.start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.data
    parser.StartDoctypeDeclHandler = _refuse
    parser.EntityDeclHandler = _refuse
    parser.buffer_text = True  # one data call per text, not one per line of it
    size = BLOCK
    while True:
        block = fh.read(size)
        events = builder.events
        parser.Parse(block, not block)
        # expat (2.5, no "reparse deferral") scans a token longer than a block, a huge
        # attribute, from its start again with every block: quadratic time. While a block
        # brings out nothing, the next one is twice as long, which keeps it linear.
        size = BLOCK if builder.events != events else min(2 * size, 1 << 30)
        yield from builder.ready
        builder.ready.clear()
        if not block:
            break
    yield Piece("end", builder.main.close(), builder.lines)
