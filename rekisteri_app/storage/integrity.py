"""Is the file whole? SQLCipher's page authentication and SQLite's structure check.

`PRAGMA cipher_integrity_check` recomputes every page's HMAC (a page changed on disk, by
a bad sector or by hand, fails it); `PRAGMA integrity_check` walks the b-trees, indexes
and free list. Both run on a fresh connection: after SQLCipher has met a bad page, the
connection that met it keeps failing. The problems they name are page and table numbers
and index names, never row contents.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlalchemy.exc
import sqlcipher3

MAX_LISTED = 20


@dataclass(frozen=True)
class IntegrityReport:
    cipher_problems: list[str] = field(default_factory=list)
    structure_problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.cipher_problems and not self.structure_problems

    def lines(self) -> list[str]:
        listed = (self.cipher_problems + self.structure_problems)[:MAX_LISTED]
        more = len(self.cipher_problems) + len(self.structure_problems) - len(listed)
        return listed + ([f"… (+{more})"] if more > 0 else [])

    def summary(self) -> str:
        """The first problem, short enough for one line of a message."""
        first = (self.cipher_problems or self.structure_problems or [""])[0]
        return first if len(first) <= 120 else first[:119] + "…"


def check_connection(conn) -> IntegrityReport:
    """Run both checks on a keyed sqlcipher3 connection that has met no error yet."""
    cipher: list[str] = []
    try:
        cipher = [str(row[0]) for row in conn.execute("PRAGMA cipher_integrity_check")]
    except sqlcipher3.DatabaseError as exc:
        cipher = [str(exc)]
    structure: list[str] = []
    try:
        rows = [str(row[0]) for row in conn.execute("PRAGMA integrity_check(200)")]
    except sqlcipher3.DatabaseError as exc:
        rows = [str(exc)]
    for row in rows:
        structure.extend(line for line in row.splitlines() if line.strip())
    if structure == ["ok"]:
        structure = []
    return IntegrityReport(cipher, structure)


def is_damage(exc: BaseException) -> bool:
    """Does `exc` say the file is damaged (SQLITE_CORRUPT, SQLITE_NOTADB on a page read)?

    Those arrive as the driver's plain DatabaseError (not one of its subclasses such as
    OperationalError or IntegrityError), possibly wrapped by SQLAlchemy."""
    orig = exc.orig if isinstance(exc, sqlalchemy.exc.DBAPIError) else exc
    return type(orig) is sqlcipher3.DatabaseError
