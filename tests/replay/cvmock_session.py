"""A cvmock child process to replay against, and the loopback server that stands in for the internet's images."""
import http.client
import http.server
import json
import os
import subprocess
import threading
import uuid

TRAINING_KEY = "cvmock-training-key"
PREDICTION_KEY = "cvmock-prediction-key"
LISTENING = "cvmock listening on http://"


class Reply:
    def __init__(self, status, text):
        self.status = status
        self.text = text

    def json(self):
        """The body parsed, or None when it is empty or not JSON (a 204, or an error page)."""
        if not self.text.strip():
            return None
        try:
            return json.loads(self.text)
        except json.JSONDecodeError:
            return None


class CvmockProcess:
    """`cvmock --port 0` with immediate training; stopped (and reaped) on exit from the with-block."""

    def __init__(self, binary):
        self._binary = binary
        self._process = None
        self._connection = None

    def __enter__(self):
        # Immediate training: a train call answers with the iteration already Completed, as the recordings'
        # fixture project was trained before the recorded calls.
        self._process = subprocess.Popen([self._binary, "--port", "0", "--training-mode", "immediate"],
                                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        for line in self._process.stdout:
            if line.startswith(LISTENING):
                host, port = line[len(LISTENING):].strip().rsplit(":", 1)
                self._connection = http.client.HTTPConnection(host, int(port), timeout=60)
                return self
        raise RuntimeError(f"{self._binary} exited before listening")

    def __exit__(self, *exc):
        if self._connection:
            self._connection.close()
        self._process.terminate()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._process.stdout.close()

    def request(self, method, uri, body=None, recorded_headers=None, content_type=None):
        """One call; `uri` is the recorded path and query (a leading "//" is folded, as a client's would be)."""
        path = "/" + uri.lstrip("/")
        headers = {"Training-Key": TRAINING_KEY, "Prediction-Key": PREDICTION_KEY}
        recorded_type = (recorded_headers or {}).get("Content-Type")
        if content_type or recorded_type:
            headers["Content-Type"] = content_type or recorded_type[0]
        if isinstance(body, str):
            body = body.encode("utf-8")
        if body is None and method in ("POST", "PUT", "PATCH", "DELETE"):
            body = b""
        self._connection.request(method, path, body=body, headers=headers)
        response = self._connection.getresponse()
        return Reply(response.status, response.read().decode("utf-8", errors="replace"))

    def training(self, method, path, body=None):
        """A Training API call below /customvision/v3.3/training; returns the parsed body, raises on failure."""
        payload = json.dumps(body) if isinstance(body, (dict, list)) else body
        reply = self.request(method, "/customvision/v3.3/training" + path, payload,
                             content_type="application/json" if payload is not None else None)
        if reply.status >= 300:
            raise RuntimeError(f"{method} {path} -> {reply.status}: {reply.text[:300]}")
        return reply.json()

    def upload(self, uri, images):
        """POST multipart/form-data with one imageData part per image (CreateImagesFromData, ClassifyImage)."""
        boundary = uuid.uuid4().hex
        body = b""
        for index, data in enumerate(images):
            body += (f"--{boundary}\r\nContent-Type: application/octet-stream\r\n"
                     f"Content-Disposition: form-data; name=imageData; filename=\"image{index}\"\r\n\r\n").encode()
            body += data + b"\r\n"
        body += f"--{boundary}--\r\n".encode()
        reply = self.request("POST", uri, body, content_type=f"multipart/form-data; boundary=\"{boundary}\"")
        if reply.status >= 300:
            raise RuntimeError(f"POST {uri} -> {reply.status}: {reply.text[:300]}")
        return reply.json()


class ImageServer:
    """Fixture images (cvmock-fixtures) in a scratch directory, served on loopback for the recordings' image URLs."""

    CLASSES = ("circle", "square")
    PER_CLASS = 6  # 5 for the fixture project, the 6th of each class kept out of it (see spare_image)

    def __init__(self, fixtures_bin, scratch):
        self._fixtures_bin = fixtures_bin
        self._directory = os.path.join(scratch, "images")
        self._server = None

    def __enter__(self):
        subprocess.run([self._fixtures_bin, "--out", self._directory, "--classes", ",".join(self.CLASSES),
                        "--per-class", str(self.PER_CLASS), "--seed", "7"], check=True, stdout=subprocess.DEVNULL)
        served = self.spare_image(0)

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # every path is an image: the recordings' hemlock, cherry and test images alike
                self.send_response(200)
                self.send_header("Content-Type", "application/octet-stream")
                self.send_header("Content-Length", str(len(served)))
                self.end_headers()
                self.wfile.write(served)

            def log_message(self, *args):
                pass

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self._server.shutdown()
        self._server.server_close()

    def fixture_images(self):
        """{class: [bytes]} in file-name order."""
        images = {}
        for name in self.CLASSES:
            folder = os.path.join(self._directory, name)
            images[name] = [open(os.path.join(folder, f), "rb").read() for f in sorted(os.listdir(folder))]
        return images

    def project_images(self):
        """{class: [bytes]}: the images of the fixture project."""
        return {name: images[: self.PER_CLASS - 1] for name, images in self.fixture_images().items()}

    def spare_image(self, index):
        """An image not in the fixture project (the service refuses a duplicate): 0 is the one URLs serve."""
        return self.fixture_images()[self.CLASSES[index]][self.PER_CLASS - 1]

    def url_for(self, recorded_url):
        """The loopback address standing in for an internet image URL (same path, for the reader's sake)."""
        path = recorded_url.split("://", 1)[-1].split("/", 1)[-1]
        return f"http://127.0.0.1:{self._server.server_address[1]}/{path}"
