"""coding.confirmed_by / confirmed_at: an autocode a coder reviewed and kept (reports can count only reviewed
codings)

Revision ID: 0016
Revises: 0015
"""
import sqlalchemy as sa
from alembic import op

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('coding', sa.Column('confirmed_by', sa.String(255), nullable=True))
    op.add_column('coding', sa.Column('confirmed_at', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    op.drop_column('coding', 'confirmed_at')  # in place: a batch copy of coding would cascade-delete its turn links
    op.drop_column('coding', 'confirmed_by')
