"""The user guide and the package as a newcomer meets them: the guide builds strict, its pictures of screens are
the snapshot tests' own, its reference names every command and option, and the wheel pipx installs carries
what the workbench needs at run time."""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
import zipfile
from importlib import metadata
from pathlib import Path

import pytest
import typer.main

import workbench
from workbench.cli.app import app

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
SNAPSHOTS = ROOT / "tests" / "tui" / "__snapshots__" / "test_snapshots"
PICTURE = re.compile(r"!\[[^\]]*\]\(<?([^)>\s]+)>?\)")
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(<?([^)>\s#]+)[^)]*\)")
PAGES = [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(out)],
                          cwd=ROOT, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert done.returncode == 0, done.stderr
    return out


def _pictures(page: Path) -> list[str]:
    return PICTURE.findall(page.read_text(encoding="utf-8"))


def test_every_picture_of_a_screen_is_a_snapshot_the_tests_take():
    """`screens/NAME.svg` in the guide is `test_screen[NAME].svg` of the snapshot tests (syrupy fails a run
    that leaves a snapshot unused, so one that exists is one a test takes); the README points at the file."""
    screens = []
    for page in PAGES:
        for picture in _pictures(page):
            if picture.startswith("screens/"):
                target = SNAPSHOTS / f"test_screen[{picture.removeprefix('screens/').removesuffix('.svg')}].svg"
                screens.append(target)
            else:
                target = (page.parent / picture).resolve()
                if SNAPSHOTS in target.parents:
                    screens.append(target)
            assert target.is_file(), f"{page.name}: {picture} is no file"
    assert {s.name.split("-")[0] for s in screens} >= {
        "test_screen[overview", "test_screen[coded", "test_screen[picker", "test_screen[codebook",
        "test_screen[quotes", "test_screen[frequencies", "test_screen[question", "test_screen[disagreements"}
    assert all(s.read_text(encoding="utf-8").lstrip().startswith("<svg") for s in screens)


def test_the_built_guide_holds_the_pictures_it_shows(site):
    shown = {p for page in DOCS.glob("*.md") for p in _pictures(page)}
    for picture in shown:
        assert (site / picture).is_file(), picture
    assert "screens/coded-120x40-en-textual-light.svg" in (site / "index.html").read_text(encoding="utf-8")


def test_every_command_and_option_is_in_the_reference(site):
    page = html.unescape((site / "reference" / "index.html").read_text(encoding="utf-8"))
    sections = dict(re.findall(r"<h[23][^>]*><code>(workbench[^<]*)</code>(.*?)(?=<h[23]|$)", page, re.DOTALL))

    def expect(name: str, command) -> None:
        assert name in sections, f"{name} is not in the reference"
        for param in command.params:
            for option in [*param.opts, *param.secondary_opts] if param.param_type_name == "option" else [param.name]:
                assert option in sections[name], f"{name}: {option} is not in its section"
        for sub, child in getattr(command, "commands", {}).items():
            expect(f"{name} {sub}", child)

    expect("workbench", typer.main.get_command(app))
    assert {"workbench report frequencies", "workbench codings add", "workbench project import"} <= set(sections)
    assert len(sections) >= 45


def test_the_readme_is_a_front_page_whose_links_all_lead_somewhere():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 150
    assert "make run" in readme and "make test" in readme and "pipx install ." in readme
    for target in LINK.findall(readme):
        if not target.startswith("http"):
            assert (ROOT / target).exists(), target


def test_the_version_is_written_once_and_said_by_the_command(tmp_path):
    assert metadata.version("interview-workbench") == workbench.__version__
    assert not re.search(r'^version\s*=\s*"', (ROOT / "pyproject.toml").read_text(encoding="utf-8"), re.MULTILINE)
    done = subprocess.run([sys.executable, "-m", "workbench", "--version"], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.strip() == f"workbench {workbench.__version__}"
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## [{workbench.__version__}]" in changelog and "## [Unreleased]" in changelog


def test_the_wheel_pipx_installs_carries_what_runs(tmp_path):
    """`pipx install .` installs this wheel: the migrations, the Dutch catalogue and the TUI's styles are in it,
    and its metadata is ready for PyPI (built offline, without build isolation)."""
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                           "--wheel-dir", str(tmp_path), str(ROOT)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    (wheel,) = tmp_path.glob("interview_workbench-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    versions = sorted((ROOT / "workbench" / "migrations" / "versions").glob("0*.py"))
    assert {f"workbench/migrations/versions/{v.name}" for v in versions} <= set(names)
    assert {"workbench/locale/nl/LC_MESSAGES/workbench.mo", "workbench/tui/app.tcss",
            "workbench/migrations/script.py.mako"} <= set(names)
    assert not any(n.startswith(("tests/", "bench/", "docs/")) for n in names)
    meta = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("METADATA"))).decode()
    assert f"Version: {workbench.__version__}" in meta and "License-Expression: MIT" in meta
    assert "Classifier: Intended Audience :: Science/Research" in meta
    assert "Description-Content-Type: text/markdown" in meta and "A first study in five steps" in meta


def test_a_command_started_anew_compiles_none_of_what_it_imports():
    """`make setup` leaves bytecode for every dependency: Python writes none where PYTHONDONTWRITEBYTECODE is
    set (CI machines, containers), and then each command compiled SQLAlchemy and the rest anew (0.7 s of 2 s)."""
    probe = ("import importlib.util, os, sys, sysconfig\n"
             "import workbench.cli.app, workbench.services.codings, workbench.services.quotes, workbench.tui.app\n"
             "lib = tuple({sysconfig.get_paths()[k] for k in ('purelib', 'platlib')})\n"
             "files = [m.__file__ for m in list(sys.modules.values()) if (getattr(m, '__file__', None) or '')"
             ".endswith('.py') and m.__file__.startswith(lib)]\n"
             "print(len(files), *[f for f in files if not os.path.exists(importlib.util.cache_from_source(f))])")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    imported, *compiled = done.stdout.split()
    assert int(imported) > 100 and not compiled, f"{len(compiled)} of {imported} compiled anew, e.g. {compiled[:3]}"
