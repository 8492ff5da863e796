#!/usr/bin/env python3
"""Instances per second pushed into a local Orthanc: `lucid archive push` (STOW-RS) beside DCMTK's
`storescu` (C-STORE) and curl (STOW-RS), on the same files, in the same minutes.

Usage (from the repository root, after `swift build -c release --toolset Toolsets/x86-64-v3.json`; Orthanc, DCMTK and curl installed,
`.ci/orthanc start` installs Orthanc when missing):

    python3 Benchmarks/pacs_push.py [--files 40] [--repeat 3] [--sample ct_nema_ct1_evrle.dcm] [--keep DIR]

Python's standard library only. The script makes `--files` copies of a corpus file with fresh SOP
Instance UIDs (DCMTK's `dcmodify`), files them into a Lucid archive (`lucid process --archive`, untimed),
so the instances pushed are the archive's originals and derived DICOMs (2 x files), and hands those very
files to every contender. Each contender pushes into a fresh, empty Orthanc (`.ci/orthanc start`, stopped
and removed afterwards), so no contender finds another's instances; after each run the script checks that
Orthanc holds every instance (`/statistics`). Every contender runs `--repeat` times, the rounds
interleaved; its figure is instances per second of its best run (wall-clock of the tool's processes,
Orthanc's start and stop excluded). It prints a markdown table with ratios to Lucid's default push.

Contenders:
- `lucid archive push --batch B --connections J`: checks each file's SHA-256 against the index, asks Orthanc by
  QIDO-RS which instances it holds, uploads the others by STOW-RS (B a request, J requests in flight),
  confirms each by QIDO-RS and records it in the index;
- `storescu`: one association, the files one C-STORE after the other (no confirmation);
- `curl` STOW-RS: one `curl` process per request, one file or 16 files a request, one request at a time
  (the multipart bodies are built before the clock starts; `Expect:` is sent empty, since Orthanc does not
  answer `Expect: 100-continue` and curl would wait 1 s before each body over 1 MB; no confirmation).
"""

import argparse
import base64
import datetime
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
ORTHANC_SCRIPT = os.path.join(ROOT, ".ci", "orthanc")


class Orthanc:
    """A fresh Orthanc from `.ci/orthanc start`, stopped (and its folder removed) by `stop()`."""

    def __init__(self):
        result = subprocess.run(["bash", ORTHANC_SCRIPT, "start"], capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f".ci/orthanc start failed: {result.stderr}")
        self.env = {}
        for line in result.stdout.splitlines():
            if line.startswith("export "):
                name, _, value = line[len("export "):].partition("=")
                self.env[name] = value.strip("'")
        self.url = self.env["LUCID_ORTHANC_URL"]
        self.user = self.env["LUCID_DICOMWEB_USER"]
        self.password = self.env["LUCID_DICOMWEB_PASSWORD"]
        self.dicom_port = self.env["LUCID_ORTHANC_DICOM_PORT"]

    def stop(self):
        subprocess.run(["bash", ORTHANC_SCRIPT, "stop", self.env["LUCID_ORTHANC_PID"], self.env["LUCID_ORTHANC_DIR"]],
                       capture_output=True)

    def instance_count(self):
        request = urllib.request.Request(self.url + "/statistics")
        token = base64.b64encode(f"{self.user}:{self.password}".encode()).decode()
        request.add_header("Authorization", "Basic " + token)
        with urllib.request.urlopen(request, timeout=30) as reply:
            return json.load(reply)["CountInstances"]


def make_archive(lucid, sample, count, folder):
    """`count` copies of `sample` with fresh SOP Instance UIDs, filed by `lucid process` into an archive;
    returns the archive folder and its original and derived DICOM files."""
    inputs = os.path.join(folder, "inputs")
    os.makedirs(inputs, exist_ok=True)
    stamp = time.time_ns()
    for index in range(count):
        path = os.path.join(inputs, f"{index:04d}.dcm")
        shutil.copyfile(sample, path)
        uid = f"1.2.826.0.1.3680043.8.498.{stamp}.{index + 1}"
        subprocess.run(["dcmodify", "-nb", "-q", "-m", f"(0008,0018)={uid}", path], check=True)
    archive = os.path.join(folder, "archive")
    subprocess.run([lucid, "process", inputs, "--archive", archive, "--quiet"], check=True)
    with sqlite3.connect(os.path.join(archive, "index.sqlite")) as index:
        rows = index.execute(
            "SELECT DISTINCT path FROM files WHERE role IN ('original', 'derived') ORDER BY path").fetchall()
    return archive, [os.path.join(archive, path) for (path,) in rows]


def stow_body(paths, folder, name):
    """A multipart/related body holding `paths`; returns (body file, boundary)."""
    boundary = f"lucid-bench-{time.time_ns()}"
    body = os.path.join(folder, name)
    with open(body, "wb") as out:
        for path in paths:
            out.write(f"--{boundary}\r\nContent-Type: application/dicom\r\n\r\n".encode())
            with open(path, "rb") as part:
                out.write(part.read())
            out.write(b"\r\n")
        out.write(f"--{boundary}--\r\n".encode())
    return body, boundary


