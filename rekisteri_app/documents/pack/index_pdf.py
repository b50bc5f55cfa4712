"""index.pdf: the cover, the period's figures with charts, the checker's findings at
creation and a page per register with its notice versions.

The document is a sequence of sections (`SECTIONS`), each a function from the data to
flowables; a new part of the pack (the breach figures) adds one function and one field
of `IndexData`, without touching the others.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Paragraph, Spacer

from ...domain import vocabulary as v
from .charts import bar_chart, column_chart, share_chart
from .data import IndexData, NoticeVersionLine
from .layout import ACCENT, SEVERITY_COLOURS, WIDTH, banner, e, facts, render, styles, table
from .texts import PackTexts, load_texts

Styles = dict[str, ParagraphStyle]
Section = Callable[[IndexData, PackTexts, Styles], list[Flowable]]


def _short(digest: str | None) -> str:
    return f"{digest[:16]}…" if digest else ""


def _hash_lines(digest: str) -> str:
    """A 64-digit hash in two groups of 32, so it wraps where the eye expects."""
    return f"{digest[:32]}\n{digest[32:]}"


# ----------------------------------------------------------------------------- cover


def cover(data: IndexData, t: PackTexts, s: Styles) -> list[Flowable]:
    story: list[Flowable] = [
        Paragraph(e(t.t("index", "title")), s["title"]),
        Paragraph(e(t.t("index", "subtitle")), s["subtitle"]),
    ]
    if data.identified:
        story.append(banner(s, t.t("index", "identified"), SEVERITY_COLOURS["red"]))
    else:
        story.append(banner(s, t.t("index", "pseudonymised"), ACCENT))
    story.append(Spacer(1, 8))
    story.append(
        facts(
            s,
            [
                (t.t("index", "organisation"), data.organisation),
                (t.t("index", "period"), t.period(data.period_start, data.period_end)),
                (t.t("index", "created"), t.moment(data.created_at)),
                (t.t("index", "findings_as_of"), t.date(data.findings_as_of)),
                (t.t("index", "app_version"), data.app_version),
                (t.t("index", "schema"), data.schema_revision),
            ],
            48 * mm,
        )
    )
    chain = data.chain
    story.append(Paragraph(e(t.t("index", "chain")), s["h2"]))
    segment = (
        t.t("index", "segment_value").format(
            first=chain.first_position, last=chain.last_position, n=chain.events
        )
        if chain.events
        else t.t("index", "segment_empty").format(position=chain.first_position - 1)
    )
    story.append(
        facts(
            s,
            [
                (
                    t.t("index", "chain_head"),
                    t.t("index", "chain_head_value").format(count=chain.head_count)
                    + "\n"
                    + _hash_lines(chain.head_hash),
                ),
                (t.t("index", "segment"), segment),
                (t.t("index", "previous_hash"), _hash_lines(chain.previous_hash)),
            ],
            48 * mm,
        )
    )
    story.append(Spacer(1, 4))
    story.append(Paragraph(e(t.t("index", "chain_note")), s["muted"]))
    if data.members:
        story.append(Paragraph(e(t.t("index", "contents")), s["h2"]))
        story.append(
            table(
                s,
                [t.t("index", "file"), t.t("index", "file_content")],
                [(m.name, t.t("members", m.key)) for m in data.members],
                [52 * mm, WIDTH - 52 * mm],
            )
        )
        story.append(Spacer(1, 4))
        story.append(Paragraph(e(t.t("index", "verify_note")), s["muted"]))
    return story


# --------------------------------------------------------------------------- figures

MAX_ROWS = 100  # rows of a case list; requests.csv lists every case
MAX_CASES = 12  # case numbers in one cell


def _some(t: PackTexts, cases: tuple[str, ...] | list[str]) -> str:
    """At most MAX_CASES case numbers, then "… and N more": a cell must fit on a page."""
    shown = ", ".join(cases[:MAX_CASES])
    rest = len(cases) - MAX_CASES
    return shown if rest <= 0 else f"{shown} {t.t('figures', 'and_more').format(n=t.number(rest))}"


def _by_reasons(extensions) -> list[tuple[str, list[str]]]:
    """Extensions grouped by their recorded reasons, the most frequent first."""
    groups: dict[str, list[str]] = {}
    for x in extensions:
        groups.setdefault(x.reasons, []).append(x.case_number)
    return sorted(groups.items(), key=lambda item: (-len(item[1]), item[1][0]))


def figures(data: IndexData, t: PackTexts, s: Styles) -> list[Flowable]:
    f = data.figures
    label = lambda key: t.t("figures", key)  # noqa: E731 - a local shorthand
    story: list[Flowable] = [PageBreak(), Paragraph(e(label("title")), s["h1"])]
    judged = f.on_time + f.late
    key_figures = [
        (label("received"), t.number(f.received)),
        (label("received_gdpr"), t.number(f.received_gdpr)),
        (label("answered"), t.number(f.answered)),
        (label("median_days"), t.number(f.median_days, 1)),
        (label("max_days"), t.number(f.max_days)),
        (
            label("on_time_share"),
            f"{t.percent(f.on_time_share)} ({t.number(f.on_time)}/{t.number(judged)})"
            if judged
            else "–",
        ),
        (label("late"), t.number(f.late)),
        (label("no_deadline"), t.number(f.no_deadline)),
        (label("extensions"), t.number(len(f.extensions))),
        (label("pauses"), t.number(sum(c.count for c in f.pauses_by_kind))),
        (label("open_at_end"), t.number(f.open_at_end)),
        (label("overdue_at_end"), t.number(f.overdue_at_end)),
        (label("refusals"), t.number(sum(c.count for c in f.refusals_by_ground))),
        (label("repeats"), t.number(len(f.repeats))),
    ]
    story.append(
        table(
            s,
            [label("figure"), label("value")],
            key_figures,
            [WIDTH - 40 * mm, 40 * mm],
            right=(1,),
        )
    )
    story.append(Spacer(1, 3))
    story.append(Paragraph(e(label("definitions")), s["small"]))

    # by month
    story.append(CondPageBreak(70 * mm))
    story.append(Paragraph(e(label("by_month")), s["h2"]))
    years = {c.key[:4] for c in f.by_month}
    if f.received:
        story.append(
            column_chart(
                [t.month(c.key, with_year=len(years) > 1) for c in f.by_month],
                [c.count for c in f.by_month],
                WIDTH,
            )
        )
    else:
        story.append(Paragraph(e(label("none_received")), s["note"]))

    # by right
    story.append(CondPageBreak(50 * mm))
    story.append(Paragraph(e(label("by_right")), s["h2"]))
    if f.by_right:
        story.append(
            bar_chart([t.right(c.key) for c in f.by_right], [c.count for c in f.by_right], WIDTH)
        )
        story.append(Paragraph(e(label("by_right_note")), s["small"]))
    else:
        story.append(Paragraph(e(label("none_received")), s["note"]))

    # on time
    story.append(CondPageBreak(45 * mm))
    story.append(Paragraph(e(label("on_time_title")), s["h2"]))
    if f.answered:
        story.append(
            share_chart(
                [
                    (label("on_time"), f.on_time, "ok"),
                    (label("late"), f.late, "red"),
                    (label("no_deadline"), f.no_deadline, "muted"),
                ],
                WIDTH,
            )
        )
    else:
        story.append(Paragraph(e(label("none_answered")), s["note"]))

    # extensions
    story.append(Paragraph(e(label("extensions_title")), s["h2"]))
    if f.extensions:
        story.append(
            table(
                s,
                [label("reasons"), label("count"), label("cases")],
                [
                    (reasons, t.number(len(cases)), _some(t, cases))
                    for reasons, cases in _by_reasons(f.extensions)
                ],
                [WIDTH - 84 * mm, 16 * mm, 68 * mm],
                right=(1,),
            )
        )
    else:
        story.append(Paragraph(e(label("none_extended")), s["note"]))

    # pauses
    story.append(Paragraph(e(label("pauses_title")), s["h2"]))
    if f.pauses_by_kind:
        rows = [(t.vocab(v.PAUSE_KINDS, c.key), t.number(c.count)) for c in f.pauses_by_kind]
        rows.append((label("pauses_open_at_end"), t.number(f.pauses_open_at_end)))
        story.append(
            table(
                s,
                [label("pause_kind"), label("count")],
                rows,
                [WIDTH - 30 * mm, 30 * mm],
                right=(1,),
            )
        )
    else:
        story.append(Paragraph(e(label("none_paused")), s["note"]))

    # refusals
    story.append(Paragraph(e(label("refusals_title")), s["h2"]))
    if f.refusals_by_ground:
        story.append(
            table(
                s,
                [label("ground"), label("ground_text"), label("count")],
                [
                    (
                        t.ground(c.key) or label("no_ground"),
                        t.ground_description(c.key) if c.key else "",
                        t.number(c.count),
                    )
                    for c in f.refusals_by_ground
                ],
                [34 * mm, WIDTH - 54 * mm, 20 * mm],
                right=(2,),
            )
        )
        story.append(Paragraph(e(label("refusals_note")), s["small"]))
    else:
        story.append(Paragraph(e(label("none_refused")), s["note"]))

    # repeats
    story.append(Paragraph(e(label("repeats_title")), s["h2"]))
    if f.repeats:
        story.append(
            table(
                s,
                [label("case"), label("earlier")],
                [(r.case_number, _some(t, r.earlier)) for r in f.repeats[:MAX_ROWS]],
                [34 * mm, WIDTH - 34 * mm],
            )
        )
        if len(f.repeats) > MAX_ROWS:
            more = label("more_rows").format(shown=MAX_ROWS, n=t.number(len(f.repeats)))
            story.append(Paragraph(e(more), s["small"]))
        story.append(Paragraph(e(label("repeats_note")), s["small"]))
    else:
        story.append(Paragraph(e(label("none_repeated")), s["note"]))
    return story


# -------------------------------------------------------------------------- breaches


def breaches(data: IndexData, t: PackTexts, s: Styles) -> list[Flowable]:
    """The period's personal data breaches: how many, at which risk, notified within the
    72 hours of Art. 33(1) or late, and the hours from becoming aware to notifying."""
    b = data.breaches
    if b is None:
        return []
    label = lambda key: t.t("breaches", key)  # noqa: E731 - a local shorthand
    story: list[Flowable] = [CondPageBreak(90 * mm), Paragraph(e(label("title")), s["h1"])]
    if not b.recorded:
        story.append(Paragraph(e(label("none_recorded")), s["note"]))
        return story
    rows = [
        (label("recorded"), t.number(b.recorded)),
        (label("notified"), t.number(b.notified)),
        (label("notified_within_72h"), t.number(b.notified_within_72h)),
        (label("notified_late"), t.number(b.notified_late)),
        (label("decided_not_to_notify"), t.number(b.decided_not_to_notify)),
        (label("awaiting_notification"), t.number(b.awaiting_notification)),
        (label("subjects_informed"), t.number(b.subjects_informed)),
        (label("median_hours"), t.number(b.median_hours_to_notify, 1)),
        (label("max_hours"), t.number(b.max_hours_to_notify, 1)),
    ]
    story.append(
        table(s, [label("figure"), label("value")], rows, [WIDTH - 40 * mm, 40 * mm], right=(1,))
    )
    story.append(Paragraph(e(label("by_risk")), s["h2"]))
    story.append(
        table(
            s,
            [label("risk"), label("count")],
            [
                (
                    t.vocab(v.RISK_LEVELS, c.key) if c.key else label("not_assessed"),
                    t.number(c.count),
                )
                for c in b.by_risk
            ],
            [WIDTH - 30 * mm, 30 * mm],
            right=(1,),
        )
    )
    story.append(Spacer(1, 3))
    story.append(Paragraph(e(label("definitions")), s["small"]))
    return story


# -------------------------------------------------------------------------- findings


def findings(data: IndexData, t: PackTexts, s: Styles) -> list[Flowable]:
    story: list[Flowable] = [
        PageBreak(),
        Paragraph(e(t.t("findings", "title").format(day=t.date(data.findings_as_of))), s["h1"]),
    ]
    if not data.findings:
        story.append(Paragraph(e(t.t("findings", "none")), s["note"]))
        return story
    red = sum(1 for f in data.findings if f.severity == "red")
    story.append(
        Paragraph(
            e(t.t("findings", "summary").format(red=red, amber=len(data.findings) - red)),
            s["body"],
        )
    )
    rows = []
    for f in data.findings:
        colour = SEVERITY_COLOURS.get(f.severity, ACCENT).hexval()[2:]
        severity = Paragraph(
            f'<font color="#{colour}"><b>{e(t.vocab(v.CHECK_STATUSES, f.severity))}</b></font>',
            s["cell"],
        )
        subject = f"{t.vocab(v.SUBJECT_KINDS, f.subject_kind)}: {f.subject_name}"
        rows.append((severity, subject, f.article, f.message))
    story.append(
        table(
            s,
            [
                t.t("findings", "severity"),
                t.t("findings", "subject"),
                t.t("findings", "article"),
                t.t("findings", "finding"),
            ],
            rows,
            [27 * mm, 46 * mm, 27 * mm, WIDTH - 100 * mm],
        )
    )
    return story


# ------------------------------------------------------------------------- registers


def _version_row(t: PackTexts, version: NoticeVersionLine) -> tuple[str, ...]:
    return (
        version.version,
        t.date(version.issued_on),
        (version.language or "").upper(),
        (version.format or "").upper(),
        _short(version.sha256),
    )


def registers(data: IndexData, t: PackTexts, s: Styles) -> list[Flowable]:
    story: list[Flowable] = []
    label = lambda key: t.t("registers", key)  # noqa: E731 - a local shorthand
    for register in data.registers:
        story += [PageBreak(), Paragraph(e(register.name), s["h1"])]
        story.append(
            facts(
                s,
                [
                    (label("controllers"), "\n".join(register.controllers)),
                    (
                        label("findings"),
                        label("findings_value").format(
                            red=register.red_findings, amber=register.amber_findings
                        ),
                    ),
                    (
                        label("in_force_at_start"),
                        label("version_value").format(
                            version=register.in_force_at_start.version,
                            day=t.date(register.in_force_at_start.issued_on),
                        )
                        if register.in_force_at_start
                        else label("none_in_force"),
                    ),
                ],
                48 * mm,
            )
        )
        story.append(Paragraph(e(label("versions_title")), s["h2"]))
        if register.versions_in_period:
            story.append(
                table(
                    s,
                    [
                        label("version"),
                        label("issued_on"),
                        label("language"),
                        label("format"),
                        label("sha256"),
                    ],
                    [_version_row(t, version) for version in register.versions_in_period],
                    [26 * mm, 34 * mm, 22 * mm, 20 * mm, WIDTH - 102 * mm],
                )
            )
        else:
            story.append(Paragraph(e(label("none_in_period")), s["note"]))
    return story


SECTIONS: tuple[Section, ...] = (cover, figures, breaches, findings, registers)


def render_index_pdf(data: IndexData, lang: str) -> bytes:
    """index.pdf in `lang` (fi, sv or en) as bytes."""
    t = load_texts(lang)
    s = styles()
    story: list[Flowable] = []
    for section in SECTIONS:
        story.extend(section(data, t, s))
    title = t.t("index", "title")
    footer = " · ".join(
        part
        for part in (title, data.organisation, t.period(data.period_start, data.period_end))
        if part
    )
    return render(story, title=title, footer=footer, texts=t, author=data.organisation)
