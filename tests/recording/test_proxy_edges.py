"""The recording proxy against scripted upstreams: answers pass through byte for byte, an upstream that is down,
speaks garbage or shows an untrusted certificate gets the client a gateway's 502 (recorded as such), and large
bodies stream through without the proxy holding them; plus a damaged recording's clear error."""
import gzip
import hashlib
import http.client
import json
import os
import shutil
import time
import unittest

import support

LARGE = 64 * 1024 * 1024
# The proxy holds at most 4 MiB of a body in memory; far below one copy of LARGE.
PEAK_RSS_LIMIT_KIB = 40 * 1024


class Recorded:
    """What a scripted upstream saw of each request."""

    def __init__(self):
        self.requests = []


class PassThrough(unittest.TestCase):
    def test_request_and_answer_pass_unchanged(self):
        seen = Recorded()
        payload = gzip.compress(json.dumps({"created": "2024-05-01T12:00:00.5Z", "items": [1, 2]}).encode())
        answer_headers = [("Content-Type", "application/json; charset=utf-8"), ("Content-Encoding", "gzip"),
                          ("Retry-After", "3"), ("Operation-Location", "http://example.invalid/operations/1")]

        def answer(handler, body):
            # The request line as sent: http.server folds a leading "//" in handler.path.
            seen.requests.append((handler.command, handler.requestline.split()[1], dict(handler.headers), body))
            return 201, answer_headers, payload

        request_body = b'{\r\n  "name": "indented",\r\n  "ids": ["a", "b"]\r\n}'
        target = "//customvision/v3.4-preview/training/projects/x/images?imageIds=a%2Cb&name=Test%20Project"
        with support.scratch() as folder, support.ScriptedUpstream(answer) as upstream:
            out = os.path.join(folder, "recording")
            with support.recorder(upstream.url, out) as proxy:
                status, headers, body = support.call(proxy.url, "PATCH", target, request_body, {
                    "Training-Key": "scripted-key-0123456789", "Content-Type": "application/json; charset=utf-8",
                    "Accept-Encoding": "gzip"})
            self.assertEqual(status, 201)
            self.assertEqual(body, payload, "the compressed bytes, untouched")
            for name, value in answer_headers:
                self.assertEqual(headers[name.lower()], value)
            method, path, upstream_headers, upstream_body = seen.requests[0]
            self.assertEqual((method, path, upstream_body), ("PATCH", target, request_body))
            self.assertEqual(upstream_headers["Training-Key"], "scripted-key-0123456789")
            self.assertEqual(upstream_headers["Host"], upstream.url.split("://")[1])
            exchange = support.cassette_lines(out)[1]
            self.assertEqual(exchange["request"]["target"], target)
            self.assertEqual(exchange["request"]["body"]["text"], request_body.decode())
            self.assertEqual(json.loads(exchange["response"]["body"]["text"])["items"], [1, 2], "recorded decoded")
            self.assertEqual(exchange["response"]["headers"]["Content-Encoding"], ["gzip"])
            self.assertIn("durationMs", exchange)
            self.assertIn("startedAt", exchange)


class NoAnswer(unittest.TestCase):
    def assert_bad_gateway(self, upstream_url, *flags):
        with support.scratch() as folder:
            out = os.path.join(folder, "recording")
            with support.recorder(upstream_url, out, *flags) as proxy:
                status, headers, body = support.call(proxy.url, "GET", "/customvision/v3.3/training/projects",
                                                     headers={"Training-Key": "k"})
            self.assertEqual(status, 502)
            self.assertTrue(headers["content-type"].startswith("application/json"))
            error = json.loads(body)["error"]
            self.assertEqual(error["code"], "502")
            self.assertIn("Bad gateway", error["message"])
            exchange = support.cassette_lines(out)[1]
            self.assertEqual(exchange["response"]["status"], 502)
            self.assertEqual(json.loads(exchange["response"]["body"]["text"])["error"]["code"], "502")
            self.assertTrue(exchange["proxyError"])
            status, out_text, err = support.verify(out)
            self.assertEqual(status, 1, "nothing was replayed: " + out_text + err)
            self.assertIn("skipped: the upstream gave no answer", out_text)
            return exchange["proxyError"]

    def test_upstream_down(self):
        self.assertIn("Connection", self.assert_bad_gateway(f"http://127.0.0.1:{support.free_port()}"))

    def test_upstream_answers_garbage(self):
        with support.ScriptedUpstream(garbage=b"\x00\x01 not HTTP at all\r\n\r\n") as upstream:
            self.assert_bad_gateway(upstream.url)

    def test_upstream_certificate_not_trusted(self):
        with support.scratch() as folder:
            authority = support.Authority(folder)
            with support.cvmock_server("--cert", authority.cert, "--key", authority.key) as upstream:
                self.assertIn("SSL", self.assert_bad_gateway(upstream.url))


class Stop(unittest.TestCase):
    def test_sigterm_ends_the_proxy_at_once_with_an_idle_keep_alive_connection_open(self):
        """cpp-httplib alone waits out its 5 s keep-alive timeout for a client that keeps its connection, as every
        SDK's pool does; the exchange already answered stays recorded."""
        def answer(handler, body):
            return 200, [("Content-Type", "application/json")], b"[]"

        with support.scratch() as folder, support.ScriptedUpstream(answer) as upstream:
            out = os.path.join(folder, "recording")
            proxy = support.recorder(upstream.url, out)
            with proxy:
                host, port = proxy.url.split("://", 1)[1].rsplit(":", 1)
                pooled = http.client.HTTPConnection(host, int(port), timeout=30)
                pooled.request("GET", "/customvision/v3.3/training/projects", headers={"Training-Key": "k"})
                response = pooled.getresponse()
                self.assertEqual((response.status, response.read()), (200, b"[]"))
                self.assertFalse(response.will_close, "the connection stays open for the next request")
                began = time.monotonic()
                self.assertEqual(proxy.stop(), 0)
                took = time.monotonic() - began
                self.assertLess(took, 3, f"the stop took {took:.2f} s")
                self.assertEqual(pooled.sock.recv(1), b"", "the idle connection was closed")
                pooled.close()
            self.assertEqual(len(support.cassette_lines(out)), 2, "the header and the one exchange")


