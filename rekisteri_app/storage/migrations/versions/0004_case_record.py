"""a case record the officer can correct: several controllers, corrections, addresses,
holds effective from receipt, the date a right was raised

Revision ID: 0004
Revises: 0002
Create Date: 2026-11-23 12:00:00

Existing cases keep `requests.controller_id` as the controller the request was addressed
to; each gets that controller as its one row in `request_controllers`. Existing legal
holds are effective from the day they were placed (what the record says).
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "request_controllers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("controller_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=30), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["controller_id"],
            ["controllers.id"],
            name=op.f("fk_request_controllers_controller_id_controllers"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["requests.id"],
            name=op.f("fk_request_controllers_request_id_requests"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_request_controllers")),
        sa.UniqueConstraint(
            "request_id", "controller_id", name=op.f("uq_request_controllers_request_id")
        ),
    )
    op.create_table(
        "request_corrections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("field", sa.String(length=40), nullable=False),
        sa.Column("before", sa.Text(), nullable=True),
        sa.Column("after", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=True),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["requests.id"],
            name=op.f("fk_request_corrections_request_id_requests"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_request_corrections")),
    )
    with op.batch_alter_table("requests", schema=None) as batch_op:
        batch_op.add_column(sa.Column("address_on_record", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("delivery_address", sa.Text(), nullable=True))
    with op.batch_alter_table("request_rights", schema=None) as batch_op:
        batch_op.add_column(sa.Column("raised_on", sa.Date(), nullable=True))
    with op.batch_alter_table("legal_holds", schema=None) as batch_op:
        batch_op.add_column(sa.Column("effective_from", sa.Date(), nullable=True))

    op.execute(
        "INSERT INTO request_controllers (request_id, controller_id, role, position) "
        "SELECT id, controller_id, 'controller', 0 FROM requests "
        "WHERE controller_id IS NOT NULL"
    )
    op.execute("UPDATE legal_holds SET effective_from = placed_on")
    # Every foreign key indexed (issue 18; storage/models.py _index_foreign_keys).
    op.create_index(
        "ix_request_controllers_controller_id", "request_controllers", ["controller_id"]
    )
    op.create_index("ix_request_corrections_request_id", "request_corrections", ["request_id"])


def downgrade() -> None:
    op.drop_index("ix_request_controllers_controller_id", table_name="request_controllers")
    op.drop_index("ix_request_corrections_request_id", table_name="request_corrections")
    with op.batch_alter_table("legal_holds", schema=None) as batch_op:
        batch_op.drop_column("effective_from")
    with op.batch_alter_table("request_rights", schema=None) as batch_op:
        batch_op.drop_column("raised_on")
    with op.batch_alter_table("requests", schema=None) as batch_op:
        batch_op.drop_column("delivery_address")
        batch_op.drop_column("address_on_record")
    op.drop_table("request_corrections")
    op.drop_table("request_controllers")
