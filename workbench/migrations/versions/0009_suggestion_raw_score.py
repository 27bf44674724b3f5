"""suggestion.raw_score: the model's own score, kept for the audit; score is now relative to the turn's best

Revision ID: 0009
Revises: 0008
"""
import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('suggestion', sa.Column('raw_score', sa.Float(), nullable=True))


def downgrade() -> None:
    op.drop_column('suggestion', 'raw_score')  # in place (SQLite >= 3.35), no copy of the table
