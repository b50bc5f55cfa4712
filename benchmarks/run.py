"""The benchmark of record: what an officer waits for, beside the bare tools.

    .venv/bin/python benchmarks/run.py --scale S|M|L [--runs 3] [--only NAME,…] [--json]

Builds (once, cached) the scale's database with benchmarks/make_data.py, then measures
every figure as the median of `--runs` runs, each in a fresh process, with that
process's peak RSS; in the same run it measures the bare limits (the same SELECT
through sqlcipher3, a bare PySide6 window with a 50-row table on the same file, a bare
reportlab page, a raw CSV dump of the cases table, grouped counts, the audit rows hashed
in a plain loop) and prints each figure's ratio to its limit and target. Results are
kept beside the databases (results-SCALE.json), so the S/L comparison of the list,
dashboard and window is printed once both exist. Not a test: it prints numbers.

Run L with `nice -n 10` on a shared machine; the figures then include waiting for the
CPU, in the measurement and in its bare limit alike.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import make_data  # noqa: E402

PASSPHRASE = make_data.PASSPHRASE
TODAY = make_data.BUILD_DAY


# ----------------------------------------------------------------------- children
#
# `run.py --child NAME DB [ARG]` is one measurement in a fresh process: it prints one
# JSON object with "seconds" (measured inside, from the child's first line where the
# process start itself is not the point) and any details. Whole-process figures (the
# command line) are timed by the parent from spawn to exit.

STARTED = time.perf_counter()


def _open(db_path: str):
    from rekisteri_app.services.context import ServiceContext
    from rekisteri_app.services.requests import refresh_stale_deadlines
    from rekisteri_app.storage.database import Database

    db = Database.open(Path(db_path), PASSPHRASE)
    ctx = ServiceContext(db, actor="bench", clock=_clock)
    refresh_stale_deadlines(ctx)
    return db, ctx


def _clock():
    from datetime import UTC, datetime

    return datetime.combine(TODAY, datetime.min.time(), UTC).replace(hour=10)


def _timed(fn, repeat: int = 1) -> float:
    times = []
    for _n in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def child_open(db_path: str, _arg: str) -> dict:
    """Opening: key derivation alone (a raw keyed connection), then Database.open."""
    import sqlcipher3

    start = time.perf_counter()
    conn = sqlcipher3.connect(db_path)
    conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
    kdf = time.perf_counter() - start
    conn.close()
    start = time.perf_counter()
    db, _ctx = _open(db_path)
    seconds = time.perf_counter() - start
    db.close()
    return {"seconds": seconds, "kdf": kdf}


def child_case(db_path: str, case: str) -> dict:
    """One case as `request show` reads it, after the open."""
    from rekisteri_app.services import requests as rq

    start = time.perf_counter()
    db, ctx = _open(db_path)
    opened = time.perf_counter() - start
    seconds = _timed(lambda: rq.get_request(ctx, case))
    db.close()
    return {"seconds": seconds, "open": opened}


def child_list_inside(db_path: str, _arg: str) -> dict:
    """The list's first 50 rows after the open: the first call in the process."""
    from rekisteri_app.services import requests as rq

    db, ctx = _open(db_path)
    seconds = _timed(lambda: rq.request_page(ctx, limit=50))
    db.close()
    return {"seconds": seconds}


def child_dashboard_inside(db_path: str, _arg: str) -> dict:
    """The dashboard (queues of 50 and counts) after the open, first call."""
    from rekisteri_app.services import requests as rq

    db, ctx = _open(db_path)
    seconds = _timed(lambda: rq.dashboard(ctx))
    db.close()
    return {"seconds": seconds}


def child_bare_select_inside(db_path: str, sql: str) -> dict:
    """The same SELECT on a raw keyed connection, after its key derivation."""
    import sqlcipher3

    conn = sqlcipher3.connect(db_path)
    conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
    return {"seconds": _timed(lambda: conn.execute(sql).fetchall())}


