"""Speed and memory of the paths an officer waits on. Not a test: prints numbers.

    .venv/bin/python benchmarks/run.py [--requests N] [--json]

Measures, each in a fresh process where start-up matters:
- import time of the command line and of the window's modules (lazy imports keep it low);
- opening an encrypted database (key derivation dominates, by design);
- making the demo, previewing a letter, printing a notice;
- importing the demo plus N synthetic requests, exporting, checking, listing them,
  and the one-year audit pack of them;
- peak resident memory of the whole run.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

PASSPHRASE = "benchmark passphrase"


def timed(label: str, results: dict, fn, *args):
    start = time.perf_counter()
    value = fn(*args)
    results[label] = round(time.perf_counter() - start, 4)
    return value


def import_time(module: str) -> float | None:
    code = f"import time; t=time.perf_counter(); import {module}; print(time.perf_counter()-t)"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""},
    )
    return round(float(out.stdout.strip()), 4) if out.returncode == 0 else None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    from rekisteri_app.services import letters, notices
    from rekisteri_app.services import requests as rq
    from rekisteri_app.services.audit_pack import PackOptions, Period, build_pack
    from rekisteri_app.services.compliance import check_database
    from rekisteri_app.services.context import ServiceContext
    from rekisteri_app.services.demo import create_demo
    from rekisteri_app.services.exchange import export_json, import_document
    from rekisteri_app.storage.database import Database

    results: dict[str, float | int] = {
        "import_cli_s": import_time("rekisteri_app.cli.main"),
        "import_gui_app_s": import_time("rekisteri_app.gui.app"),
    }
    with tempfile.TemporaryDirectory() as tmp:
        demo = Path(tmp) / "demo.db"
        timed("create_demo_s", results, create_demo, demo, PASSPHRASE)
        with Database.open(demo, PASSPHRASE) as db:
            ctx = ServiceContext(db, actor="bench")
            case = rq.list_requests(ctx)[0].case_number
            timed("letter_preview_s", results, letters.preview, ctx, case, "acknowledgement", "fi")
            timed("notice_pdf_s", results, notices.render, ctx, "Asiakasrekisteri", "fi", "pdf")
            doc = json.loads(export_json(ctx))
        # N more requests like the demo's first, to see how lists scale
        template = next(r for r in doc["requests"] if not r.get("letters"))
        for i in range(args.requests):
            extra = json.loads(json.dumps(template))
            extra["case_number"] = f"2025-{i + 1:04d}"
            extra["received_on"] = f"2025-{(i % 12) + 1:02d}-{(i % 28) + 1:02d}"
            doc["requests"].append(extra)
        path = Path(tmp) / "bench.db"
        db = timed("create_db_s", results, Database.create, path, PASSPHRASE)
        ctx = ServiceContext(db, actor="bench")
        timed("import_s", results, import_document, ctx, doc)
        db.close()
        db = timed("open_db_s", results, Database.open, path, PASSPHRASE)
        ctx = ServiceContext(db, actor="bench")
        text = timed("export_s", results, export_json, ctx)
        timed("check_s", results, check_database, ctx)
        timed("list_requests_s", results, rq.list_requests, ctx)
        timed("dashboard_s", results, rq.dashboard, ctx)
        year = PackOptions(Period(date(2025, 1, 1), date(2025, 12, 31)))
        timed("audit_pack_year_s", results, build_pack, ctx, year, Path(tmp) / "pack.zip")
        results["export_bytes"] = len(text.encode())
        results["db_bytes"] = path.stat().st_size
        db.close()
    results["requests"] = len(doc["requests"])
    results["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for key, value in results.items():
            print(f"{key:20} {value}")


if __name__ == "__main__":
    main()
