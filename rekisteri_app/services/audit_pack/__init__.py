"""Audit packs: the periodic export for management and the Data Protection Ombudsman.

Rooms: `options` (period, presets, what goes in), `collect` (one read of the database
into the plain `facts`), `figures` (the period's numbers, pure), `pseudonym` (what a
pseudonymised pack leaves out), `members` (one builder per file, `BUILDERS`), `archive`
(the ZIP, atomic and optionally AES-256), `build` (all of it, with the manifest) and
`verify` (checking a pack offline, also against an earlier one). The format is
described for its recipients in docs/audit-pack.md.
"""

from .build import PACK_FORMAT, PACK_VERSION, PackCancelled, PackResult, Progress, build_pack
from .options import (
    LAST_QUARTER,
    LAST_YEAR,
    MIN_PASSWORD,
    PRESETS,
    THIS_YEAR,
    PackOptions,
    Period,
    preset,
)
from .verify import (
    CannotOpenPack,
    PackVerification,
    PasswordNeeded,
    Problem,
    is_encrypted,
    verify_pack,
)

__all__ = [
    "LAST_QUARTER",
    "LAST_YEAR",
    "MIN_PASSWORD",
    "PACK_FORMAT",
    "PACK_VERSION",
    "PRESETS",
    "THIS_YEAR",
    "CannotOpenPack",
    "PackCancelled",
    "PackOptions",
    "PackResult",
    "PackVerification",
    "PasswordNeeded",
    "Period",
    "Problem",
    "Progress",
    "build_pack",
    "is_encrypted",
    "preset",
    "verify_pack",
]