def contenders(lucid, archive, files, folder):
    """(name, prepare(orthanc) -> run() -> None) for every contender."""

    def lucid_push(batch, jobs):
        def prepare(orthanc):
            environment = dict(os.environ, LUCID_DICOMWEB_USER=orthanc.user,
                               LUCID_DICOMWEB_PASSWORD=orthanc.password)
            command = [lucid, "archive", "push", archive, "--to", f"dicomweb+{orthanc.url}/dicom-web",
                       "--batch", str(batch), "--connections", str(jobs), "--quiet"]
            return lambda: subprocess.run(command, env=environment, check=True)
        return prepare

    def storescu(orthanc):
        command = ["storescu", "-aet", "LUCIDBENCH", "-aec", "ORTHANC", "127.0.0.1", orthanc.dicom_port, *files]
        return lambda: subprocess.run(command, check=True, capture_output=True)

    def curl(per_request):
        bodies = []
        for start in range(0, len(files), per_request):
            bodies.append(stow_body(files[start:start + per_request], folder, f"body-{per_request}-{start}.bin"))

        def prepare(orthanc):
            def run():
                for body, boundary in bodies:
                    subprocess.run(
                        ["curl", "-sS", "--fail", "-o", "/dev/null", "-u", f"{orthanc.user}:{orthanc.password}",
                         "-H", f'Content-Type: multipart/related; type="application/dicom"; boundary={boundary}',
                         "-H", "Accept: application/dicom+json", "-H", "Expect:", "--data-binary", f"@{body}",
                         f"{orthanc.url}/dicom-web/studies"], check=True)
            return run
        return prepare

    return [
        ("lucid archive push (--batch 16 --connections 2, the default)", lucid_push(16, 2)),
        ("lucid archive push --batch 16 --connections 1", lucid_push(16, 1)),
        ("lucid archive push --batch 1 --connections 1", lucid_push(1, 1)),
        ("lucid archive push --batch 64 --connections 2", lucid_push(64, 2)),
        ("storescu, one association (C-STORE)", storescu),
        ("curl STOW-RS, 1 file a request", curl(1)),
        ("curl STOW-RS, 16 files a request", curl(16)),
    ]


def measure(runners, expected, repeat):
    """Best seconds per contender over `repeat` interleaved rounds, each run into a fresh Orthanc."""
    best = {name: None for name, _ in runners}
    for round_number in range(repeat):
        for name, prepare in runners:
            orthanc = Orthanc()
            try:
                run = prepare(orthanc)
                started = time.perf_counter()
                run()
                seconds = time.perf_counter() - started
                stored = orthanc.instance_count()
            finally:
                orthanc.stop()
            if stored != expected:
                sys.exit(f"{name}: Orthanc holds {stored} instances, expected {expected}")
            print(f"# round {round_number + 1} {name}: {seconds:.3f} s", file=sys.stderr)
            if best[name] is None or seconds < best[name]:
                best[name] = seconds
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lucid", default=os.path.join(ROOT, ".build", "release", "lucid"))
    parser.add_argument("--files", type=int, default=40, help="source files; twice as many instances (default 40)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per contender; best counts (default 3)")
    parser.add_argument("--sample", default="ct_nema_ct1_evrle.dcm",
                        help="corpus file copied (default ct_nema_ct1_evrle.dcm, 512x512 CT)")
    parser.add_argument("--samples", default=os.environ.get("LUCID_DICOM_SAMPLES",
                                                            os.path.join(ROOT, "..", "shared", "dicom-samples")))
    parser.add_argument("--keep", help="make the files in this folder and keep them")
    arguments = parser.parse_args()
    for tool in ("dcmodify", "storescu", "curl"):
        if not shutil.which(tool):
            sys.exit(f"{tool} not found: apt-get install -y dcmtk curl")
    if not os.access(arguments.lucid, os.X_OK):
        sys.exit(f"{arguments.lucid} not found: run `swift build -c release --toolset Toolsets/x86-64-v3.json` first (or pass --lucid)")
    sample = os.path.join(arguments.samples, arguments.sample)
    if not os.path.isfile(sample):
        sys.exit(f"{sample} not found: the DICOM sample corpus is needed (or --samples)")

    folder = arguments.keep or tempfile.mkdtemp(prefix="lucid-pacs-push-")
    archive, files = make_archive(arguments.lucid, sample, arguments.files, folder)
    megabytes = sum(os.path.getsize(path) for path in files) / 1e6
    runners = contenders(arguments.lucid, archive, files, folder)
    load_before = os.getloadavg()[0]
    best = measure(runners, len(files), arguments.repeat)
    reference = best[runners[0][0]]

    print(f"| contender | best s | instances/s | MB/s | ratio to Lucid's default |")
    print(f"| --- | ---: | ---: | ---: | ---: |")
    for name, _ in runners:
        seconds = best[name]
        print(f"| {name} | {seconds:.3f} | {len(files) / seconds:.1f} | {megabytes / seconds:.1f} | "
              f"{reference / seconds:.2f} |")
    print(f"\n_{datetime.date.today().isoformat()}: {len(files)} instances ({arguments.files} x "
          f"{arguments.sample} and their derived DICOMs), {megabytes:.1f} MB; best of {arguments.repeat}, "
          f"rounds interleaved, a fresh Orthanc per run; {os.cpu_count()} cores; load average "
          f"{load_before:.1f} before, {os.getloadavg()[0]:.1f} after._")
    if not arguments.keep:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
