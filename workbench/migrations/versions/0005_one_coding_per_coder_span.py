"""one coding per coder, code and span; coder on turn links; a study change counter

Revision ID: 0005
Revises: 0004

Duplicates (same transcript, code, coder and span) are removed first, oldest kept, each written
to the deletion history with reason "duplicate".
"""
import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

SAME = 'c.transcript_id = k.transcript_id AND c.code_id = k.code_id AND c.coder_id = k.coder_id ' \
       'AND c.start = k.start AND c."end" = k."end" AND k.id < c.id'


def upgrade() -> None:
    op.execute(f"""
        INSERT INTO coding_deletion (coding_guid, transcript, code_path, start, "end", quote, coded_by, deleted_by,
                                     reason, at)
        SELECT c.guid, t.name, code.name, c.start, c."end", c.quote, coder.name, coder.name, 'duplicate',
               CURRENT_TIMESTAMP
        FROM coding c JOIN transcript t ON t.id = c.transcript_id JOIN code ON code.id = c.code_id
             JOIN coder ON coder.id = c.coder_id
        WHERE EXISTS (SELECT 1 FROM coding k WHERE {SAME})""")
    op.execute(f"DELETE FROM coding_turn WHERE coding_id IN "
               f"(SELECT c.id FROM coding c WHERE EXISTS (SELECT 1 FROM coding k WHERE {SAME}))")
    op.execute(f"DELETE FROM coding WHERE id IN (SELECT c.id FROM coding c WHERE EXISTS "
               f"(SELECT 1 FROM coding k WHERE {SAME}))")
    op.create_index('ux_coding_coder_code_span', 'coding',
                    ['transcript_id', 'code_id', 'coder_id', 'start', 'end'], unique=True)
    with op.batch_alter_table('coding_turn') as batch:
        batch.add_column(sa.Column('coder_id', sa.Integer(), nullable=True))
    op.execute("UPDATE coding_turn SET coder_id = (SELECT coder_id FROM coding WHERE coding.id = coding_turn.coding_id)")
    with op.batch_alter_table('coding_turn') as batch:
        batch.alter_column('coder_id', existing_type=sa.Integer(), nullable=False)
        batch.drop_index('ix_coding_turn_code_speaker')
        batch.create_index('ix_coding_turn_code_speaker', ['code_id', 'speaker_id', 'coder_id'])
    op.create_table('study_version',
                    sa.Column('id', sa.Integer(), nullable=False),
                    sa.Column('number', sa.Integer(), nullable=False),
                    sa.PrimaryKeyConstraint('id'))
    op.execute("INSERT INTO study_version (id, number) VALUES (1, 0)")


def downgrade() -> None:
    op.drop_table('study_version')
    with op.batch_alter_table('coding_turn') as batch:
        batch.drop_index('ix_coding_turn_code_speaker')
        batch.create_index('ix_coding_turn_code_speaker', ['code_id', 'speaker_id'])
        batch.drop_column('coder_id')
    op.drop_index('ux_coding_coder_code_span', table_name='coding')
