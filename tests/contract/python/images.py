"""The scenario's images: fixtures written by cvmock-fixtures ($CVMOCK_FIXTURES_BIN) into a temporary folder and
served on a loopback HTTP server, so the URL operations have something to fetch: one folder per shape for the
classifier, and scenes/ (several shapes each, with their boxes) for the detector."""

import functools
import glob
import json
import os
import shutil
import subprocess
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from typing import Optional

CLASSES = ["circle", "square", "triangle"]
PER_CLASS = 10
SCENES = 44  # detection scenes; each holds 1-4 of the CLASSES


class Scene:
    """A detection scene: its path relative to the image folder and its ground truth, as cvmock-fixtures wrote it
    beside the image: regions of {tagName, left, top, width, height}, normalised to the image's size."""

    def __init__(self, rel: str, truth: dict):
        self.rel = rel
        self.width, self.height = truth["width"], truth["height"]
        self.regions = truth["regions"]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # the test output stays the test's
        pass


class Images:
    """file(shape, index) → relative path; data(rel) → bytes; url(rel) → URL, or None when the target cannot reach
    one; scenes: the detection scenes in order (Scene). Against the real service a loopback URL is unreachable:
    URLs then come from $CVMOCK_CONTRACT_IMAGE_BASE_URL (a public copy of the same folder, scenes/ included), or are
    None when it is unset and the URL steps skip."""

    def __init__(self, real: bool):
        binary = os.environ.get("CVMOCK_FIXTURES_BIN")
        if not binary:
            raise RuntimeError("set CVMOCK_FIXTURES_BIN to the cvmock-fixtures executable")
        self._dir = tempfile.mkdtemp(prefix="cvmock-contract-")
        subprocess.run([binary, "--out", self._dir, "--classes", ",".join(CLASSES), "--per-class", str(PER_CLASS),
                        "--size", "256"], check=True, stdout=subprocess.DEVNULL)
        scenes_dir = os.path.join(self._dir, "scenes")
        subprocess.run([binary, "--detection", "--out", scenes_dir, "--classes", ",".join(CLASSES),
                        "--images", str(SCENES)], check=True, stdout=subprocess.DEVNULL)
        self.scenes = []
        for truth_file in sorted(glob.glob(os.path.join(scenes_dir, "scene_*.json"))):
            with open(truth_file, encoding="utf-8") as f:
                truth = json.load(f)
            self.scenes.append(Scene(f"scenes/{truth['image']}", truth))
        self._server: Optional[ThreadingHTTPServer] = None
        if real:
            self._base = os.environ.get("CVMOCK_CONTRACT_IMAGE_BASE_URL")
        else:
            handler = functools.partial(_QuietHandler, directory=self._dir)
            self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
            threading.Thread(target=self._server.serve_forever, daemon=True).start()
            self._base = f"http://127.0.0.1:{self._server.server_address[1]}"

    def file(self, shape: str, index: int) -> str:
        stem = f"{shape}/{shape}_{index:03d}"
        return f"{stem}.jpg" if os.path.exists(os.path.join(self._dir, f"{stem}.jpg")) else f"{stem}.png"

    def data(self, rel: str) -> bytes:
        with open(os.path.join(self._dir, rel), "rb") as f:
            return f.read()

    def url(self, rel: str) -> Optional[str]:
        return f"{self._base.rstrip('/')}/{rel}" if self._base else None

    def close(self):
        if self._server:
            self._server.shutdown()
            self._server.server_close()
        shutil.rmtree(self._dir, ignore_errors=True)
