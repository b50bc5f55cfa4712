"""The notice as a language-resolved tree of sections and blocks.

Why an intermediate tree: the PDF, the HTML page and the section diff must say exactly
the same thing. All decisions about wording, order, grouping and fallbacks are made here
once; the renderers only lay out `Para`, `Card`, `Bullets`, `Heading` and `Placeholder`
blocks. Every string in the tree is plain text (renderers escape it).

The rule of this module: every sentence is backed by the data. A standard sentence that
states a fact ("no transfers", "under a processing agreement", "send requests to the
contact details in section 1") is printed only when the data hold that fact or the
officer recorded it as a statement; a section with nothing to say prints a visible
`Placeholder`, for which the checker has a red finding.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ...domain.enums import ControllerRole, RecipientKind, Safeguard, SecurityKind, SourceKind
from .data import (
    AddressLike,
    ContactPerson,
    ControllerInfo,
    NoticeData,
    OfficerInfo,
    RegisterData,
    RetentionRule,
    SectionId,
    SubjectGroup,
    Text,
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
    """A list item: "**title**: text" (or just one of them), with detail paragraphs.

    `details` are supporting text (standard wording, descriptions), shown muted;
    `notes` are the register's own conditions, shown as prominently as the item."""

    text: str = ""
    title: str = ""
    details: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


#: A list of at least this many short, detail-less items is laid out in two columns.
COMPACT_MIN_ITEMS = 8
COMPACT_MAX_CHARS = 48


@dataclass(frozen=True)
class Bullets:
    items: tuple[Item, ...]

    @property
    def compact(self) -> bool:
        """Long lists of short entries (Kuopio's 25 "Käyttökohteen tiedot") read better
        and print on fewer pages in two columns; renderers honour this flag."""
        return len(self.items) >= COMPACT_MIN_ITEMS and all(
            not i.details and not i.notes and len(item_text(i)) <= COMPACT_MAX_CHARS
            for i in self.items
        )


@dataclass(frozen=True)
class Placeholder:
    """The visible "not recorded": nothing in the record backs this part of the notice."""

    text: str


Block = Heading | Para | Card | Bullets | Placeholder


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
    """A mailto: link for one plain address, or "" — no headers (?subject=) smuggled in."""
    address = address.strip()
    if address.count("@") != 1 or any(c.isspace() or c in "<>\"'?&:/" for c in address):
        return ""
    return f"mailto:{address}"


def _worth_grouping(kinds: Sequence[object]) -> bool:
    """Kind headings only help when there are several kinds and some kind has several
    entries; otherwise each heading would sit above a single item that says the same."""
    distinct = set(kinds)
    return len(distinct) > 1 and len(kinds) > len(distinct)


# builder -----------------------------------------------------------------------------------


