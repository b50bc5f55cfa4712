"""Checking a pack offline: every member against the manifest, the audit-log segment on
its own, and — given an earlier pack — that the head the earlier pack recorded is still
an ancestor of this pack's chain.

What can be proven from the files alone (docs/audit-pack.md, "Verifying"):
- a member changed, added or removed since the pack was made (its SHA-256 in the
  manifest; a forger who rewrites the manifest too is caught only by the chain anchors);
- a line removed, reordered or altered in audit-log.jsonl: every line links to the one
  before by hash, starting from the hash of the event before the period; lines copied
  verbatim are rehashed, withheld (pseudonymised) ones are checked by their links;
- with an earlier pack: whether the event at the earlier pack's head position has the
  hash the earlier pack recorded — provable when that position lies in this pack's
  segment, is the event just before it, or is this pack's head. An earlier head before
  this pack's period cannot be reached offline (the events between are in neither file):
  check consecutive packs one after the other, or the database with
  `rekisteri audit verify --expect-head COUNT:HASH`.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pyzipper

from ...i18n import _
from ...storage import audit
from ..context import ServiceError
from .build import PACK_FORMAT
from .members import AUDIT_LOG, MANIFEST


class CannotOpenPack(ServiceError):
    """Not a file, not a ZIP, or encrypted and the password is missing or wrong."""


class PasswordNeeded(CannotOpenPack):
    """The pack is encrypted and no password was given (the caller may ask for one)."""


@dataclass(frozen=True)
class Problem:
    where: str  # a member name, "manifest.json", or "audit-log.jsonl"
    code: str
    message: str
    position: int | None = None  # chain position, for audit-log problems


@dataclass(frozen=True)
class ChainFacts:
    """What a pack says about the chain, as read from its manifest and log."""

    head_count: int
    head_hash: str
    first: int
    last: int
    previous_hash: str
    hashes: dict[int, str] = field(default_factory=dict)  # position -> hash, as read

    def known(self) -> dict[int, str]:
        """Every position this pack vouches for: the event before the period, the
        period's events, and the head."""
        out = {self.first - 1: self.previous_hash, **self.hashes}
        out.setdefault(self.head_count, self.head_hash)
        return out


@dataclass(frozen=True)
class PackVerification:
    path: Path
    problems: tuple[Problem, ...]
    manifest: dict[str, Any] = field(default_factory=dict)
    members_checked: int = 0
    events: int = 0
    rehashed: int = 0  # events whose hash was recomputed from their fields
    against: Path | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def head(self) -> str:
        head = self.manifest.get("audit_chain", {}).get("head", {})
        return f"{head.get('count')}:{head.get('hash')}" if head else ""


# ---------------------------------------------------------------------------- reading


def _open(path: Path, password: str | None) -> pyzipper.AESZipFile:
    try:
        zf = pyzipper.AESZipFile(path)
    except FileNotFoundError:
        raise CannotOpenPack(_("No such file: {path}").format(path=path)) from None
    except (pyzipper.BadZipFile, OSError, ValueError):
        raise CannotOpenPack(
            _("{path} is not an audit pack (not a readable ZIP file).").format(path=path)
        ) from None
    encrypted = any(info.flag_bits & 0x1 for info in zf.infolist())
    if encrypted:
        if not password:
            zf.close()
            raise PasswordNeeded(_("{path} is encrypted: give its password.").format(path=path))
        zf.setpassword(password.encode("utf-8"))
        try:
            zf.read(MANIFEST if MANIFEST in zf.namelist() else zf.namelist()[0])
        except RuntimeError:
            zf.close()
            raise CannotOpenPack(_("Wrong password for {path}.").format(path=path)) from None
        except (pyzipper.BadZipFile, KeyError, OSError):
            pass  # a damaged member is reported by the check itself
    return zf


def is_encrypted(path: Path | str) -> bool:
    """Whether opening the pack needs a password (False for an unreadable file)."""
    try:
        with pyzipper.AESZipFile(Path(path)) as zf:
            return any(info.flag_bits & 0x1 for info in zf.infolist())
    except (pyzipper.BadZipFile, OSError, ValueError):
        return False


def _digest(zf: pyzipper.AESZipFile, name: str) -> str:
    sha = hashlib.sha256()
    with zf.open(name) as handle:
        while chunk := handle.read(1 << 20):
            sha.update(chunk)
    return sha.hexdigest()


def _manifest(zf: pyzipper.AESZipFile) -> tuple[dict[str, Any], list[Problem]]:
    if MANIFEST not in zf.namelist():
        return {}, [Problem(MANIFEST, "missing", _("manifest.json is missing."))]
    try:
        data = json.loads(zf.read(MANIFEST).decode("utf-8"))
        if not isinstance(data, dict) or data.get("format") != PACK_FORMAT:
            raise ValueError("format")
        members = data["members"]
        chain = data["audit_chain"]
        int(chain["head"]["count"]), str(chain["head"]["hash"])
        int(chain["segment"]["first"]), int(chain["segment"]["last"])
        str(chain["segment"]["previous_hash"])
        if not isinstance(members, dict):
            raise ValueError("members")
    except (ValueError, KeyError, TypeError, pyzipper.BadZipFile, RuntimeError, OSError):
        return {}, [
            Problem(MANIFEST, "unreadable", _("manifest.json is damaged or not an audit pack's."))
        ]
    return data, []


