"""Section-by-section comparison of two notice versions.

Why by section: the officer republishes a notice when a register changes and must be able
to say what changed ("retention of call recordings shortened") — a whole-document diff of a
ten-page text buries that. Sections are keyed by stable `SectionId`s, so renumbering or a
changed heading wording never makes a section look removed and re-added.

The app stores `section_texts()` of the published version (plain text, no personal data
beyond what the public notice holds) and diffs it against the current data.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from .data import NoticeData
from .structure import block_lines, build_notice

SectionText = tuple[str, str, str]  # (section_id, heading, text)


class ChangeStatus(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class SectionChange:
    section_id: str
    heading: str
    status: ChangeStatus
    diff: tuple[str, ...] = ()  # unified diff lines ("---", "+++", "@@", " ", "-", "+")


def section_texts(data: NoticeData, lang: str | None = None) -> list[SectionText]:
    """Each section as (id, numbered heading, plain text) in `lang` (default data.language).

    The text is what the notice says (same tree as the PDF and HTML), one line per
    paragraph, card line or list item; list items start with "- ", details with two spaces.
    """
    doc = build_notice(data, lang)
    return [(str(s.id), s.numbered_heading, "\n".join(block_lines(s.blocks))) for s in doc.sections]


def _unified(old: str, new: str, heading: str, context: int) -> tuple[str, ...]:
    return tuple(
        difflib.unified_diff(
            old.splitlines(),
            new.splitlines(),
            fromfile=heading,
            tofile=heading,
            n=context,
            lineterm="",
        )
    )


def diff_sections(
    old: Sequence[SectionText], new: Sequence[SectionText], *, context: int = 1
) -> list[SectionChange]:
    """Compare two `section_texts()` results, in the new version's order.

    A section only in `old` is REMOVED and is listed where it used to stand (after the
    sections that preceded it), so the result reads in document order. Headings of
    changed sections come from the new version.
    """
    old_by_id = {sid: (heading, text) for sid, heading, text in old}
    new_ids = {sid for sid, _, _ in new}
    changes: list[SectionChange] = []
    for sid, heading, text in new:
        if sid not in old_by_id:
            added = _unified("", text, heading, context)
            changes.append(SectionChange(sid, heading, ChangeStatus.ADDED, added))
            continue
        old_text = old_by_id[sid][1]
        if old_text == text:
            changes.append(SectionChange(sid, heading, ChangeStatus.UNCHANGED))
        else:
            changes.append(
                SectionChange(
                    sid, heading, ChangeStatus.CHANGED, _unified(old_text, text, heading, context)
                )
            )
    # Slot removed sections in after their old predecessor.
    previous: str | None = None
    for sid, heading, text in old:
        if sid not in new_ids:
            removed = SectionChange(
                sid, heading, ChangeStatus.REMOVED, _unified(text, "", heading, context)
            )
            index = 0
            if previous is not None:
                index = next(
                    (i + 1 for i, c in enumerate(changes) if c.section_id == previous), len(changes)
                )
            changes.insert(index, removed)
        previous = sid
    return changes
