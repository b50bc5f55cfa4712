"""The notification draft: what to type into the Ombudsman's e-service, as plain text to
copy and as a PDF to keep with the record.

The sections follow the notification form of the Office of the Data Protection
Ombudsman in its order (notification, controller and contact person, description, time,
data subjects and personal data, likely consequences, measures, informing the data
subjects). The form itself lives in Valtori's Turvalomake service and is not published
as a list of fields; where the order was not certain it follows GDPR Art. 33(3)(a)-(d)
(nature, categories and numbers → contact point → likely consequences → measures),
which the form is built on.

A document states only what the record holds. What Art. 33(3) needs to identify the
notifier (the controller and a contact person with a phone or email) and the reasons for
a delay past 72 hours (Art. 33(1)) block the draft when missing. Everything else may
follow later (Art. 33(4)): it is left out and listed under "to be supplemented".
"""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color, black
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from ...i18n import _
from ..fonts import BOLD, REGULAR, register_fonts
from .data import NotificationDraft
from .texts import catalogue, number, when

SECTIONS = (
    "notification",
    "controller",
    "description",
    "time",
    "subjects",
    "consequences",
    "measures",
    "informing",
)
MUTED = Color(0.32, 0.32, 0.32)
RULE = Color(0.6, 0.6, 0.6)


class DraftBlocked(ValueError):
    """The draft lacks what Art. 33 does not let wait; `names` are field keys."""

    def __init__(self, names: tuple[str, ...]):
        self.names = names
        super().__init__(
            _("The notification draft cannot be made: missing {names}.").format(
                names=", ".join(names)
            )
        )


@dataclass(frozen=True)
class Section:
    key: str
    heading: str
    rows: tuple[tuple[str, str], ...]  # (label, value); an empty section says "to follow"


@dataclass(frozen=True)
class ComposedDraft:
    title: str
    subtitle: str
    meta: tuple[str, ...]
    sections: tuple[Section, ...]
    missing_heading: str
    missing_intro: str
    missing: tuple[str, ...]  # labels of what is left out, to be supplemented
    to_follow: str


def compose_draft(draft: NotificationDraft) -> ComposedDraft:
    """The draft's sections in the form's order; raises DraftBlocked."""
    lang = draft.language
    cat = catalogue(lang)
    words, fields, heads = cat["draft"], cat["fields"], cat["sections"]
    blocking = [
        name
        for name, ok in (
            ("controller", bool(draft.controller_name.strip())),
            ("contact_name", bool(draft.contact_name.strip())),
            ("contact_phone_or_email", bool(draft.contact_phone.strip() or draft.contact_email)),
            ("description", bool(draft.description.strip())),
            ("nature", bool(draft.natures)),
            ("delay_reasons", not draft.late or bool(draft.delay_reasons.strip())),
        )
        if not ok
    ]
    if blocking:
        raise DraftBlocked(tuple(blocking))
    missing: list[str] = []
    rows: dict[str, list[tuple[str, str]]] = {key: [] for key in SECTIONS}

    def add(section: str, key: str, value: str | None, *, needed: bool = False) -> None:
        if value is not None and str(value).strip():
            rows[section].append((fields[key], str(value).strip()))
        elif needed:
            missing.append(fields[key])

    # 1. the notification
    add("notification", "reference", draft.reference)
    if draft.kind is not None:
        add("notification", "kind", cat["kinds"][draft.kind.value])
    earlier = []
    for item in draft.earlier:
        line = words["earlier_line"].format(
            kind=cat["kinds"][item.kind.value], time=when(item.at, lang)
        )
        if item.reference.strip():
            line += ", " + words["earlier_reference"].format(reference=item.reference.strip())
        earlier.append(line)
    add("notification", "earlier", "\n".join(earlier))
    # 2. controller and contact person (Art. 33(3)(b))
    add("controller", "controller_name", draft.controller_name)
    add("controller", "business_id", draft.controller_business_id)
    add("controller", "address", draft.controller_address)
    add("controller", "contact_name", draft.contact_name)
    add("controller", "contact_phone", draft.contact_phone)
    add("controller", "contact_email", draft.contact_email)
    # 3. description (Art. 33(3)(a): the nature of the breach)
    add("description", "nature", "\n".join(cat["natures"][n.value] for n in draft.natures))
    add("description", "description", draft.description)
    add("description", "discovered_how", draft.discovered_how, needed=True)
    add("description", "discovered_by", draft.discovered_by)
    add("description", "processor", draft.processor_name)
    if draft.processor_reported_at is not None:
        add("description", "processor_reported_at", when(draft.processor_reported_at, lang))
    # 4. time
    add("time", "occurred", _period(draft), needed=True)
    add("time", "aware_at", when(draft.aware_at, lang))
    add("time", "notify_by", when(draft.notify_by, lang))
    add("time", "delay_reasons", draft.delay_reasons)
    # 5. data subjects and personal data (Art. 33(3)(a): categories and numbers)
    add("subjects", "subject_groups", "\n".join(draft.subject_groups), needed=True)
    count = None if draft.subject_count is None else number(draft.subject_count, lang)
    add("subjects", "subject_count", count, needed=True)
    add("subjects", "registers", "\n".join(draft.registers))
    categories = [
        f"{c.name} – {words['special']}" if c.special else c.name for c in draft.categories
    ]
    add("subjects", "categories", "\n".join(categories), needed=True)
    records = None if draft.record_count is None else number(draft.record_count, lang)
    add("subjects", "record_count", records, needed=True)
    # 6. likely consequences (Art. 33(3)(c))
    add("consequences", "consequences", draft.consequences, needed=True)
    risk = None if draft.risk_level is None else cat["risk"][draft.risk_level.value]
    add("consequences", "risk_level", risk, needed=True)
    add("consequences", "risk_reasoning", draft.risk_reasoning)
    # 7. measures taken and proposed (Art. 33(3)(d))
    add("measures", "measures_taken", draft.measures_taken, needed=True)
    add("measures", "measures_proposed", draft.measures_proposed)
    # 8. informing the data subjects (Art. 34)
    if draft.subjects_informed_at is not None:
        add("informing", "informed", when(draft.subjects_informed_at, lang))
        add("informing", "informed_how", draft.subjects_informed_how)
    elif draft.art34_exception is not None:
        add("informing", "exception", cat["exceptions"][draft.art34_exception.value])
        add("informing", "informing_reasons", draft.informing_reasons)
    else:
        missing.append(heads["informing"].split(". ", 1)[-1])

    meta = (
        f"{words['reference']} {draft.reference}",
        f"{words['prepared']} {when(draft.prepared_at, lang)}",
        words["times_note"],
    )
    return ComposedDraft(
        title=words["title"],
        subtitle=words["subtitle"],
        meta=meta,
        sections=tuple(Section(key, heads[key], tuple(rows[key])) for key in SECTIONS),
        missing_heading=words["missing_heading"],
        missing_intro=words["missing_intro"],
        missing=tuple(missing),
        to_follow=words["to_follow"],
    )