def child_repeats(db_path: str, arg: str) -> dict:
    """The intake form's repeat check, as the officer types (median of 20 calls)."""
    from rekisteri_app.services import requests as rq

    name, address = arg.split("|")
    db, ctx = _open(db_path)
    found = rq.possible_repeats(ctx, name, address, TODAY)
    seconds = _timed(lambda: rq.possible_repeats(ctx, name, address, TODAY), repeat=20)
    db.close()
    return {"seconds": seconds, "matches": len(found)}


def child_letter(db_path: str, case: str) -> dict:
    from rekisteri_app.services import letters

    db, ctx = _open(db_path)
    letters.preview(ctx, case, "acknowledgement", "fi")  # fonts loaded once per process
    seconds = _timed(lambda: letters.preview(ctx, case, "acknowledgement", "fi"), repeat=3)
    db.close()
    return {"seconds": seconds}


def child_notice(db_path: str, register: str) -> dict:
    from rekisteri_app.services import notices

    db, ctx = _open(db_path)
    seconds = _timed(lambda: notices.render(ctx, register, "fi", "pdf"))
    db.close()
    return {"seconds": seconds}


def child_pack(db_path: str, _arg: str) -> dict:
    """The one-year audit pack (issue 13) of last year, written to a temporary file."""
    from datetime import date

    from rekisteri_app.services.audit_pack import PackOptions, Period, build_pack

    db, ctx = _open(db_path)
    year = TODAY.year - 1
    options = PackOptions(Period(date(year, 1, 1), date(year, 12, 31)))
    with tempfile.TemporaryDirectory() as tmp:
        seconds = _timed(lambda: build_pack(ctx, options, Path(tmp) / "pack.zip"))
    db.close()
    return {"seconds": seconds}


def _gui_first_paint(page: str | None, db_path: str, bare: bool = False, sql: str = "") -> dict:
    """From the child's first line to the first paint of a populated table."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QObject, QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp(prefix="bench-")
    )
    painted: dict[str, float] = {}

    class Watch(QObject):
        def __init__(self, table) -> None:
            super().__init__()
            self.table = table

        def eventFilter(self, _obj, event) -> bool:
            if (
                event.type() == QEvent.Type.Paint
                and self.table.model().rowCount() > 0
                and "at" not in painted
            ):
                painted["at"] = time.perf_counter()
            return False

    if bare:
        import sqlcipher3
        from PySide6.QtGui import QStandardItem, QStandardItemModel
        from PySide6.QtWidgets import QTableView

        conn = sqlcipher3.connect(db_path)
        conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
        rows = conn.execute(sql).fetchall()
        model = QStandardItemModel(len(rows), len(rows[0]) if rows else 0)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                model.setItem(r, c, QStandardItem("" if value is None else str(value)))
        window = table = QTableView()
        table.setModel(model)
        table.resize(1280, 820)
    else:
        from rekisteri_app.gui.main_window import MainWindow

        stages = {"imports": time.perf_counter() - STARTED}
        db, _ctx = _open(db_path)
        stages["open"] = time.perf_counter() - STARTED - stages["imports"]
        window = MainWindow(db, ctx=_ctx, page=page)
        table = window.current_page().table
    watch = Watch(table)
    table.viewport().installEventFilter(watch)
    window.show()
    deadline = time.perf_counter() + 120
    while "at" not in painted and time.perf_counter() < deadline:
        app.processEvents()
    seconds = painted["at"] - STARTED
    details = {"rows": table.model().rowCount()}
    if not bare:
        window.close()
        details["after_imports_and_open"] = seconds - stages["imports"] - stages["open"]
        details.update(stages)
    return {"seconds": seconds, **details}


def child_window(db_path: str, _arg: str) -> dict:
    return _gui_first_paint("requests", db_path)


def child_letters_page(db_path: str, _arg: str) -> dict:
    return _gui_first_paint("letters", db_path)


def child_bare_window(db_path: str, sql: str) -> dict:
    return _gui_first_paint(None, db_path, bare=True, sql=sql)


def child_save(db_path: str, case: str) -> dict:
    """Saving a change in the case dialog, with the window's refresh after it."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from rekisteri_app.gui.main_window import MainWindow
    from rekisteri_app.gui.requests.case_dialog import show_case
    from rekisteri_app.services import requests as rq

    app = QApplication.instance() or QApplication([])
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp(prefix="bench-")
    )
    db, ctx = _open(db_path)
    window = MainWindow(db, ctx=ctx, page="requests")
    window.show()
    app.processEvents()
    page = window.requests_page
    dialog = show_case(page, ctx, case, page._stored)
    app.processEvents()
    start = time.perf_counter()
    dialog._apply(rq.CaseUpdate(fee_reason=f"bench {time.time()}"), "ok")  # one audited write
    app.processEvents()
    seconds = time.perf_counter() - start
    window.close()
    return {"seconds": seconds}


