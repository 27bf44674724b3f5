"""counts from indexes: a coding's turn links say whether it lies in one turn; codings by transcript and coder

The quotation unit counts one-turn codings per code and speaker from an index (the great majority) and
reads only codings over several turns row by row; the overview finds each transcript's coders by index.

Revision ID: 0008
Revises: 0007
"""
import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('coding_turn', sa.Column('one_turn', sa.Boolean(), nullable=False, server_default=sa.true()))
    links = sa.table('coding_turn', sa.column('coding_id', sa.Integer()), sa.column('one_turn', sa.Boolean()))
    spread = sa.select(links.c.coding_id).group_by(links.c.coding_id).having(sa.func.count() > 1)
    op.execute(links.update().where(links.c.coding_id.in_(spread)).values(one_turn=False))
    op.create_index('ix_coding_turn_one_turn', 'coding_turn', ['one_turn', 'code_id', 'speaker_id', 'coder_id'])
    op.create_index('ix_coding_turn_turn_coder', 'coding_turn', ['turn_id', 'coder_id'])
    op.drop_index('ix_coding_turn_turn_id', table_name='coding_turn')  # the new index starts with turn_id
    op.create_index('ix_coding_transcript_coder', 'coding', ['transcript_id', 'coder_id'])


def downgrade() -> None:
    op.drop_index('ix_coding_transcript_coder', table_name='coding')
    op.create_index('ix_coding_turn_turn_id', 'coding_turn', ['turn_id'])
    op.drop_index('ix_coding_turn_turn_coder', table_name='coding_turn')
    op.drop_index('ix_coding_turn_one_turn', table_name='coding_turn')
    op.drop_column('coding_turn', 'one_turn')  # in place (SQLite >= 3.35), no copy of millions of rows
