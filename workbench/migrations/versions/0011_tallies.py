"""tallies kept by triggers: turn links per (code, speaker, coder), coded turns per (speaker, coder)

The frequencies read code_tally (a few thousand rows) instead of grouping millions of turn links; the
overview reads coded_turn_tally instead of looking up every respondent turn. Triggers on coding_turn keep
both exact whatever writes it (the coding writer, cascades from deleting a transcript, a code or a speaker).
coded_turn_tally's coder_id 0 counts turns coded by anyone.

Revision ID: 0011
Revises: 0010
"""
import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

ONE = "CASE WHEN {r}.one_turn THEN 1 ELSE 0 END"


def _code_in(r: str) -> str:
    return (f"INSERT INTO code_tally (code_id, speaker_id, coder_id, links, one_turn) "
            f"VALUES ({r}.code_id, {r}.speaker_id, {r}.coder_id, 1, {ONE.format(r=r)}) "
            "ON CONFLICT (code_id, speaker_id, coder_id) DO UPDATE "
            "SET links = code_tally.links + 1, one_turn = code_tally.one_turn + excluded.one_turn;")


def _code_out(r: str) -> str:
    same = f"code_id = {r}.code_id AND speaker_id = {r}.speaker_id AND coder_id = {r}.coder_id"
    return (f"UPDATE code_tally SET links = links - 1, one_turn = one_turn - {ONE.format(r=r)} WHERE {same}; "
            f"DELETE FROM code_tally WHERE {same} AND links = 0;")


def _turn_in(r: str) -> str:
    """The turn counts once per coder (and once for anyone) when this is its first link of that kind."""
    return ("INSERT INTO coded_turn_tally (speaker_id, coder_id, turns) "
            f"SELECT {r}.speaker_id, who.coder_id, 1 FROM (SELECT {r}.coder_id AS coder_id UNION ALL SELECT 0) AS who "
            f"WHERE NOT EXISTS (SELECT 1 FROM coding_turn x WHERE x.turn_id = {r}.turn_id "
            f"AND x.coding_id <> {r}.coding_id AND (who.coder_id = 0 OR x.coder_id = who.coder_id)) "
            "ON CONFLICT (speaker_id, coder_id) DO UPDATE SET turns = coded_turn_tally.turns + 1;")


def _turn_out(r: str) -> str:
    """The turn stops counting for a coder (for anyone) when its last link of that kind is gone."""
    return (f"UPDATE coded_turn_tally SET turns = turns - 1 WHERE speaker_id = {r}.speaker_id "
            f"AND coder_id IN ({r}.coder_id, 0) AND NOT EXISTS (SELECT 1 FROM coding_turn x "
            f"WHERE x.turn_id = {r}.turn_id AND (coded_turn_tally.coder_id = 0 "
            "OR x.coder_id = coded_turn_tally.coder_id)); "
            f"DELETE FROM coded_turn_tally WHERE speaker_id = {r}.speaker_id AND turns = 0;")


SQLITE = [
    f"CREATE TRIGGER tally_insert AFTER INSERT ON coding_turn BEGIN {_code_in('NEW')} {_turn_in('NEW')} END",
    f"CREATE TRIGGER tally_delete AFTER DELETE ON coding_turn BEGIN {_code_out('OLD')} {_turn_out('OLD')} END",
    "CREATE TRIGGER tally_update_code AFTER UPDATE OF code_id, speaker_id, coder_id, one_turn ON coding_turn "
    f"BEGIN {_code_out('OLD')} {_code_in('NEW')} END",
    "CREATE TRIGGER tally_update_turn AFTER UPDATE OF turn_id, coder_id ON coding_turn "
    f"WHEN OLD.turn_id <> NEW.turn_id OR OLD.coder_id <> NEW.coder_id BEGIN {_turn_out('OLD')} {_turn_in('NEW')} END",
]
# PostgreSQL runs writers side by side: a lock per turn makes "first / last link of the turn" exact
TURN_LOCK = "PERFORM pg_advisory_xact_lock(2011, {r}.turn_id);"
POSTGRESQL = [
    "CREATE FUNCTION workbench_tally() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    f"IF TG_OP = 'INSERT' THEN {_code_in('NEW')} {TURN_LOCK.format(r='NEW')} {_turn_in('NEW')} "
    f"ELSIF TG_OP = 'DELETE' THEN {_code_out('OLD')} {TURN_LOCK.format(r='OLD')} {_turn_out('OLD')} "
    f"ELSE {_code_out('OLD')} {_code_in('NEW')} "
    "IF OLD.turn_id <> NEW.turn_id OR OLD.coder_id <> NEW.coder_id THEN "
    f"{TURN_LOCK.format(r='OLD')} {TURN_LOCK.format(r='NEW')} {_turn_out('OLD')} {_turn_in('NEW')} END IF; "
    "END IF; RETURN NULL; END $$",
    "CREATE TRIGGER tally AFTER INSERT OR DELETE OR UPDATE ON coding_turn "
    "FOR EACH ROW EXECUTE FUNCTION workbench_tally()",
]
FILL = [
    "INSERT INTO code_tally (code_id, speaker_id, coder_id, links, one_turn) "
    f"SELECT code_id, speaker_id, coder_id, COUNT(*), SUM({ONE.format(r='coding_turn')}) FROM coding_turn "
    "GROUP BY code_id, speaker_id, coder_id",
    "INSERT INTO coded_turn_tally (speaker_id, coder_id, turns) "
    "SELECT speaker_id, coder_id, COUNT(DISTINCT turn_id) FROM coding_turn GROUP BY speaker_id, coder_id",
    "INSERT INTO coded_turn_tally (speaker_id, coder_id, turns) "
    "SELECT speaker_id, 0, COUNT(DISTINCT turn_id) FROM coding_turn GROUP BY speaker_id",
]


def upgrade() -> None:
    op.create_table(
        'code_tally',
        sa.Column('code_id', sa.Integer(), sa.ForeignKey('code.id', ondelete='CASCADE'), primary_key=True),
        sa.Column('speaker_id', sa.Integer(), sa.ForeignKey('speaker.id', ondelete='CASCADE'), primary_key=True),
        sa.Column('coder_id', sa.Integer(), primary_key=True),
        sa.Column('links', sa.Integer(), nullable=False),
        sa.Column('one_turn', sa.Integer(), nullable=False),
        sqlite_with_rowid=False,  # the key holds every column: tally reads are index scans
    )
    op.create_table(
        'coded_turn_tally',
        sa.Column('speaker_id', sa.Integer(), sa.ForeignKey('speaker.id', ondelete='CASCADE'), primary_key=True),
        sa.Column('coder_id', sa.Integer(), primary_key=True),
        sa.Column('turns', sa.Integer(), nullable=False),
        sqlite_with_rowid=False,
    )
    for statement in FILL + (POSTGRESQL if op.get_bind().dialect.name == "postgresql" else SQLITE):
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER tally ON coding_turn")
        op.execute("DROP FUNCTION workbench_tally()")
    else:
        for name in ("tally_insert", "tally_delete", "tally_update_code", "tally_update_turn"):
            op.execute(f"DROP TRIGGER {name}")
    op.drop_table('coded_turn_tally')
    op.drop_table('code_tally')
