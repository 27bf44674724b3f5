"""coding_turn(turn_id, coder_id, code_id) in place of (turn_id, coder_id): the codes on a set of turns read from
the index alone (the answers to a guide question looked up 61,000 rows of the table for their codes: 0.3 s at
1,000 interviews); the tallies' look-ups by turn and coder use it as before

Revision ID: 0022
Revises: 0021
"""
from alembic import op

revision = '0022'
down_revision = '0021'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_coding_turn_turn_coder_code', 'coding_turn', ['turn_id', 'coder_id', 'code_id'], unique=False)
    op.drop_index('ix_coding_turn_turn_coder', table_name='coding_turn')


def downgrade() -> None:
    op.create_index('ix_coding_turn_turn_coder', 'coding_turn', ['turn_id', 'coder_id'], unique=False)
    op.drop_index('ix_coding_turn_turn_coder_code', table_name='coding_turn')
