"""The notice as a language-resolved tree of sections and blocks.

Why an intermediate tree: the PDF, the HTML page and the section diff must say exactly
the same thing. All decisions about wording, order, grouping and fallbacks are made here
once; the renderers only lay out `Para`, `Card`, `Bullets` and `Heading` blocks. Every
string in the tree is plain text (renderers escape it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ...domain.enums import ControllerRole, RecipientKind, Safeguard, SecurityKind, SourceKind
from .data import (
    Address,
    ContactPerson,
    ControllerInfo,
    NoticeData,
    RegisterData,
    RetentionRule,
    SectionId,
    notice_rights,
)
from .texts import NoticeTexts, load_texts

#: Safeguards that are "appropriate safeguards" documents a data subject can ask a copy
#: of (Art. 13(1)(f)); adequacy decisions and derogations have no copy to give.
_COPYABLE_SAFEGUARDS = frozenset(
    {
        Safeguard.SCC_2021,
        Safeguard.BCR,
        Safeguard.SCC_2001_497,
        Safeguard.SCC_2004_915,
        Safeguard.SCC_2010_87,
    }
)


@dataclass(frozen=True)
class Heading:
    """A subheading inside a section; level 1 = register (h3), 2 = group (h4)."""

    text: str
    level: int = 1


@dataclass(frozen=True)
class Para:
    """A paragraph; `label` is printed bold before the text ("Label: text")."""

    text: str
    label: str = ""


@dataclass(frozen=True)
class Line:
    """One line of a card; `href` is a vetted mailto:/http(s): link or blank."""

    value: str
    label: str = ""
    href: str = ""


@dataclass(frozen=True)
class Card:
    """A contact block: a bold title and labelled lines."""

    title: str
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class Item:
    """A list item: "**title**: text" (or just one of them), with detail paragraphs."""

    text: str = ""
    title: str = ""
    details: tuple[str, ...] = ()


@dataclass(frozen=True)
class Bullets:
    items: tuple[Item, ...]


Block = Heading | Para | Card | Bullets


@dataclass(frozen=True)
class Section:
    id: SectionId
    number: int
    heading: str
    blocks: tuple[Block, ...]

    @property
    def numbered_heading(self) -> str:
        return f"{self.number}. {self.heading}"


@dataclass(frozen=True)
class NoticeDocument:
    lang: str
    title: str
    subtitle: str
    law: str
    introduction: str
    sections: tuple[Section, ...]
    footer: str
    author: str
    contents_label: str
    texts: NoticeTexts

    def page_label(self, page: int, pages: int) -> str:
        return self.texts.page_label(page, pages)


# links -------------------------------------------------------------------------------------


def web_href(url: str) -> str:
    """An http(s) link for a web address, or "" — never javascript: or other schemes."""
    url = url.strip()
    if not url or any(c.isspace() for c in url) or any(c in url for c in "<>\"'"):
        return ""
    lowered = url.lower()
    if lowered.startswith(("https://", "http://")):
        return url
    if ":" in url.split("/", 1)[0]:
        return ""  # some other scheme
    return f"https://{url}"


def mail_href(address: str) -> str:
    address = address.strip()
    if address.count("@") != 1 or any(c.isspace() or c in "<>\"'?&:/" for c in address):
        return ""
    return f"mailto:{address}"


# builder -----------------------------------------------------------------------------------


class _Builder:
    def __init__(self, data: NoticeData, lang: str) -> None:
        self.data = data
        self.t = load_texts(lang)
        self.lang = lang
        self.multi = len(data.registers) > 1

    # helpers
    def loc(self, text) -> str:
        return self.t.local(text)

    def sub_level(self) -> int:
        """Level of a group heading inside a register part of a section."""
        return 2 if self.multi else 1

    def address_line(self, label_key: str, address: Address | None) -> list[Line]:
        text = self.t.address(address)
        return [Line(text, self.t.label(label_key))] if text else []

    def contact_lines(
        self, *, phone: str = "", email: str = "", web: str = ""
    ) -> list[Line]:
        lines = []
        if phone.strip():
            lines.append(Line(phone.strip(), self.t.label("phone")))
        if email.strip():
            lines.append(Line(email.strip(), self.t.label("email"), mail_href(email)))
        if web.strip():
            lines.append(Line(web.strip(), self.t.label("web"), web_href(web)))
        return lines

    def notes(self, register: RegisterData, section: SectionId) -> list[Block]:
        return [Para(self.loc(n.text)) for n in register.notes if n.section == section and self.loc(n.text)]

    def per_register(
        self, section: SectionId, build: Callable[[RegisterData], list[Block]]
    ) -> list[Block]:
        """Each register's blocks, under its name when the notice covers several.

        When every register yields the same blocks (e.g. one shared security policy), they
        are printed once without register headings: repetition hides real differences.
        """
        parts = [build(r) + self.notes(r, section) for r in self.data.registers]
        if not self.multi or all(p == parts[0] for p in parts):
            return parts[0] if parts else []
        blocks: list[Block] = []
        for register, part in zip(self.data.registers, parts, strict=True):
            blocks.append(Heading(self.loc(register.name), 1))
            blocks.extend(part or [Para(self.t.doc("not_recorded"))])
        return blocks

    def grouped(
        self,
        entries: Sequence[tuple[str, Item]],
        *,
        show_headings: bool = True,
    ) -> list[Block]:
        """Items under group headings in first-seen order; ungrouped ones without one."""
        order: list[str] = []
        groups: dict[str, list[Item]] = {}
        for group, item in entries:
            if group not in groups:
                order.append(group)
                groups[group] = []
            groups[group].append(item)
        blocks: list[Block] = []
        for group in order:
            if group and show_headings:
                blocks.append(Heading(group, self.sub_level()))
            blocks.append(Bullets(tuple(groups[group])))
        return blocks

    # sections
    def controller(self) -> list[Block]:
        blocks: list[Block] = []
        several = len(self.data.controllers) > 1
        for c in self.data.controllers:
            blocks.append(self.controller_card(c, show_role=several or c.role != ControllerRole.CONTROLLER))
        arrangement = self.loc(self.data.joint_arrangement)
        if arrangement:
            blocks.append(Para(arrangement, self.t.text("joint_arrangement")))
        return blocks

    def controller_card(self, c: ControllerInfo, *, show_role: bool) -> Card:
        lines: list[Line] = []
        if show_role:
            lines.append(Line(self.t.role(c.role), self.t.label("role")))
        if c.business_id.strip():
            lines.append(Line(c.business_id.strip(), self.t.label("business_id")))
        lines += self.address_line("visiting_address", c.visiting_address)
        lines += self.address_line("postal_address", c.postal_address)
        lines += self.contact_lines(phone=c.phone, email=c.email, web=c.web)
        return Card(c.name.strip(), tuple(lines))

    def contact(self) -> list[Block]:
        if not self.data.contacts:
            return [Para(self.t.text("contact_none"))]
        return [self.contact_card(p) for p in self.data.contacts]

    def contact_card(self, p: ContactPerson) -> Card:
        scope = self.loc(p.scope)
        name = p.name.strip()
        title = self.loc(p.title)
        lines: list[Line] = []
        heading = scope or name or title
        if scope:
            lines += [Line(v) for v in (name, title) if v]
        elif name:
            lines += [Line(title)] if title else []
        if p.organisation.strip():
            lines.append(Line(p.organisation.strip()))
        lines += self.address_line("postal_address", p.postal_address)
        lines += self.contact_lines(phone=p.phone, email=p.email)
        return Card(heading, tuple(lines))

    def register(self) -> list[Block]:
        if not self.multi and self.data.registers:
            r = self.data.registers[0]
            blocks: list[Block] = [Para(self.loc(r.name))]
            if self.loc(r.description):
                blocks.append(Para(self.loc(r.description)))
            return blocks + self.notes(r, SectionId.REGISTER)
        items = [
            Item(self.loc(r.description), self.loc(r.name))
            for r in self.data.registers
        ]
        blocks = [Bullets(tuple(items))] if items else [Para(self.t.doc("not_recorded"))]
        for r in self.data.registers:
            blocks += self.notes(r, SectionId.REGISTER)
        return blocks

    def purposes(self, r: RegisterData) -> list[Block]:
        level = self.sub_level()
        blocks: list[Block] = [Heading(self.t.text("purposes"), level)]
        items = []
        for p in r.purposes:
            details = ()
            if p.bases:
                labels = [self.t.basis(a)["label"] for a in p.bases]
                details = (f"{self.t.text('purpose_basis')}: {self.t.join(labels)}",)
            items.append(Item(self.loc(p.description), details=details))
        blocks.append(Bullets(tuple(items)) if items else Para(self.t.doc("not_recorded")))
        blocks.append(Heading(self.t.text("bases"), level))
        basis_items = []
        for b in r.legal_bases:
            wording = self.t.basis(b.article)
            title = f"{wording['label']} ({wording['ref']})" if wording["ref"] else wording["label"]
            details: list[str] = []
            laws = [self.loc(law) for law in b.laws]
            description = self.loc(b.description)
            if b.article is not None or not (laws or description):
                details.append(wording["text"])
            if description:
                details.append(description)
            if any(laws):
                details.append(f"{self.t.text('laws')}: {self.t.join(laws)}")
            basis_items.append(Item(title=title, details=tuple(details)))
        blocks.append(Bullets(tuple(basis_items)) if basis_items else Para(self.t.doc("not_recorded")))
        return blocks

    def subjects(self, r: RegisterData) -> list[Block]:
        items = tuple(Item(self.loc(g)) for g in r.subject_groups if self.loc(g))
        return [Bullets(items)] if items else [Para(self.t.doc("not_recorded"))]

    def categories(self, r: RegisterData) -> list[Block]:
        entries = []
        for c in r.categories:
            text = self.loc(c.name)
            if c.special:
                text = f"{text} ({self.t.text('special_category')})"
            details = (self.loc(c.description),) if self.loc(c.description) else ()
            entries.append((self.loc(c.group), Item(text, details=details)))
        blocks = self.grouped(entries) if entries else [Para(self.t.doc("not_recorded"))]
        if self.loc(r.data_requirement):
            blocks.append(Para(self.loc(r.data_requirement), self.t.text("data_requirement")))
        return blocks

    def _described(self, name, description) -> Item:
        desc = self.loc(description)
        return Item(self.loc(name), details=(desc,) if desc else ())

    def sources(self, r: RegisterData) -> list[Block]:
        if not r.sources:
            return [Para(self.t.doc("not_recorded"))]
        ordered = sorted(r.sources, key=lambda s: list(SourceKind).index(s.kind))
        entries = [(self.t.source_kind(s.kind), self._described(s.name, s.description)) for s in ordered]
        show = any(s.kind != SourceKind.OTHER for s in r.sources)
        return self.grouped(entries, show_headings=show)

    def recipients(self, r: RegisterData) -> list[Block]:
        blocks: list[Block]
        if r.recipients:
            ordered = sorted(r.recipients, key=lambda x: list(RecipientKind).index(x.kind))
            entries = [
                (self.t.recipient_kind(x.kind), self._described(x.name, x.description)) for x in ordered
            ]
            show = any(x.kind != RecipientKind.OTHER for x in r.recipients)
            blocks = self.grouped(entries, show_headings=show)
        else:
            blocks = [Para(self.t.text("recipients_none"))]
        if r.processors:
            blocks.append(Heading(self.t.text("processors"), self.sub_level()))
            blocks.append(Para(self.t.text("processors_intro")))
            items = []
            for p in r.processors:
                service = self.loc(p.service)
                text = f"{p.name.strip()}: {service}" if service else p.name.strip()
                if p.country.strip():
                    text += f" ({self.t.text('processor_country')}: {self.t.country(p.country)})"
                items.append(Item(text))
            blocks.append(Bullets(tuple(items)))
        return blocks

    def transfers(self, r: RegisterData) -> list[Block]:
        if not r.transfers:
            return [Para(self.t.text("transfers_none"))]
        items = []
        for x in r.transfers:
            details = [
                f"{self.t.text('transfer_country')}: {self.t.country(x.country)}",
                f"{self.t.text('transfer_safeguard')}: {self.t.safeguard(x.safeguard)}",
            ]
            if self.loc(x.description):
                details.append(self.loc(x.description))
            items.append(Item(title=x.recipient.strip(), details=tuple(details)))
        blocks: list[Block] = [Bullets(tuple(items))]
        if any(x.safeguard in _COPYABLE_SAFEGUARDS for x in r.transfers):
            blocks.append(Para(self.t.text("transfers_copy")))
        return blocks

    def retention_item(self, rule: RetentionRule) -> Item:
        period = ""
        if rule.period is not None and rule.unit is not None:
            period = " ".join(p for p in (self.t.period(rule.period, rule.unit), self.loc(rule.trigger)) if p)
        elif self.loc(rule.trigger):
            period = self.loc(rule.trigger)
        free = self.loc(rule.text)
        if period:
            return Item(period, self.loc(rule.subject), (free,) if free else ())
        return Item(free, self.loc(rule.subject))

    def retention(self, r: RegisterData) -> list[Block]:
        items = tuple(self.retention_item(rule) for rule in r.retention)
        return [Bullets(items)] if items else [Para(self.t.text("retention_none"))]

    def security(self, r: RegisterData) -> list[Block]:
        if not r.security:
            return [Para(self.t.doc("not_recorded"))]
        entries = [
            (self.t.security_kind(kind), Item(self.loc(m.description)))
            for kind in SecurityKind
            for m in r.security
            if m.kind == kind and self.loc(m.description)
        ]
        return self.grouped(entries)

    def automated(self, r: RegisterData) -> list[Block]:
        if not r.automated_decisions:
            return [Para(self.t.text("automated_none"))]
        items = []
        for d in r.automated_decisions:
            details = []
            if self.loc(d.logic):
                details.append(f"{self.t.text('logic')}: {self.loc(d.logic)}")
            if self.loc(d.consequences):
                details.append(f"{self.t.text('consequences')}: {self.loc(d.consequences)}")
            kind = self.t.text("automated_decision" if d.solely_automated else "profiling")
            items.append(Item(self.loc(d.description), kind, tuple(details)))
        return [Bullets(tuple(items))]

    def rights(self) -> list[Block]:
        items = []
        for statement in notice_rights(self.data):
            conditions = tuple(self.loc(c) for c in statement.conditions if self.loc(c))
            items.append(
                Item(
                    title=self.t.right_name(statement.right),
                    details=(self.t.right_text(statement.right), *conditions),
                )
            )
        blocks: list[Block] = [Para(self.t.text("rights_intro")), Bullets(tuple(items))]
        blocks.append(Heading(self.t.text("rights_howto"), 1))
        req = self.data.requests
        lines = self.address_line("postal_address", req.postal_address)
        lines += self.contact_lines(phone=req.phone, email=req.email)
        if self.loc(req.eservice):
            lines.append(Line(self.loc(req.eservice), self.t.text("eservice")))
        if lines or req.recipient.strip():
            blocks.append(Para(self.t.text("requests_to")))
            blocks.append(Card(req.recipient.strip(), tuple(lines)))
        else:
            blocks.append(Para(self.t.text("requests_default")))
        if self.loc(req.form):
            blocks.append(Para(self.loc(req.form), self.t.text("form")))
        if req.identity_proof_required:
            blocks.append(Para(self.t.text("identity")))
        if self.loc(req.identity_methods):
            blocks.append(Para(self.loc(req.identity_methods), self.t.text("identity_methods")))
        if req.representative_allowed:
            blocks.append(Para(self.t.text("representative")))
        blocks.append(Para(self.t.text("response_time")))
        blocks.append(Para(self.t.text("free_of_charge")))
        blocks += [Para(self.loc(n)) for n in req.notes if self.loc(n)]
        return blocks

    def complaint(self) -> list[Block]:
        a = self.data.authority
        lines = self.address_line("visiting_address", a.visiting_address)
        lines += self.address_line("postal_address", a.postal_address)
        lines += self.contact_lines(phone=self.loc(a.phone), email=a.email, web=a.web)
        return [Para(self.t.text("complaint")), Card(self.loc(a.name), tuple(lines))]

    def changes(self) -> list[Block]:
        return [Para(self.loc(self.data.changes_policy) or self.t.text("changes_default"))]

    def version(self) -> list[Block]:
        lines = []
        if self.data.version.strip():
            lines.append(Line(self.data.version.strip(), self.t.text("version")))
        if self.data.date is not None:
            lines.append(Line(self.t.date(self.data.date), self.t.text("dated")))
        if self.data.first_published is not None:
            lines.append(Line(self.t.date(self.data.first_published), self.t.text("first_published")))
        return [Card("", tuple(lines))] if lines else [Para(self.t.doc("not_recorded"))]

    def build(self) -> NoticeDocument:
        per = self.per_register
        content: list[tuple[SectionId, Callable[[], list[Block]]]] = [
            (SectionId.CONTROLLER, self.controller),
            (SectionId.CONTACT, self.contact),
            (SectionId.REGISTER, self.register),
            (SectionId.PURPOSES, lambda: per(SectionId.PURPOSES, self.purposes)),
            (SectionId.SUBJECTS, lambda: per(SectionId.SUBJECTS, self.subjects)),
            (SectionId.CATEGORIES, lambda: per(SectionId.CATEGORIES, self.categories)),
            (SectionId.SOURCES, lambda: per(SectionId.SOURCES, self.sources)),
            (SectionId.RECIPIENTS, lambda: per(SectionId.RECIPIENTS, self.recipients)),
            (SectionId.TRANSFERS, lambda: per(SectionId.TRANSFERS, self.transfers)),
            (SectionId.RETENTION, lambda: per(SectionId.RETENTION, self.retention)),
            (SectionId.SECURITY, lambda: per(SectionId.SECURITY, self.security)),
            (SectionId.AUTOMATED, lambda: per(SectionId.AUTOMATED, self.automated)),
            (SectionId.RIGHTS, self.rights),
            (SectionId.COMPLAINT, self.complaint),
            (SectionId.CHANGES, self.changes),
            (SectionId.VERSION, self.version),
        ]
        sections = tuple(
            Section(sid, number, self.t.section(sid), tuple(build()))
            for number, (sid, build) in enumerate(content, start=1)
        )
        names = [self.loc(r.name) for r in self.data.registers]
        title = self.loc(self.data.title) or self.t.doc("title")
        subtitle = self.t.join(names)
        controllers = self.t.join([c.name.strip() for c in self.data.controllers])
        footer_parts = [self.t.doc("title"), controllers]
        if self.data.version.strip():
            footer_parts.append(f"{self.t.text('version')} {self.data.version.strip()}")
        if self.data.date is not None:
            footer_parts.append(self.t.date(self.data.date))
        return NoticeDocument(
            lang=self.lang,
            title=title,
            subtitle=subtitle,
            law=self.t.doc("law"),
            introduction=self.loc(self.data.introduction),
            sections=sections,
            footer=" · ".join(p for p in footer_parts if p),
            author=controllers,
            contents_label=self.t.doc("contents"),
            texts=self.t,
        )


def build_notice(data: NoticeData, lang: str | None = None) -> NoticeDocument:
    """Resolve `data` into the section tree in `lang` (default: the data's language)."""
    return _Builder(data, str(lang or data.language)).build()


def block_lines(blocks: Iterable[Block]) -> list[str]:
    """Plain-text lines of blocks, as the diff compares and shows them."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            lines.append(f"{'#' * (block.level + 2)} {block.text}")
        elif isinstance(block, Para):
            lines.append(f"{block.label}: {block.text}" if block.label else block.text)
        elif isinstance(block, Card):
            if block.title:
                lines.append(block.title)
            lines += [f"{ln.label}: {ln.value}" if ln.label else ln.value for ln in block.lines]
        elif isinstance(block, Bullets):
            for item in block.items:
                lines.append(f"- {item_text(item)}")
                lines += [f"  {d}" for d in item.details]
    return lines


def item_text(item: Item) -> str:
    if item.title and item.text:
        return f"{item.title}: {item.text}"
    return item.title or item.text
