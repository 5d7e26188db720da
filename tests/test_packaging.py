"""The sdist that `--setup_file ./setup.py` stages for remote workers carries every module and the configs."""
import pathlib
import subprocess
import sys
import tarfile

from tests.conftest import ROOT

MODULES = [p.relative_to(ROOT).as_posix() for d in ("pipeline", "transforms") for p in (ROOT / d).rglob("*.py")]
CONFIGS = [p.relative_to(ROOT).as_posix() for p in (ROOT / "configs").glob("*.yaml")]


def test_sdist_carries_modules_and_configs_and_loads_them(tmp_path):
    subprocess.run([sys.executable, "setup.py", "-q", "sdist", "-d", str(tmp_path)], cwd=ROOT, check=True,
                   capture_output=True)
    (sdist,) = tmp_path.glob("parley-*.tar.gz")
    with tarfile.open(sdist) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
        tar.extractall(tmp_path / "x", filter="data")
    assert set(MODULES) <= names and set(CONFIGS) <= names and "configs/local.yaml" in names
    (unpacked,) = (tmp_path / "x").iterdir()
    check = ("import pathlib, sys, pipeline.config as c; "
             "assert pathlib.Path(c.__file__).is_relative_to(sys.argv[1]); "
             "print(len(c.load_yaml('people')['people']), sorted(c.load_yaml('local')))")
    done = subprocess.run([sys.executable, "-c", check, str(unpacked)], cwd=tmp_path, check=True, text=True,
                          capture_output=True, env={"PYTHONPATH": str(unpacked), "PATH": "/usr/bin:/bin"})
    count, _ = done.stdout.split(" ", 1)
    assert int(count) > 100 and "settings" in done.stdout
