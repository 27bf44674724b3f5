"""Cold start: `python -m bench.tui_start DB LAUNCHED` prints the seconds from LAUNCHED (the parent's
time.time() just before it started this process) to the overview painted with its rows, and whether
spaCy was imported on the way (it must not be: suggestions load it lazily)."""

import asyncio
import sys
import time

from textual.widgets import DataTable

from bench.paint import paint_clock
from workbench.core.db import Database, resolve_url
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.overview import OverviewScreen


def main() -> None:
    path, launched = sys.argv[1], float(sys.argv[2])

    async def run() -> float:
        app = WorkbenchApp(Database(resolve_url(path)), "bench")
        frames = paint_clock(app)
        async with app.run_test(size=(140, 40)) as pilot:
            while not (isinstance(app.screen, OverviewScreen) and app.screen.query_one(DataTable).row_count):
                await asyncio.sleep(0.001)
            await pilot.pause()
            return time.time() - launched - (time.perf_counter() - frames[-1])

    elapsed = asyncio.run(run())
    print(f"{elapsed:.4f} {'yes' if 'spacy' in sys.modules else 'no'}")


if __name__ == "__main__":
    main()
