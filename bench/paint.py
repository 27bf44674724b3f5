"""Frame times of a Textual app, for the benchmark (imports nothing heavy: it runs in cold-start runs)."""

import time


def paint_clock(app) -> list[float]:
    """Times at which the app wrote a frame to its (headless) terminal; the pilot's own waiting for idle
    (at least 20 ms per pause) is thereby left out of the figures."""
    frames: list[float] = []
    display = app._display

    def _display(screen, renderable) -> None:
        display(screen, renderable)
        if renderable is not None:
            frames.append(time.perf_counter())

    app._display = _display
    return frames