class _Builder:
    def __init__(self, data: NoticeData, lang: str) -> None:
        self.data = data
        self.t = load_texts(lang)
        self.lang = lang
        self.multi = len(data.registers) > 1

    # helpers -------------------------------------------------------------------------------
    def loc(self, text: Text | None) -> str:
        return self.t.local(text)

    def not_recorded(self) -> Placeholder:
        return Placeholder(self.t.doc("not_recorded"))

    def stated(self, statement: Text | None, standard: str) -> list[Block]:
        """A recorded statement: its own text, else the standard sentence; nothing when
        it was not recorded (None)."""
        if statement is None:
            return []
        return [Para(self.loc(statement) or self.t.text(standard))]

    def section1_contact(self) -> bool:
        return any(c.has_contact_details for c in self.data.controllers)

    def section1_postal_or_email(self) -> bool:
        return any(c.has_postal_or_email for c in self.data.controllers)

    def sub_level(self) -> int:
        """Level of a group heading inside a register's part of a section."""
        return 2 if self.multi else 1

    def address_line(self, label_key: str, address: AddressLike | None) -> list[Line]:
        text = self.t.address(address)
        return [Line(text, self.t.label(label_key))] if text else []

    def contact_lines(self, *, phone: str = "", email: str = "", web: str = "") -> list[Line]:
        lines = []
        if phone.strip():
            lines.append(Line(phone.strip(), self.t.label("phone")))
        if email.strip():
            lines.append(Line(email.strip(), self.t.label("email"), mail_href(email)))
        if web.strip():
            lines.append(Line(web.strip(), self.t.label("web"), web_href(web)))
        return lines

    def labelled(self, key: str, text: Text | None) -> tuple[str, ...]:
        """A one-element detail "Label: text", or nothing when the text is blank."""
        value = self.loc(text)
        return (f"{self.t.text(key)}: {value}",) if value else ()

    def notes(self, register: RegisterData, section: SectionId) -> list[Block]:
        texts = (self.loc(n.text) for n in register.notes if n.section == section)
        return [Para(t) for t in texts if t]

    def per_register(
        self, section: SectionId, build: Callable[[RegisterData], list[Block]]
    ) -> list[Block]:
        """Each register's blocks, under its name when the notice covers several.

        When every register yields the same blocks (e.g. one shared security policy), they
        are printed once without register headings: repetition hides real differences.
        """
        parts = [build(r) + self.notes(r, section) for r in self.data.registers]
        if not parts:
            return [self.not_recorded()]
        if not self.multi or all(p == parts[0] for p in parts):
            return parts[0]
        blocks: list[Block] = []
        for register, part in zip(self.data.registers, parts, strict=True):
            blocks.append(Heading(self.loc(register.name), 1))
            blocks.extend(part or [self.not_recorded()])
        return blocks

    def grouped(self, entries: Sequence[tuple[str, Item]], *, headings: bool = True) -> list[Block]:
        """Items under group headings in first-seen order; ungrouped ones without one."""
        if not headings:
            return [Bullets(tuple(item for _, item in entries))]
        groups: dict[str, list[Item]] = {}
        for group, item in entries:
            groups.setdefault(group, []).append(item)
        blocks: list[Block] = []
        for group, items in groups.items():
            if group:
                blocks.append(Heading(group, self.sub_level()))
            blocks.append(Bullets(tuple(items)))
        return blocks

    def described(self, name: Text, description: Text, *extra: str) -> Item:
        desc = self.loc(description)
        return Item(self.loc(name), details=((desc,) if desc else ()) + extra)

    # 1-3 -----------------------------------------------------------------------------------
    def controller(self) -> list[Block]:
        several = len(self.data.controllers) > 1
        blocks: list[Block] = [
            self.controller_card(c, show_role=several or c.role != ControllerRole.CONTROLLER)
            for c in self.data.controllers
        ]
        if not blocks:
            return [self.not_recorded()]
        blocks += [self.officer_card(o, several=several) for o in self.data.officers]
        arrangement = self.loc(self.data.joint_arrangement)
        if arrangement:
            blocks.append(Para(arrangement, self.t.text("joint_arrangement")))
        return blocks

    def controller_card(self, c: ControllerInfo, *, show_role: bool) -> Card:
        lines: list[Line] = []
        if show_role:
            lines.append(Line(self.t.role(c.role), self.t.label("role")))
        if c.controller_type is not None:
            lines.append(
                Line(self.t.controller_type(c.controller_type), self.t.label("controller_type"))
            )
        business_id = c.business_id.strip()
        if business_id and c.business_id_owner.strip():
            business_id = self.t.text("business_id_of").format(
                business_id=business_id, name=c.business_id_owner.strip()
            )
        if business_id:
            lines.append(Line(business_id, self.t.label("business_id")))
        if c.address_as.strip():
            text = self.t.text("address_as").format(name=c.address_as.strip())
            lines.append(Line(text, self.t.label("address_as")))
        lines += self.address_line("visiting_address", c.visiting_address)
        lines += self.address_line("postal_address", c.postal_address)
        lines += self.contact_lines(phone=c.phone, email=c.email, web=c.web)
        if self.loc(c.dpo_contact):
            lines.append(Line(self.loc(c.dpo_contact), self.t.label("dpo")))
        return Card(c.name.strip(), tuple(lines))

    def officer_card(self, o: OfficerInfo, *, several: bool) -> Card:
        """One card per officer, naming the controllers it serves when there are several."""
        if several and o.controllers:
            title = self.t.text("dpo_of").format(names=self.t.join(list(o.controllers)))
        else:
            title = self.t.label("dpo")
        lines = [Line(v) for v in (o.name.strip(), self.loc(o.role)) if v]
        lines += self.address_line("postal_address", o.address)
        lines += self.contact_lines(phone=o.phone, email=o.email, web=o.web)
        return Card(title, tuple(lines))

    def contact(self) -> list[Block]:
        if self.data.contacts:
            return [self.contact_card(p) for p in self.data.contacts]
        if self.section1_contact():
            return [Para(self.t.text("contact_via_controller"))]
        return [self.not_recorded()]

    def contact_card(self, p: ContactPerson) -> Card:
        """Titled by the scope when there is one ("Puhelutallenteiden osalta"), else by
        the name, else by the role alone ("Asiakaspalvelu")."""
        scope, name, role = self.loc(p.scope), p.name.strip(), self.loc(p.role)
        people = [v for v in (name, role) if v]
        title = scope or (people.pop(0) if people else "")
        lines = [Line(v) for v in people]
        if p.organisation.strip():
            lines.append(Line(p.organisation.strip()))
        lines += self.address_line("postal_address", p.address)
        lines += self.contact_lines(phone=p.phone, email=p.email, web=p.web)
        return Card(title, tuple(lines))

    def register(self) -> list[Block]:
        registers = self.data.registers
        if not registers:
            return [self.not_recorded()]
        if not self.multi:
            r = registers[0]
            blocks: list[Block] = [Para(self.loc(r.name))]
            if self.loc(r.description):
                blocks.append(Para(self.loc(r.description)))
        else:
            items = [Item(self.loc(r.description), self.loc(r.name)) for r in registers]
            blocks = [Bullets(tuple(items))]
        for r in registers:
            blocks += self.notes(r, SectionId.REGISTER)
        references = [ref for r in registers for ref in r.references]
        if references:
            blocks.append(Heading(self.t.text("references"), 1 if not self.multi else 2))
            items = []
            for ref in references:
                title, url = self.loc(ref.title), ref.url.strip()
                items.append(Item(url, title) if title and url else Item(title or url))
            blocks.append(Bullets(tuple(dict.fromkeys(items))))
        return blocks

    # 4-12, per register --------------------------------------------------------------------
    def purposes(self, r: RegisterData) -> list[Block]:
        level = self.sub_level()
        items = []
        for p in r.purposes:
            labels = [self.t.basis(a)["label"] for a in p.bases]
            details = (f"{self.t.text('purpose_basis')}: {self.t.join(labels)}",) if labels else ()
            items.append(Item(self.loc(p.description), details=details))
        basis_items = []
        for b in r.legal_bases:
            # The officer's description is the main line ("Oikeutettu etu: <which
            # interest>"); the official Art. 6(1) wording follows as a detail.
            wording = self.t.basis(b.article)
            title = f"{wording['label']} ({wording['ref']})" if wording["ref"] else wording["label"]
            laws = [self.loc(law) for law in b.laws if self.loc(law)]
            details: list[str] = []
            if b.article is not None or not (laws or self.loc(b.description)):
                details.append(wording["text"])
            if laws:
                details.append(f"{self.t.text('laws')}: {self.t.join(laws)}")
            basis_items.append(Item(self.loc(b.description), title, tuple(details)))
        blocks: list[Block] = [Heading(self.t.text("purposes"), level)]
        statement = self.loc(r.purposes_statement)
        if items:
            blocks.append(Bullets(tuple(items)))
        if statement:
            blocks.append(Para(statement))
        if not items and not statement:
            blocks.append(self.not_recorded())
        blocks.append(Heading(self.t.text("bases"), level))
        blocks.append(Bullets(tuple(basis_items)) if basis_items else self.not_recorded())
        if self.loc(r.applicable_laws):
            blocks.append(Para(self.loc(r.applicable_laws), self.t.text("applicable_laws")))
        return blocks

    def subjects(self, r: RegisterData) -> list[Block]:
        items = []
        for group in r.subject_groups:
            if isinstance(group, SubjectGroup):
                items.append(self.described(group.name, group.description))
            elif self.loc(group):
                items.append(Item(self.loc(group)))
        return [Bullets(tuple(items))] if items else [self.not_recorded()]

    def categories(self, r: RegisterData) -> list[Block]:
        entries = []
        for c in r.categories:
            text = self.loc(c.name)
            if c.special:
                text = f"{text} ({self.t.text('special_category')})"
            parts = (self.loc(c.subject_group), self.loc(c.heading))
            group = " – ".join(dict.fromkeys(g for g in parts if g))  # never "X – X"
            entries.append((group, self.described(text, c.description)))
        blocks = self.grouped(entries) if entries else [self.not_recorded()]
        if self.loc(r.provision_requirement):
            blocks.append(Para(self.loc(r.provision_requirement), self.t.text("data_requirement")))
        return blocks

    def sources(self, r: RegisterData) -> list[Block]:
        if not r.sources:
            return [self.not_recorded()]
        ordered = sorted(r.sources, key=lambda x: list(SourceKind).index(x.kind))
        entries = [
            (self.t.source_kind(x.kind), self.described(x.name, x.description)) for x in ordered
        ]
        return self.grouped(entries, headings=_worth_grouping([x.kind for x in r.sources]))

    def recipients(self, r: RegisterData) -> list[Block]:
        blocks: list[Block]
        if r.recipients:
            ordered = sorted(r.recipients, key=lambda x: list(RecipientKind).index(x.kind))
            entries = [
                (
                    self.t.recipient_kind(x.kind),
                    self.described(
                        x.name, x.description, *self.labelled("purpose_basis", x.legal_basis)
                    ),
                )
                for x in ordered
            ]
            kinds = [x.kind for x in r.recipients]
            blocks = self.grouped(entries, headings=_worth_grouping(kinds))
        else:
            blocks = []
        if self.loc(r.disclosures_statement):
            blocks.append(Para(self.loc(r.disclosures_statement)))
        blocks += self.stated(r.no_disclosures, "no_disclosures")
        if not blocks:
            blocks.append(self.not_recorded())
        if r.processors:
            blocks += self.processors(r)
        return blocks

    def processors(self, r: RegisterData) -> list[Block]:
        """The processors; the agreement sentence only as far as agreements are recorded."""
        every = all(p.agreement for p in r.processors)
        blocks: list[Block] = [Heading(self.t.text("processors"), self.sub_level())]
        blocks.append(Para(self.t.text("processors_intro")))
        items = []
        for p in r.processors:
            services = self.t.join([self.loc(x) for x in p.services])
            text = f"{p.name.strip()}: {services}" if services else p.name.strip()
            if p.country.strip():
                country = self.t.country(p.country)
                text += f" ({self.t.text('processor_country')}: {country})"
            details = (self.t.text("processor_category"),) if p.category else ()
            if p.agreement and not every:
                details += (self.t.text("processor_agreement"),)
            items.append(Item(text, details=details))
        blocks.append(Bullets(tuple(items)))
        if every:
            blocks.append(Para(self.t.text("processors_agreement")))
        return blocks

    def transfers(self, r: RegisterData) -> list[Block]:
        statement = self.loc(r.transfers_statement)
        if not r.transfers:
            blocks: list[Block] = [Para(statement)] if statement else []
            blocks += self.stated(r.no_transfers, "no_transfers")
            return blocks or [self.not_recorded()]
        items = []
        for x in r.transfers:
            details = [
                f"{self.t.text('transfer_country')}: {self.t.country(x.country)}",
                f"{self.t.text('transfer_safeguard')}: {self.t.safeguard(x.safeguard)}",
            ]
            if self.loc(x.description):
                details.append(self.loc(x.description))
            items.append(Item(title=x.recipient.strip(), details=tuple(details)))
        blocks = [Bullets(tuple(items))]
        if statement:
            blocks.append(Para(statement))
        if any(x.safeguard in _COPYABLE_SAFEGUARDS for x in r.transfers):
            # Art. 13(1)(f): the means to obtain a copy, named only where it exists.
            if self.data.contacts:
                blocks.append(Para(self.t.text("transfers_copy_contact")))
            elif self.section1_contact():
                blocks.append(Para(self.t.text("transfers_copy_controller")))
        return blocks

    def retention_item(self, rule: RetentionRule) -> Item:
        trigger = self.loc(rule.trigger)
        period = trigger
        if rule.period_value is not None and rule.period_unit is not None:
            amount = self.t.period(rule.period_value, rule.period_unit)
            period = f"{amount} {trigger}" if trigger else amount
        free = self.loc(rule.description)
        ground = self.labelled("purpose_basis", rule.legal_ground)
        if period:
            return Item(period, self.loc(rule.applies_to), ((free,) if free else ()) + ground)
        return Item(free, self.loc(rule.applies_to), ground)

    def retention(self, r: RegisterData) -> list[Block]:
        statement = self.loc(r.retention_statement)
        blocks: list[Block] = [Para(statement)] if statement else []
        if r.retention:
            blocks.append(Bullets(tuple(self.retention_item(rule) for rule in r.retention)))
        return blocks or [self.not_recorded()]

    def security(self, r: RegisterData) -> list[Block]:
        entries = [
            (self.t.security_kind(kind), Item(self.loc(m.text)))
            for kind in SecurityKind
            for m in r.security
            if m.kind == kind and self.loc(m.text)
        ]
        return self.grouped(entries) if entries else [self.not_recorded()]

    def automated(self, r: RegisterData) -> list[Block]:
        blocks: list[Block] = []
        items = []
        for d in r.automated_decisions:
            details = self.labelled("logic", d.logic)
            details += self.labelled("consequences", d.consequences)
            kind = self.t.text("profiling" if d.is_profiling else "automated_decision")
            items.append(Item(self.loc(d.description), kind, details))
        if items:
            blocks.append(Bullets(tuple(items)))
        blocks += self.stated(r.no_automated_decisions, "no_automated_decisions")
        blocks += self.stated(r.no_profiling, "no_profiling")
        return blocks or [self.not_recorded()]

    # 13-16 ---------------------------------------------------------------------------------
    def rights(self) -> list[Block]:
        items = []
        for statement in notice_rights(self.data):
            conditions = tuple(self.loc(c) for c in statement.conditions if self.loc(c))
            right = statement.right
            items.append(
                Item(
                    title=self.t.right_name(right),
                    details=(self.t.right_text(right),),
                    notes=conditions,
                )
            )
        blocks: list[Block]
        if items:
            blocks = [Para(self.t.text("rights_intro")), Bullets(tuple(items))]
        else:
            blocks = [self.not_recorded()]
        blocks.append(Heading(self.t.text("rights_howto"), 1))
        req = self.data.requests
        lines = self.address_line("postal_address", req.address)
        lines += self.contact_lines(phone=req.phone, email=req.email)
        if self.loc(req.eservice):
            lines.append(Line(self.loc(req.eservice), self.t.text("eservice")))
        if req.web_form.strip():
            form = req.web_form.strip()
            lines.append(Line(form, self.t.label("web_form"), web_href(form)))
        if lines or req.recipient.strip():
            blocks.append(Para(self.t.text("requests_to")))
            blocks.append(Card(req.recipient.strip(), tuple(lines)))
        elif self.section1_postal_or_email():
            blocks.append(Para(self.t.text("requests_via_controller")))
        else:
            blocks.append(self.not_recorded())
        if self.loc(req.form):
            blocks.append(Para(self.loc(req.form), self.t.text("form")))
        if req.identity_proof_required:
            blocks.append(Para(self.loc(req.identity_text) or self.t.text("identity")))
        if self.loc(req.identity_proof):
            blocks.append(Para(self.loc(req.identity_proof), self.t.text("identity_methods")))
        if req.representative_allowed:
            blocks.append(Para(self.loc(req.representative_text) or self.t.text("representative")))
        blocks.append(Para(self.t.text("response_time")))
        blocks.append(Para(self.t.text("free_of_charge")))
        blocks += [Para(self.loc(n)) for n in req.notes if self.loc(n)]
        return blocks

    def complaint(self) -> list[Block]:
        a = self.data.authority
        lines = self.address_line("visiting_address", a.visiting_address)
        lines += self.address_line("postal_address", a.postal_address)
        lines += self.contact_lines(phone=self.loc(a.phone), email=a.email, web=self.loc(a.web))
        return [Para(self.t.text("complaint")), Card(self.loc(a.name), tuple(lines))]

    def changes(self) -> list[Block]:
        blocks: list[Block] = []
        if self.loc(self.data.changes_policy):
            blocks.append(Para(self.loc(self.data.changes_policy)))
        if self.loc(self.data.notice_availability):
            label = self.t.text("notice_availability")
            blocks.append(Para(self.loc(self.data.notice_availability), label))
        return blocks or [self.not_recorded()]

    def printed_version(self) -> str:
        return self.data.version_label.strip() or self.data.version.strip()

    def printed_date(self) -> _dt.date | None:
        return self.data.updated_on or self.data.date

    def version(self) -> list[Block]:
        """The recorded label and dates when there are some, else the app's version."""
        d = self.data
        lines = []
        if self.printed_version():
            lines.append(Line(self.printed_version(), self.t.text("version")))
        if d.valid_from is not None:
            lines.append(Line(self.t.date(d.valid_from), self.t.text("valid_from")))
        if d.updated_on is not None:
            lines.append(Line(self.t.date(d.updated_on), self.t.text("updated_on")))
        elif d.date is not None:
            lines.append(Line(self.t.date(d.date), self.t.text("dated")))
        if d.first_published is not None:
            lines.append(Line(self.t.date(d.first_published), self.t.text("first_published")))
        return [Card("", tuple(lines))] if lines else [self.not_recorded()]

    def build(self) -> NoticeDocument:
        def per(
            section: SectionId, build: Callable[[RegisterData], list[Block]]
        ) -> Callable[[], list[Block]]:
            return lambda: self.per_register(section, build)

        content: list[tuple[SectionId, Callable[[], list[Block]]]] = [
            (SectionId.CONTROLLER, self.controller),
            (SectionId.CONTACT, self.contact),
            (SectionId.REGISTER, self.register),
            (SectionId.PURPOSES, per(SectionId.PURPOSES, self.purposes)),
            (SectionId.SUBJECTS, per(SectionId.SUBJECTS, self.subjects)),
            (SectionId.CATEGORIES, per(SectionId.CATEGORIES, self.categories)),
            (SectionId.SOURCES, per(SectionId.SOURCES, self.sources)),
            (SectionId.RECIPIENTS, per(SectionId.RECIPIENTS, self.recipients)),
            (SectionId.TRANSFERS, per(SectionId.TRANSFERS, self.transfers)),
            (SectionId.RETENTION, per(SectionId.RETENTION, self.retention)),
            (SectionId.SECURITY, per(SectionId.SECURITY, self.security)),
            (SectionId.AUTOMATED, per(SectionId.AUTOMATED, self.automated)),
            (SectionId.RIGHTS, self.rights),
            (SectionId.COMPLAINT, self.complaint),
            (SectionId.CHANGES, self.changes),
            (SectionId.VERSION, self.version),
        ]
        assert [sid for sid, _ in content] == list(SectionId), "section order drifted"
        sections = tuple(
            Section(sid, number, self.t.section(sid), tuple(build()))
            for number, (sid, build) in enumerate(content, start=1)
        )
        d = self.data
        controllers = self.t.join([c.name.strip() for c in d.controllers])
        footer_parts = [self.t.doc("title"), controllers]
        if self.printed_version():
            footer_parts.append(f"{self.t.text('version')} {self.printed_version()}")
        if self.printed_date() is not None:
            footer_parts.append(self.t.date(self.printed_date()))
        return NoticeDocument(
            lang=self.lang,
            title=self.loc(d.title) or self.t.doc("title"),
            subtitle=self.t.join([self.loc(r.name) for r in d.registers]),
            law=self.t.doc("law"),
            introduction=self.loc(d.introduction),
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
        elif isinstance(block, Placeholder):
            lines.append(f"[{block.text}]")
        elif isinstance(block, Card):
            if block.title:
                lines.append(block.title)
            lines += [f"{ln.label}: {ln.value}" if ln.label else ln.value for ln in block.lines]
        elif isinstance(block, Bullets):
            for item in block.items:
                lines.append(f"- {item_text(item)}")
                lines += [f"  {d}" for d in (*item.details, *item.notes)]
    return lines


def item_text(item: Item) -> str:
    if item.title and item.text:
        return f"{item.title}: {item.text}"
    return item.title or item.text
