"""history of removed codings

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('coding_deletion',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('coding_guid', sa.String(length=36), nullable=False),
    sa.Column('transcript', sa.String(length=255), nullable=False),
    sa.Column('code_path', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('quote', sa.Text(), nullable=False),
    sa.Column('coded_by', sa.String(length=255), nullable=False),
    sa.Column('deleted_by', sa.String(length=255), nullable=False),
    sa.Column('reason', sa.String(length=40), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_coding_deletion_coding_guid', 'coding_deletion', ['coding_guid'])


def downgrade() -> None:
    op.drop_index('ix_coding_deletion_coding_guid', table_name='coding_deletion')
    op.drop_table('coding_deletion')
