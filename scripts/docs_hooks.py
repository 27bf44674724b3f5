"""MkDocs hooks for the user guide (mkdocs.yml): the screens' pictures are the snapshot tests' own SVGs, and the
command reference is read from the `workbench` command, so neither can go stale."""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File, Files

SNAPSHOTS = Path(__file__).resolve().parent.parent / "tests" / "tui" / "__snapshots__" / "test_snapshots"
REFERENCE = "<!-- the command reference, from workbench.cli.reference -->"


def screen(name: str) -> Path:
    """The snapshot behind `screens/NAME.svg` in the guide."""
    return SNAPSHOTS / f"test_screen[{name}].svg"


def on_files(files: Files, config) -> Files:
    """Every snapshot as `screens/<scenario>-<size>-<language>-<theme>.svg` of the site."""
    for svg in sorted(SNAPSHOTS.glob("test_screen[[]*].svg")):
        name = svg.name.removeprefix("test_screen[").removesuffix("].svg")
        files.append(File.generated(config, f"screens/{name}.svg", abs_src_path=str(svg)))
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    if REFERENCE not in markdown:
        return markdown
    from workbench.cli.reference import markdown as reference

    return markdown.replace(REFERENCE, reference())
