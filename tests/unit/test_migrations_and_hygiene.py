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
    code = "import sys, workbench.core.services.frequencies, workbench.core.services.transcripts; print('textual' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "False"
