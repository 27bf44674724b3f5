"""code.exclusions: phrases, written as keywords, in which a hit of the code's keywords is none (a job title
'coördinator van de uitwisselingen' for a code of students abroad whose keyword is 'uitwisseling*')

Revision ID: 0020
Revises: 0019
"""
import sqlalchemy as sa
from alembic import op

revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('code', sa.Column('exclusions', sa.JSON(), nullable=True))  # in place: a copy would break the codings' keys


def downgrade() -> None:
    op.drop_column('code', 'exclusions')
