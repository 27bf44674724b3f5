"""`workbench serve` loaded in headless Chromium: the overview reaches the browser, and nobody without the
printed address gets anything (.ci/run installs Debian's chromium; elsewhere the browser test skips without it)."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

CHROMIUM = shutil.which("chromium")
browser = pytest.mark.skipif(CHROMIUM is None and not os.environ.get("WORKBENCH_REQUIRE_BROWSER"),
                             reason="chromium is not installed (.ci/run installs it)")
QUIET = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run"]  # no connections out of this machine


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def status(url: str, cookie: str | None = None) -> int:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as refused:
        return refused.code
    except urllib.error.URLError:  # not listening (yet)
        return 0


@pytest.fixture
def served(sample_template, tmp_path):
    study = tmp_path / "study.sqlite"
    shutil.copy(sample_template, study)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "workbench", "--db", str(study), "--coder", "lead",
                               "--new-coder", "serve", "--port", str(port)], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, start_new_session=True)
    line = server.stdout.readline()
    assert line.startswith(f"open http://127.0.0.1:{port}/?token="), line
    deadline = time.monotonic() + 30
    while status(f"http://127.0.0.1:{port}/") != 403:  # listening
        assert time.monotonic() < deadline and server.poll() is None
        time.sleep(0.2)
    yield line.split()[1], port
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=10)


@browser
@pytest.mark.sqlite_only
def test_the_overview_reaches_a_browser_that_has_the_address(served, pytestconfig):
    from playwright.sync_api import sync_playwright

    url, _ = served
    frames: list[bytes] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=QUIET)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.on("websocket", lambda ws: ws.on("framereceived", lambda data: frames.append(
            data if isinstance(data, bytes) else data.encode())))
        page.goto(url)
        deadline = time.monotonic() + 60
        while b"interview-30" not in b"".join(frames):  # the terminal's output: the overview's last row
            assert time.monotonic() < deadline, "the overview did not reach the browser"
            page.wait_for_timeout(200)
        page.wait_for_timeout(1000)
        shot = pytestconfig.cache.mkdir("screenshots") / "serve-overview.png"
        page.screenshot(path=str(shot))
        browser.close()
    shown = b"".join(frames)
    assert b"Interview-werkbank" in shown and b"interview-01" in shown
    assert shot.stat().st_size > 10_000
    print(f"screenshot of the overview in the browser: {shot}")


@pytest.mark.sqlite_only
def test_without_the_token_nothing_is_answered(served):
    url, port = served
    base = f"http://127.0.0.1:{port}"
    assert status(f"{base}/") == status(f"{base}/?token=guessed") == 403
    assert status(f"{base}/static/js/textual.js") == status(f"{base}/ws") == 403
    assert status(url) == 200
    token = url.split("token=")[1]
    assert status(f"{base}/static/js/textual.js", f"workbench_token={token}") == 200


@pytest.mark.sqlite_only
def test_a_port_in_use_is_one_line_and_no_address(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "workbench", "--db", str(tmp_path / "s.sqlite"), "--coder",
                                 "lead", "--new-coder", "serve", "--port", str(port)], capture_output=True, text=True,
                                timeout=60)
    assert result.returncode == 2 and result.stdout == "" and result.stderr.count("\n") == 1
    assert f"kan niet luisteren op 127.0.0.1:{port}" in result.stderr  # the coders' Dutch
