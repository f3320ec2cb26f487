"""XML text for the ODM export, written element by element as it comes.

The text is what ``ET.indent(root, space=" ")`` and ``ElementTree.write(..., encoding="UTF-8",
xml_declaration=True)`` would give for the same document, byte for byte (the same escaping,
attribute order, one space of indentation per level and ``<X />`` for empty elements), but
nothing is kept once written: a tree of the whole study is never built.
"""
from __future__ import annotations

from typing import Any, Callable

from alsdesk.exchange import odm_common as oc

XML_DECLARATION = "<?xml version='1.0' encoding='UTF-8'?>"

# Attribute names as ElementTree writes them (the xml prefix needs no declaration).
_NAMES = {oc.XML_LANG: "xml:lang"}


# What xml.etree.ElementTree (Python 3.11) escapes: in character data the markup characters;
# in attribute values also quotes, and line breaks and tabs as character references so a
# reader gets them back rather than spaces.
_CDATA = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"))
_ATTRIB = _CDATA + (("\"", "&quot;"), ("\r", "&#13;"), ("\n", "&#10;"), ("\t", "&#09;"))


def _escaped(text: str, table: tuple[tuple[str, str], ...]) -> str:
    for char, entity in table:
        if char in text:
            text = text.replace(char, entity)
    return text


def escape_cdata(text: str) -> str:
    return _escaped(text, _CDATA)


def escape_attrib(text: str) -> str:
    return _escaped(text, _ATTRIB)


def attrs_text(attrs: dict[str, Any] | None) -> str:
    """ name="value" ... in the given order, leaving out None values."""
    if not attrs:
        return ""
    return "".join(f' {_NAMES.get(k, k)}="{escape_attrib(str(v))}"'
                   for k, v in attrs.items() if v is not None)


def leaf_text(indent: str, name: str, attrs: str, text: str | None) -> str:
    """A childless element on its own line; `attrs` already formatted by :func:`attrs_text`."""
    if text:
        return f"{indent}<{name}{attrs}>{escape_cdata(text)}</{name}>"
    return f"{indent}<{name}{attrs} />"


class Xml:
    """Writes elements as they come, laid out as ET.indent(space=" ") would lay them out.

    Every element starts on a new line indented one space per level; an element's start tag
    is finished (``>`` or, when it turns out to have no children, `` />``) only once its
    first child or its end comes. Text accumulates until :meth:`flush`.
    """

    def __init__(self, write: Callable[[str], Any], depth: int = 0):
        self._write = write
        self.parts: list[str] = []
        self._base = depth  # the depth of the first element written
        self._open: list[str] = []
        self._pending = False  # the last start tag still lacks its ">"
        self._indents = ["\n"]

    def indent(self, depth: int) -> str:
        """Newline and indentation of an element at `depth` (the root is at 0)."""
        while len(self._indents) <= depth:
            self._indents.append(self._indents[-1] + " ")
        return self._indents[depth]

    @property
    def depth(self) -> int:
        """The depth of the next child element."""
        return self._base + len(self._open)

    def start(self, name: str, attrs: dict[str, Any] | None = None) -> None:
        parts = self.parts
        if self._pending:
            parts.append(">")
        # (The root too starts with a newline: it follows the XML declaration.)
        parts.append(self.indent(self.depth))
        parts.append(f"<{name}{attrs_text(attrs)}")
        self._open.append(name)
        self._pending = True

    def end(self) -> None:
        name = self._open.pop()
        if self._pending:
            self.parts.append(" />")
            self._pending = False
        else:
            self.parts.append(f"{self.indent(self.depth)}</{name}>")

    def leaf(self, name: str, attrs: dict[str, Any] | None = None,
             text: str | None = None) -> None:
        """An element without children, with text or none."""
        self.raw(leaf_text(self.indent(self.depth), name, attrs_text(attrs), text))

    def translated(self, name: str, text: str) -> None:
        self.start(name)
        self.leaf("TranslatedText", {oc.XML_LANG: "en"}, text)
        self.end()

    def raw(self, text: str) -> None:
        """Text made elsewhere: whole child elements of the open element, or the declaration."""
        if self._pending:
            self.parts.append(">")
            self._pending = False
        self.parts.append(text)

    def flush(self) -> None:
        if self.parts:
            self._write("".join(self.parts))
            self.parts.clear()
