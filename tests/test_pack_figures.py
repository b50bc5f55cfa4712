"""The figures of index.pdf: recomputed here from the cases as `request show` reports
them, and compared with the text pypdf extracts from the PDF; and the figure rules on
hand-made cases."""

from __future__ import annotations

import json
import statistics
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.pack_fixtures import HALF_YEAR, Q1, make_pack, members, opened, pdf_text

LABELS = json.loads(
    (Path(__file__).resolve().parent.parent / "resources/pack/en.json").read_text("utf-8")
)["figures"]


def expected_figures(db_path, period) -> dict[str, str]:
    """The key figures, from every case's `request show --json` view."""
    from rekisteri_app.services import requests as rq

    start, end = (d.isoformat() for d in period)
    inside = lambda day: day is not None and start <= day <= end  # noqa: E731
    with opened(db_path) as ctx:
        views = [rq.get_request(ctx, row.case_number) for row in rq.list_requests(ctx)]
    received = [v for v in views if inside(v["received"])]
    answered = [v for v in views if v["classification"] == "gdpr" and inside(v["answered_on"])]
    days = [
        (date.fromisoformat(v["answered_on"]) - date.fromisoformat(v["received"])).days
        for v in answered
    ]
    judged = [v for v in answered if v["effective_due_date"]]
    on_time = [v for v in judged if v["answered_on"] <= v["effective_due_date"]]

    def open_at_end(v) -> bool:
        done = [d for d in (v["answered_on"], v["closed_on"]) if d is not None and d <= end]
        return v["received"] <= end and not done

    still_open = [v for v in views if open_at_end(v)]
    refusals = [
        r
        for v in views
        for r in v["rights"]
        if r["outcome"] in ("refused", "partly") and inside(r["decided_on"] or v["answered_on"])
    ]
    pauses = [p for v in views for p in v["pauses"] if inside(p["asked_on"])]
    share = f"{round(100 * len(on_time) / len(judged))} % ({len(on_time)}/{len(judged)})"
    return {
        "received": str(len(received)),
        "received_gdpr": str(sum(1 for v in received if v["classification"] == "gdpr")),
        "answered": str(len(answered)),
        "median_days": f"{statistics.median(days):.1f}",
        "max_days": str(max(days)),
        "on_time_share": share,
        "late": str(len(judged) - len(on_time)),
        "no_deadline": str(len(answered) - len(judged)),
        "extensions": str(sum(1 for v in views if inside(v["extended_on"]))),
        "pauses": str(len(pauses)),
        "open_at_end": str(len(still_open)),
        "overdue_at_end": str(
            sum(
                1
                for v in still_open
                if v["classification"] == "gdpr"
                and v["effective_due_date"]
                and v["effective_due_date"] < end
            )
        ),
        "refusals": str(len(refusals)),
        "repeats": str(sum(1 for v in received if v["repeats"])),
    }


def printed_figures(pdf: bytes) -> dict[str, str]:
    """The value printed under each key-figure label (pypdf puts cells on lines)."""
    lines = [line.strip() for line in pdf_text(pdf).splitlines()]
    found = {}
    for key in (
        "received", "received_gdpr", "answered", "median_days", "max_days", "on_time_share",
        "late", "no_deadline", "extensions", "pauses", "open_at_end", "overdue_at_end",
        "refusals", "repeats",
    ):  # fmt: skip
        found[key] = lines[lines.index(LABELS[key]) + 1]
    return found


@pytest.mark.parametrize("period", [HALF_YEAR, Q1], ids=["half-year", "quarter"])
def test_the_figures_in_index_pdf_equal_those_computed_from_the_cases(demo_file, tmp_path, period):
    make_pack(demo_file, tmp_path / "pack.zip", period=period, language="en")
    printed = printed_figures(members(tmp_path / "pack.zip")["index.pdf"])
    expected = expected_figures(demo_file, period)
    assert printed == expected
    assert int(expected["received"]) > 10 and int(expected["answered"]) > 3  # not vacuous


def test_requests_by_right_and_month_are_printed_with_the_charts(demo_file, tmp_path):
    from rekisteri_app.services import requests as rq

    make_pack(demo_file, tmp_path / "pack.zip", period=Q1, language="en")
    text = pdf_text(members(tmp_path / "pack.zip")["index.pdf"])
    with opened(demo_file) as ctx:
        rows = [r for r in rq.list_requests(ctx) if Q1[0] <= r.received_on <= Q1[1]]
    by_month = [sum(1 for r in rows if r.received_on.month == m) for m in (1, 2, 3)]
    lines = [line.strip() for line in text.splitlines()]
    at = lines.index("Requests received by month") + 1
    assert lines[at : at + 3] == [str(n) for n in by_month]  # the bars' labels, in order
    assert "Jan" in lines and "Mar" in lines


# ------------------------------------------------------------- the rules, by hand


