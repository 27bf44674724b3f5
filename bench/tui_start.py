"""Cold start of the real command: `python -m bench.tui_start DB LAUNCHED` runs `workbench --db DB`
(the CLI, which opens the TUI) headless and prints the seconds from LAUNCHED (the parent's time.time()
just before it started this process) to the first frame and to the overview painted with its rows,
and whether spaCy was imported on the way (it must not be: suggestions load it lazily)."""

import asyncio
import sys
import time

from bench.paint import paint_clock

WAIT = 60.0  # seconds for the overview's rows


def main() -> None:
    path, launched = sys.argv[1], float(sys.argv[2])
    from textual.widgets import DataTable

    import workbench.tui.app as tui
    from workbench.cli import main as workbench
    from workbench.tui.screens.overview import OverviewScreen

    def headless(app) -> None:  # what App.run does in a terminal, through Textual's test driver
        frames = paint_clock(app)

        async def run():
            async with app.run_test(size=(140, 40)) as pilot:
                deadline = time.perf_counter() + WAIT
                while not (isinstance(app.screen, OverviewScreen) and app.screen.query_one(DataTable).row_count):
                    if time.perf_counter() > deadline:  # a study without transcripts shows no rows: not a hang
                        raise SystemExit(f"no overview rows after {WAIT:.0f} s: does {path} hold transcripts?")
                    await asyncio.sleep(0.001)
                await pilot.pause()
                now_wall, now = time.time(), time.perf_counter()
                return [now_wall - launched - (now - frame) for frame in (frames[0], frames[-1])]

        first, rows = asyncio.run(run())
        print(f"{first:.4f} {rows:.4f} {'yes' if 'spacy' in sys.modules else 'no'}")

    tui.WorkbenchApp.run = headless
    workbench(["--db", path, "--coder", "bench", "--new-coder"])


if __name__ == "__main__":
    main()
