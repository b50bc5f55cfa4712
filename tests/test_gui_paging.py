"""The window at scale: only the visible page queries at start, the others load when
shown and follow changes of what they show; long lists arrive a page at a time and
sort and filter by asking the database again."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from rekisteri_app.domain.enums import Right
from rekisteri_app.gui.table_models import Paging
from rekisteri_app.services import requests as rq
from tests.test_requests_helpers import intake, load_organisation

pytestmark = pytest.mark.gui


@pytest.fixture
def cases(ctx):
    load_organisation(ctx)
    names = ["Matti Meikäläinen", "Ärje Öhman", "Liisa Virtanen"]
    return [
        rq.add_request(ctx, intake(date(2026, 11, 20) - timedelta(days=i), name=names[i % 3]))
        for i in range(12)
    ]


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr(Paging, "page_size", 5)


def open_window(qtbot, ctx, page: str):
    from rekisteri_app.gui.main_window import MainWindow

    window = MainWindow(ctx.db, ctx=ctx, page=page)
    qtbot.addWidget(window)
    window.show()
    return window


def test_only_the_page_shown_first_queries_at_start(qtbot, ctx, cases, private_settings):
    window = open_window(qtbot, ctx, "requests")
    assert window.current_page() is window.requests_page
    assert not window.requests_page.stale and window.requests_page.model.rows
    hidden = [p for key, p in window.pages.items() if key != "requests"]
    assert all(page.stale for page in hidden)
    assert all(not page.model.rows for page in hidden if hasattr(page, "model"))
    assert not window.findings_loaded  # the checker runs once the window is painted
    qtbot.waitUntil(lambda: window.findings_loaded)
    window.show_page("audit")
    assert not window.audit_page.stale and window.audit_page.model.rows


def test_the_window_opens_on_the_page_shown_last(qtbot, ctx, cases, private_settings):
    first = open_window(qtbot, ctx, None)
    first.show_page("letters")
    first.close()  # closes the database too
    from rekisteri_app.services.context import ServiceContext
    from rekisteri_app.storage.database import Database
    from tests.conftest import PASSPHRASE

    reopened = ServiceContext(Database.open(ctx.db.path, PASSPHRASE), clock=ctx.clock)
    again = open_window(qtbot, reopened, None)
    assert again.current_page() is again.letters_page


def test_a_change_reloads_the_pages_that_show_it(qtbot, ctx, cases, private_settings):
    window = open_window(qtbot, ctx, "registers")
    window.show_page("requests")
    registers = window.registers_page
    calls = []
    registers.model.loader = lambda *a: calls.append(a) or []
    case = cases[0]
    rq.add_note(ctx, case, "Soitettu.")
    window.entities_changed("requests")
    assert calls == []  # the registers do not show cases
    assert window.dashboard_page.stale and window.audit_page.stale  # hidden: on next show
    assert not window.requests_page.stale  # visible: reloaded at once
    window.entities_changed("registers")
    window.show_page("registers")
    assert calls  # an organisation change reloads the registers when they are shown


def test_rows_arrive_a_page_at_a_time(qtbot, ctx, cases, small_pages):
    from rekisteri_app.gui.requests.requests_page import RequestsPage

    page = RequestsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    model = page.model
    assert len(model.rows) == 5 and model.canFetchMore()
    model.fetchMore()
    assert len(model.rows) == 10
    page.table.scrollToBottom()  # the view asks for the rest itself
    qtbot.waitUntil(lambda: len(model.rows) == 12)
    assert not model.canFetchMore()
    assert [r.case_number for r in model.rows] == [
        r.case_number for r in rq.iter_requests(ctx, rq.RequestQuery(status=rq.OPEN))
    ]
    assert page.count_label.text()  # "12 cases"
    assert page.select_case(cases[0])  # a row not loaded yet is fetched to select it


def test_a_header_click_and_a_filter_ask_the_database_again(qtbot, ctx, cases, small_pages):
    from rekisteri_app.gui.requests.request_table import COLUMNS
    from rekisteri_app.gui.requests.requests_page import RequestsPage

    page = RequestsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    received = [key for key, _t in COLUMNS].index("received")
    page.table.sortByColumn(received, Qt.SortOrder.DescendingOrder)
    assert (page.model.query.order, page.model.query.descending) == ("received", True)
    assert [r.received_on for r in page.model.rows] == sorted(
        (r.received_on for r in page.model.rows), reverse=True
    )
    assert page.model.rows[0].case_number == cases[0]  # the latest received
    page.filter.setText("öhman")
    qtbot.waitUntil(lambda: page.model.query.text == "öhman")
    assert {r.subject for r in page.model.rows} == {"Ärje Öhman"}
    assert "4/12" in page.count_label.text()


def test_the_dashboard_tiles_count_in_sql_and_the_table_pages(qtbot, ctx, cases, small_pages):
    from rekisteri_app.gui.requests.dashboard_page import DashboardPage

    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert page.tiles["open"].number.text() == "12"
    assert len(page.model.rows) == 5 and page.model.canFetchMore()
    page.show_bucket("overdue")
    overdue = rq.dashboard(ctx, limit=100).overdue
    assert page.tiles["overdue"].number.text() == str(len(overdue))
    assert [r.case_number for r in page.model.rows] == [r.case_number for r in overdue][:5]


def test_the_audit_page_pages_filters_and_reads_one_events_json(qtbot, ctx, cases, small_pages):
    from rekisteri_app.gui.pages import AuditPage

    page = AuditPage(ctx)
    qtbot.addWidget(page)
    page.show()
    rows = page.model.rows
    assert len(rows) == 5 and rows[0].id > rows[-1].id  # newest first
    assert all(r.before_json is None and r.after_json is None for r in rows)  # not read
    page.table.setCurrentIndex(page.model.index(0, 0))
    assert cases[-1] in page.details.toPlainText()  # the selected event's JSON
    page.entity_filter.setCurrentIndex(page.entity_filter.findData("database"))
    assert [r.action for r in page.model.rows] == ["import"]
    assert page.count_label.text().startswith("1")
    page.entity_filter.setCurrentIndex(0)
    qtbot.keyClicks(page.filter, cases[3])
    assert {r.entity_id for r in page.model.rows} == {cases[3]}
    page.filter.clear()
    page.since_date.setDate(page.since_date.date().addYears(5))
    page.since_check.setChecked(True)
    assert page.model.rows == []


def test_the_letters_page_is_paged_and_sorted_by_the_database(qtbot, ctx, cases):
    from rekisteri_app.gui.letters.letters_page import LettersPage
    from rekisteri_app.services import letters

    page = LettersPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert page.model.rows == [] and not page.hint.isHidden()
    assert letters.letter_page(ctx) == []
    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert (page.model.order, page.model.descending) == ("case", False)


def test_the_registers_list_is_a_query(qtbot, ctx, cases, private_settings):
    window = open_window(qtbot, ctx, "registers")
    page = window.registers_page
    names = [r.name for r in page.model.rows]
    assert names == sorted(names, key=str.casefold)
    page.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # data categories
    counts = [r.categories for r in page.model.rows]
    assert counts == sorted(counts, reverse=True)
    qtbot.keyClicks(page.filter, "MARKKINOINTI")
    assert [r.name for r in page.model.rows] == ["Markkinointirekisteri"]


def test_rights_are_not_a_database_order_so_the_rows_stay(qtbot, ctx, cases):
    from rekisteri_app.gui.requests.request_table import COLUMNS
    from rekisteri_app.gui.requests.requests_page import RequestsPage

    page = RequestsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    before = [r.case_number for r in page.model.rows]
    page.table.sortByColumn([k for k, _t in COLUMNS].index("rights"), Qt.SortOrder.AscendingOrder)
    assert [r.case_number for r in page.model.rows] == before
    assert page.model.rows[0].rights == (Right.ACCESS.value,)
