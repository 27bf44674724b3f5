"""coding_turn by speaker: counting codings on unassigned speakers without a full scan

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_coding_turn_speaker_coding', 'coding_turn', ['speaker_id', 'coding_id'])


def downgrade() -> None:
    op.drop_index('ix_coding_turn_speaker_coding', table_name='coding_turn')
