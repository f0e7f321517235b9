import hashlib
from pathlib import Path

import pytest

from toolkit import load_corpus

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = Path(__file__).resolve().parent / "gold"


@pytest.fixture(scope="session")
def seeds_corpus():
    return load_corpus(SEEDS)


def tree_digest(folder: Path) -> dict[str, str]:
    """Content hash of every file below ``folder``, to prove inputs are untouched."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }
