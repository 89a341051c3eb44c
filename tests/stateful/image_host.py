"""A loopback HTTP server that serves the test's images for CreateImagesFromUrls (cvmock fetches loopback only)."""
import hashlib
import http.server
import socket
import threading


class ImageHost:
    def __init__(self):
        self._images = {}
        self._lock = threading.Lock()
        images, lock = self._images, self._lock

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                with lock:
                    data = images.get(self.path)
                if data is None:
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/octet-stream")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):  # the run's output stays the run's
                pass

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        self._base = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._closed_port = _unused_port()

    def url_for(self, data, kind):
        """kind "served": a URL answering `data`; "missing": one answering 404; "closed port": nobody listens."""
        digest = hashlib.sha256(data).hexdigest()[:24]
        if kind == "closed port":
            return f"http://127.0.0.1:{self._closed_port}/{digest}.img"
        if kind == "missing":
            return f"{self._base}/missing/{digest}.img"
        path = f"/images/{digest}.img"
        with self._lock:
            self._images[path] = data
        return self._base + path

    def close(self):
        self._server.shutdown()
        self._server.server_close()


def _unused_port():
    """A loopback port that was free a moment ago; nothing of the test listens on it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
