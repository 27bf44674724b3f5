"""an institution's pseudonym, as the registry gives it (reports and exports show it, not the name)

Revision ID: 0013
Revises: 0012
"""
import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('institution', sa.Column('pseudonym', sa.String(255), nullable=True))


def downgrade() -> None:
    op.drop_column('institution', 'pseudonym')
