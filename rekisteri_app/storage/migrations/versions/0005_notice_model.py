"""notice model: per-language texts, statements, notice references, shared DPOs

Revision ID: 0005
Revises: 0002
Create Date: 2026-12-02

Issue 12. Only adds: new tables and nullable (or defaulted) columns. The controllers'
new references are added with ALTER TABLE ... ADD COLUMN ... REFERENCES, so the table is
not rebuilt: rebuilding a table that other rows refer to fails while SQLite enforces
foreign keys, which it does during migrations.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

#: Every table that gains the JSON `translations` column.
TRANSLATED = (
    "automated_decisions",
    "contacts",
    "controllers",
    "data_categories",
    "legal_bases",
    "processors",
    "purposes",
    "recipients",
    "register_processors",
    "register_rights",
    "registers",
    "retention_rules",
    "security_measures",
    "sources",
    "subject_groups",
    "transfers",
)

#: (column, referenced table, constraint name) added to controllers.
CONTROLLER_REFS = (
    ("dpo_id", "dpos", "fk_controllers_dpo_id_dpos"),
    ("address_from_id", "controllers", "fk_controllers_address_from_id_controllers"),
    ("business_id_from_id", "controllers", "fk_controllers_business_id_from_id_controllers"),
)


def _item_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("translations", sa.JSON(), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "dpos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=True),
        sa.Column("publish_name", sa.Boolean(), server_default="1", nullable=False),
        sa.Column("role", sa.String(length=300), nullable=True),
        sa.Column("phone", sa.String(length=100), nullable=True),
        sa.Column("email", sa.String(length=300), nullable=True),
        sa.Column("address", sa.Text(), nullable=True),
        sa.Column("web", sa.String(length=300), nullable=True),
        sa.Column("translations", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dpos")),
    )
    op.create_table(
        "notice_references",
        sa.Column("register_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("url", sa.String(length=300), nullable=True),
        sa.Column("target_id", sa.Integer(), nullable=True),
        *_item_columns(),
        sa.ForeignKeyConstraint(
            ["register_id"],
            ["registers.id"],
            name=op.f("fk_notice_references_register_id_registers"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["target_id"],
            ["registers.id"],
            name=op.f("fk_notice_references_target_id_registers"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notice_references")),
    )
    op.create_table(
        "statements",
        sa.Column("register_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        *_item_columns(),
        sa.ForeignKeyConstraint(
            ["register_id"],
            ["registers.id"],
            name=op.f("fk_statements_register_id_registers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_statements")),
    )
    for table in TRANSLATED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("translations", sa.JSON(), nullable=True))

    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("web", sa.String(length=300), nullable=True))
        batch_op.add_column(
            sa.Column("publish_name", sa.Boolean(), server_default="1", nullable=False)
        )
    with op.batch_alter_table("controllers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("controller_type", sa.String(length=30), nullable=True))
    for column, table, name in CONTROLLER_REFS:
        op.execute(
            f"ALTER TABLE controllers ADD COLUMN {column} INTEGER "
            f"CONSTRAINT {name} REFERENCES {table} (id)"
        )
    with op.batch_alter_table("processors", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("is_category", sa.Boolean(), server_default="0", nullable=False)
        )
    with op.batch_alter_table("purposes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("bases", sa.JSON(), nullable=True))
    with op.batch_alter_table("registers", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("language", sa.String(length=2), server_default="fi", nullable=False)
        )
        batch_op.add_column(sa.Column("languages", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("joint_arrangement", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("request_web_form", sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column("notice_valid_from", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("notice_updated_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("notice_version_label", sa.String(length=60), nullable=True))
    # Every foreign key indexed (issue 18; storage/models.py _index_foreign_keys).
    op.create_index("ix_controllers_address_from_id", "controllers", ["address_from_id"])
    op.create_index("ix_controllers_business_id_from_id", "controllers", ["business_id_from_id"])
    op.create_index("ix_controllers_dpo_id", "controllers", ["dpo_id"])
    op.create_index("ix_notice_references_register_id", "notice_references", ["register_id"])
    op.create_index("ix_notice_references_target_id", "notice_references", ["target_id"])
    op.create_index("ix_statements_register_id", "statements", ["register_id"])


def downgrade() -> None:
    op.drop_index("ix_controllers_address_from_id", table_name="controllers")
    op.drop_index("ix_controllers_business_id_from_id", table_name="controllers")
    op.drop_index("ix_controllers_dpo_id", table_name="controllers")
    op.drop_index("ix_notice_references_register_id", table_name="notice_references")
    op.drop_index("ix_notice_references_target_id", table_name="notice_references")
    op.drop_index("ix_statements_register_id", table_name="statements")
    # Dropping columns rebuilds the tables; with foreign keys enforced that only works on
    # a database without rows referring to them (the tests' downgrade path).
    with op.batch_alter_table("registers", schema=None) as batch_op:
        for column in (
            "notice_version_label",
            "notice_updated_on",
            "notice_valid_from",
            "request_web_form",
            "joint_arrangement",
            "languages",
            "language",
        ):
            batch_op.drop_column(column)
    with op.batch_alter_table("purposes", schema=None) as batch_op:
        batch_op.drop_column("bases")
    with op.batch_alter_table("processors", schema=None) as batch_op:
        batch_op.drop_column("is_category")
    with op.batch_alter_table("controllers", schema=None) as batch_op:
        for column, _table, _name in CONTROLLER_REFS:
            batch_op.drop_column(column)
        batch_op.drop_column("controller_type")
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_column("publish_name")
        batch_op.drop_column("web")
    for table in TRANSLATED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("translations")
    op.drop_table("statements")
    op.drop_table("notice_references")
    op.drop_table("dpos")
