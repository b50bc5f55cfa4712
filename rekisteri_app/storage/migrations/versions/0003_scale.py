"""stored deadline columns, the repeat-check name key, an index on every foreign key

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02

Issue 18 (instant at 100,000 cases). Independent of the other wave-2 revisions: it only
adds columns and indexes.

- `requests`: the derived deadline columns (`due_on`, `extended_due_on`,
  `effective_due_on`, `clock_state`, `awaiting_identity`, `deadline_problem`) and the
  indexes the lists walk. They are left NULL here: computing them needs the service
  layer's rules (pauses, the extension letter, the pause policy setting), which a
  migration must not import. Opening the database through the application recomputes
  them, because the deadline calendar stamp (`deadline.calendar` in settings) is
  missing (services/requests/deadlines.py, `refresh_stale_deadlines`), with an audit
  event.
- `persons.name_key`: `normalise_name(name)`, filled here in Python (a pure domain
  function), so repeat checks are an index lookup.
- Case numbers are brought to their one canonical spelling (trimmed, upper case) so
  that `find_case` compares the indexed column itself; a number whose canonical form
  is already taken stays as it is.
- An index on every foreign key that no index or unique constraint leads with, and
  the indexes the Letters and Audit pages page through (issue date; entity, date).
"""

import sqlalchemy as sa
from alembic import op


revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

FOREIGN_KEY_INDEXES = [
    ("attachments", "request_id"),
    ("automated_decisions", "register_id"),
    ("case_events", "request_id"),
    ("contacts", "controller_id"),
    ("contacts", "register_id"),
    ("data_categories", "register_id"),
    ("erasure_decisions", "data_category_id"),
    ("erasure_decisions", "request_right_id"),
    ("identity_checks", "request_id"),
    ("legal_bases", "register_id"),
    ("legal_holds", "data_category_id"),
    ("legal_holds", "request_id"),
    ("letters", "request_id"),
    ("notice_versions", "register_id"),
    ("pauses", "request_id"),
    ("processors", "parent_id"),
    ("purposes", "register_id"),
    ("recipients", "register_id"),
    ("register_controllers", "controller_id"),
    ("register_processors", "processor_id"),
    ("register_processors", "register_id"),
    ("register_rights", "register_id"),
    ("request_registers", "register_id"),
    ("request_rights", "request_id"),
    ("requests", "controller_id"),
    ("requests", "requester_id"),
    ("requests", "subject_id"),
    ("retention_rules", "data_category_id"),
    ("retention_rules", "register_id"),
    ("security_measures", "register_id"),
    ("sources", "register_id"),
    ("subject_groups", "register_id"),
    ("transfers", "processor_id"),
    ("transfers", "register_id"),
]

ORDER = ["clock_state", "effective_due_on", "received_on", "case_number"]
# covering: the table keeps sha256 and created_at after the PDF bytes
LETTER_LIST = [
    "issued_on",
    "id",
    "request_id",
    "kind",
    "language",
    "sent_via",
    "sha256",
    "created_at",
]


def upgrade() -> None:
    # Plain ALTER TABLE ADD COLUMN and CREATE INDEX: no table is rebuilt, so a file full
    # of cases (whose children reference them) migrates with its foreign keys enforced.
    op.add_column("requests", sa.Column("due_on", sa.Date(), nullable=True))
    op.add_column("requests", sa.Column("extended_due_on", sa.Date(), nullable=True))
    op.add_column("requests", sa.Column("effective_due_on", sa.Date(), nullable=True))
    op.add_column("requests", sa.Column("clock_state", sa.String(length=10), nullable=True))
    op.add_column(
        "requests",
        sa.Column("awaiting_identity", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.add_column("requests", sa.Column("deadline_problem", sa.String(length=20), nullable=True))
    op.create_index("ix_requests_awaiting_identity", "requests", ["awaiting_identity"])
    op.create_index("ix_requests_due_order", "requests", ORDER)
    op.create_index("ix_requests_status_due", "requests", ["status", *ORDER])
    op.create_index("ix_requests_year_sequence", "requests", ["year", "sequence"])

    op.add_column("persons", sa.Column("name_key", sa.String(length=300), nullable=True))
    op.create_index("ix_persons_name_key", "persons", ["name_key"])

    for table, column in FOREIGN_KEY_INDEXES:
        op.create_index(f"ix_{table}_{column}", table, [column], unique=False)
    op.create_index("ix_letters_list", "letters", LETTER_LIST)
    op.create_index("ix_audit_events_entity", "audit_events", ["entity"])
    op.create_index("ix_audit_events_entity_id", "audit_events", ["entity_id"])
    op.create_index("ix_audit_events_at", "audit_events", ["at"])

    _fill_name_keys()
    _canonical_case_numbers()


def _fill_name_keys() -> None:
    from rekisteri_app.domain.repeat_requests import normalise_name

    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, name FROM persons")).fetchall()
    if rows:
        conn.execute(
            sa.text("UPDATE persons SET name_key = :key WHERE id = :id"),
            [{"id": ident, "key": normalise_name(name or "")} for ident, name in rows],
        )


def _canonical_case_numbers() -> None:
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, case_number FROM requests")).fetchall()
    taken = {number for _id, number in rows}
    changes = []
    for ident, number in rows:
        canonical = number.strip().upper()
        if canonical != number and canonical not in taken:
            taken.add(canonical)
            changes.append({"id": ident, "number": canonical})
    if changes:
        conn.execute(sa.text("UPDATE requests SET case_number = :number WHERE id = :id"), changes)


DERIVED = [
    "due_on",
    "extended_due_on",
    "effective_due_on",
    "clock_state",
    "awaiting_identity",
    "deadline_problem",
]


def downgrade() -> None:
    # ALTER TABLE DROP COLUMN (SQLite 3.35+, bundled with SQLCipher 4.5+) after the
    # indexes that use the columns: again no table rebuild.
    op.drop_index("ix_audit_events_at", table_name="audit_events")
    op.drop_index("ix_audit_events_entity_id", table_name="audit_events")
    op.drop_index("ix_audit_events_entity", table_name="audit_events")
    op.drop_index("ix_letters_list", table_name="letters")
    for table, column in reversed(FOREIGN_KEY_INDEXES):
        op.drop_index(f"ix_{table}_{column}", table_name=table)
    op.drop_index("ix_persons_name_key", table_name="persons")
    op.execute("ALTER TABLE persons DROP COLUMN name_key")
    for name in (
        "ix_requests_year_sequence",
        "ix_requests_status_due",
        "ix_requests_due_order",
        "ix_requests_awaiting_identity",
    ):
        op.drop_index(name, table_name="requests")
    for column in DERIVED:
        op.execute(f"ALTER TABLE requests DROP COLUMN {column}")