class LargeBodies(unittest.TestCase):
    def test_large_bodies_stream_through(self):
        big = os.urandom(LARGE)

        def answer(handler, body):
            if handler.command == "POST":
                reply = {"bytes": len(body), "sha256": hashlib.sha256(body).hexdigest()}
                return 200, [("Content-Type", "application/json")], json.dumps(reply).encode()
            return 200, [("Content-Type", "application/octet-stream")], big

        with support.scratch() as folder, support.ScriptedUpstream(answer) as upstream:
            out = os.path.join(folder, "recording")
            with support.recorder(upstream.url, out) as proxy:
                status, _, body = support.call(proxy.url, "POST", "/upload", big,
                                               {"Content-Type": "application/octet-stream"})
                self.assertEqual(status, 200)
                self.assertEqual(json.loads(body), {"bytes": LARGE, "sha256": hashlib.sha256(big).hexdigest()})
                status, _, body = support.call(proxy.url, "GET", "/download")
                self.assertEqual(status, 200)
                self.assertEqual(body, big)
                peak = proxy.peak_rss_kib()
            self.assertLess(peak, PEAK_RSS_LIMIT_KIB, f"peak RSS {peak} KiB for two {LARGE >> 20} MiB bodies")
            lines = support.cassette_lines(out)
            for exchange, side in ((lines[1], "request"), (lines[2], "response")):
                stored = exchange[side]["body"]
                self.assertEqual(stored["bytes"], LARGE)
                stored_bytes = support.read_bytes(os.path.join(out, stored["file"]))
                self.assertEqual(hashlib.sha256(stored_bytes).hexdigest(), hashlib.sha256(big).hexdigest())
            self.assertFalse(os.listdir(os.path.join(out, "bodies", ".spool")), "spool files are removed")


class DamagedRecording(unittest.TestCase):
    """A truncated or hand-edited recording is refused before anything is replayed, naming file and entry."""

    @classmethod
    def setUpClass(cls):
        cls.scratch = support.scratch()
        cls.recording = os.path.join(cls.scratch.name, "recording")
        body = b"\x89PNG\r\n\x1a\n" + os.urandom(256)

        def answer(handler, request_body):
            return 200, [("Content-Type", "application/json; charset=utf-8")], b'{"id":"1","name":"n"}'

        with support.ScriptedUpstream(answer) as upstream, support.recorder(upstream.url, cls.recording) as proxy:
            for _ in range(3):
                support.call(proxy.url, "GET", "/customvision/v3.3/training/projects")
            support.call(proxy.url, "POST", "/customvision/v3.3/training/projects/x/images", body,
                         {"Content-Type": "application/octet-stream"})

    @classmethod
    def tearDownClass(cls):
        cls.scratch.cleanup()

    def damaged(self, change):
        folder = os.path.join(self.scratch.name, f"damaged-{self.id().rsplit('.', 1)[1]}")
        shutil.copytree(self.recording, folder)
        change(folder, os.path.join(folder, "recording.jsonl"))
        return folder

    def assert_refused(self, folder, *phrases):
        status, out, err = support.verify(folder)
        self.assertEqual(status, 2, out + err)
        self.assertIn(os.path.join(folder, "recording.jsonl"), err)
        for phrase in phrases:
            self.assertIn(phrase, err)

    def test_truncated(self):
        def truncate(folder, cassette):
            text = support.read_bytes(cassette)
            with open(cassette, "wb") as file:
                file.write(text[: len(text) - 40])
        self.assert_refused(self.damaged(truncate), "line 5 (exchange 4)", "not JSON (truncated or hand-edited?)")

    def test_status_edited_to_text(self):
        def edit(folder, cassette):
            lines = support.cassette_lines(folder)
            lines[2]["response"]["status"] = "OK"
            support.write_cassette(folder, lines)
        self.assert_refused(self.damaged(edit), "line 3 (exchange 2)", "response.status must be a number")

    def test_request_method_removed(self):
        def edit(folder, cassette):
            lines = support.cassette_lines(folder)
            del lines[1]["request"]["method"]
            support.write_cassette(folder, lines)
        self.assert_refused(self.damaged(edit), "line 2 (exchange 1)", "request.method is missing")

    def test_body_file_edited(self):
        def edit(folder, cassette):
            stored = support.cassette_lines(folder)[4]["request"]["body"]["file"]
            with open(os.path.join(folder, stored), "r+b") as file:
                file.write(b"X")
        self.assert_refused(self.damaged(edit), "line 5 (exchange 4)", "does not hash to its name")

    def test_verify_table_with_a_typo(self):
        def add_table(folder, cassette):
            with open(os.path.join(folder, "verify.json"), "w") as table:
                json.dump({"fields": [{"path": "$..created", "as": "shpe"}]}, table)
        status, out, err = support.verify(self.damaged(add_table))
        self.assertEqual(status, 2, out + err)
        self.assertIn("verify.json: fields[0]: as must be value, id, shape or any", err)


if __name__ == "__main__":
    unittest.main()
