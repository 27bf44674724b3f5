"""memos of the study itself (a REFI-QDA project's own notes), participants' variables of every type, and
code groups' descriptions

Revision ID: 0015
Revises: 0014
"""
import sqlalchemy as sa
from alembic import op

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('study_memo',
                    sa.Column('id', sa.Integer(), primary_key=True),
                    sa.Column('guid', sa.String(36), nullable=False, unique=True),
                    sa.Column('name', sa.String(255), nullable=False),
                    sa.Column('text', sa.Text(), nullable=False),
                    sa.Column('author', sa.String(255)),
                    sa.Column('created_at', sa.DateTime(timezone=True)),
                    sa.Column('sets', sa.JSON(), nullable=False, server_default='[]'))
    with op.batch_alter_table('participant') as batch:
        batch.add_column(sa.Column('variables', sa.JSON(), nullable=False, server_default='{}'))
    with op.batch_alter_table('code_group') as batch:
        batch.add_column(sa.Column('description', sa.Text(), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('code_group') as batch:
        batch.drop_column('description')
    with op.batch_alter_table('participant') as batch:
        batch.drop_column('variables')
    op.drop_table('study_memo')
