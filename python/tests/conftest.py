"""Shared set-up: the `litopys` binary the Python rows are checked against, and the shared
samples (hand-written example reports, /work/shared/samples in the project's layout:
`../shared/samples` beside the repository; README there says where they come from).

Under CI (`CI` set) a missing binary or sample folder is an error; elsewhere the tests that
need them are skipped, saying why.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
# rows carry ACLED's `timestamp` (when they were written): fixed for both sides
os.environ["SOURCE_DATE_EPOCH"] = "1767225600"


def _need(what: str):
    if os.environ.get("CI"):
        pytest.fail(f"CI needs {what}")
    pytest.skip(f"{what} not found")


@pytest.fixture(scope="session")
def litopys_bin() -> str:
    """The command-line program: $LITOPYS_BIN, else the repository's release or debug build."""
    candidates = [os.environ.get("LITOPYS_BIN"), REPO / "target/release/litopys", REPO / "target/debug/litopys", shutil.which("litopys")]
    for c in candidates:
        if c and Path(c).is_file():
            return str(c)
    _need("the litopys binary (cargo build --release -p litopys, or set LITOPYS_BIN)")


@pytest.fixture(scope="session")
def samples() -> Path:
    """The shared hand-written samples: $LITOPYS_SAMPLES, else ../shared/samples."""
    for c in [os.environ.get("LITOPYS_SAMPLES"), REPO.parent / "shared/samples", Path("/work/shared/samples")]:
        if c and (Path(c) / "lutsk-post.uk.txt").is_file():
            return Path(c)
    _need("the shared samples (set LITOPYS_SAMPLES)")


def run_cli(litopys_bin: str, *args: str, cwd=None) -> list[dict]:
    """JSON Lines the command line writes for `args`."""
    out = subprocess.run([litopys_bin, *args], capture_output=True, text=True, cwd=cwd, env=os.environ)
    assert out.returncode in (0, 1), out.stderr
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


@pytest.fixture(scope="session")
def corpus(litopys_bin, tmp_path_factory) -> Path:
    """A generated corpus (crates/corpus: invented reports) of about 400 articles."""
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    subprocess.run([litopys_bin, "corpus", "--seed", "5", "--size", "800KB", "-o", str(path)], check=True, capture_output=True)
    return path
