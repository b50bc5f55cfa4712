"""Turn LetterData into the words and blocks of one letter, before any layout.

Composition is separate from drawing so that the legal content of a letter (which blocks
a refusal must carry, which Art. 15 items an access reply lists, when the late-reply
apology appears) can be tested as plain data, and so that every missing value is found
before a single page is drawn.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from babel.dates import format_date as babel_format_date

from ...domain.enums import (
    GDPR_LETTER_KINDS,
    FeeBasis,
    Language,
    LetterAudience,
    LetterKind,
    NotificationStatus,
    Outcome,
    RequestClass,
)
from ...domain.fees import format_euros
from .data import ErasureDecision, Ground, LetterData, OtherHolder, RegisterInfo
from .templates import Filler, catalogue, kind_entry, template_text

# Babel locale and format per letter language: fi short is d.M.yyyy (SFS 4175, no
# leading zeros), sv short is ISO yyyy-MM-dd, en_GB long is "22 November 2026".
DATE_FORMATS: dict[Language, tuple[str, str]] = {
    Language.FI: ("fi", "short"),
    Language.SV: ("sv", "short"),
    Language.EN: ("en_GB", "long"),
}

# Kinds that decide on rights and therefore print the "Decision" section.
DECISION_KINDS = frozenset(
    {
        LetterKind.ACCESS_RESPONSE,
        LetterKind.RECTIFICATION,
        LetterKind.ERASURE,
        LetterKind.RESTRICTION,
        LetterKind.PORTABILITY,
        LetterKind.OBJECTION,
        LetterKind.MARKETING_BAN,
        LetterKind.CONSENT_WITHDRAWAL,
        LetterKind.REFUSAL,
    }
)

# Kinds after which Art. 19 obliges the controller to tell the recipients.
ART19_KINDS = frozenset({LetterKind.RECTIFICATION, LetterKind.ERASURE, LetterKind.RESTRICTION})

REFUSING_OUTCOMES = frozenset({Outcome.REFUSED, Outcome.PARTLY})

# Kinds that answer a request outside the GDPR: no GDPR article, deadline or remedies.
NON_GDPR_KINDS = frozenset(set(LetterKind) - GDPR_LETTER_KINDS)

# Kinds with an enclosure of the information given, printed after the letter.
APPENDIX_KINDS = frozenset({LetterKind.ACCESS_RESPONSE, LetterKind.NON_GDPR_REPLY})


def format_date(value: date, language: Language | str) -> str:
    locale, fmt = DATE_FORMATS[Language(language)]
    return babel_format_date(value, format=fmt, locale=locale)


@dataclass(frozen=True)
class Block:
    """One paragraph-level element. `style` is one of the renderer's paragraph styles:
    body, heading, label, item, ground, note. Text is plain (not markup); newlines
    inside it are kept as line breaks."""

    text: str
    style: str = "body"


@dataclass(frozen=True)
class ComposedLetter:
    kind: LetterKind | None  # None: a letter of another room (breaches), not a reply
    language: Language
    labels: Mapping[str, str]
    document_name: str
    date_text: str
    case_number: str
    reference: str
    matter: str
    sent_via: str
    subject: str
    blocks: tuple[Block, ...]
    contact: str  # "For further information..."; kept on the page of the signature
    closing: str
    organisation_name: str
    officer_name: str
    officer_title: str
    enclosures: tuple[str, ...]
    appendix: tuple[Block, ...]  # enclosure pages printed after the letter (Art. 15(3) copy)


def needs_remedies(data: LetterData) -> bool:
    """Art. 12(4): any refusal or partial refusal must tell about complaint and court.
    A letter outside the GDPR, and the negative confirmation (the answer given in full),
    carry none."""
    if data.kind in NON_GDPR_KINDS or data.kind is LetterKind.ACCESS_NOT_HELD:
        return False
    if data.kind is LetterKind.REFUSAL:
        return True
    if any(r.outcome in REFUSING_OUTCOMES for r in data.rights):
        return True
    return any(not e.erased for e in data.erasure_decisions)


def _join(items: list[str], conjunction: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def _reference(data: LetterData, labels: Mapping[str, str]) -> str:
    if data.reference.strip():
        return data.reference.strip()
    if data.request_date is not None:
        return f"{labels['your_letter']} {format_date(data.request_date, data.language)}"
    return ""


def _officer_contact(data: LetterData) -> str:
    parts = [p for p in (data.officer.phone, data.officer.email) if p.strip()]
    if not parts:
        parts = [p for p in (data.organisation.phone, data.organisation.email) if p.strip()]
    return ", ".join(parts)


def placeholder_values(data: LetterData) -> dict[str, str]:
    """Every value a wording can name, as printable text in the letter's language."""
    lang = data.language
    cat = catalogue(lang)
    rights = cat["rights"]
    auth = data.authority
    values = {
        "subject_name": data.data_subject_name,
        "recipient_name": data.recipient.name,
        "organisation_name": data.organisation.name,
        "officer_name": data.officer.name,
        "officer_title": data.officer.title,
        "case_number": data.case_number,
        "reference": _reference(data, cat["labels"]),
        "issue_date": format_date(data.issue_date, lang),
        "received_date": format_date(data.received_on, lang),
        "due_date": format_date(data.due_date, lang),
        "effective_due_date": format_date(data.effective_due_date, lang),
        "requested_rights": _join(
            [rights[r.right.value] for r in data.rights], cat["labels"]["and"]
        ),
        "extension_reasons": data.extension_reasons,
        "refusal_reasons": data.refusal_reasons,
        "authority_name": auth.name,
        "authority_postal_address": auth.postal_address,
        "authority_email": auth.email,
        "authority_web": auth.web,
        "representative_role": cat["representative_roles"][data.recipient.authority.value],
        "officer_contact": _officer_contact(data),
        "other_controllers": _join(
            [n.strip() for n in data.other_controllers if n.strip()], cat["labels"]["and"]
        ),
        "register_names": _join(
            [n.strip() for n in data.register_names if n.strip()], cat["labels"]["and"]
        ),
    }
    if data.fee is not None:
        values["fee_amount"] = format_euros(data.fee.cents, lang.value)
        values["fee_reason"] = _sentence(data.fee.reason)
        values["fee_costs"] = _sentence(data.fee.costs)
    if data.extended_due_date is not None:
        values["extended_due_date"] = format_date(data.extended_due_date, lang)
    if data.identity_request is not None and data.identity_request.reply_by is not None:
        values["reply_by"] = format_date(data.identity_request.reply_by, lang)
    values.update(data.extra)
    return {k: v for k, v in values.items() if v and v.strip()}


