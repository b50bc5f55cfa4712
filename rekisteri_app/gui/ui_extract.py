"""A Babel extractor for the Qt Designer forms in ui/: their texts reach the catalogues.

The forms keep English texts so that they stay editable in Designer; uiload applies
`_()` to them after loading. This extractor, registered in babel.cfg, hands Babel every
`<string>` of a form that is not marked `notr="true"`, so a text added or changed in
Designer is extracted like any `_()` in Python and cannot go untranslated. Pure Python
(expat): extracting needs no Qt.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any
from xml.parsers import expat


def ui_messages(source: IO[bytes]) -> list[tuple[int, str, list[str]]]:
    """(line, text, comments) of every translatable, non-blank `<string>` in a .ui file.

    A `comment` or `extracomment` attribute (Designer's notes for translators) becomes
    a translator comment.
    """
    found: list[tuple[int, str, list[str]]] = []
    current: dict[str, Any] | None = None
    parser = expat.ParserCreate()

    def start(name: str, attributes: dict[str, str]) -> None:
        nonlocal current
        if name == "string" and attributes.get("notr") != "true":
            notes = [attributes[k] for k in ("comment", "extracomment") if attributes.get(k)]
            current = {"line": parser.CurrentLineNumber, "text": [], "notes": notes}

    def text(data: str) -> None:
        if current is not None:
            current["text"].append(data)

    def end(name: str) -> None:
        nonlocal current
        if name == "string" and current is not None:
            message = "".join(current["text"])
            if message.strip():
                found.append((current["line"], message, current["notes"]))
            current = None

    parser.StartElementHandler = start
    parser.CharacterDataHandler = text
    parser.EndElementHandler = end
    parser.ParseFile(source)
    return found


def extract_ui(
    fileobj: IO[bytes], _keywords: Any, _comment_tags: Any, options: Any
) -> Iterator[tuple[int, str | None, str, list[str]]]:
    """Babel's extraction-method interface: (line, function, message, comments); the
    forms have no keywords and no comments in code, so those arguments are unused."""
    for line, message, comments in ui_messages(fileobj):
        yield line, None, message, comments