def _members(zf: pyzipper.AESZipFile, manifest: dict[str, Any]) -> tuple[int, list[Problem]]:
    problems: list[Problem] = []
    listed: dict[str, Any] = manifest["members"]
    present = [name for name in zf.namelist() if name != MANIFEST]
    checked = 0
    for name in sorted(set(present) | set(listed)):
        if name not in listed:
            problems.append(
                Problem(
                    name, "unexpected", _("{name} is not listed in the manifest.").format(name=name)
                )
            )
            continue
        if name not in present:
            problems.append(
                Problem(
                    name,
                    "missing",
                    _("{name} is listed in the manifest but missing.").format(name=name),
                )
            )
            continue
        try:
            digest = _digest(zf, name)
        except (pyzipper.BadZipFile, OSError, RuntimeError, EOFError, ValueError, zlib.error):
            problems.append(
                Problem(
                    name, "damaged", _("{name} is damaged and cannot be read.").format(name=name)
                )
            )
            continue
        checked += 1
        if digest != str(listed[name].get("sha256", "")):
            problems.append(
                Problem(
                    name,
                    "changed",
                    _("{name} was changed: its SHA-256 is not the one in the manifest.").format(
                        name=name
                    ),
                )
            )
    return checked, problems


# ------------------------------------------------------------------------ the chain


def _chain_problem(position: int, reason: str) -> Problem:
    text = {
        "missing": _("the event at position {n} is missing"),
        "out-of-order": _("the event at position {n} is out of order"),
        "broken-link": _("the event at position {n} does not link to the one before it"),
        "altered": _(
            "the event at position {n} was altered (its hash does not match its contents)"
        ),
    }[reason].format(n=position)
    return Problem(
        AUDIT_LOG, f"chain-{reason}", _("Audit log: {problem}.").format(problem=text), position
    )


_PAYLOAD_KEYS = ("before_json", "after_json", "payload_salt", "before_digest", "after_digest")


def _segment_event(line: dict[str, Any]) -> audit.SegmentEvent:
    fields = None
    altered = False
    if not line.get("redacted"):
        texts = [line.get(k) for k in _PAYLOAD_KEYS]
        well_formed = line.get("scheme") in (
            None,
            audit.SCHEME_LEGACY,
            audit.SCHEME_DIGEST,
        ) and all(t is None or isinstance(t, str) for t in texts)
        payloads = well_formed and audit.hashed_payloads(
            SimpleNamespace(
                scheme=line.get("scheme"),
                before_json=line.get("before_json"),
                after_json=line.get("after_json"),
                payload_salt=line.get("payload_salt"),
                before_digest=line.get("before_digest"),
                after_digest=line.get("after_digest"),
            )
        )
        altered = not payloads
        fields = (
            str(line["at"]),
            str(line["actor"]),
            str(line["action"]),
            str(line["entity"]),
            line.get("entity_id"),
            *(payloads or (None, None)),
        )
    return audit.SegmentEvent(
        int(line["position"]), str(line["prev_hash"]), str(line["hash"]), fields, altered
    )


