"""records-of-processing.pdf: the Art. 30(1) record of every register with every linked
item, one register after the other, in the pack's language.

Sections follow Art. 30(1) (a)–(g), with the processors and their agreements beside the
recipients. What the record does not hold is said to be not recorded, never filled in.
"""

from __future__ import annotations

from functools import partial

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

from ...domain import vocabulary as v
from .data import RecordsData, RegisterRecord
from .layout import SEVERITY_COLOURS, WIDTH, e, facts, render, styles
from .layout import table as _table
from .texts import PackTexts, load_texts

# a column the record leaves empty in every row is left out
table = partial(_table, drop_empty=True)


def _list(items: list[str], s: dict) -> list[Flowable]:
    return [Paragraph(e(item), s["body"], bulletText="•") for item in items if item]


def _none(t: PackTexts, s: dict) -> list[Flowable]:
    return [Paragraph(e(t.t("records", "not_recorded")), s["note"])]


def _controllers(reg: RegisterRecord, t: PackTexts, s: dict) -> list[Flowable]:
    label = lambda key: t.t("records", key)  # noqa: E731
    out: list[Flowable] = []
    for c in reg.controllers:
        out.append(Paragraph(e(f"{c.name} – {t.vocab(v.CONTROLLER_ROLES, c.role)}"), s["h3"]))
        out.append(
            facts(
                s,
                [
                    (label("business_id"), c.business_id),
                    (label("postal_address"), c.postal_address),
                    (label("visiting_address"), c.visiting_address),
                    (label("phone"), c.phone),
                    (label("email"), c.email),
                    (label("web"), c.web),
                    (label("dpo"), c.dpo_contact),
                ],
                40 * mm,
            )
        )
    if reg.contacts:
        out.append(Paragraph(e(label("contacts")), s["h3"]))
        out.append(
            table(
                s,
                [label("contact"), label("scope"), label("contact_details")],
                [
                    (
                        " – ".join(p for p in (c.name, c.role) if p),
                        c.scope,
                        ", ".join(p for p in (c.phone, c.email, c.address) if p),
                    )
                    for c in reg.contacts
                ],
                [55 * mm, 45 * mm, WIDTH - 100 * mm],
            )
        )
    return out or _none(t, s)


def _purposes(reg: RegisterRecord, t: PackTexts, s: dict) -> list[Flowable]:
    label = lambda key: t.t("records", key)  # noqa: E731
    out: list[Flowable] = _list(list(reg.purposes), s) or _none(t, s)
    out.append(Paragraph(e(label("legal_bases")), s["h3"]))
    if reg.legal_bases:
        out.append(
            table(
                s,
                [label("article"), label("national_law"), label("description")],
                [
                    (
                        t.vocab(v.ARTICLES, b.article) if b.article else label("national_only"),
                        b.national_law,
                        b.description,
                    )
                    for b in reg.legal_bases
                ],
                [42 * mm, 55 * mm, WIDTH - 97 * mm],
            )
        )
    else:
        out += _none(t, s)
    return out


def _subjects(reg: RegisterRecord, t: PackTexts, s: dict) -> list[Flowable]:
    items = [f"{g.name} – {g.description}" if g.description else g.name for g in reg.subject_groups]
    out = _list(items, s) or _none(t, s)
    out.append(Paragraph(e(t.t("records", "categories")), s["h3"]))
    if reg.categories:
        label = lambda key: t.t("records", key)  # noqa: E731
        out.append(
            table(
                s,
                [label("category"), label("heading"), label("subject_group"), label("special")],
                [
                    (c.name, c.heading, c.subject_group, label("yes") if c.special else "")
                    for c in reg.categories
                ],
                [70 * mm, 40 * mm, 40 * mm, WIDTH - 150 * mm],
            )
        )
    else:
        out += _none(t, s)
    if reg.sources:
        label = lambda key: t.t("records", key)  # noqa: E731
        out.append(Paragraph(e(label("sources")), s["h3"]))
        out.append(
            table(
                s,
                [label("source"), label("kind"), label("description")],
                [(x.name, t.vocab(v.SOURCE_KINDS, x.kind), x.description) for x in reg.sources],
                [60 * mm, 40 * mm, WIDTH - 100 * mm],
            )
        )
    return out


def _recipients(reg: RegisterRecord, t: PackTexts, s: dict) -> list[Flowable]:
    label = lambda key: t.t("records", key)  # noqa: E731
    out: list[Flowable] = []
    if reg.recipients:
        out.append(
            table(
                s,
                [label("recipient"), label("kind"), label("description"), label("basis")],
                [
                    (r.name, t.vocab(v.RECIPIENT_KINDS, r.kind), r.description, r.legal_basis)
                    for r in reg.recipients
                ],
                [45 * mm, 32 * mm, 55 * mm, WIDTH - 132 * mm],
            )
        )
    else:
        out += _none(t, s)
    out.append(Paragraph(e(label("processors")), s["h3"]))
    if reg.processors:
        out.append(
            table(
                s,
                [
                    label("processor"),
                    label("service"),
                    label("country"),
                    label("dpa_signed"),
                    label("dpa_review"),
                ],
                [
                    (
                        p.name
                        + (f" ({label('parent').format(name=p.parent)})" if p.parent else ""),
                        p.service,
                        t.country(p.country),
                        t.date(p.dpa_signed_on) or label("no_agreement"),
                        t.date(p.dpa_review_on),
                    )
                    for p in reg.processors
                ],
                [50 * mm, 48 * mm, 26 * mm, 25 * mm, WIDTH - 149 * mm],
            )
        )
    else:
        out += _none(t, s)
    return out


