"""verify-pack: a changed member is named, a removed or altered audit line is named by its
chain position, and an earlier pack's head proves the history was not rewritten."""

from __future__ import annotations

import hashlib
import json
import struct
import zipfile
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select, text

from tests.pack_fixtures import Q1, make_pack, members, opened, rezip


def verify(path, **kw):
    from rekisteri_app.services.audit_pack import verify_pack

    return verify_pack(path, **kw)


def where(result) -> list[tuple[str, str, int | None]]:
    return [(p.where, p.code, p.position) for p in result.problems]


@pytest.fixture
def pack(demo_pack, tmp_path):
    """A copy of the demo's pack that the test may tamper with."""
    copy = tmp_path / "pack.zip"
    copy.write_bytes(demo_pack.read_bytes())
    return copy


def test_an_untouched_pack_verifies(pack):
    result = verify(pack)
    assert result.ok, result.problems
    assert result.members_checked == 10  # every member but the manifest, breaches.csv included
    assert result.events > 50 and 0 < result.rehashed < result.events


def test_one_changed_byte_in_a_member_is_named(pack):
    contents = members(pack)
    data = bytearray(contents["requests.csv"])
    data[200] ^= 0x01
    contents["requests.csv"] = bytes(data)
    rezip(pack, contents)
    result = verify(pack)
    assert where(result) == [("requests.csv", "changed", None)]


