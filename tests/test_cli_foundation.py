"""The command-line contract: names, --json, passphrase sources and exit codes."""

from __future__ import annotations

import hashlib
import json

from rekisteri_app import __version__
from tests.conftest import PASSPHRASE, SEEDS


def init(cli) -> None:
    code, out, _ = cli("init")
    assert code == 0, out


def test_version(cli, capsys):
    import pytest

    from rekisteri_app.cli.main import main

    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_init_then_import_list_and_show_with_json(cli):
    init(cli)
    code, out, _ = cli("import", "--json", str(SEEDS[0]))
    assert code == 0 and "1" in out
    code, out, _ = cli("register", "list", "--json")
    rows = json.loads(out)
    assert code == 0 and rows[0]["name"].startswith("Jyväskylän Energia")
    code, out, _ = cli("register", "show", rows[0]["name"], "--json")
    assert json.loads(out)["purposes"]
    code, out, _ = cli("register", "show", str(rows[0]["id"]))
    assert code == 0 and "purposes" in out
    code, out, _ = cli("controller", "list", "--json")
    assert json.loads(out)[0]["business_id"] == "1071200-1"


def test_processor_list_and_show(cli):
    init(cli)
    cli("import", "--json", str(SEEDS[4]))
    code, out, _ = cli("processor", "list", "--json")
    processors = json.loads(out)
    assert code == 0 and processors[0]["country"] == "US"
    code, out, _ = cli("processor", "show", processors[0]["name"], "--json")
    assert json.loads(out)["name"] == processors[0]["name"]


def test_unknown_names_are_bad_input(cli):
    init(cli)
    code, _, err = cli("register", "show", "No such register")
    assert code == 1 and "No such register" in err


def test_usage_errors_exit_1_not_2(cli):
    code, _, _ = cli("register", "frobnicate")
    assert code == 1
    code, _, _ = cli("--no-such-option")
    assert code == 1


def test_wrong_passphrase_exits_2_and_leaves_the_file(cli, db_path, monkeypatch):
    init(cli)
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    monkeypatch.setenv("REKISTERI_PASSPHRASE", "wrong wrong wrong")
    code, _, err = cli("register", "list")
    assert code == 2 and str(db_path) in err
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before


def test_passphrase_file_wins_over_the_environment(cli, tmp_path, monkeypatch):
    init(cli)
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n")
    monkeypatch.setenv("REKISTERI_PASSPHRASE", "wrong wrong wrong")
    code, _, _ = cli("--passphrase-file", str(secret), "register", "list")
    assert code == 0


def test_no_passphrase_and_no_terminal_is_bad_input(cli, monkeypatch):
    monkeypatch.delenv("REKISTERI_PASSPHRASE")
    code, _, err = cli("register", "list")
    assert code == 1 and "REKISTERI_PASSPHRASE" in err


def test_passwd_rekeys(cli, monkeypatch):
    init(cli)
    monkeypatch.setenv("REKISTERI_NEW_PASSPHRASE", "a whole new passphrase")
    assert cli("passwd")[0] == 0
    assert cli("register", "list")[0] == 2
    monkeypatch.setenv("REKISTERI_PASSPHRASE", "a whole new passphrase")
    assert cli("register", "list")[0] == 0
    code, out, _ = cli("--lang", "en", "audit", "verify")
    assert code == 0 and "1 events" in out


def test_export_import_round_trip_through_the_cli(cli, tmp_path, db_path):
    init(cli)
    for seed in SEEDS:
        assert cli("import", "--json", str(seed))[0] == 0
    first = tmp_path / "first.json"
    assert cli("export", "--json", str(first))[0] == 0
    from rekisteri_app.cli.main import main

    other = tmp_path / "other.db"
    assert main(["--db", str(other), "init"]) == 0
    assert main(["--db", str(other), "import", "--json", str(first)]) == 0
    second = tmp_path / "second.json"
    assert main(["--db", str(other), "export", "--json", str(second)]) == 0
    assert first.read_text("utf-8") == second.read_text("utf-8")


def test_import_of_an_invalid_document_lists_paths_and_changes_nothing(cli, tmp_path):
    init(cli)
    doc = json.loads(SEEDS[3].read_text("utf-8"))
    doc["registers"][0]["transfers"][0]["safeguard"] = "shield"
    doc["controllers"][0]["business_id"] = "0911384-6"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc))
    code, _, err = cli("import", "--json", str(bad))
    assert code == 1
    assert "$.registers[0].transfers[0].safeguard" in err
    assert cli("register", "list", "--json")[1].strip() == "[]"
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    code, _, err = cli("import", "--json", str(broken))
    assert code == 1 and "broken.json" in err


def test_backup_command_writes_an_openable_copy(cli, tmp_path):
    init(cli)
    cli("import", "--json", str(SEEDS[1]))
    out = tmp_path / "copy.db"
    assert cli("backup", str(out))[0] == 0
    from rekisteri_app.cli.main import main

    assert main(["--db", str(out), "register", "list"]) == 0
    assert cli("backup", str(out))[0] == 2  # exists: refused, not overwritten


def test_register_save_duplicate_and_delete(cli, tmp_path):
    init(cli)
    cli("import", "--json", str(SEEDS[4]))
    name = json.loads(cli("register", "list", "--json")[1])[0]["name"]
    assert cli("register", "duplicate", name, "Kopio")[0] == 0
    data = json.loads(cli("register", "show", "Kopio", "--json")[1])
    data["purposes"].append("Uusi tarkoitus")
    path = tmp_path / "reg.json"
    path.write_text(json.dumps(data))
    assert cli("register", "save", "--json", str(path), "--replace", "Kopio")[0] == 0
    assert "Uusi tarkoitus" in json.loads(cli("register", "show", "Kopio", "--json")[1])["purposes"]
    original = json.loads(cli("register", "show", name, "--json")[1])
    assert "Uusi tarkoitus" not in original["purposes"]
    assert cli("register", "delete", "Kopio")[0] == 0
    assert cli("register", "show", "Kopio")[0] == 1


def test_a_reader_that_leaves_early_is_not_an_error(db, db_path, tmp_path):
    """`rekisteri register list | head`: no traceback when the pipe closes first."""
    import os
    import subprocess
    import sys

    from .conftest import PASSPHRASE

    db.close()
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before anything is written
    env = {**os.environ, "REKISTERI_PASSPHRASE": PASSPHRASE}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "rekisteri_app.cli.main",
            "--db",
            str(db_path),
            "--lang",
            "en",
            "register",
            "list",
        ],
        stdout=write_end,
        stderr=subprocess.PIPE,
        env=env,
        timeout=60,
        check=False,
    )
    os.close(write_end)
    assert done.stderr.decode() == ""
    assert done.returncode == 0
