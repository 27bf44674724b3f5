import subprocess
import sys

from alembic.script import ScriptDirectory

from workbench import migrations


def test_head_constant_matches_alembic():
    assert ScriptDirectory.from_config(migrations.config()).get_current_head() == migrations.HEAD


def test_migrations_build_the_models_schema(db):
    from sqlalchemy import inspect

    from workbench.core.models import Base

    assert set(Base.metadata.tables) <= set(inspect(db.engine).get_table_names())


def test_core_imports_no_ui():
    code = "import sys, workbench.services.frequencies, workbench.services.transcripts; print('textual' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "False"


def test_migrations_build_every_column_and_index_of_the_models(db):
    """Alembic's own comparison: a column or index in the models that no migration makes (or the reverse)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from workbench.core.models import Base

    with db.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []
