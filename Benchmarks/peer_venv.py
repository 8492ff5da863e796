"""The virtual environment the comparison scripts run their peers in: Benchmarks/.venv.

Both `compare.py` and `pipeline.py` call `ensure(script, packages, probe)` first: it creates the venv
when missing, installs the packages when `probe` (Python code importing them) fails, and re-runs the
calling script inside the venv, without the OpenBLAS tuning variables set for other tools on this
machine (they must not steer the peers' timings). Inside the venv it returns at once.
"""

import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
VENV = os.path.join(HERE, ".venv")
VENV_PYTHON = os.path.join(VENV, "bin", "python")


def ensure(script, packages, probe):
    if os.path.realpath(sys.prefix) == os.path.realpath(VENV):
        return
    if not os.path.exists(VENV_PYTHON):
        print(f"creating {VENV} and installing {' '.join(packages)} ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    if subprocess.run([VENV_PYTHON, "-c", probe], capture_output=True).returncode != 0:
        subprocess.run(
            [VENV_PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *packages],
            check=True,
        )
    environment = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")}
    os.execve(VENV_PYTHON, [VENV_PYTHON, os.path.abspath(script), *sys.argv[1:]], environment)
