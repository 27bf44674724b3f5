"""code groups: codes from anywhere in the tree under one name (a REFI-QDA <Set> of codes)

Revision ID: 0007
Revises: 0006
"""
import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'code_group',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('guid', sa.String(36), nullable=False, unique=True),
        sa.Column('name', sa.String(255), nullable=False, unique=True),
    )
    op.create_table(
        'code_group_member',
        sa.Column('group_id', sa.Integer(), sa.ForeignKey('code_group.id', ondelete='CASCADE'), primary_key=True),
        sa.Column('code_id', sa.Integer(), sa.ForeignKey('code.id', ondelete='CASCADE'), primary_key=True),
    )
    op.create_index('ix_code_group_member_code_id', 'code_group_member', ['code_id'])


def downgrade() -> None:
    op.drop_index('ix_code_group_member_code_id', 'code_group_member')
    op.drop_table('code_group_member')
    op.drop_table('code_group')
