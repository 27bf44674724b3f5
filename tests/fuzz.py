"""A seeded mutation fuzzer for the files a study takes in: real files (the sample's, or what the workbench
exports) changed the ways files get damaged or built to hurt. WORKBENCH_FUZZ_CASES sets how many cases each
reader gets (the ordinary run: FUZZ_CASES); a failing case names its seed, so it can be run again alone."""

from __future__ import annotations

import io
import os
import random
import resource
import signal
import zipfile
from collections.abc import Callable
from contextlib import contextmanager

FUZZ_CASES = int(os.environ.get("WORKBENCH_FUZZ_CASES", "200"))
CASE_SECONDS = 15  # a case that runs longer is a hang (a few seconds is what any of these files may take)
MEMORY_BYTES = 1_000_000_000  # what the whole fuzz run of one reader may add to the process's peak

HOSTILE = ["\x00", "\x07", "\x7f", "\x9f", "\ufeff", "\u202e", "\ufffe", "١٢", "9" * 5001, "1e999", "-0", "NaN",
           "\r", "\r\n", "\t", "\\", "'", '"', "&#0;", "&#99999999;", "%s%n", "{0}", "${x}", "../../etc/passwd",
           "x" * 100_000, "é" * 3, "\U0001f600", " > ", "::", ">", "<", "&", ";", ","]
YAML = ["[" * 60, "{" * 60, "&a [*a, *a]", "*a", "!!binary AAAA", "!!set {a, b}", "!!python/object:os.system x",
        "? a\n: b", ".nan", ".inf", "~", "[]", "{}", "- - - x", "'", "key: [1, 2", "\n  - bad indent", "<<: *a",
        "!!int 99999999999999999999999999", "yes", "0x1F", "2026-12-03", "|\n  block", ">-\n  folded", "%YAML 1.1"]
XML = ["<!DOCTYPE x [<!ENTITY a 'aaaa'>]>", "&a;", "<a>" * 3000, "]]>", "<![CDATA[x]]>", "<?pi x?>", "<!-- -->",
       'guid="00000000-0000-0000-0000-000000000000"', 'startPosition="-5"', 'endPosition="99999999999999999999"',
       'xmlns="urn:other"', "</Project>", "<Code/>", "\x00", "&lt;", "\ud800".encode("utf-8", "surrogatepass").decode(
           "utf-8", "replace")]
CSV = ['"', '""', '"a""b"', "a,b,c,d,e,f,g", ";", "\t", "\r", '"' + "x" * 200_000 + '"', ",,,,,,", "\n\n\n"]
ENCODINGS = ["utf-16", "utf-16-be", "cp1252", "latin-1", "utf-32"]


def mutate_text(rng: random.Random, data: bytes, extra: list[str]) -> bytes:
    """One of: bytes flipped, cut short, a chunk said again, something built to hurt put in, another encoding."""
    out = bytearray(data)
    kind = rng.randrange(6)
    if kind == 0 and out:
        for _ in range(rng.randrange(1, 20)):
            out[rng.randrange(len(out))] = rng.randrange(256)
    elif kind == 1 and out:
        out = out[: rng.randrange(len(out))]
    elif kind == 2 and out:
        at = rng.randrange(len(out))
        out[at:at] = out[at : at + rng.randrange(1, 4000)] * rng.randrange(1, 30)
    elif kind in (3, 4):
        for _ in range(rng.randrange(1, 4)):
            at = rng.randrange(len(out) + 1)
            out[at:at] = rng.choice(HOSTILE + extra * 2).encode("utf-8", "surrogatepass")
    else:
        out = bytearray(bytes(out).decode("utf-8", "replace").encode(rng.choice(ENCODINGS), "replace"))
    return bytes(out)


def mutate_zip(rng: random.Random, data: bytes, extra: list[str]) -> bytes:
    """A zip whose members are mutated as text inside a valid archive, or the archive's own bytes damaged (an
    encrypted flag, a compression method zipfile lacks, flipped or cut bytes)."""
    kind = rng.randrange(5)
    if kind == 0:
        return mutate_text(rng, data, [])
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        infos = source.infolist()
        chosen = rng.choice(infos).filename
        if kind == 1:
            return _flag(data, chosen, rng.choice([(1, None), (0, 99), (0, 14), (0, 12)]))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for info in infos:
                content = source.read(info.filename)
                if info.filename == chosen or (kind == 4 and rng.random() < 0.3):
                    content = mutate_text(rng, content, extra)
                target.writestr(info.filename, content)
            if kind == 3:
                target.writestr(rng.choice(["sources/extra.txt", "../evil.txt", chosen + "/x"]), rng.choice(HOSTILE))
        return out.getvalue()


def _flag(data: bytes, name: str, change: tuple[int, int | None]) -> bytes:
    """The zip with one member marked encrypted, or packed with another method, in both of its headers."""
    flag, method = change
    out = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        local = archive.getinfo(name).header_offset
    central = out.find(b"PK\x01\x02")
    while central != -1:
        length = int.from_bytes(out[central + 28 : central + 30], "little")
        if out[central + 46 : central + 46 + length] == name.encode():
            for at in ((local + 6, local + 8), (central + 8, central + 10)):
                out[at[0]] |= flag
                if method is not None:
                    out[at[1] : at[1] + 2] = method.to_bytes(2, "little")
        central = out.find(b"PK\x01\x02", central + 4)
    return bytes(out)


@contextmanager
def within(seconds: int, case: str):
    """A case that takes longer than this is a hang: it fails, naming the case."""
    def hang(_signum, _frame):
        raise TimeoutError(f"{case} ran over {seconds} s")

    previous = signal.signal(signal.SIGALRM, hang)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def peak_memory() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def fuzz(seeds: list[bytes], mutate: Callable[[random.Random, bytes], bytes], attempt: Callable[[bytes, str], None],
         seed: int, cases: int = FUZZ_CASES) -> None:
    """cases mutations of the seed files, each handed to attempt(data, case name), within CASE_SECONDS; the whole
    run within MEMORY_BYTES of the process's peak before it."""
    before = peak_memory()
    for case in range(cases):
        rng = random.Random(seed * 100_003 + case)
        data = mutate(rng, rng.choice(seeds))
        name = f"seed {seed}, case {case}"
        with within(CASE_SECONDS, name):
            attempt(data, name)
    assert peak_memory() - before < MEMORY_BYTES, f"peak memory grew by {(peak_memory() - before) / 1e6:.0f} MB"
