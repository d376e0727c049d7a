"""``make errata-matrix``: run every erratum on four agno releases and commit the outcomes as data.

The two pinned tracks (agno 1.5.10 in `.venv`, 3.1.10 in `.venv-agno3`) are probed in their own environments;
the releases between them (1.8.4, the last 1.x, and 2.9.0, the last 2.x) in throwaway environments under
`.errata-envs/` (needs the package index the first time). The errata appendix renders the table from
`book/errata_matrix.json`; a test re-probes the two pinned tracks and fails when the data is stale.
"""

from __future__ import annotations

import datetime
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "book" / "errata_matrix.json"
PINNED = {"1.5.10": ROOT / ".venv", "3.1.10": ROOT / ".venv-agno3"}
THROWAWAY = {"1.8.4": ["agno==1.8.4"], "2.9.0": ["agno==2.9.0", "fastapi==0.165.0"]}  # 2.9.0 imports fastapi
RELEASES = ["1.5.10", "1.8.4", "2.9.0", "3.1.10"]


def probe(venv: Path) -> dict[str, Any]:
    """The probe's outcomes on the agno installed in `venv`."""
    env = os.environ | {"AGNO_TELEMETRY": "false", "AGNO_API_ENABLED": "false"}
    done = subprocess.run(
        [str(venv / "bin" / "python"), "-W", "ignore", "-m", "agnocourse.errata_probe"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=True,
        cwd=ROOT,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def throwaway(release: str) -> Path:
    venv = ROOT / ".errata-envs" / f"agno-{release}"
    if not (venv / ".ready").exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        subprocess.run([*pip, *THROWAWAY[release]], check=True)
        subprocess.run([*pip, "--no-deps", "-e", str(ROOT)], check=True)
        (venv / ".ready").touch()
    return venv


def measure() -> dict[str, Any]:
    releases = [probe(PINNED[r]) if r in PINNED else probe(throwaway(r)) for r in RELEASES]
    return {"measured": datetime.date.today().isoformat(), "releases": releases}


def main(argv: list[str]) -> int:
    data = measure()
    DATA.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    for release in data["releases"]:
        print(release["agno"], release["outcomes"])
    print(f"wrote {DATA.relative_to(ROOT)}")
    return 0
