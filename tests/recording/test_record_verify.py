"""Proofs of `cvmock record` and `cvmock verify` against a second cvmock over HTTPS (a CA made at run time):
keys never reach the recording, an unchanged recording verifies clean, and each planted difference is reported
with its exchange and JSON path and exit status 1."""
import base64
import http.server
import json
import os
import shutil
import subprocess
import threading
import unittest
import uuid
from urllib.parse import quote

import support

TRAINING_KEY = "rec0rd-training-" + uuid.uuid4().hex
PREDICTION_KEY = "rec0rd-prediction-" + uuid.uuid4().hex
WRONG_KEY = "rec0rd-wrong-" + uuid.uuid4().hex
SUBSCRIPTION = str(uuid.uuid4())
RESOURCE_ID = (f"/subscriptions/{SUBSCRIPTION}/resourceGroups/recording/providers/"
               "Microsoft.CognitiveServices/accounts/recording-prediction")
TRAINING = "/customvision/v3.3/training"


def multipart(images):
    boundary = uuid.uuid4().hex
    body = b""
    for index, data in enumerate(images):
        body += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"imageData\"; filename=\"i{index}.png\"\r\n"
                 "Content-Type: application/octet-stream\r\n\r\n").encode() + data + b"\r\n"
    return body + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def fixture_images(folder, classes=("circle", "square"), per_class=6, size=256):
    subprocess.run([os.environ["CVMOCK_FIXTURES_BIN"], "--out", folder, "--classes", ",".join(classes),
                    "--per-class", str(per_class), "--size", str(size)], check=True, stdout=subprocess.DEVNULL)
    images = {}
    for shape in classes:
        names = sorted(os.listdir(os.path.join(folder, shape)))
        images[shape] = [support.read_bytes(os.path.join(folder, shape, name)) for name in names]
    return images


class Scenario:
    """The calls an app makes, through the proxy at `url`; `numbers` names the exchanges the proofs plant into.
    `image_url` serves an image of another size than the uploads', which only the recorder's copy reproduces."""

    def __init__(self, url, images, image_url):
        self.url = url
        self.images = images
        self.image_url = image_url
        self.numbers = {}
        self.count = 0

    def send(self, label, method, target, body=None, key=TRAINING_KEY, header="Training-Key", content_type=None):
        headers = {header: key}
        if content_type:
            headers["Content-Type"] = content_type
        self.count += 1
        self.numbers[label] = self.count
        return support.call_json(self.url, method, target, body, headers)

    def run(self):
        assert self.send("domains", "GET", f"{TRAINING}/domains")[0] == 200
        status, project = self.send("create project", "POST", f"{TRAINING}/projects?name=recorded&description=app")
        assert status == 200, project
        p = project["id"]
        tags = {}
        for shape in ("circle", "square"):
            status, tag = self.send(f"tag {shape}", "POST", f"{TRAINING}/projects/{p}/tags?name={shape}")
            assert status == 200, tag
            tags[shape] = tag["id"]
            body, content_type = multipart(self.images[shape][:5])
            status, summary = self.send(f"upload {shape}", "POST", f"{TRAINING}/projects/{p}/images?tagIds={tag['id']}",
                                        body, content_type=content_type)
            assert status == 200 and summary["isBatchSuccessful"], summary
        body = json.dumps({"images": [{"url": self.image_url}], "tagIds": [tags["circle"]]})
        status, summary = self.send("upload url", "POST", f"{TRAINING}/projects/{p}/images/urls", body,
                                    content_type="application/json")
        assert status == 200 and summary["images"][0]["image"]["width"] == 320, summary
        status, iteration = self.send("train", "POST", f"{TRAINING}/projects/{p}/train")
        assert status == 200 and iteration["status"] == "Training", iteration
        status, iteration = self.send("poll", "GET", f"{TRAINING}/projects/{p}/iterations/{iteration['id']}")
        assert iteration["status"] == "Completed", iteration
        status, published = self.send("publish", "POST", f"{TRAINING}/projects/{p}/iterations/{iteration['id']}/publish"
                                      f"?publishName=recorded&predictionId={quote(RESOURCE_ID, safe='')}")
        assert status == 200, published
        body, content_type = multipart([self.images["circle"][5]])
        status, prediction = self.send("classify", "POST", f"/customvision/v3.1/prediction/{p}/classify/iterations/"
                                       "recorded/image", body, PREDICTION_KEY, "Prediction-Key", content_type)
        assert status == 200, prediction
        assert self.send("iterations", "GET", f"{TRAINING}/projects/{p}/iterations")[0] == 200
        status, exported = self.send("export", "GET", f"{TRAINING}/projects/{p}/export")
        assert status == 200, exported
        status, imported = self.send("import", "POST", f"{TRAINING}/projects/import?token="
                                     f"{quote(exported['token'], safe='')}&name=imported")
        assert status == 200, imported
        assert self.send("tagged", "GET", f"{TRAINING}/projects/{p}/images/tagged?tagIds={tags['circle']}")[0] == 200
        assert self.send("unknown project", "GET", f"{TRAINING}/projects/{uuid.uuid4()}")[0] == 404
        assert self.send("wrong key", "GET", f"{TRAINING}/projects", key=WRONG_KEY)[0] == 401
        query_key = f"{TRAINING}/projects?subscription-key={TRAINING_KEY}"
        assert self.send("query key", "GET", query_key, key=WRONG_KEY)[0] == 401


