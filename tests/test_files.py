"""Files the app writes: whole or not at all, private to the officer."""

from __future__ import annotations

import os
import stat
import sys

import pytest

from rekisteri_app.files import WriteFailed, atomic_output, partial_path, write_atomically

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


@posix_only
def test_a_written_file_is_readable_only_by_its_owner(tmp_path):
    out = write_atomically(tmp_path / "letter.pdf", b"%PDF-1.4 ...")
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    assert out.read_bytes() == b"%PDF-1.4 ..."


@posix_only
def test_replacing_a_file_keeps_it_private(tmp_path):
    target = tmp_path / "export.json"
    target.write_text("old")
    target.chmod(0o644)
    write_atomically(target, "new")
    assert target.read_text() == "new"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600


def test_a_failure_inside_the_block_leaves_the_old_file_and_no_partial(tmp_path):
    target = tmp_path / "export.json"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic_output(target) as handle:
        handle.write(b"half of the new")
        raise RuntimeError("interrupted")
    assert target.read_text() == "old"
    assert not partial_path(target).exists()


def test_an_unwritable_folder_is_a_write_failure_naming_the_file(tmp_path):
    target = tmp_path / "missing-folder" / "out.pdf"
    with pytest.raises(WriteFailed) as info:
        write_atomically(target, b"data")
    assert "out.pdf" in info.value.message
    assert not partial_path(target).exists()


def test_the_open_database_backs_itself_up_without_the_passphrase(db, tmp_path):
    from rekisteri_app.storage.database import Database

    from .conftest import PASSPHRASE

    out = db.backup_to(tmp_path / "copy.db")
    copy = Database.open(out, PASSPHRASE)
    try:
        assert copy.path == out
    finally:
        copy.close()
    if sys.platform != "win32":
        assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