def child_bare_select(db_path: str, sql: str) -> dict:
    """The list's first page through sqlcipher3 alone (the SQL the service runs, handed
    over by the parent, so this process imports nothing of the application)."""
    import sqlcipher3

    conn = sqlcipher3.connect(db_path)
    conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
    rows = conn.execute(sql).fetchall()
    sys.stdout.write("\n".join(str(r) for r in rows) + "\n")
    return {"seconds": time.perf_counter() - STARTED}


def child_bare_counts(db_path: str, _arg: str) -> dict:
    import sqlcipher3

    conn = sqlcipher3.connect(db_path)
    conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
    conn.execute("SELECT status, count(*) FROM requests GROUP BY status").fetchall()
    return {"seconds": time.perf_counter() - STARTED}


def child_bare_pdf(_db: str, _arg: str) -> dict:
    """A one-page letter drawn by reportlab alone, in memory: the letters' embedded
    DejaVu fonts, an address block, a heading and a page of paragraphs."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    fonts = ROOT / "resources" / "fonts"
    pdfmetrics.registerFont(TTFont("BenchSans", str(fonts / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont("BenchSans-Bold", str(fonts / "DejaVuSans-Bold.ttf")))
    body = ParagraphStyle("body", fontName="BenchSans", fontSize=10, leading=13)
    head = ParagraphStyle("head", fontName="BenchSans-Bold", fontSize=12, leading=16)
    text = (
        "Olemme vastaanottaneet pyyntönne, joka koskee henkilötietojenne käsittelyä. "
        "Käsittelemme pyynnön tietosuoja-asetuksen 12 artiklan mukaisesti. "
    ) * 3

    def page() -> bytes:
        out = io.BytesIO()
        story = [Paragraph("Aino Kuvitteellinen<br/>Koivukuja 1<br/>40100 Jyväskylä", body)]
        story += [Spacer(1, 40), Paragraph("Vastaanottoilmoitus", head), Spacer(1, 10)]
        story += [Paragraph(text, body) for _n in range(8)]
        SimpleDocTemplate(out, pagesize=A4).build(story)
        return out.getvalue()

    page()
    return {"seconds": _timed(page, repeat=3)}


def child_bare_csv(db_path: str, _arg: str) -> dict:
    """Every row of the cases table to CSV in memory, through sqlcipher3."""
    import csv
    import io

    import sqlcipher3

    conn = sqlcipher3.connect(db_path)
    conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
    start = time.perf_counter()
    out = io.StringIO()
    writer = csv.writer(out)
    for row in conn.execute("SELECT * FROM requests"):
        writer.writerow(row)
    return {"seconds": time.perf_counter() - start, "bytes": len(out.getvalue())}


def child_bare_hash(db_path: str, _arg: str) -> dict:
    """The audit rows hashed in a plain loop (the floor of `audit verify`)."""
    import hashlib

    import sqlcipher3

    conn = sqlcipher3.connect(db_path)
    conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
    start = time.perf_counter()
    n = 0
    for row in conn.execute(
        "SELECT prev_hash, at, actor, action, entity, entity_id, before_json, after_json "
        "FROM audit_events ORDER BY id"
    ):
        payload = json.dumps(list(row), ensure_ascii=False, separators=(",", ":"))
        hashlib.sha256(payload.encode("utf-8")).hexdigest()
        n += 1
    return {"seconds": time.perf_counter() - start, "events": n}


def _first_page_sql() -> str:
    """The SQL of the request list's first page, with its values written in."""
    from rekisteri_app.services.requests import queries

    query = queries.RequestQuery()
    stmt = queries._select(query, TODAY).order_by(*queries._order(query)).limit(50)
    return str(stmt.compile(compile_kwargs={"literal_binds": True}))


