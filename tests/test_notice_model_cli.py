"""Issue 12 on the command line: `check --json` paths, the `dpo` entity, and the notice
command naming the texts a language lacks."""

from __future__ import annotations

import json

from rekisteri_app.services.exchange import import_document
from tests.test_compliance_traps import complete


def test_check_json_gives_the_json_path_of_each_finding(ctx, cli):
    doc = complete(rights_instructions="Oikeudet henkilötietolain mukaisesti.")
    doc["controllers"][0]["business_id"] = None
    import_document(ctx, doc)
    ctx.db.close()
    code, out, _err = cli("--lang", "en", "check", "--json")
    assert code == 0
    found = {(f["subject_kind"], f["code"]): f for f in json.loads(out)}
    assert found[("register", "repealed-personal-data-act")]["path"] == "$.rights_instructions"
    assert found[("controller", "business-id-missing")]["path"] == "$.business_id"
    assert all(f["path"].startswith("$") for f in found.values())


def test_check_table_names_controllers_and_where(ctx, cli):
    doc = complete()
    doc["controllers"][0]["business_id"] = None
    import_document(ctx, doc)
    ctx.db.close()
    code, out, _err = cli("--lang", "en", "check")
    assert code == 0
    assert "Controller: Esimerkki Energia Oy" in out and "$.business_id" in out


def test_a_shared_officer_is_scriptable(ctx, cli, tmp_path):
    import_document(ctx, complete())
    ctx.db.close()
    officer = tmp_path / "dpo.json"
    officer.write_text(
        json.dumps({"role": "Tietosuojavastaava", "email": "tietosuoja (at) esimerkki.fi"}),
        encoding="utf-8",
    )
    code, out, err = cli("--lang", "en", "dpo", "save", "--json", str(officer))
    assert code == 0, err
    code, out, _err = cli("--lang", "en", "dpo", "show", "1", "--json")
    assert json.loads(out)["email"] == "tietosuoja@esimerkki.fi"  # stored in plain form
    officer.write_text(json.dumps({"email": "tietosuoja"}), encoding="utf-8")
    code, _out, err = cli("--lang", "en", "dpo", "save", "--json", str(officer))
    assert code == 1 and "$.dpos[0].email" in err


def test_the_notice_command_lists_texts_missing_in_its_language(ctx, cli, tmp_path):
    doc = complete(languages=["fi", "sv"], translations={"sv": {"name": "Kundregister"}})
    import_document(ctx, doc)
    ctx.db.close()
    out = tmp_path / "seloste.html"
    code, _out, err = cli(
        "--lang", "en", "notice", "Asiakasrekisteri", "--lang", "sv", "--out", str(out)
    )
    assert code == 0 and out.exists()
    assert "texts have no version in sv" in err and "$.purposes[0].text" in err
    code, _out, err = cli(
        "--lang", "en", "notice", "Asiakasrekisteri", "--lang", "fi", "--out", str(out)
    )
    assert code == 0 and "no version" not in err
