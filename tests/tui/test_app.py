"""The app opens the study after its first paint; a study that cannot be opened ends it (exit code 2)."""

from tests.tui.conftest import notified, run, wait_for
from workbench.core.db import Database, resolve_url
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.disagreements import DisagreementsScreen
from workbench.tui.screens.overview import OverviewScreen


def test_a_study_that_cannot_be_opened_ends_the_app_with_exit_code_2(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    app = WorkbenchApp(lambda: Database(resolve_url(str(blocked / "study.sqlite"))), "anna")

    async def scenario():
        async with app.run_test() as pilot:
            await wait_for(pilot, lambda: not app.is_running)

    run(scenario())
    assert app.return_code == 2 and str(blocked) in app.open_error and "\n" not in app.open_error  # the CLI prints it


def test_the_study_is_opened_lazily_and_a_failing_screen_worker_is_reported(sample_db):
    opened = []
    app = WorkbenchApp(lambda: opened.append(1) or sample_db, "anna")

    async def scenario():
        async with app.run_test(size=(120, 36)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen) and app.screen.summaries)
            app.push_screen(DisagreementsScreen(["anna", "nobody"]))
            await wait_for(pilot, lambda: notified(app, "unknown coder"))

    run(scenario())
    assert opened == [1]
