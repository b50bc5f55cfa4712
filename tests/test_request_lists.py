"""The request list and the dashboard in SQL: the same order, queues and counts as the
domain rules give for the rows in hand, pages that add up to the whole list, and the
command line's streamed listing."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest

from rekisteri_app.domain import deadlines as dl
from rekisteri_app.domain.enums import IdentityMethod, RequestClass, RequestStatus, Right
from rekisteri_app.i18n import set_language
from rekisteri_app.services import exchange
from rekisteri_app.services import requests as rq
from rekisteri_app.services.context import ServiceContext
from tests.conftest import FixedClock, cli_context_at
from tests.test_requests_helpers import intake, load_organisation

TODAY = date(2026, 11, 23)


@pytest.fixture(autouse=True)
def _english():
    set_language("en")


@pytest.fixture
def many(ctx):
    """Thirty cases of every kind: dated, suspended, non-GDPR, extended, closed, by
    different people, received on different days."""
    load_organisation(ctx)
    names = ["Matti Meikäläinen", "Ärje Öhman", "Liisa Virtanen", "Pekka Mäki"]
    cases = []
    for i in range(30):
        received = TODAY - timedelta(days=(i * 7) % 50)
        case = rq.add_request(
            ctx,
            intake(
                received,
                name=names[i % 4],
                rights=(Right.ACCESS, Right.ERASURE) if i % 3 == 0 else (Right.ACCESS,),
                classification=RequestClass.NON_GDPR if i % 9 == 4 else RequestClass.GDPR,
            ),
        )
        cases.append(case)
        if i % 5 == 1:
            rq.update_request(ctx, case, rq.CaseUpdate(identity_asked=received))
        elif i % 5 == 2:
            rq.record_identity(
                ctx, case, rq.IdentityInput(IdentityMethod.STRONG_EID, "A", received)
            )
            if i % 2 == 0 and i % 9 != 4:
                rq.extend(ctx, case, rq.ExtensionInput("Many files.", received))
        elif i % 5 == 3 and i % 9 != 4:
            rq.set_status(ctx, case, RequestStatus.CLOSED, withdrawn=True)
    return ctx


def old_row(ctx, case: str) -> tuple:
    """What the case view says (the domain's full computation) for one case."""
    view = rq.get_request(ctx, case)
    return view["effective_due_date"], view["urgency"]


def test_the_sql_order_is_the_domain_sort_key(many):
    rows = rq.list_requests(many)
    assert len(rows) == 30
    assert rows == sorted(rows, key=rq.sort_key)
    for row in rows:
        due, urgency = old_row(many, row.case_number)
        assert (None if row.due is None else row.due.isoformat(), row.urgency) == (due, urgency)


def test_pages_add_up_to_the_whole_list_in_every_order(many):
    for order in rq.ORDERS:
        for descending in (False, True):
            query = rq.RequestQuery(order=order, descending=descending)
            whole = [r.case_number for r in rq.iter_requests(many, query, batch=7)]
            pages = []
            for offset in range(0, 30, 8):
                pages += [
                    r.case_number for r in rq.request_page(many, query, offset=offset, limit=8)
                ]
            assert pages == whole and len(set(whole)) == 30, (order, descending)
            assert rq.count_requests(many, query) == 30


def test_descending_is_the_reverse_of_ascending(many):
    up = [r.case_number for r in rq.iter_requests(many, rq.RequestQuery(order="received"))]
    down = rq.iter_requests(many, rq.RequestQuery(order="received", descending=True))
    assert [r.case_number for r in down] == up[::-1]


def test_sorting_by_status_follows_the_translated_labels(many):
    rows = rq.list_requests(many)
    by_status = rq.iter_requests(many, rq.RequestQuery(order="status"))
    from rekisteri_app.domain.vocabulary import STATUSES, label

    labels = [label(STATUSES, r.status).casefold() for r in by_status]
    assert labels == sorted(labels) and len(labels) == len(rows)


def test_the_dashboard_queues_are_the_urgencies_of_the_open_cases(many):
    rows = rq.list_requests(many)
    board = rq.dashboard(many, limit=100)
    is_open = [r for r in rows if r.status in rq.OPEN_STATUSES]
    assert [r.case_number for r in board.overdue] == [
        r.case_number for r in is_open if r.urgency == dl.Urgency.OVERDUE
    ]
    assert [r.case_number for r in board.due_soon] == [
        r.case_number for r in is_open if r.urgency == dl.Urgency.DUE_SOON
    ]
    assert [r.case_number for r in board.awaiting_identity] == [
        r.case_number for r in is_open if r.awaiting_identity
    ]
    assert [r.case_number for r in board.open_cases] == [r.case_number for r in is_open]
    assert board.totals == {
        rq.OVERDUE: len(board.overdue),
        rq.DUE_SOON: len(board.due_soon),
        rq.AWAITING_IDENTITY: len(board.awaiting_identity),
        rq.OPEN: len(is_open),
    }
    counted = {s.value: sum(1 for r in rows if r.status == s) for s in RequestStatus}
    assert board.counts == counted
    assert rq.status_counts(many) == counted


def test_a_limited_dashboard_still_counts_every_case(many):
    full, short = rq.dashboard(many, limit=100), rq.dashboard(many, limit=2)
    assert short.totals == full.totals
    assert len(short.open_cases) == 2
    assert short.open_cases == full.open_cases[:2]


def test_the_queues_move_with_the_clock_without_a_write(many):
    later = ServiceContext(
        many.db, clock=FixedClock(datetime(2027, 6, 1, 9, 0, tzinfo=UTC)), actor="t"
    )
    board = rq.dashboard(later, limit=100)
    dated_open = [
        r for r in rq.list_requests(later) if r.status in rq.OPEN_STATUSES and r.due is not None
    ]
    assert {r.case_number for r in board.overdue} == {r.case_number for r in dated_open}
    assert all(r.days_left < 0 for r in board.overdue)


def test_filters_by_status_due_date_and_text(many):
    rows = rq.list_requests(many)
    closed = rq.list_requests(many, status="closed")
    assert [r.case_number for r in closed] == [r.case_number for r in rows if r.status == "closed"]
    soon = rq.list_requests(many, due_before=TODAY + timedelta(days=3))
    assert [r.case_number for r in soon] == [
        r.case_number for r in rows if r.due is not None and r.due < TODAY + timedelta(days=3)
    ]
    opened = rq.iter_requests(many, rq.RequestQuery(status=rq.OPEN))
    assert [r.case_number for r in opened] == [
        r.case_number for r in rows if r.status in rq.OPEN_STATUSES
    ]
    # a name in another case and word order, and a part of a case number
    found = rq.iter_requests(many, rq.RequestQuery(text="öhman ÄRJE"))
    assert {r.subject for r in found} == {"Ärje Öhman"}
    assert [r.case_number for r in rq.iter_requests(many, rq.RequestQuery(text="-0007"))] == [
        "2026-0007"
    ]
    assert rq.count_requests(many, rq.RequestQuery(text="no such person")) == 0
    assert rq.count_requests(many, rq.RequestQuery(text="100%")) == 0  # LIKE text escaped


def test_find_case_accepts_any_spelling_of_the_canonical_number(many):
    with many.read() as session:
        assert rq.find_case(session, "  2026-0003 ").case_number == "2026-0003"
    rows = rq.list_requests(many)
    assert rows  # (find_case compares the indexed column, not upper() of it)


def test_repeat_checks_find_the_same_person_under_another_spelling(many):
    earlier = rq.possible_repeats(many, "meikäläinen, MATTI", "Kuja 1, 40100 Jyväskylä", TODAY)
    assert earlier and all(m_["basis"] == "name-and-address" for m_ in earlier)
    far = rq.possible_repeats(
        many, "Matti Meikäläinen", "Kuja 1, 40100 Jyväskylä", TODAY + timedelta(days=500)
    )
    assert far == []


def test_a_renamed_person_keeps_a_current_name_key(many):
    from sqlalchemy import select

    from rekisteri_app.storage import models as m

    with many.db.session() as session:
        person = session.scalars(select(m.Person).where(m.Person.name == "Pekka Mäki")).first()
        person.name = "Pekka Kallio"
        ident = person.id
    with many.read() as session:
        assert session.get(m.Person, ident).name_key == "kallio pekka"


# ------------------------------------------------------------------ the CLI


def test_cli_list_streams_pages_with_limit_and_offset(many, cli):
    whole = [r.case_number for r in rq.list_requests(many)]
    many.db.close()
    code, out, _err = cli("request", "list", "--json")
    assert code == 0 and [r["case_number"] for r in json.loads(out)] == whole
    code, out, _err = cli("request", "list", "--json", "--offset", "5", "--limit", "4")
    assert [r["case_number"] for r in json.loads(out)] == whole[5:9]
    code, out, _err = cli("--lang", "en", "request", "list", "--limit", "3")
    lines = out.splitlines()
    assert lines[0].startswith("Case") and len(lines) == 4
    assert [line.split()[0] for line in lines[1:]] == whole[:3]
    code, out, _err = cli("request", "list", "--limit", "-1")
    assert code == 1


def test_cli_list_json_is_the_same_text_as_one_json_document(many, cli, capsys):
    from rekisteri_app.cli.common import print_json, stream_json

    rows = [r.to_json() for r in rq.list_requests(many)]
    print_json(rows)
    whole = capsys.readouterr().out
    stream_json(iter(rows))
    assert capsys.readouterr().out == whole
    stream_json(iter([]))
    assert json.loads(capsys.readouterr().out) == []


def test_cli_dashboard_shows_totals_beyond_its_limit(many, cli, monkeypatch):
    from rekisteri_app.cli import request_commands

    board = rq.dashboard(many, limit=100)
    many.db.close()
    monkeypatch.setattr(request_commands, "open_context", cli_context_at(many.clock.when))
    code, out, _err = cli("--lang", "en", "request", "dashboard", "--limit", "1")
    assert code == 0
    assert f"Overdue: {board.totals[rq.OVERDUE]}" in out
    if board.totals[rq.OVERDUE] > 1:
        assert f"and {board.totals[rq.OVERDUE] - 1} more" in out
    code, out, _err = cli("request", "dashboard", "--json", "--limit", "1")
    assert json.loads(out)["totals"]["open"] == board.totals[rq.OPEN]


# ------------------------------------------------------------------ export


def test_the_streamed_export_is_the_document_export(many, tmp_path):
    text = exchange.export_json(many)
    assert text == exchange.dump_json(json.loads(text))
    out = exchange.export_to_file(many, tmp_path / "out.json")
    assert out.read_text(encoding="utf-8") == text
    assert json.loads(text)["requests"][0]["case_number"]


def test_the_export_does_not_carry_derived_columns(many):
    doc = json.loads(exchange.export_json(many))
    assert not {"due_on", "effective_due_on", "clock_state"} & set(doc["requests"][0])
    assert "name_key" not in doc["requests"][0]["subject"]
    assert "deadline.calendar" not in doc["settings"]


def test_the_cli_knows_the_notice_words_without_loading_the_renderer():
    import subprocess
    import sys

    from rekisteri_app.cli import notice_commands
    from rekisteri_app.documents.notices import NOTICE_LANGUAGES, ChangeStatus

    assert notice_commands.NOTICE_LANGUAGES == NOTICE_LANGUAGES
    assert notice_commands.UNCHANGED == ChangeStatus.UNCHANGED
    assert set(notice_commands.STATUS) == {s.value for s in ChangeStatus} - {"unchanged"}
    code = "import sys, rekisteri_app.cli.main; print('reportlab' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_cli_orders_are_the_services_orders():
    import argparse

    from rekisteri_app.cli import request_commands

    parser = argparse.ArgumentParser()
    request_commands.register(parser.add_subparsers())
    listing = parser._subparsers._group_actions[0].choices["request"]
    orders = listing._subparsers._group_actions[0].choices["list"]._option_string_actions["--order"]
    assert tuple(orders.choices) == rq.ORDERS