def _period(draft: NotificationDraft) -> str | None:
    lang = draft.language
    if draft.occurred_unknown:
        return catalogue(lang)["draft"]["not_known"]
    start = None if draft.occurred_from is None else when(draft.occurred_from, lang)
    end = None if draft.occurred_to is None else when(draft.occurred_to, lang)
    if start and end:
        return f"{start} – {end}"
    if start:
        return f"{start} –"
    if end:
        return f"– {end}"
    return None


# ------------------------------------------------------------------- plain text


def draft_text(draft: NotificationDraft) -> str:
    """The draft as plain text, one heading per form section, ready to copy."""
    composed = compose_draft(draft)
    lines = [composed.title, composed.subtitle, *composed.meta, ""]
    for section in composed.sections:
        lines += [section.heading, "-" * len(section.heading)]
        if not section.rows:
            lines.append(f"({composed.to_follow})")
        for label, value in section.rows:
            lines.append(f"{label}:")
            lines += [f"  {line}" for line in value.splitlines()]
        lines.append("")
    if composed.missing:
        lines += [composed.missing_heading, "-" * len(composed.missing_heading)]
        lines.append(composed.missing_intro)
        lines += [f"- {item}" for item in composed.missing]
        lines.append("")
    return "\n".join(lines)


# ---------------------------------------------------------------------------- PDF


class _Numbered(Canvas):
    """Keeps the pages until save() so that each can print "page (total)"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []

    def showPage(self):
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._pages)
        for page, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self.setFont(REGULAR, 8)
            self.setFillColor(MUTED)
            self.drawRightString(A4[0] - 15 * mm, 10 * mm, f"{page} ({total})")
            super().showPage()
        super().save()


def _markup(text: str) -> str:
    return escape(text).replace("\n", "<br/>")


def draft_pdf(draft: NotificationDraft) -> bytes:
    """The draft on A4 pages (deterministic for the same input)."""
    composed = compose_draft(draft)
    register_fonts()
    base = ParagraphStyle("base", fontName=REGULAR, fontSize=9.5, leading=12.5, textColor=black)
    title = ParagraphStyle("title", parent=base, fontName=BOLD, fontSize=14, leading=18)
    subtitle = ParagraphStyle("subtitle", parent=base, textColor=MUTED, spaceAfter=2)
    meta = ParagraphStyle("meta", parent=base, fontSize=8.5, textColor=MUTED)
    heading = ParagraphStyle(
        "heading", parent=base, fontName=BOLD, fontSize=11, leading=14, spaceBefore=10
    )
    label = ParagraphStyle("label", parent=base, fontSize=8.5, leading=11.5, textColor=MUTED)
    story: list = [
        Paragraph(_markup(composed.title), title),
        Paragraph(_markup(composed.subtitle), subtitle),
        Paragraph(_markup("  ·  ".join(composed.meta)), meta),
        Spacer(0, 4 * mm),
    ]
    width = A4[0] - 40 * mm
    table_style = TableStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (0, -1), 4 * mm),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LINEBELOW", (0, 0), (-1, -2), 0.25, RULE),
        ]
    )
    for section in composed.sections:
        head = Paragraph(_markup(section.heading), heading)
        if not section.rows:
            story.append(KeepTogether([head, Paragraph(_markup(f"({composed.to_follow})"), label)]))
            continue
        cells = [
            [Paragraph(_markup(name), label), Paragraph(_markup(value), base)]
            for name, value in section.rows
        ]
        table = Table(cells, colWidths=[55 * mm, width - 55 * mm], hAlign="LEFT")
        table.setStyle(table_style)
        story += [head, Spacer(0, 1 * mm), table]
    if composed.missing:
        story.append(Paragraph(_markup(composed.missing_heading), heading))
        story.append(Paragraph(_markup(composed.missing_intro), base))
        story += [Paragraph(_markup(item), base, bulletText="•") for item in composed.missing]
    buffer = BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=f"{composed.title} {draft.reference}",
        author=draft.controller_name,
        creator="Rekisteri",
        producer="Rekisteri",
        lang=draft.language.value,
        invariant=1,
    )
    doc.build(story, canvasmaker=_Numbered)
    return buffer.getvalue()