CHILDREN = {
    name.removeprefix("child_"): fn for name, fn in globals().items() if name.startswith("child_")
}


# ------------------------------------------------------------------------- parent


TIME = Path("/usr/bin/time")  # GNU time: the child's own peak RSS


def spawn(argv: list[str], *, stdout: Any = subprocess.DEVNULL) -> tuple[float, float, str]:
    """(wall seconds, peak RSS MB, stdout) of one fresh process.

    The peak RSS comes from GNU time when there is one: a child forked from this
    (large) process would inherit its high-water mark in wait4's rusage."""
    env = dict(os.environ, REKISTERI_PASSPHRASE=PASSPHRASE, QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    report = None
    if TIME.exists():
        report = Path(tempfile.mkstemp(prefix="bench-rss-")[1])
        argv = [str(TIME), "-f", "%M", "-o", str(report), *argv]
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=stdout, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    out = b""
    if stdout is subprocess.PIPE:
        out = proc.stdout.read()  # type: ignore[union-attr]
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace")  # type: ignore[union-attr]
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{argv} failed ({proc.returncode}): {err[-2000:]}")
    peak = usage.ru_maxrss / 1024
    if report is not None:
        text = report.read_text().strip().splitlines()
        report.unlink()
        peak = int(text[-1]) / 1024 if text and text[-1].isdigit() else peak
    return wall, peak, out.decode(errors="replace")


def cli(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "rekisteri_app.cli.main", "--db", str(db), *args]


def child(name: str, db: Path, arg: str = "") -> list[str]:
    return [sys.executable, str(HERE / "run.py"), "--child", name, str(db), arg]


def measure(argv: list[str], runs: int, *, inside: bool) -> dict:
    """Median seconds (inside the child, or the whole process) and the peak RSS."""
    seconds, rss, details = [], [], {}
    for _n in range(runs):
        wall, peak, out = spawn(argv, stdout=subprocess.PIPE if inside else subprocess.DEVNULL)
        if inside:
            data = json.loads(out.strip().splitlines()[-1])
            details = {k: v for k, v in data.items() if k != "seconds"}
            if data["seconds"] is None:
                return {"seconds": None, "rss_mb": None, **details}
            seconds.append(data["seconds"])
        else:
            seconds.append(wall)
        rss.append(peak)
    return {"seconds": statistics.median(seconds), "rss_mb": max(rss), **details}


def samples(db: Path) -> dict[str, str]:
    """An open case, a repeated person, a register: the arguments of the measurements."""
    import sqlcipher3

    conn = sqlcipher3.connect(str(db))
    conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
    case = conn.execute(
        "SELECT case_number FROM requests WHERE status != 'closed' ORDER BY id DESC LIMIT 1"
    ).fetchone()[0]
    name, address = conn.execute(
        "SELECT p.name, p.address FROM requests r JOIN persons p ON p.id = r.subject_id "
        "ORDER BY r.id DESC LIMIT 1"
    ).fetchone()
    prefix = conn.execute("SELECT substr(case_number, 1, 7) FROM requests LIMIT 1").fetchone()[0]
    conn.close()
    return {"case": case, "person": f"{name}|{address}", "prefix": prefix}


PLAN = [  # (figure, how it is measured), in the order of the table
    ("open", "open"),
    ("window", "window"),
    ("bare_window", "bare_window"),
    ("list_first_page", "cli"),
    ("list_sort_due_desc", "cli"),
    ("list_status", "cli"),
    ("list_case_number", "cli"),
    ("bare_select", "bare_select"),
    ("cli_floor", "cli"),
    ("list_inside", "list_inside"),
    ("bare_select_inside", "bare_select_inside"),
    ("dashboard_inside", "dashboard_inside"),
    ("dashboard", "cli"),
    ("bare_counts", "bare_counts"),
    ("case_show", "cli"),
    ("case_open", "case"),
    ("repeat_check", "repeats"),
    ("letter_preview", "letter"),
    ("bare_pdf", "bare_pdf"),
    ("notice_render", "notice"),
    ("audit_pack", "pack"),
    ("bare_csv", "bare_csv"),
    ("export_json", "cli"),
    ("audit_verify", "cli"),
    ("bare_hash", "bare_hash"),
    ("save_case", "save"),
    ("letters_page", "letters_page"),
]

TARGETS = {  # figure: (limit, bound, what)
    "window": ("bare_window", 1.5, "ratio"),  # the bare window opens the file too
    "list_first_page": ("bare_select", 2.0, "ratio"),
    "list_sort_due_desc": ("bare_select", 2.0, "ratio"),
    "list_status": ("bare_select", 2.0, "ratio"),
    "list_case_number": ("bare_select", 2.0, "ratio"),
    "dashboard": ("bare_counts", 3.0, "ratio"),
    "case_open": (None, 0.2, "seconds"),
    "repeat_check": (None, 0.05, "seconds"),
    "letter_preview": ("bare_pdf", 3.0, "ratio"),
    "audit_pack": ("bare_csv", 10.0, "ratio"),
    "audit_verify": (None, 30.0, "seconds"),
}


def run_scale(scale: str, runs: int, only: set[str] | None) -> dict[str, dict]:
    db = make_data.ensure(scale)
    sample = samples(db)
    sql = _first_page_sql()
    out = Path(tempfile.mkdtemp(prefix="bench-out-")) / "export.json"
    commands: dict[str, tuple[list[str], bool]] = {
        "open": (child("open", db), True),
        "window": (child("window", db), True),
        "bare_window": (child("bare_window", db, sql), True),
        "list_first_page": (cli(db, "request", "list", "--limit", "50"), False),
        "list_sort_due_desc": (cli(db, "request", "list", "--limit", "50", "--reverse"), False),
        "list_status": (
            cli(db, "request", "list", "--limit", "50", "--status", "in-progress"),
            False,
        ),
        "list_case_number": (
            cli(db, "request", "list", "--limit", "50", "--find", sample["prefix"]),
            False,
        ),
        "bare_select": (child("bare_select", db, sql), False),
        "cli_floor": (cli(db, "settings", "--json"), False),
        "list_inside": (child("list_inside", db), True),
        "bare_select_inside": (child("bare_select_inside", db, sql), True),
        "dashboard_inside": (child("dashboard_inside", db), True),
        "dashboard": (cli(db, "request", "dashboard"), False),
        "bare_counts": (child("bare_counts", db), False),
        "case_show": (cli(db, "request", "show", sample["case"]), False),
        "case_open": (child("case", db, sample["case"]), True),
        "repeat_check": (child("repeats", db, sample["person"]), True),
        "letter_preview": (child("letter", db, sample["case"]), True),
        "bare_pdf": (child("bare_pdf", db), True),
        "notice_render": (child("notice", db, "Rekisteri 000"), True),
        "audit_pack": (child("pack", db), True),
        "bare_csv": (child("bare_csv", db), True),
        "export_json": (cli(db, "export", "--json", str(out)), False),
        "audit_verify": (cli(db, "audit", "verify"), False),
        "bare_hash": (child("bare_hash", db), True),
        "save_case": (child("save", db, sample["case"]), True),
        "letters_page": (child("letters_page", db), True),
    }
    results: dict[str, dict] = {}
    for name, _kind in PLAN:
        if only and name not in only:
            continue
        argv, inside = commands[name]
        print(f"  {name} …", file=sys.stderr, flush=True)
        results[name] = measure(argv, runs, inside=inside)
        if name == "export_json":
            results[name]["bytes"] = out.stat().st_size if out.exists() else None
            out.unlink(missing_ok=True)
    return results


def ratios(results: dict[str, dict]) -> dict[str, tuple[float | None, str]]:
    out: dict[str, tuple[float | None, str]] = {}
    for name, (limit, bound, what) in TARGETS.items():
        value = results.get(name, {}).get("seconds")
        if value is None:
            continue
        if what == "seconds":
            out[name] = (value, f"≤ {bound} s: {'ok' if value <= bound else 'MISSED'}")
            continue
        base = results.get(limit, {}).get("seconds")
        if not base:
            continue
        ratio = value / base
        out[name] = (ratio, f"≤ {bound}×: {'ok' if ratio <= bound else 'MISSED'}")
    return out


def table(scale: str, results: dict[str, dict], other: dict[str, dict] | None) -> str:
    marks = ratios(results)
    lines = [
        f"scale {scale} ({make_data.SCALES[scale]} cases)",
        f"{'figure':22} {'seconds':>9} {'peak MB':>8} {'ratio':>7}  target",
    ]
    for name, _kind in PLAN:
        if name not in results:
            continue
        r = results[name]
        sec = "n/a" if r.get("seconds") is None else f"{r['seconds']:.3f}"
        rss = "" if r.get("rss_mb") is None else f"{r['rss_mb']:.0f}"
        ratio, verdict = marks.get(name, (None, ""))
        shown = "" if ratio is None or TARGETS[name][2] == "seconds" else f"{ratio:.2f}"
        extra = ", ".join(
            f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}"
            for k, v in r.items()
            if k not in ("seconds", "rss_mb")
        )
        lines.append(f"{name:22} {sec:>9} {rss:>8} {shown:>7}  {verdict} {extra}".rstrip())
    over = [n for n, r in results.items() if (r.get("rss_mb") or 0) > 300]
    lines.append(
        "peak RSS ≤ 300 MB for every command: "
        + ("ok" if not over else "MISSED by " + ", ".join(over))
    )
    if other:
        for name in ("list_first_page", "list_inside", "dashboard", "dashboard_inside", "window"):
            a, b = results.get(name, {}).get("seconds"), other.get(name, {}).get("seconds")
            if a and b:
                lines.append(f"{name}: this scale / S = {a / b:.2f} (≤ 1.5)")
    return "\n".join(lines)


def results_path(scale: str) -> Path:
    return make_data.cache_dir() / f"results-{scale}.json"


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        name, db, arg = sys.argv[2], sys.argv[3], (sys.argv[4] if len(sys.argv) > 4 else "")
        print(json.dumps(CHILDREN[name](db, arg)))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", choices=sorted(make_data.SCALES), default="S")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", help="comma-separated figure names")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    only = set(args.only.split(",")) if args.only else None
    results = run_scale(args.scale, args.runs, only)
    path = results_path(args.scale)
    stored = json.loads(path.read_text()) if path.exists() else {}
    stored.update(results)
    path.write_text(json.dumps(stored, indent=2))
    other = None
    if args.scale != "S" and results_path("S").exists():
        other = json.loads(results_path("S").read_text())
    if args.json:
        print(json.dumps(stored, indent=2))
    else:
        print(table(args.scale, stored, other))


if __name__ == "__main__":
    main()
