"""kind_tally: turn links per (speaker, coder, kind of coding), kept by triggers on coding_turn, so that a
report says what its counts rest on (by hand, accepted, autocodes reviewed or not, imported) without reading
every coding; coding_turn.kind copies its coding's kind

Revision ID: 0019
Revises: 0018
"""
import sqlalchemy as sa
from alembic import op

revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None

ONE = "CASE WHEN {r}.one_turn THEN 1 ELSE 0 END"


def _in(r: str) -> str:
    return (f"INSERT INTO kind_tally (speaker_id, coder_id, kind, links, one_turn) "
            f"VALUES ({r}.speaker_id, {r}.coder_id, {r}.kind, 1, {ONE.format(r=r)}) "
            "ON CONFLICT (speaker_id, coder_id, kind) DO UPDATE "
            "SET links = kind_tally.links + 1, one_turn = kind_tally.one_turn + excluded.one_turn;")


def _out(r: str) -> str:
    same = f"speaker_id = {r}.speaker_id AND coder_id = {r}.coder_id AND kind = {r}.kind"
    return (f"UPDATE kind_tally SET links = links - 1, one_turn = one_turn - {ONE.format(r=r)} WHERE {same}; "
            f"DELETE FROM kind_tally WHERE {same} AND links = 0;")


SQLITE = [
    f"CREATE TRIGGER kind_tally_insert AFTER INSERT ON coding_turn BEGIN {_in('NEW')} END",
    f"CREATE TRIGGER kind_tally_delete AFTER DELETE ON coding_turn BEGIN {_out('OLD')} END",
    "CREATE TRIGGER kind_tally_update AFTER UPDATE OF speaker_id, coder_id, one_turn, kind ON coding_turn "
    f"BEGIN {_out('OLD')} {_in('NEW')} END",
]
POSTGRESQL = [
    "CREATE FUNCTION workbench_kind_tally() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    f"IF TG_OP = 'INSERT' THEN {_in('NEW')} ELSIF TG_OP = 'DELETE' THEN {_out('OLD')} "
    f"ELSE {_out('OLD')} {_in('NEW')} END IF; RETURN NULL; END $$",
    "CREATE TRIGGER kind_tally AFTER INSERT OR DELETE OR UPDATE ON coding_turn "
    "FOR EACH ROW EXECUTE FUNCTION workbench_kind_tally()",
]
KIND = ("(SELECT CASE WHEN coding.origin = 'autocode' AND coding.confirmed_at IS NOT NULL THEN 'confirmed' "
        "ELSE coding.origin END FROM coding WHERE coding.id = coding_turn.coding_id)")


def upgrade() -> None:
    op.add_column('coding_turn', sa.Column('kind', sa.String(20), nullable=False, server_default='manual'))
    op.execute(f"UPDATE coding_turn SET kind = {KIND}")
    op.create_table(
        'kind_tally',
        sa.Column('speaker_id', sa.Integer(), sa.ForeignKey('speaker.id', ondelete='CASCADE'), primary_key=True),
        sa.Column('coder_id', sa.Integer(), primary_key=True),
        sa.Column('kind', sa.String(20), primary_key=True),
        sa.Column('links', sa.Integer(), nullable=False),
        sa.Column('one_turn', sa.Integer(), nullable=False),
        sqlite_with_rowid=False,
    )
    op.execute("INSERT INTO kind_tally (speaker_id, coder_id, kind, links, one_turn) "
               f"SELECT speaker_id, coder_id, kind, COUNT(*), SUM({ONE.format(r='coding_turn')}) FROM coding_turn "
               "GROUP BY speaker_id, coder_id, kind")
    for statement in POSTGRESQL if op.get_bind().dialect.name == "postgresql" else SQLITE:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER kind_tally ON coding_turn")
        op.execute("DROP FUNCTION workbench_kind_tally()")
    else:
        for name in ("kind_tally_insert", "kind_tally_delete", "kind_tally_update"):
            op.execute(f"DROP TRIGGER {name}")
    op.drop_table('kind_tally')
    op.drop_column('coding_turn', 'kind')  # in place: a batch copy of coding_turn would fire its triggers
