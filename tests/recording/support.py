"""What the recording proofs share: cvmock processes (a server, `cvmock record`, `cvmock verify`), a run-time CA
made by openssl, scripted upstreams that answer what a test chooses, and plain HTTP calls."""
import http.client
import http.server
import json
import os
import re
import signal
import socket
import subprocess
import tempfile
import threading


def binary():
    path = os.environ.get("CVMOCK_BIN")
    if not path:
        raise RuntimeError("set CVMOCK_BIN to the cvmock executable")
    return path


class Process:
    """A child started with `args`, whose first stdout line matching `ready` gives its URL; stopped with SIGTERM
    (then SIGKILL) on exit from the with-block. Later output is drained so the child never blocks on a pipe."""

    def __init__(self, args, ready):
        self.args = args
        self._ready = re.compile(ready)
        self.url = None
        self.output = []

    def __enter__(self):
        self.process = subprocess.Popen(self.args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for line in self.process.stdout:
            self.output.append(line)
            found = self._ready.search(line)
            if found:
                self.url = found.group(1)
                break
        if self.url is None:
            self.process.wait()
            raise RuntimeError(f"{self.args[:2]} exited with {self.process.returncode}: {''.join(self.output)}")
        self._drain = threading.Thread(target=lambda: self.output.extend(self.process.stdout), daemon=True)
        self._drain.start()
        return self

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._drain.join(timeout=10)
        self.process.stdout.close()
        return self.process.returncode

    def __exit__(self, *exc):
        self.stop()

    def peak_rss_kib(self):
        """The process's peak resident memory so far (VmHWM), in KiB."""
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        raise RuntimeError("no VmHWM")


def cvmock_server(*flags):
    return Process([binary(), "--port", "0", *flags], r"cvmock listening on (\S+)")


def recorder(upstream, out, *flags):
    return Process([binary(), "record", "--port", "0", "--upstream", upstream, "--out", out, *flags],
                   r"cvmock record listening on (\S+)")


def verify(*args):
    """`cvmock verify ARGS`: (exit status, stdout, stderr)."""
    done = subprocess.run([binary(), "verify", *args], capture_output=True, text=True, timeout=300)
    return done.returncode, done.stdout, done.stderr


class Authority:
    """A CA made at run time by openssl, and a certificate it signed for 127.0.0.1 and localhost."""

    def __init__(self, folder):
        self.ca = os.path.join(folder, "ca.pem")
        self.cert = os.path.join(folder, "server.pem")
        self.key = os.path.join(folder, "server.key")
        ca_key = os.path.join(folder, "ca.key")
        request = os.path.join(folder, "server.csr")
        extensions = os.path.join(folder, "server.ext")
        with open(extensions, "w") as out:
            out.write("subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n")
        run = lambda *args: subprocess.run(["openssl", *args], check=True, capture_output=True)
        run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", ca_key, "-out", self.ca, "-days", "1",
            "-subj", "/CN=cvmock recording test CA")
        run("req", "-newkey", "rsa:2048", "-nodes", "-keyout", self.key, "-out", request, "-subj", "/CN=127.0.0.1")
        run("x509", "-req", "-in", request, "-CA", self.ca, "-CAkey", ca_key, "-CAcreateserial", "-out", self.cert,
            "-days", "1", "-extfile", extensions)


def call(url, method, target, body=None, headers=None):
    """One request to `url` (http://host:port): (status, headers as a dict of lower-case names, body bytes)."""
    host, port = url.split("://", 1)[1].rsplit(":", 1)
    connection = http.client.HTTPConnection(host, int(port), timeout=120)
    try:
        connection.request(method, target, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def call_json(url, method, target, body=None, headers=None):
    status, answer_headers, payload = call(url, method, target, body, headers)
    return status, (json.loads(payload) if payload.strip() else None)


class ScriptedUpstream:
    """An HTTP server that answers every request with `answer(handler, body)` → (status, [(name, value)], bytes),
    or, for `garbage`, writes those bytes on the socket and closes it (no HTTP at all)."""

    def __init__(self, answer=None, garbage=None):
        self._answer = answer
        self._garbage = garbage

    def __enter__(self):
        if self._garbage is not None:
            return self._start_garbage()
        answer = self._answer

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _any(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                status, headers, payload = answer(self, body)
                self.send_response(status)
                for name, value in headers:
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _any

            def log_message(self, *args):
                pass

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        return self

    def _start_garbage(self):
        self._socket = socket.socket()
        self._socket.bind(("127.0.0.1", 0))
        self._socket.listen(8)
        self._stopping = False

        def serve():
            while not self._stopping:
                try:
                    connection, _ = self._socket.accept()
                except OSError:
                    return
                with connection:
                    connection.recv(65536)
                    connection.sendall(self._garbage)

        self._thread = threading.Thread(target=serve, daemon=True)
        self._thread.start()
        self.url = f"http://127.0.0.1:{self._socket.getsockname()[1]}"
        return self

    def __exit__(self, *exc):
        if self._garbage is not None:
            self._stopping = True
            self._socket.close()
        else:
            self._server.shutdown()
            self._server.server_close()


def free_port():
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def cassette_lines(folder, name="recording"):
    with open(os.path.join(folder, name + ".jsonl"), encoding="utf-8") as cassette:
        return [json.loads(line) for line in cassette if line.strip()]


def write_cassette(folder, lines, name="recording"):
    with open(os.path.join(folder, name + ".jsonl"), "w", encoding="utf-8") as cassette:
        for line in lines:
            cassette.write(json.dumps(line) + "\n")


def read_bytes(path):
    with open(path, "rb") as file:
        return file.read()


def scratch():
    return tempfile.TemporaryDirectory(prefix="cvmock-recording-")
