"""question_not_asked: a coder's word that an interview did not ask a guide question

Revision ID: 0017
Revises: 0016
"""
import sqlalchemy as sa
from alembic import op

revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('question_not_asked',
                    sa.Column('transcript_id', sa.Integer(), sa.ForeignKey('transcript.id', ondelete='CASCADE'),
                              primary_key=True),
                    sa.Column('question_id', sa.Integer(), sa.ForeignKey('guide_question.id', ondelete='CASCADE'),
                              primary_key=True),
                    sa.Column('set_by', sa.String(255), nullable=False),
                    sa.Column('set_at', sa.DateTime(timezone=True), nullable=False))


def downgrade() -> None:
    op.drop_table('question_not_asked')
