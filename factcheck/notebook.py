"""Execute the project's notebooks with injected parameters (used by ``factcheck demo``).

Notebooks live in the source checkout (``notebooks/``), not in the installed package: when the
package runs from an installed wheel there is nothing to execute and the caller is told so.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from factcheck.errors import FactcheckError

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
WALKTHROUGH = "01_anbar_raid_walkthrough.ipynb"


def execute(notebook: str | Path, target_dir: str | Path, **parameters: Any) -> Path:
    """Run one notebook with papermill into ``target_dir`` (executed copy); return its path."""
    try:
        import papermill
    except ImportError:
        raise FactcheckError(
            "executing notebooks needs the 'notebooks' extra: pip install 'factcheck[notebooks]'"
        ) from None
    source = Path(notebook)
    if not source.is_absolute() and not source.exists():
        source = NOTEBOOKS / source
    if not source.is_file():
        raise FactcheckError(f"{source}: notebook not found")
    out = Path(target_dir)
    out.mkdir(parents=True, exist_ok=True)
    target = out / source.name
    papermill.execute_notebook(
        str(source),
        str(target),
        parameters=parameters,
        cwd=str(out),
        progress_bar=False,
        kernel_name="python3",
    )
    return target


def run_walkthrough(case_id: str, out_dir: str | Path) -> Path | None:
    """Execute notebook 01 on a bundled case into ``out_dir``; None when no checkout is here."""
    if not (NOTEBOOKS / WALKTHROUGH).is_file():
        print(f"notebooks not found beside the package ({NOTEBOOKS}); skipped", file=sys.stderr)
        return None
    out = Path(out_dir).resolve()
    return execute(WALKTHROUGH, out, out_dir=str(out), case=case_id)
