"""Writing the pack's ZIP: members in name order with fixed timestamps and permissions,
the manifest last, optionally AES-256 encrypted (WinZip AE-2, via pyzipper).

The file is written through `files.atomic_output`: created 0600 as `<out>.partial` and
renamed only when complete, so a cancelled or failed export leaves no file behind.
Reproducibility is of the members' bytes (what the manifest hashes): the compressed
container may differ between zlib versions, and an encrypted one always differs, since
every member gets a fresh random salt.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

import pyzipper

from ...files import atomic_output
from .members import AUDIT_LOG, MANIFEST, Member

MemberDigests = dict[str, dict[str, object]]
PRIVATE_FILE = 0o100600  # a regular file readable by its owner only


def zip_time(day: date) -> tuple[int, int, int, int, int, int]:
    """Every member is dated the period's last day, midnight (ZIP has no time zone)."""
    return (max(day.year, 1980), day.month, day.day, 0, 0, 0)


def _info(zf: pyzipper.AESZipFile, name: str, stamp: tuple[int, ...]):
    info = zf.zipinfo_cls(name, date_time=stamp)
    info.compress_type = pyzipper.ZIP_DEFLATED
    info.create_system = 3  # Unix, whatever the platform writing it, for equal headers
    info.external_attr = PRIVATE_FILE << 16
    return info


def write_pack(
    path: Path,
    members: Iterable[Member],
    manifest: Callable[[MemberDigests], bytes],
    *,
    day: date,
    password: str | None = None,
    progress: Callable[[str], None] = lambda name: None,
) -> MemberDigests:
    """Write every member, then the manifest made from their digests; returns them."""
    stamp = zip_time(day)
    digests: MemberDigests = {}
    with atomic_output(path) as handle:
        encryption = pyzipper.WZ_AES if password is not None else None
        with pyzipper.AESZipFile(
            handle, "w", compression=pyzipper.ZIP_DEFLATED, encryption=encryption
        ) as zf:
            if password is not None:
                zf.setpassword(password.encode("utf-8"))
                zf.setencryption(pyzipper.WZ_AES, nbits=256)
            for member in members:
                progress(member.name)
                sha = hashlib.sha256()
                size = 0
                # only the log may outgrow ZIP's 4 GiB fields; the rest stay plain ZIP
                big = member.name == AUDIT_LOG
                with zf.open(_info(zf, member.name, stamp), "w", force_zip64=big) as out:
                    for chunk in member.produce():
                        out.write(chunk)
                        sha.update(chunk)
                        size += len(chunk)
                digests[member.name] = {"sha256": sha.hexdigest(), "size": size}
            progress(MANIFEST)
            zf.writestr(_info(zf, MANIFEST, stamp), manifest(digests))
    return digests