class RecordAgainstCvmockOverHttps(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.scratch = support.scratch()
        folder = cls.scratch.name
        authority = support.Authority(folder)
        cls.recording = os.path.join(folder, "recording")
        images = fixture_images(os.path.join(folder, "images"))
        cls.url_image = fixture_images(os.path.join(folder, "url-images"), ("triangle",), 1, 320)["triangle"][0]
        url_image = cls.url_image

        class ImageHandler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                self.send_response(200)
                self.send_header("Content-Length", str(len(url_image)))
                self.end_headers()
                self.wfile.write(url_image)

            def log_message(self, *args):
                pass

        image_server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), ImageHandler)
        threading.Thread(target=image_server.serve_forever, daemon=True).start()
        image_url = f"http://127.0.0.1:{image_server.server_address[1]}/photos/triangle.png"
        with support.cvmock_server("--cert", authority.cert, "--key", authority.key, "--training-key", TRAINING_KEY,
                                   "--prediction-key", PREDICTION_KEY, "--prediction-resource-id", RESOURCE_ID,
                                   "--training-mode", "immediate", "--seed", "7") as upstream:
            cls.upstream = upstream.url
            with support.recorder(upstream.url, cls.recording, "--upstream-ca", authority.ca) as proxy:
                cls.scenario = Scenario(proxy.url, images, image_url)
                cls.scenario.run()
                cls.proxy_status = proxy.stop()
        image_server.shutdown()
        image_server.server_close()

    @classmethod
    def tearDownClass(cls):
        cls.scratch.cleanup()

    def planted(self, label, change):
        """A copy of the recording with `change(exchange line)` applied to the exchange `label` names."""
        folder = os.path.join(self.scratch.name, "planted-" + uuid.uuid4().hex[:8])
        shutil.copytree(self.recording, folder)
        lines = support.cassette_lines(folder)
        change(lines[self.scenario.numbers[label]])  # lines[0] is the header
        support.write_cassette(folder, lines)
        return folder

    def assert_reported(self, folder, label, where, phrase, only=True):
        status, out, err = support.verify(folder, "--json")
        self.assertEqual(status, 1, out + err)
        report = json.loads(out)
        number = self.scenario.numbers[label]
        exchange = report["recordings"][0]["exchanges"][number - 1]
        self.assertEqual(exchange["exchange"], number)
        found = [d for d in exchange["differences"] if d["where"] == where]
        self.assertTrue(found, f"no difference at {where} in exchange {number}: {exchange['differences']}")
        self.assertIn(phrase, found[0]["message"])
        failing = [e["exchange"] for e in report["recordings"][0]["exchanges"] if not e.get("passed", True)]
        if only:
            self.assertEqual(failing, [number], "only the planted exchange differs")
        text_status, text, _ = support.verify(folder)
        self.assertEqual(text_status, 1)
        self.assertIn(f"exchange {number} ", text)
        self.assertIn(f"{where}: ", text)

    def test_proxy_stopped_cleanly_with_every_exchange_written(self):
        self.assertEqual(self.proxy_status, 0)
        self.assertEqual(len(support.cassette_lines(self.recording)), 1 + self.scenario.count)

    def test_no_key_subscription_or_upstream_host_reaches_the_recording(self):
        authority = self.upstream.split("://", 1)[1].encode()
        secrets = [TRAINING_KEY, PREDICTION_KEY, WRONG_KEY]
        forbidden = [s.encode() for s in secrets] + [base64.b64encode(s.encode()) for s in secrets]
        forbidden += [SUBSCRIPTION.encode(), authority, authority.replace(b":", b"%3A")]
        files = 0
        for root, _, names in os.walk(self.recording):
            for name in names:
                files += 1
                content = support.read_bytes(os.path.join(root, name))
                for secret in forbidden:
                    self.assertNotIn(secret, content, f"{secret!r} in {name}")
        self.assertGreater(files, 2, "the cassette and the uploaded images' files")
        lines = support.cassette_lines(self.recording)
        keys = {line["request"]["headers"].get("Training-Key", [None])[0] for line in lines[1:]}
        self.assertEqual(keys - {None}, {"{key-1}", "{key-3}"})  # the training key, the wrong key
        self.assertIn("subscription-key={key-1}", lines[self.scenario.numbers["query key"]]["request"]["target"])
        publish = lines[self.scenario.numbers["publish"]]["request"]["target"]
        self.assertIn("subscriptions%2F00000000-0000-0000-0000-000000000000%2F", publish)

    def test_images_are_stored_once_beside_the_cassette(self):
        lines = support.cassette_lines(self.recording)
        upload = lines[self.scenario.numbers["upload circle"]]["request"]["body"]["multipart"]
        self.assertEqual(len(upload["parts"]), 5)
        for part in upload["parts"]:
            stored = support.read_bytes(os.path.join(self.recording, part["file"]))
            self.assertEqual(len(stored), part["bytes"])
            self.assertIn(stored, [image for image in self.scenario.images["circle"]])

    def test_the_image_behind_a_url_is_kept_for_the_replay(self):
        exchange = support.cassette_lines(self.recording)[self.scenario.numbers["upload url"]]
        (url, stored), = exchange["urlImages"].items()
        self.assertEqual(url, self.scenario.image_url)
        self.assertEqual(support.read_bytes(os.path.join(self.recording, stored["file"])), self.url_image)

    def test_without_the_kept_image_the_replay_serves_another(self):
        def forget(line):
            del line["urlImages"]
        # Later lists show the image too, so they differ as well.
        self.assert_reported(self.planted("upload url", forget), "upload url", "$.images[0].image.width",
                             "256, recorded 320", only=False)

    def test_unchanged_recording_verifies_clean(self):
        status, out, err = support.verify(self.recording)
        self.assertEqual(status, 0, out + err)
        self.assertIn("PASS", out)
        self.assertIn(f"{self.scenario.count} match", out)

    def test_one_job_at_a_time(self):
        # --jobs, as the usage says (the command line once refused it as unknown).
        status, out, err = support.verify(self.recording, "--jobs", "1")
        self.assertEqual(status, 0, out + err)
        self.assertIn(f"{self.scenario.count} match", out)

    def test_junit_report(self):
        junit = os.path.join(self.scratch.name, "junit.xml")
        status, out, err = support.verify(self.recording, "--junit", junit)
        self.assertEqual(status, 0, out + err)
        xml = support.read_bytes(junit).decode()
        self.assertIn(f'tests="{self.scenario.count}" failures="0"', xml)

    def test_renamed_field_is_reported(self):
        def rename(line):
            body = json.loads(line["response"]["body"]["text"])
            body["summary"] = body.pop("description")
            line["response"]["body"]["text"] = json.dumps(body)
        folder = self.planted("create project", rename)
        self.assert_reported(folder, "create project", "$.summary", "absent, recorded string")
        self.assert_reported(folder, "create project", "$.description", "absent in the recording")

    def test_changed_status_is_reported(self):
        def change(line):
            line["response"]["status"] = 202
        self.assert_reported(self.planted("poll", change), "poll", "status", "200, recorded 202")

    def test_date_in_another_format_is_reported(self):
        def reformat(line):
            body = json.loads(line["response"]["body"]["text"])
            day, time = body["created"].rstrip("Z").split("T")
            body["created"] = f"{day} {time[:8]}"
            line["response"]["body"]["text"] = json.dumps(body)
        folder = self.planted("create project", reformat)
        self.assert_reported(folder, "create project", "$.created", "date-time with Z")

    def test_null_instead_of_absent_is_reported(self):
        def add_null(line):
            body = json.loads(line["response"]["body"]["text"])
            self.assertNotIn("trainedAt", body)  # a training iteration has no trainedAt at all
            body["trainedAt"] = None
            line["response"]["body"]["text"] = json.dumps(body)
        self.assert_reported(self.planted("train", add_null), "train", "$.trainedAt", "absent, recorded null")

    def test_missing_retry_after_is_reported(self):
        def add_header(line):
            line["response"]["headers"]["Retry-After"] = ["2"]
        self.assert_reported(self.planted("domains", add_header), "domains", "header Retry-After",
                             'absent, recorded "2"')

    def test_changed_error_code_is_reported(self):
        def change(line):
            line["response"]["body"]["text"] = line["response"]["body"]["text"].replace("NotFoundProject",
                                                                                        "NotFoundIteration")
        self.assert_reported(self.planted("unknown project", change), "unknown project", "error code",
                             '"NotFoundProject", recorded "NotFoundIteration"')

    def test_accepted_difference_in_a_table_beside_the_recording(self):
        def change(line):
            line["response"]["status"] = 202
        folder = self.planted("poll", change)
        with open(os.path.join(folder, "verify.json"), "w") as table:
            json.dump({"accept": [{"exchanges": [self.scenario.numbers["poll"]], "status": True,
                                   "why": "a planted difference the table accepts"}]}, table)
        status, out, err = support.verify(folder)
        self.assertEqual(status, 0, out + err)
        self.assertIn("accepted status: 200, recorded 202 (a planted difference the table accepts)", out)


if __name__ == "__main__":
    unittest.main()