def _chain(
    zf: pyzipper.AESZipFile, manifest: dict[str, Any]
) -> tuple[ChainFacts, int, int, list[Problem]]:
    chain = manifest["audit_chain"]
    facts = ChainFacts(
        head_count=int(chain["head"]["count"]),
        head_hash=str(chain["head"]["hash"]),
        first=int(chain["segment"]["first"]),
        last=int(chain["segment"]["last"]),
        previous_hash=str(chain["segment"]["previous_hash"]),
    )
    if AUDIT_LOG not in zf.namelist():
        return facts, 0, 0, []  # reported as a missing member already
    problems: list[Problem] = []
    events: list[audit.SegmentEvent] = []
    start: dict[str, Any] | None = None
    try:
        with zf.open(AUDIT_LOG) as handle:
            for number, raw in enumerate(handle, start=1):
                try:
                    line = json.loads(raw.decode("utf-8"))
                    if line.get("kind") == "start" and start is None and not events:
                        start = line
                    else:
                        events.append(_segment_event(line))
                except (ValueError, KeyError, TypeError, AttributeError):
                    problems.append(
                        Problem(
                            AUDIT_LOG,
                            "chain-unreadable",
                            _("Audit log: line {line} cannot be read.").format(line=number),
                        )
                    )
    except (pyzipper.BadZipFile, OSError, RuntimeError, EOFError, zlib.error):
        return facts, 0, 0, problems  # reported as a damaged member already
    if (
        start is None
        or int(start.get("position", -1)) != facts.first - 1
        or start.get("hash") != facts.previous_hash
    ):
        problems.append(
            Problem(
                AUDIT_LOG,
                "chain-start",
                _(
                    "Audit log: the segment does not start from the event before the period "
                    "(position {n}) recorded in the manifest."
                ).format(n=facts.first - 1),
                facts.first - 1,
            )
        )
    found, last = audit.verify_segment(events, facts.previous_hash, facts.first)
    problems += [_chain_problem(p.position, p.reason) for p in found]
    for missing in range(last.count + 1, facts.last + 1):
        problems.append(_chain_problem(missing, "missing"))
    if last.count > facts.last:
        problems.append(
            Problem(
                AUDIT_LOG,
                "chain-end",
                _("Audit log: it runs past the last position {n} recorded in the manifest.").format(
                    n=facts.last
                ),
                facts.last,
            )
        )
    hashes = {ev.position: ev.hash for ev in events}
    if facts.head_count in hashes and hashes[facts.head_count] != facts.head_hash:
        problems.append(
            Problem(
                AUDIT_LOG,
                "chain-head",
                _("Audit log: the event at position {n} is not the head the cover records.").format(
                    n=facts.head_count
                ),
                facts.head_count,
            )
        )
    rehashed = sum(1 for ev in events if ev.fields is not None)
    facts = ChainFacts(
        facts.head_count, facts.head_hash, facts.first, facts.last, facts.previous_hash, hashes
    )
    return facts, len(events), rehashed, problems


def _ancestor(earlier: ChainFacts, later: ChainFacts) -> list[Problem]:
    """Is the earlier pack's head an ancestor of the later pack's chain?"""
    where = "--against"
    n, expected = earlier.head_count, earlier.head_hash
    if n > later.head_count:
        return [
            Problem(
                where,
                "not-ancestor",
                _(
                    "The earlier pack records {n} events, but this pack's chain has only "
                    "{m}: events were removed, or the packs are the wrong way round."
                ).format(n=n, m=later.head_count),
                n,
            )
        ]
    known = later.known()
    problems: list[Problem] = []
    # every position both packs vouch for must agree, the earlier head first
    earlier_known = earlier.known()
    for position in sorted(set(earlier_known) & set(known)):
        if earlier_known[position] != known[position]:
            problems.append(
                Problem(
                    where,
                    "rewritten",
                    _(
                        "At chain position {n} the earlier pack has hash {a}… but this pack "
                        "has {b}…: the history up to the earlier pack was rewritten."
                    ).format(n=position, a=earlier_known[position][:16], b=known[position][:16]),
                    position,
                )
            )
    if n not in known:
        problems.append(
            Problem(
                where,
                "cannot-prove",
                _(
                    "The earlier pack's head (position {n}) is not among the positions this "
                    "pack vouches for ({first}–{last} and its head {count}), so it cannot be "
                    "checked from the two files alone: check the packs in between one after "
                    "the other, or run `rekisteri audit verify --expect-head {head}` on the "
                    "database."
                ).format(
                    n=n,
                    first=later.first - 1,
                    last=later.last,
                    count=later.head_count,
                    head=f"{n}:{expected}",
                ),
                n,
            )
        )
    return problems


def _read(path: Path, password: str | None) -> tuple[PackVerification, ChainFacts | None]:
    with _open(path, password) as zf:
        manifest, problems = _manifest(zf)
        if not manifest:
            return PackVerification(path, tuple(problems)), None
        checked, member_problems = _members(zf, manifest)
        chain, events, rehashed, chain_problems = _chain(zf, manifest)
    return (
        PackVerification(
            path,
            tuple(member_problems + chain_problems),
            manifest,
            checked,
            events,
            rehashed,
        ),
        chain,
    )


def verify_pack(
    path: Path | str,
    *,
    password: str | None = None,
    against: Path | str | None = None,
    against_password: str | None = None,
) -> PackVerification:
    """Check the pack at `path` (and against an earlier one); never raises for a pack
    that opens, only lists its problems. CannotOpenPack when it does not open."""
    path = Path(path)
    result, chain = _read(path, password)
    if against is None:
        return result
    earlier_path = Path(against)
    earlier, earlier_chain = _read(earlier_path, against_password or password)
    problems = list(result.problems)
    if not earlier.ok:
        problems.append(
            Problem(
                "--against",
                "earlier-invalid",
                _("The earlier pack {path} does not verify itself: {problems}").format(
                    path=earlier_path, problems="; ".join(p.message for p in earlier.problems)
                ),
            )
        )
    if chain is not None and earlier_chain is not None:
        problems += _ancestor(earlier_chain, chain)
    return PackVerification(
        path,
        tuple(problems),
        result.manifest,
        result.members_checked,
        result.events,
        result.rehashed,
        earlier_path,
    )
