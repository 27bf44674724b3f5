"""the interview guide: its questions, which turn asks which (found in speech, or set by a coder), and the
questions a code comes from

Revision ID: 0012
Revises: 0011
"""
import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('code', sa.Column('guide_questions', sa.JSON(), nullable=True))
    op.create_table(
        'guide_question',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('ident', sa.String(32), nullable=False, unique=True),
        sa.Column('part', sa.Integer(), nullable=False),
        sa.Column('part_title', sa.String(255), nullable=False),
        sa.Column('theme', sa.String(255), nullable=True),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
    )
    op.create_table(
        'turn_question',
        sa.Column('turn_id', sa.Integer(), sa.ForeignKey('turn.id', ondelete='CASCADE'), primary_key=True),
        sa.Column('question_id', sa.Integer(), sa.ForeignKey('guide_question.id', ondelete='CASCADE'),
                  nullable=True, index=True),  # None: a coder said this turn asks no question
        sa.Column('score', sa.Float(), nullable=True),
        sa.Column('evidence', sa.Text(), nullable=True),
        sa.Column('set_by', sa.String(255), nullable=True),
    )


def downgrade() -> None:
    op.drop_table('turn_question')
    op.drop_table('guide_question')
    op.drop_column('code', 'guide_questions')
