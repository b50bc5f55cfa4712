"""mark cases and letters purged by the retention purge (issue 14)

Revision ID: 0006
Revises: 0002
Create Date: 2026-12-02 01:00:00
"""

import sqlalchemy as sa
from alembic import op


revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("requests", schema=None) as batch_op:
        batch_op.add_column(sa.Column("purged_on", sa.Date(), nullable=True))
    with op.batch_alter_table("letters", schema=None) as batch_op:
        batch_op.add_column(sa.Column("purged_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("letters", schema=None) as batch_op:
        batch_op.drop_column("purged_on")
    with op.batch_alter_table("requests", schema=None) as batch_op:
        batch_op.drop_column("purged_on")
