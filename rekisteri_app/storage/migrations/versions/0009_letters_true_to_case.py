"""letters true to the case: authority evidence, Art. 19 records, fees, mixed-language
letters, wording per audience (issue 10)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-10 09:00:00
"""

import sqlalchemy as sa
from alembic import op


# the columns of revision 0003's covering index of the Letters page
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

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("requests", schema=None) as batch_op:
        batch_op.add_column(sa.Column("authority_checked_by", sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column("authority_evidence", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("authority_confirmed_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("authority_note", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("fee_basis", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("fee_cents", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("fee_costs", sa.Text(), nullable=True))
        batch_op.add_column(
            sa.Column("recipients_requested", sa.Boolean(), nullable=False, server_default="0")
        )
    op.create_table(
        "request_notifications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("recipient", sa.Text(), nullable=False),
        sa.Column("register", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("notified_on", sa.Date(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["requests.id"],
            name=op.f("fk_request_notifications_request_id_requests"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_request_notifications")),
    )
    op.create_index("ix_request_notifications_request_id", "request_notifications", ["request_id"])
    with op.batch_alter_table("letters", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("mixed_language", sa.Boolean(), nullable=False, server_default="0")
        )
    # the Letters page reads its rows from this index alone (revision 0003)
    op.drop_index("ix_letters_list", table_name="letters")
    op.create_index("ix_letters_list", "letters", [*LETTER_LIST, "mixed_language"])
    with op.batch_alter_table("letter_templates", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "audience", sa.String(length=20), nullable=False, server_default="data-subject"
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("letter_templates", schema=None) as batch_op:
        batch_op.drop_column("audience")
    op.drop_index("ix_letters_list", table_name="letters")
    op.create_index("ix_letters_list", "letters", LETTER_LIST)
    with op.batch_alter_table("letters", schema=None) as batch_op:
        batch_op.drop_column("mixed_language")
    op.drop_index("ix_request_notifications_request_id", table_name="request_notifications")
    op.drop_table("request_notifications")
    with op.batch_alter_table("requests", schema=None) as batch_op:
        for name in (
            "recipients_requested",
            "fee_costs",
            "fee_cents",
            "fee_basis",
            "authority_note",
            "authority_confirmed_on",
            "authority_evidence",
            "authority_checked_by",
        ):
            batch_op.drop_column(name)
