"""erasable audit payloads: the chain covers salted digests of the snapshots

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 03:00:00

The retention purge (GDPR Art. 5(1)(e)) must be able to erase a purged case's snapshots
from the audit trail without breaking the chain. This revision adds the digest columns and
re-chains every event under scheme 2 (storage/audit.py), keeping each event's earlier hash
as `legacy_hash` so that a head written down before (an audit pack's cover) still proves
its events, and appends one `audit.rechain` event naming the earlier head.

A chain that does not verify is left exactly as it is (scheme 1): converting it would
launder the break. `audit verify` goes on reporting it, and the purge cannot erase those
events' snapshots.
"""

import hashlib
import json
import secrets
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

GENESIS = "0" * 64
HEAD_KEY = "audit.head"


def _hash(prev: str, at, actor, action, entity, entity_id, before, after) -> str:
    # The same formula as storage/audit.event_hash, frozen here as migrations must be.
    payload = json.dumps(
        [prev, at, actor, action, entity, entity_id, before, after],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _digest(salt: str, text):
    return None if text is None else hashlib.sha256((salt + text).encode("utf-8")).hexdigest()


def _legacy_chain_intact(conn, rows) -> bool:
    prev = GENESIS
    for row in rows:
        if row.prev_hash != prev or row.hash != _hash(
            prev,
            row.at,
            row.actor,
            row.action,
            row.entity,
            row.entity_id,
            row.before_json,
            row.after_json,
        ):
            return False
        prev = row.hash
    head = conn.execute(sa.text("SELECT value FROM settings WHERE key = :k"), {"k": HEAD_KEY})
    value = head.scalar()
    expected = f"{len(rows)}:{prev}"
    return (value or f"0:{GENESIS}") == expected


def upgrade() -> None:
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("scheme", sa.Integer(), nullable=False, server_default="1"))
        batch_op.add_column(sa.Column("payload_salt", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("before_digest", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("after_digest", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("erased_on", sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column("legacy_hash", sa.String(length=64), nullable=True))

    conn = op.get_bind()
    rows = conn.execute(
        sa.text(
            "SELECT id, at, actor, action, entity, entity_id, before_json, after_json,"
            " prev_hash, hash FROM audit_events ORDER BY id"
        )
    ).fetchall()
    if not rows or not _legacy_chain_intact(conn, rows):
        return
    prev = GENESIS
    for row in rows:
        salt = secrets.token_hex(16)
        before, after = _digest(salt, row.before_json), _digest(salt, row.after_json)
        digest = _hash(
            prev, row.at, row.actor, row.action, row.entity, row.entity_id, before, after
        )
        conn.execute(
            sa.text(
                "UPDATE audit_events SET scheme = 2, payload_salt = :salt, before_digest = :b,"
                " after_digest = :a, legacy_hash = :legacy, prev_hash = :prev, hash = :hash"
                " WHERE id = :id"
            ),
            {
                "salt": salt,
                "b": before,
                "a": after,
                "legacy": row.hash,
                "prev": prev,
                "hash": digest,
                "id": row.id,
            },
        )
        prev = digest
    # One event records the conversion and the head it replaced.
    at = datetime.now(UTC).isoformat(timespec="microseconds")
    after_json = json.dumps(
        {"legacy_head": f"{len(rows)}:{rows[-1].hash}", "scheme": 2},
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    salt = secrets.token_hex(16)
    after_digest = _digest(salt, after_json)
    digest = _hash(prev, at, "migration", "audit.rechain", "audit", None, None, after_digest)
    conn.execute(
        sa.text(
            "INSERT INTO audit_events (at, actor, action, entity, entity_id, before_json,"
            " after_json, scheme, payload_salt, before_digest, after_digest, prev_hash, hash)"
            " VALUES (:at, 'migration', 'audit.rechain', 'audit', NULL, NULL, :after, 2,"
            " :salt, NULL, :ad, :prev, :hash)"
        ),
        {
            "at": at,
            "after": after_json,
            "salt": salt,
            "ad": after_digest,
            "prev": prev,
            "hash": digest,
        },
    )
    conn.execute(
        sa.text("UPDATE settings SET value = :v WHERE key = :k"),
        {"v": f"{len(rows) + 1}:{digest}", "k": HEAD_KEY},
    )


def downgrade() -> None:
    """Re-chain every event under scheme 1 over the snapshots still held (an erased
    snapshot stays erased), then drop the columns. For development: restore a backup to
    return to an earlier version in use."""
    conn = op.get_bind()
    rows = conn.execute(
        sa.text(
            "SELECT id, at, actor, action, entity, entity_id, before_json, after_json"
            " FROM audit_events ORDER BY id"
        )
    ).fetchall()
    prev = GENESIS
    for row in rows:
        digest = _hash(
            prev,
            row.at,
            row.actor,
            row.action,
            row.entity,
            row.entity_id,
            row.before_json,
            row.after_json,
        )
        conn.execute(
            sa.text("UPDATE audit_events SET prev_hash = :prev, hash = :hash WHERE id = :id"),
            {"prev": prev, "hash": digest, "id": row.id},
        )
        prev = digest
    if rows:
        conn.execute(
            sa.text("UPDATE settings SET value = :v WHERE key = :k"),
            {"v": f"{len(rows)}:{prev}", "k": HEAD_KEY},
        )
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        for column in (
            "legacy_hash",
            "erased_on",
            "after_digest",
            "before_digest",
            "payload_salt",
            "scheme",
        ):
            batch_op.drop_column(column)