def split_wording(text: str) -> list[Block]:
    """A wording as blocks: blank lines part paragraphs, "- " lines are list items."""
    blocks: list[Block] = []
    for paragraph in text.strip().split("\n\n"):
        prose: list[str] = []
        for line in paragraph.splitlines():
            stripped = line.strip()
            if stripped.startswith("- "):
                if prose:
                    blocks.append(Block(" ".join(prose)))
                    prose = []
                blocks.append(Block(stripped[2:].strip(), "item"))
            elif stripped:
                prose.append(stripped)
        if prose:
            blocks.append(Block(" ".join(prose)))
    return blocks


class _Composer:
    def __init__(self, data: LetterData, overrides: Mapping[LetterKind | str, str] | None):
        self.data = data
        self.lang = data.language
        self.audience = data.recipient.audience
        self.cat = catalogue(self.lang, self.audience)
        self.labels: Mapping[str, str] = self.cat["labels"]
        self.blocks_text: Mapping[str, str] = self.cat["blocks"]
        self.filler = Filler(placeholder_values(data))
        self.overrides = {LetterKind(k): v for k, v in (overrides or {}).items()}
        self.out: list[Block] = []

    # -- helpers -------------------------------------------------------------------
    def text(self, key: str, **local: str) -> str:
        return self.filler.fill(self.blocks_text[key], **local)

    def add(self, key: str, style: str = "body", **local: str) -> None:
        self.out.append(Block(self.text(key, **local), style))

    def heading(self, key: str, **local: str) -> None:
        self.out.append(Block(self.text(key, **local), "heading"))

    def items(self, texts: list[str]) -> None:
        self.out.extend(Block(t, "item") for t in texts)

    def article(self, ground: Ground) -> str:
        ref = ground.article.strip()
        if ref[:1].isdigit():
            return f"{self.labels['gdpr_article']} {ref}"
        return ref

    def ground_text(self, ground: Ground) -> str:
        if not ground.article.strip():  # the officer's note on a decision, no legal ground
            return self.text("ground_line_plain", reason=_clause(ground.reason))
        return self.text("ground_line", reason=_clause(ground.reason), article=self.article(ground))

    def require(self, condition: bool, name: str) -> None:
        """Structured content that a kind cannot be printed without counts as a
        missing placeholder too, so the officer gets one list of everything to fill."""
        if not condition:
            self.filler.missing.add(name)

    # -- sections ------------------------------------------------------------------
    def representative(self) -> None:
        if self.audience is LetterAudience.REPRESENTATIVE:
            self.add(
                "representative_estate" if self.data.recipient.for_estate else "representative"
            )

    def other_controllers(self) -> None:
        if any(n.strip() for n in self.data.other_controllers):
            self.add("other_controllers")

    def late_notice(self) -> None:
        if not self.data.is_late:
            return
        key = "late_extended" if self.data.extended_due_date is not None else "late"
        if self.data.request_class is RequestClass.PUBLICITY_ACT:
            key = key.replace("late", "late_publicity")
        self.add(key)

    def body(self) -> None:
        kind = self.data.kind
        wording = self.overrides.get(kind) or template_text(kind, self.lang, self.audience)
        self.out.extend(Block(self.filler.fill(b.text), b.style) for b in split_wording(wording))

    def identity_request(self) -> None:
        req = self.data.identity_request
        self.require(req is not None and bool(req.needed), "identity_needed")
        if req is None:
            return
        self.add("identity_needed")
        self.items(list(req.needed))
        if req.methods:
            self.add("identity_methods")
            methods = self.cat["identity_methods"]
            self.items([methods.get(str(m), str(m)) for m in req.methods])
        self.add("identity_no_copy")
        self.add("identity_reply_by" if req.reply_by is not None else "identity_continue")

    def decisions(self) -> None:
        rights = self.data.rights
        if self.data.kind is LetterKind.REFUSAL or self.data.kind in DECISION_KINDS:
            self.require(bool(rights), "rights")
        if not rights:
            return
        self.heading("decision_heading")
        right_labels = self.cat["rights"]
        outcome_labels = self.cat["outcomes"]
        for decision in rights:
            self.out.append(
                Block(
                    self.text(
                        "decision_line",
                        right=_capitalise(right_labels[decision.right.value]),
                        outcome=outcome_labels[decision.outcome.value],
                    ),
                    "label",
                )
            )
            for ground in decision.grounds:
                self.out.append(Block(self.ground_text(ground), "ground"))

    def actions(self) -> None:
        if self.data.actions:
            self.heading("actions_heading")
            self.items(list(self.data.actions))

    def erasure(self) -> None:
        decisions = self.data.erasure_decisions
        self.require(bool(decisions), "erasure_decisions")
        if not decisions:
            return
        self.heading("erasure_heading")
        self.items([self._erasure_line(d) for d in decisions])

    def _erasure_line(self, d: ErasureDecision) -> str:
        if d.erased:
            return self.text("erasure_erased", category=d.category)
        ground = d.ground or Ground(code="", article="", reason="")
        local = {
            "category": d.category,
            "reason": _clause(ground.reason),
            "article": self.article(ground) if ground.article else "",
        }
        if d.kept_until is not None:
            return self.text(
                "erasure_kept", kept_until=format_date(d.kept_until, self.lang), **local
            )
        return self.text("erasure_kept_open", **local)

    def art19(self) -> None:
        """Exactly the notifications recorded; nothing about recipients not recorded."""
        data = self.data
        notified = [n for n in data.notifications if n.status is NotificationStatus.NOTIFIED]
        not_notified = [
            n for n in data.notifications if n.status is NotificationStatus.NOT_NOTIFIED
        ]
        none_disclosed = (
            data.art19_complete and bool(data.notifications) and not (notified or not_notified)
        )
        self.heading("art19_heading")
        if notified:
            self.add("art19_intro")
            self.items(
                [
                    self.text(
                        "art19_notified_line",
                        recipient=n.recipient,
                        notified_on=format_date(n.notified_on, self.lang) if n.notified_on else "",
                    )
                    for n in notified
                ]
            )
        if not_notified:
            self.add("art19_not_notified")
            self.items(
                [
                    self.text(
                        "art19_not_notified_line", recipient=n.recipient, reason=_clause(n.reason)
                    )
                    for n in not_notified
                ]
            )
        if none_disclosed:
            self.add("art19_none")
        if data.recipients_requested:
            # Art. 19, second sentence: the list asked for must be complete
            self.require(data.art19_complete, "art19_records")
            if notified or not_notified:
                self.add("art19_listed")
        elif not none_disclosed:
            self.add("art19_offer")

    def copy_and_fee(self) -> None:
        """The first copy is free (Art. 15(3)); a recorded fee is stated with its reason
        and its basis in the administrative costs."""
        fee = self.data.fee
        if fee is None:
            self.add("copy_free")
        else:  # its own sentence says the first copy is free (further copies)
            self.add(
                "fee_further_copies" if fee.basis is FeeBasis.FURTHER_COPIES else "fee_excessive"
            )

    def excessive_fee(self) -> None:
        fee = self.data.fee
        if fee is not None and fee.basis is FeeBasis.EXCESSIVE:
            self.add("fee_excessive")

    def other_holders(self, intro: str) -> None:
        holders = self.data.other_holders
        if not holders:
            return
        self.add(intro)
        self.items([self._holder(h) for h in holders])

    def _holder(self, holder: OtherHolder) -> str:
        self.require(bool(holder.contact.strip()), "other_holder_contact")
        key = "other_holder_scope" if holder.scope.strip() else "other_holder"
        return self.text(
            key, name=holder.name, scope=_clause(holder.scope), contact=holder.contact.strip()
        )

    def access(self) -> None:
        self.require(bool(self.data.registers), "registers")
        self.other_holders("other_holders_partial")
        for register in self.data.registers:
            self._register(register)
        self.heading("access_rights_heading")
        self.add("access_rights")

    def _matter(self, entry: dict) -> str:
        """A Publicity Act request is a document request also in its acknowledgement."""
        if (
            self.data.kind is LetterKind.NON_GDPR_ACKNOWLEDGEMENT
            and self.data.request_class is RequestClass.PUBLICITY_ACT
        ):
            return self.cat["kinds"][LetterKind.PUBLICITY_ACT_REPLY.value]["matter"]
        return entry["matter"]

    def non_gdpr(self) -> None:
        data, kind = self.data, self.data.kind
        if data.recipient.for_estate:  # the estate is told why this is no GDPR request
            self.add("estate_outside_gdpr")
        if kind is LetterKind.NON_GDPR_ACKNOWLEDGEMENT:
            # a late acknowledgement says the time limit passed; it promises no date
            if data.request_class is RequestClass.PUBLICITY_ACT and not data.is_late:
                self.add("publicity_deadline")
            return
        if kind is LetterKind.NON_GDPR_REPLY:
            self.require(bool(data.answer.strip()), "answer")
            if data.answer.strip():
                self.heading("answer_heading")
                self.out.extend(split_wording(data.answer))
            return
        # the Publicity Act reply: each document given or refused, as recorded
        self.require(bool(data.documents), "documents")
        given = [d for d in data.documents if d.given]
        refused = [d for d in data.documents if not d.given]
        if given:
            self.add("publicity_given")
            self.items([d.document for d in given])
        if refused:
            self.add("publicity_refused")
            for d in refused:
                self.require(bool(d.reason.strip()), "document_reasons")
            self.items(
                [
                    self.text(
                        "publicity_refused_line", document=d.document, reason=_clause(d.reason)
                    )
                    for d in refused
                ]
            )
            self.add("publicity_remedy")

    def _register(self, reg: RegisterInfo) -> None:
        none = self.labels["none"]
        self.heading("access_register_heading", register_name=reg.name)

        def field(label_key: str, values: list[str], empty_key: str | None = None) -> None:
            self.out.append(Block(self.text(label_key), "label"))
            if values:
                self.items(values)
            else:
                self.out.append(Block(self.text(empty_key) if empty_key else none, "note"))

        def stated(statement: str | None, standard: str) -> list[str]:
            """A recorded "there is none" statement: its own words or the standard one."""
            if statement is None:
                return []
            return [statement.strip() or self.text(standard)]

        bases = self.cat["legal_bases"]
        field("access_purposes", list(reg.purposes))
        field(
            "access_legal_bases",
            [
                ": ".join(p for p in (bases[b.article.value] if b.article else "", b.text) if p)
                for b in reg.legal_bases
            ],
        )
        field("access_categories", list(reg.data_categories))
        field(
            "access_recipients",
            list(reg.recipients) or stated(reg.no_disclosures, "access_recipients_none"),
        )
        safeguards = dict(self.cat["safeguards"])
        if self.data.state_invalid_safeguards:  # the officer chose to say "repealed"
            safeguards.update(self.cat["safeguards_invalid"])
        transfers = [
            self.text(
                "transfer_line_recipient" if t.recipient else "transfer_line",
                country=t.country,
                recipient=t.recipient,
                safeguard=safeguards[t.safeguard.value],
            )
            for t in reg.transfers
        ]
        field("access_transfers", transfers or stated(reg.no_transfers, "access_transfers_none"))
        field("access_retention", list(reg.retention))
        field("access_sources", list(reg.sources))
        automated = [reg.automated_decisions] if reg.automated_decisions.strip() else []
        if not automated:
            automated = stated(reg.no_automated, "access_automated_none")
            automated += stated(reg.no_profiling, "access_profiling_none")
        field("access_automated", automated)

    def remedies(self) -> None:
        if not needs_remedies(self.data):
            return
        auth = self.data.authority
        self.heading("remedies_heading")
        self.add("remedies_intro")
        lines = [auth.name]
        for key, value in (
            ("authority_visiting", auth.visiting_address),
            ("authority_postal", auth.postal_address),
            ("authority_phone", auth.phone),
            ("authority_email", auth.email),
            ("authority_web", auth.web),
        ):
            if value.strip():
                lines.append(self.text(key, value=value))
        self.out.append(Block("\n".join(lines), "address"))
        self.add("remedies_court")

    def contact(self) -> str:
        return self.text("contact" if _officer_contact(self.data) else "contact_plain")

    # -- the whole letter ------------------------------------------------------------
    def compose(self) -> ComposedLetter:
        data, kind = self.data, self.data.kind
        self.representative()
        self.late_notice()
        self.body()
        if kind is LetterKind.ACCESS_RESPONSE:
            self.copy_and_fee()
        self.other_controllers()
        if kind is LetterKind.IDENTITY_REQUEST:
            self.identity_request()
        elif kind is LetterKind.EXTENSION:
            self.require(data.extended_due_date is not None, "extended_due_date")
        elif kind is LetterKind.ACCESS_NOT_HELD:
            self.other_holders("other_holders_not_held")
        elif kind in NON_GDPR_KINDS:
            self.non_gdpr()
        if kind in DECISION_KINDS:
            self.decisions()
            if kind is not LetterKind.ACCESS_RESPONSE:
                self.excessive_fee()
        if kind is LetterKind.ERASURE:
            self.erasure()
        self.actions()
        if kind in ART19_KINDS:
            self.art19()
        if kind is LetterKind.ACCESS_RESPONSE:
            self.access()
        self.remedies()
        contact = self.contact()

        entry = kind_entry(kind, self.lang, self.audience)
        enclosures = list(data.enclosures)
        appendix: list[Block] = []
        if kind in APPENDIX_KINDS and (kind is LetterKind.ACCESS_RESPONSE or data.data_copy):
            key = "data_copy" if kind is LetterKind.ACCESS_RESPONSE else "information"
            title = self.labels[f"{key}_title"]
            if title not in enclosures:
                enclosures.insert(0, title)
            number = enclosures.index(title) + 1
            appendix = self._data_copy(f"{self.labels['enclosure']} {number}: {title}", key)
        elif kind is LetterKind.PORTABILITY:
            title = self.labels["portability_enclosure"]
            if title not in enclosures:
                enclosures.insert(0, title)

        composed = ComposedLetter(
            kind=kind,
            language=self.lang,
            labels=self.labels,
            document_name=self.filler.fill(entry["document_name"]),
            date_text=format_date(data.issue_date, self.lang),
            case_number=data.case_number,
            reference=_reference(data, self.labels),
            matter=data.matter.strip() or self.filler.fill(self._matter(entry)),
            sent_via=self.cat["sent_via"][data.sent_via.value] if data.sent_via else "",
            subject=self.filler.fill(entry["subject"]),
            blocks=tuple(self.out),
            contact=contact,
            closing=self.labels["closing"],
            organisation_name=data.organisation.name,
            officer_name=data.officer.name,
            officer_title=data.officer.title,
            enclosures=tuple(enclosures),
            appendix=tuple(appendix),
        )
        self.require(bool(data.case_number.strip()), "case_number")
        self.require(bool(data.recipient.name.strip()), "recipient_name")
        self.filler.check()
        return composed

    def _data_copy(self, title: str, key: str = "data_copy") -> list[Block]:
        blocks = [Block(title, "heading"), Block(self.text(f"{key}_intro"))]
        # Art. 15(3): no copy, no access response (nothing is claimed in its place)
        self.require(bool(self.data.data_copy), "data_copy")
        for entry in self.data.data_copy:
            blocks.append(Block(entry.category, "label"))
            blocks.append(Block(entry.content.strip() or self.labels["none"], "copy"))
        return blocks


def _clause(text: str) -> str:
    """A reason the officer ended with a full stop, ready to be followed by "(Art. x)."."""
    return text.strip().rstrip(".").rstrip()


def _sentence(text: str) -> str:
    """The officer's words as one sentence ending in a full stop."""
    text = text.strip()
    return text if not text or text[-1] in ".!?…" else text + "."


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def compose_letter(
    data: LetterData, overrides: Mapping[LetterKind | str, str] | None = None
) -> ComposedLetter:
    """The letter's words and blocks; raises MissingPlaceholder listing every gap."""
    return _Composer(data, overrides).compose()
