"""requirements.lock (what `make` installs) pins exactly what requirements.in asks for.

Dependabot edits requirements.in but cannot regenerate the lock; without this test such
a change would be tested against the old lock.
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT


def pins(path: Path) -> dict[str, str]:
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        requirement = line.split("#")[0].strip()
        if requirement:
            assert "==" in requirement, f"{path.name}: {requirement!r} is not pinned with =="
            name, version = requirement.split("==", 1)
            found[re.sub(r"[-_.]+", "-", name.split("[")[0]).lower()] = version.strip()
    return found


def test_lock_pins_every_top_level_requirement_at_the_same_version():
    lock = pins(ROOT / "requirements.lock")
    wanted = pins(ROOT / "requirements.in")
    wrong = {
        name: (version, lock.get(name))
        for name, version in wanted.items()
        if lock.get(name) != version
    }
    assert not wrong, f"requirements.in vs requirements.lock (in, lock): {wrong}"
