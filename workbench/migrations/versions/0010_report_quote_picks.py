"""coding.picked_by / picked_at: a coding chosen as a report quote, by whom and when

Revision ID: 0010
Revises: 0009
"""
import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('coding', sa.Column('picked_by', sa.String(255), nullable=True))
    op.add_column('coding', sa.Column('picked_at', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    op.drop_column('coding', 'picked_at')  # in place: a batch copy of coding would cascade-delete its turn links
    op.drop_column('coding', 'picked_by')
