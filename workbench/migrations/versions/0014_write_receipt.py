"""the latest write of each open workbench app (checked after a connection lost while committing)

Revision ID: 0014
Revises: 0013
"""
import sqlalchemy as sa
from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('write_receipt',
                    sa.Column('writer', sa.String(64), primary_key=True),
                    sa.Column('ticket', sa.Integer(), nullable=False))


def downgrade() -> None:
    op.drop_table('write_receipt')