def test_a_flipped_byte_inside_the_zip_names_the_damaged_member(pack):
    with zipfile.ZipFile(pack) as zf:
        info = zf.getinfo("registers.json")
    raw = bytearray(pack.read_bytes())
    name_len, extra_len = struct.unpack(
        "<HH", raw[info.header_offset + 26 : info.header_offset + 30]
    )
    data_start = info.header_offset + 30 + name_len + extra_len
    raw[data_start + info.compress_size // 2] ^= 0xFF
    pack.write_bytes(bytes(raw))
    result = verify(pack)
    assert not result.ok
    assert {p.where for p in result.problems} == {"registers.json"}


def test_an_added_or_removed_member_is_named(pack):
    contents = members(pack)
    del contents["transfers.csv"]
    contents["extra.txt"] = b"slipped in"
    rezip(pack, contents)
    assert where(verify(pack)) == [
        ("extra.txt", "unexpected", None),
        ("transfers.csv", "missing", None),
    ]


def forge_log(pack, edit) -> list[dict]:
    """Rewrite audit-log.jsonl with `edit(lines)` and fix its hash in the manifest, as a
    forger would, so that only the chain can tell."""
    contents = members(pack)
    lines = [json.loads(line) for line in contents["audit-log.jsonl"].splitlines()]
    lines = edit(lines)
    data = "".join(
        json.dumps(line, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
        for line in lines
    ).encode()
    manifest = json.loads(contents["manifest.json"])
    manifest["members"]["audit-log.jsonl"] = {
        "sha256": hashlib.sha256(data).hexdigest(),
        "size": len(data),
    }
    contents["audit-log.jsonl"] = data
    contents["manifest.json"] = json.dumps(manifest).encode()
    rezip(pack, contents)
    return lines


def test_a_deleted_audit_line_is_named_by_its_chain_position(pack):
    removed = {}

    def drop(lines):
        removed.update(lines[20])
        return lines[:20] + lines[21:]

    forge_log(pack, drop)
    result = verify(pack)
    position = removed["position"]
    assert ("audit-log.jsonl", "chain-missing", position) in where(result)
    assert ("audit-log.jsonl", "chain-broken-link", position + 1) in where(result)
    assert {p.position for p in result.problems} == {position, position + 1}
    assert result.problems[0].message == f"Tapahtumaloki: kohdan {position} tapahtuma puuttuu."


def test_a_deleted_last_line_is_named_too(pack):
    lines = forge_log(pack, lambda lines: lines[:-1])
    result = verify(pack)
    last = json.loads(members(pack)["manifest.json"])["audit_chain"]["segment"]["last"]
    assert lines[-1]["position"] == last - 1
    assert where(result) == [("audit-log.jsonl", "chain-missing", last)]


def test_an_altered_verbatim_event_is_named(pack):
    changed = {}

    def alter(lines):
        for line in lines[1:]:
            if not line.get("redacted"):
                line["actor"] = "someone else"
                changed.update(line)
                break
        return lines

    forge_log(pack, alter)
    assert where(verify(pack)) == [("audit-log.jsonl", "chain-altered", changed["position"])]


def test_reordered_lines_are_named(pack):
    def swap(lines):
        lines[10], lines[11] = lines[11], lines[10]
        return lines

    forge_log(pack, swap)
    codes = {(p.code, p.position) for p in verify(pack).problems}
    assert codes and all(code.startswith("chain-") for code, _ in codes)


# ---------------------------------------------------------------- --against


def add_events(db_path, when: datetime, n: int = 3) -> None:
    from rekisteri_app.services import settings

    with opened(db_path, when) as ctx:
        for i in range(n):
            settings.set_value(ctx, settings.OFFICER_TITLE, f"tietosuojavastaava {i}")


def rewrite_history(db_path, event_id: int) -> None:
    """What someone with the passphrase could do: change an old event and recompute every
    hash after it, and the head, so that `audit verify` passes."""
    from rekisteri_app.storage import audit
    from rekisteri_app.storage import models as m

    with opened(db_path) as ctx:
        with ctx.db.engine.begin() as conn:
            conn.execute(text(f"UPDATE audit_events SET actor = 'forger' WHERE id = {event_id}"))
        with ctx.db.session() as session:
            prev = audit.GENESIS
            events = session.scalars(select(m.AuditEvent).order_by(m.AuditEvent.id)).all()
            for ev in events:
                ev.prev_hash = prev
                ev.hash = audit.expected_hash(prev, ev)
                prev = ev.hash
            session.get(m.Setting, audit.HEAD_KEY).value = f"{len(events)}:{prev}"
        with ctx.read() as session:
            assert audit.verify(session).ok


def test_consecutive_packs_prove_the_earlier_head_is_an_ancestor(demo_copy, tmp_path):
    make_pack(
        demo_copy, tmp_path / "q1.zip", period=Q1, when=datetime(2026, 4, 1, 6, 0, tzinfo=UTC)
    )
    add_events(demo_copy, datetime(2026, 5, 4, 9, 0, tzinfo=UTC))
    q2 = (date(2026, 4, 1), date(2026, 6, 30))
    make_pack(
        demo_copy, tmp_path / "q2.zip", period=q2, when=datetime(2026, 7, 1, 6, 0, tzinfo=UTC)
    )
    result = verify(tmp_path / "q2.zip", against=tmp_path / "q1.zip")
    assert result.ok, result.problems


def test_against_detects_a_rewritten_history(demo_copy, tmp_path):
    make_pack(
        demo_copy, tmp_path / "q1.zip", period=Q1, when=datetime(2026, 4, 1, 6, 0, tzinfo=UTC)
    )
    q1_head = json.loads(members(tmp_path / "q1.zip")["manifest.json"])["audit_chain"]["head"]
    add_events(demo_copy, datetime(2026, 5, 4, 9, 0, tzinfo=UTC))
    rewrite_history(demo_copy, event_id=2)  # long before the earlier pack was made
    q2 = (date(2026, 4, 1), date(2026, 6, 30))
    make_pack(
        demo_copy, tmp_path / "q2.zip", period=q2, when=datetime(2026, 7, 1, 6, 0, tzinfo=UTC)
    )
    assert verify(tmp_path / "q2.zip").ok  # on its own the new pack looks fine
    result = verify(tmp_path / "q2.zip", against=tmp_path / "q1.zip")
    assert not result.ok
    assert ("--against", "rewritten", q1_head["count"]) in where(result)


def test_against_says_what_cannot_be_proven_from_the_files(demo_copy, tmp_path):
    make_pack(demo_copy, tmp_path / "q1.zip", period=Q1, when=datetime(2026, 4, 1, 6, tzinfo=UTC))
    q1_head = json.loads(members(tmp_path / "q1.zip")["manifest.json"])["audit_chain"]["head"]
    add_events(demo_copy, datetime(2026, 5, 4, 9, 0, tzinfo=UTC))  # Q2: no pack made
    add_events(demo_copy, datetime(2026, 8, 4, 9, 0, tzinfo=UTC))
    q3 = (date(2026, 7, 1), date(2026, 9, 30))
    make_pack(demo_copy, tmp_path / "q3.zip", period=q3, when=datetime(2026, 10, 1, 6, tzinfo=UTC))
    result = verify(tmp_path / "q3.zip", against=tmp_path / "q1.zip")
    assert where(result) == [("--against", "cannot-prove", q1_head["count"])]
    assert f"--expect-head {q1_head['count']}:{q1_head['hash']}" in result.problems[0].message


def test_packs_given_the_wrong_way_round_are_refused(demo_copy, tmp_path):
    make_pack(demo_copy, tmp_path / "q1.zip", period=Q1)
    add_events(demo_copy, datetime(2026, 5, 4, 9, 0, tzinfo=UTC))
    q2 = (date(2026, 4, 1), date(2026, 6, 30))
    make_pack(demo_copy, tmp_path / "q2.zip", period=q2, when=datetime(2026, 7, 1, 6, tzinfo=UTC))
    result = verify(tmp_path / "q1.zip", against=tmp_path / "q2.zip")
    assert [p.code for p in result.problems] == ["not-ancestor"]


def test_a_file_that_is_not_a_pack_cannot_be_opened(tmp_path):
    from rekisteri_app.services.audit_pack import CannotOpenPack

    (tmp_path / "notes.zip").write_text("not a zip")
    with pytest.raises(CannotOpenPack):
        verify(tmp_path / "notes.zip")
    with pytest.raises(CannotOpenPack):
        verify(tmp_path / "missing.zip")
    rezip(tmp_path / "other.zip", {"a.txt": b"x"})
    assert where(verify(tmp_path / "other.zip")) == [("manifest.json", "missing", None)]
