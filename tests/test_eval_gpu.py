"""eval/gpu.py, the GPU benchmark, runs on a CPU with tiny shapes: a test of the script itself."""

import subprocess
import sys

from conftest import ROOT


def test_the_gpu_benchmark_runs_with_tiny_models_and_prints_every_stage():
    done = subprocess.run([sys.executable, "eval/gpu.py", "--tiny", "--device", "cpu", "--articles", "4",
                           "--segments", "20", "--beams", "2"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    rows = [line for line in done.stdout.splitlines() if line.startswith("| ") and not line.startswith("| stage")]
    assert [r.split(" | ")[0].lstrip("| ") for r in rows] == [
        "extractive summaries", "abstractive, seq2seq", "abstractive, causal", "checker, full (encoder on the device)",
        "checker, full, 2 workers sharing the device", "checker, full, 2 lexical workers"]
    assert all(float(r.rstrip(" |").split(" | ")[-1]) > 0 for r in rows)
    assert "shapes: tiny, random weights" in done.stdout
