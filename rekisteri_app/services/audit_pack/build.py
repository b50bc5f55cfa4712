"""Making an audit pack: read the period in one transaction, build the members, write
the ZIP with its manifest.

Nothing is written to the database (making a pack is not a change, and a pack made twice
from the same database must show the same chain head). The same database and period
give the same member bytes; only manifest.json's `created_at` and the cover's creation
line differ between two runs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from ...documents.pack import ChainAnchor
from ...i18n import _
from ..context import ServiceContext, ServiceError
from .archive import MemberDigests, write_pack
from .collect import collect
from .facts import PackFacts
from .members import MANIFEST, BuildContext, canonical, members
from .options import PackOptions

PACK_FORMAT = "rekisteri-audit-pack"
PACK_VERSION = 1

#: progress(done, total, member name); may raise PackCancelled to stop
Progress = Callable[[int, int, str], None]


class PackCancelled(Exception):
    """The officer cancelled: the partial file is already gone."""


@dataclass(frozen=True)
class PackResult:
    path: Path
    created_at: datetime
    chain: ChainAnchor
    members: MemberDigests

    @property
    def head(self) -> str:
        return f"{self.chain.head_count}:{self.chain.head_hash}"


def manifest(
    facts: PackFacts, options: PackOptions, created_at: datetime, digests: MemberDigests
) -> bytes:
    """manifest.json: what the pack is, what made it, and every member's SHA-256."""
    chain = facts.chain
    document: dict[str, Any] = {
        "format": PACK_FORMAT,
        "version": PACK_VERSION,
        "created_at": created_at.isoformat(timespec="seconds"),
        "app_version": facts.organisation.app_version,
        "schema_revision": facts.organisation.schema_revision,
        "organisation": facts.organisation.name,
        "period": {
            "start": options.period.start.isoformat(),
            "end": options.period.end.isoformat(),
        },
        "options": {
            "identify": options.identify,
            "include_letters": options.include_letters,
            "language": options.language,
            "encrypted": options.encrypted,
        },
        "audit_chain": {
            "head": {"count": chain.head_count, "hash": chain.head_hash},
            "segment": {
                "first": chain.first_position,
                "last": chain.last_position,
                "previous_hash": chain.previous_hash,
            },
        },
        "members": digests,
    }
    return canonical(document)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def build_pack(
    ctx: ServiceContext,
    options: PackOptions,
    out: Path | str,
    *,
    progress: Progress | None = None,
) -> PackResult:
    """Write the pack for `options` to `out` (replaced whole, or not at all)."""
    out = Path(out)
    database = Path(ctx.db.path)
    if _same_file(out, database) or out.name.startswith(database.name + "."):
        raise ServiceError(
            _("{path} is the database or one of its files: choose another name.").format(path=out)
        )
    created_at = ctx.now()
    report = progress or (lambda done, total, name: None)
    with ctx.read() as session:
        facts = collect(session, options, ctx.today())
        build = BuildContext(session, facts, options, created_at)
        found = members(build)
        total = len(found) + 1
        state = {"done": 0, "name": ""}

        def tick() -> None:
            report(state["done"], total, state["name"])

        def started(name: str) -> None:
            state["name"] = name
            report(state["done"], total, name)
            state["done"] += 1

        build.tick = tick
        digests = write_pack(
            out,
            found,
            lambda digests: manifest(facts, options, created_at, digests),
            day=options.period.end,
            password=options.password,
            progress=started,
        )
    report(total, total, MANIFEST)
    return PackResult(out, created_at, facts.chain, digests)
