"""suggestion.coder_id: a suggestion is made for one coder, who alone decides it (coders code independently);
older suggestions (null) are anyone's

Revision ID: 0018
Revises: 0017
"""
import sqlalchemy as sa
from alembic import op

revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('suggestion') as batch:
        batch.add_column(sa.Column('coder_id', sa.Integer(), nullable=True))
        batch.create_foreign_key('fk_suggestion_coder_id_coder', 'coder', ['coder_id'], ['id'])
        batch.create_index('ix_suggestion_coder_id', ['coder_id'])


def downgrade() -> None:
    with op.batch_alter_table('suggestion') as batch:
        batch.drop_index('ix_suggestion_coder_id')
        batch.drop_constraint('fk_suggestion_coder_id_coder', type_='foreignkey')
        batch.drop_column('coder_id')