def _transfers(reg: RegisterRecord, t: PackTexts, s: dict) -> list[Flowable]:
    label = lambda key: t.t("records", key)  # noqa: E731
    out: list[Flowable] = []
    if reg.transfers:
        rows = []
        for x in reg.transfers:
            details = [
                t.vocab(v.SCC_MODULES, x.scc_module) if x.scc_module else "",
                label("dpf_checked").format(day=t.date(x.dpf_checked_on))
                if x.dpf_checked_on
                else "",
                x.derogation,
                x.description,
            ]
            colour = SEVERITY_COLOURS[x.verdict].hexval()[2:]
            verdict = "<br/>".join(
                [f'<font color="#{colour}"><b>{e(t.vocab(v.CHECK_STATUSES, x.verdict))}</b></font>']
                + [e(message) for message in x.findings]
            )
            rows.append(
                (
                    f"{t.country(x.country)} ({x.country})",
                    x.recipient + (f"\n{label('via')} {x.processor}" if x.processor else ""),
                    t.vocab(v.SAFEGUARDS, x.safeguard) + "".join(f"\n{d}" for d in details if d),
                    Paragraph(verdict, s["cell"]),
                )
            )
        out.append(
            table(
                s,
                [label("country"), label("recipient"), label("safeguard"), label("verdict")],
                rows,
                [30 * mm, 40 * mm, 55 * mm, WIDTH - 125 * mm],
            )
        )
    if reg.transfers_statement:
        out.append(Paragraph(e(reg.transfers_statement), s["body"]))
    return out or [Paragraph(e(label("no_transfers")), s["note"])]


def _retention(reg: RegisterRecord, t: PackTexts, s: dict) -> list[Flowable]:
    items = []
    for r in reg.retention:
        head = r.applies_to or r.category
        period = t.retention_period(r.period_value, r.period_unit)
        body = ", ".join(p for p in (period, r.trigger, r.description, r.legal_ground) if p)
        items.append(f"{head}: {body}" if head and body else head or body)
    if reg.retention_statement:
        items.append(reg.retention_statement)
    return _list(items, s) or _none(t, s)


def _security(reg: RegisterRecord, t: PackTexts, s: dict) -> list[Flowable]:
    items = [f"{t.vocab(v.SECURITY_KINDS, m.kind)}: {m.text}" for m in reg.security]
    return _list(items, s) or _none(t, s)


def _automated(reg: RegisterRecord, t: PackTexts, s: dict) -> list[Flowable]:
    label = lambda key: t.t("records", key)  # noqa: E731
    out: list[Flowable] = []
    for a in reg.automated:
        title = a.description + (f" ({label('profiling')})" if a.is_profiling else "")
        out.append(Paragraph(e(title), s["body"], bulletText="•"))
        for key, extra in (("logic", a.logic), ("consequences", a.consequences)):
            if extra:
                out.append(Paragraph(f"<b>{e(label(key))}:</b> {e(extra)}", s["indented"]))
    return out or [Paragraph(e(label("no_automated")), s["note"])]


SECTIONS = (
    ("controllers", _controllers),
    ("purposes", _purposes),
    ("subjects", _subjects),
    ("recipients", _recipients),
    ("transfers", _transfers),
    ("retention", _retention),
    ("security", _security),
    ("automated", _automated),
)


def _register(reg: RegisterRecord, t: PackTexts, s: dict) -> list[Flowable]:
    story: list[Flowable] = [PageBreak(), Paragraph(e(reg.name), s["h1"])]
    if reg.description:
        story.append(Paragraph(e(reg.description), s["muted"]))
    for key, section in SECTIONS:
        story.append(Paragraph(e(t.t("records", "section_" + key)), s["h2"]))
        story.extend(section(reg, t, s))
    return story


def render_records_pdf(data: RecordsData, lang: str) -> bytes:
    """records-of-processing.pdf in `lang` (fi, sv or en) as bytes."""
    t = load_texts(lang)
    s = styles()
    label = lambda key: t.t("records", key)  # noqa: E731
    story: list[Flowable] = [
        Paragraph(e(label("title")), s["title"]),
        Paragraph(e(label("subtitle")), s["subtitle"]),
        facts(
            s,
            [
                (label("organisation"), data.organisation),
                (label("period"), t.period(data.period_start, data.period_end)),
                (
                    label("read_at"),
                    label("read_at_value").format(count=data.head_count) + "\n" + data.head_hash,
                ),
            ],
            48 * mm,
        ),
        Spacer(1, 6),
        Paragraph(e(label("intro")), s["muted"]),
        Paragraph(e(label("registers")), s["h2"]),
    ]
    if data.registers:
        story += _list([reg.name for reg in data.registers], s)
    else:
        story += [Paragraph(e(label("no_registers")), s["note"])]
    for reg in data.registers:
        story.extend(_register(reg, t, s))
    title = label("title")
    footer = " · ".join(p for p in (title, data.organisation) if p)
    return render(story, title=title, footer=footer, texts=t, author=data.organisation)
