"""HTTP calls to cvmock's Training, Prediction and admin APIs, each answer checked against what any answer must be:
never a 5xx, an error body in the service's shape with a code from the spec's CustomVisionErrorCodes enum (or the
gateway's shape for its own statuses)."""
import collections
import http.client
import json
import os
import threading
import urllib.parse
import uuid

from cvmock_process import ADMIN_KEY

TRAINING = "/customvision/v3.3/training"
PREDICTION = "/customvision/v3.0/prediction"
TRAINING_KEY = "cvmock-training-key"
PREDICTION_KEY = "cvmock-prediction-key"
PREDICTION_RESOURCE_ID = ("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/cvmock/providers/"
                          "Microsoft.CognitiveServices/accounts/cvmock-prediction")
GATEWAY_STATUSES = {401, 404, 429}


def spec_error_codes(spec_dir):
    """The union of the Training v3.3 and Prediction v3.0 specs' CustomVisionErrorCodes enums."""
    codes = set()
    for relative in ("training-v3.3/Training.json", "prediction-v3.0/Prediction.json"):
        with open(os.path.join(spec_dir, relative), encoding="utf-8") as f:
            spec = json.load(f)
        codes.update(spec["definitions"]["CustomVisionError"]["properties"]["code"]["enum"])
    return frozenset(codes)


class WireViolation(AssertionError):
    """An answer no call may get, whatever the state: a 5xx, or an error code outside the spec's enum."""


class Reply:
    def __init__(self, method, path, status, body, headers):
        self.method, self.path, self.status, self.body, self.headers = method, path, status, body, headers

    def json(self):
        return json.loads(self.body) if self.body else None

    @property
    def code(self):
        """The error code of a service ({"code"}) or gateway ({"error": {"code"}}) error body, else ""."""
        try:
            body = self.json()
        except ValueError:
            return ""
        if not isinstance(body, dict):
            return ""
        if isinstance(body.get("error"), dict):
            return str(body["error"].get("code", ""))
        return str(body.get("code", ""))

    def __repr__(self):
        return f"{self.method} {self.path} -> {self.status} {self.body[:300]!r}"


class ConnectionLost(Exception):
    """The server closed or refused the connection (killed, or not started yet)."""


class Api:
    """One cvmock endpoint; thread-safe (a connection per thread). `calls` counts every request sent;
    `log` keeps the newest requests and answers for a failure report."""

    def __init__(self, spec_codes, log_size=60):
        self._codes = spec_codes
        self._local = threading.local()
        self._lock = threading.Lock()
        self.port = None
        self.calls = 0
        self.log = collections.deque(maxlen=log_size)
        self.violations = []  # every WireViolation raised, in order

    def connect(self, port):
        self.port = port
        self._local = threading.local()

    def close(self):
        """Closes this thread's idle keep-alive connection (the next call opens another)."""
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None

    # The APIs ------------------------------------------------------------------------------------------------
    def training(self, method, path, body=None, content_type=None, query=None):
        return self.request(method, TRAINING + path, body, content_type, {"Training-Key": TRAINING_KEY}, query)

    def prediction(self, method, path, body=None, content_type=None, query=None):
        return self.request(method, PREDICTION + path, body, content_type, {"Prediction-Key": PREDICTION_KEY}, query)

    def admin(self, method, path, body=None):
        payload = json.dumps(body) if body is not None else None
        return self.request(method, "/_cvmock" + path, payload, "application/json" if payload else None,
                            {"Cvmock-Admin-Key": ADMIN_KEY})

    def blob(self, uri):
        """GET of an image URI cvmock wrote (its own /_cvmock/blobs/...), on the current port."""
        parsed = urllib.parse.urlsplit(uri)
        return self.request("GET", parsed.path + (f"?{parsed.query}" if parsed.query else ""), None, None, {})

    def training_json(self, method, path, body, query=None):
        return self.training(method, path, json.dumps(body), "application/json", query)

    def multipart(self, path, images, api="training", query=None):
        boundary = uuid.uuid4().hex
        body = bytearray()
        for index, data in enumerate(images):
            body += (f"--{boundary}\r\nContent-Type: application/octet-stream\r\nContent-Disposition: form-data; "
                     f"name=imageData; filename=\"image{index}\"\r\n\r\n").encode()
            body += data + b"\r\n"
        body += f"--{boundary}--\r\n".encode()
        call = self.training if api == "training" else self.prediction
        return call("POST", path, bytes(body), f"multipart/form-data; boundary=\"{boundary}\"", query)

    # The wire -------------------------------------------------------------------------------------------------
    def request(self, method, path, body, content_type, headers, query=None):
        if query:
            path += "?" + urllib.parse.urlencode(query, quote_via=urllib.parse.quote, safe="")
        headers = dict(headers)
        if content_type:
            headers["Content-Type"] = content_type
        if isinstance(body, str):
            body = body.encode("utf-8")
        if body is None and method in ("POST", "PATCH", "PUT", "DELETE"):
            body = b""
        with self._lock:
            self.calls += 1
        try:
            connection = self._connection()
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            data = response.read()
        except (ConnectionError, http.client.HTTPException, OSError) as error:
            self._local.connection = None
            self.log.append(f"{method} {path} -> connection lost ({error.__class__.__name__})")
            raise ConnectionLost(f"{method} {path}: {error}") from error
        text = data.decode("utf-8", errors="replace") if not path.startswith("/_cvmock/blobs/") else ""
        reply = Reply(method, path, response.status, text, dict(response.getheaders()))
        reply.raw = data
        self.log.append(repr(reply))
        self._check_wire(reply)
        return reply

    def _connection(self):
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
            self._local.connection = connection
        return connection

    def _check_wire(self, reply):
        try:
            self._check_answer(reply)
        except WireViolation as violation:
            self.violations.append(str(violation))
            raise

    def _check_answer(self, reply):
        if reply.status >= 500:
            raise WireViolation(f"5xx answer: {reply!r}")
        if reply.status < 400 or reply.path.startswith("/_cvmock/"):
            return
        try:
            body = reply.json()
        except ValueError:
            raise WireViolation(f"error answer is not JSON: {reply!r}") from None
        if isinstance(body, dict) and isinstance(body.get("error"), dict):
            if reply.status not in GATEWAY_STATUSES:
                raise WireViolation(f"gateway-shaped error with status {reply.status}: {reply!r}")
            return
        if not isinstance(body, dict) or set(body) != {"code", "message"}:
            raise WireViolation(f"error body is not {{code, message}}: {reply!r}")
        if body["code"] not in self._codes:
            raise WireViolation(f"error code {body['code']!r} is not in the spec's CustomVisionErrorCodes: {reply!r}")