def case(number: str, received: date, **kw):
    from rekisteri_app.services.audit_pack.facts import CaseFacts

    values = dict(
        case_number=number,
        received_on=received,
        channel="post",
        language="fi",
        classification="gdpr",
        authority="self",
        status="received",
        registers=(),
        rights=(),
        identity_verified_on=None,
        identity_method=None,
        pauses=(),
        extended_on=None,
        extension_reasons="",
        due=None,
        extended_due=None,
        effective_due=None,
        answered_on=None,
        closed_on=None,
        letters=(),
    )
    values.update(kw)
    return CaseFacts(**values)


def right(name: str, outcome: str = "pending", ground: str | None = None, on: date | None = None):
    from rekisteri_app.services.audit_pack.facts import RightFacts

    return RightFacts(name, outcome, ground, on)


def test_days_on_time_and_open_at_end_follow_the_dates_not_the_status():
    from rekisteri_app.services.audit_pack import Period
    from rekisteri_app.services.audit_pack.figures import figures

    period = Period(date(2026, 1, 1), date(2026, 3, 31))
    jan = date(2026, 1, 10)
    cases = [
        # answered in time after 10 days
        case("A", jan, answered_on=jan + timedelta(10), effective_due=date(2026, 2, 10)),
        # answered late after 40 days
        case("B", jan, answered_on=jan + timedelta(40), effective_due=date(2026, 2, 10)),
        # answered while its clock was stopped: no verdict
        case("C", jan, answered_on=jan + timedelta(21)),
        # answered after the period: open at its end, and overdue
        case("D", jan, answered_on=date(2026, 4, 3), effective_due=date(2026, 2, 10)),
        # outside the GDPR: received, never in the deadline figures
        case("E", jan, classification="non-gdpr", answered_on=jan + timedelta(5)),
        # received before the period, closed inside it (withdrawn)
        case("F", date(2025, 12, 1), closed_on=date(2026, 1, 5)),
    ]
    f = figures(cases, period, identified=False)
    assert (f.received, f.received_gdpr, f.answered) == (5, 4, 3)
    assert f.median_days == 21 and f.max_days == 40
    assert (f.on_time, f.late, f.no_deadline, f.on_time_share) == (1, 1, 1, 0.5)
    assert (f.open_at_end, f.overdue_at_end) == (1, 1)
    assert [(c.key, c.count) for c in f.by_month] == [
        ("2026-01", 5),
        ("2026-02", 0),
        ("2026-03", 0),
    ]


def test_refusals_count_each_right_under_its_ground_when_decided_in_the_period():
    from rekisteri_app.services.audit_pack import Period
    from rekisteri_app.services.audit_pack.figures import figures

    period = Period(date(2026, 1, 1), date(2026, 3, 31))
    feb = date(2026, 2, 1)
    cases = [
        case(
            "A",
            feb,
            rights=(
                right("erasure", "partly", "art-17-3-b", feb),
                right("access", "granted", None, feb),
            ),
        ),
        case("B", feb, rights=(right("access", "refused", "art-15-4", feb),)),
        case("C", feb, rights=(right("objection", "refused", None, feb),)),
        case("D", feb, rights=(right("access", "refused", "art-15-4", date(2026, 4, 2)),)),
    ]
    f = figures(cases, period, identified=False)
    assert [(c.key, c.count) for c in f.refusals_by_ground] == [
        ("", 1),
        ("art-15-4", 1),
        ("art-17-3-b", 1),
    ]
    assert [(c.key, c.count) for c in f.by_right] == [
        ("access", 3),
        ("erasure", 1),
        ("objection", 1),
    ]


def test_extension_reasons_lose_the_cases_own_names_in_a_pseudonymised_pack():
    from rekisteri_app.services.audit_pack import Period
    from rekisteri_app.services.audit_pack.figures import figures

    period = Period(date(2026, 1, 1), date(2026, 3, 31))
    reasons = "Matti Virtanen (Koivukuja 3, 40100 Jyväskylä) asked for ten years of data."
    extended = case(
        "A",
        date(2026, 1, 5),
        extended_on=date(2026, 1, 20),
        extension_reasons=reasons,
        identifiers=("Matti Virtanen", "Koivukuja 3, 40100 Jyväskylä"),
    )
    [line] = figures([extended], period, identified=False).extensions
    assert "Matti" not in line.reasons and "Virtanen" not in line.reasons
    assert "Koivukuja" not in line.reasons and "40100" not in line.reasons
    assert line.reasons.endswith("asked for ten years of data.")
    [named] = figures([extended], period, identified=True).extensions
    assert named.reasons == reasons


def test_an_empty_period_has_no_median_rather_than_zero():
    from rekisteri_app.services.audit_pack import Period
    from rekisteri_app.services.audit_pack.figures import figures

    f = figures([], Period(date(2026, 1, 1), date(2026, 1, 31)), identified=False)
    assert f.median_days is None and f.max_days is None and f.on_time_share is None
    assert f.received == 0 and [c.count for c in f.by_month] == [0]
