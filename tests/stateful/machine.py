"""The model-based test: a Hypothesis RuleBasedStateMachine whose rules are real HTTP calls to a cvmock on a data
directory; each answer is checked against the reference model (model.py) and, after every step, the whole state
(checks.py). Restarts by SIGTERM and SIGKILL, also with an upload or a training in flight."""
import base64
import collections
import random
import signal
import threading
import time
from urllib.parse import quote

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

import checks
from api import PREDICTION_RESOURCE_ID, ConnectionLost
from checks import Mismatch, expect
from detection_rules import DetectionRules
from model import (DETECTION_DOMAIN, MAX_METADATA_PAIRS, MAX_REGIONS_PER_IMAGE, MAX_TAGS_PER_IMAGE, Image,
                   Iteration, Model, Prediction, Project, Tag)

UNKNOWN_ID = "00000000-0000-4000-8000-00000000dead"
PROJECT_NAMES = ["alpha", "Beta project", "çà et là", "日本語のプロジェクト", "p" * 256, "   ", "p" * 257]
TAG_NAMES = ["cat", "Cat", "dog", "DOG", "ü-tag", "Ü-TAG", "ünïcödé", "ÜNÏCÖDÉ", "Жук", "жук", "é" * 200,
             "x" * 256, "x" * 257, "  ", "négatif"]
ITERATION_NAMES = ["renamed", "my name 0", "Ünïcödé iteration", "i" * 256, "i" * 257, "   "]
PUBLISH_NAMES = ["model", "prod v2", "ünïcödé", "ok/1", "a/b", "   "]
METADATA = [{"k": "v"}, {"colour": "red", "size": "10"}, {"ключ": "значение"}, {"k": "w" * 512},
            {"big": "ü" * 300}, {"k" * 257: "v"}, {"v": "w" * 513}, {f"m{i}": "x" for i in range(30)}]


def time_key(text):
    """A date as the service writes it (fraction of a second trimmed: "…26.5Z", "…26.59Z") made comparable."""
    stamp, _, fraction = text.rstrip("Z").partition(".")
    return stamp, fraction.ljust(7, "0")


def status_of(code):
    return 404 if code.startswith("NotFound") else 415 if code == "UnsupportedMediaType" else 400


class BudgetSpent(Exception):
    """The run's time is up: raised by a new example, so that Hypothesis stops generating."""


class Harness:
    """What outlives one example: the cvmock process, the API client, the images, the URL host and the figures."""

    def __init__(self, server, api, corpus, image_host, restart_rate):
        self.server, self.api, self.corpus, self.image_host = server, api, corpus, image_host
        self.restart_rate = restart_rate
        self.deadline = None  # time.monotonic() after which no example starts
        self.examples = 0
        self.steps = 0
        self.bytes_compared = 0
        self.kills_in_flight = {"upload": 0, "training": 0, "regions": 0}
        self.outcomes = collections.Counter()  # (operation, "ok" or error code) -> answers checked


def machine_for(harness):
    class CvmockMachine(StatefulCvmock):
        pass

    CvmockMachine.harness = harness
    return CvmockMachine


class StatefulCvmock(DetectionRules, RuleBasedStateMachine):
    harness = None

    def __init__(self):
        super().__init__()
        h = self.harness
        if h.deadline and time.monotonic() > h.deadline:
            raise BudgetSpent()
        self.api = h.api
        self.model = Model()
        h.examples += 1
        reply = self.api.admin("POST", "/reset")
        expect(reply.status == 200, f"reset: {reply!r}")

    # Helpers ---------------------------------------------------------------------------------------------------
    def outcome(self, reply, allowed, what):
        """"ok" for a 2xx, else the error code; fails unless it is in `allowed` with the code's status."""
        got = "ok" if 200 <= reply.status < 300 else reply.code
        self.harness.outcomes[(what.split(" ")[0], got)] += 1
        expect(got in allowed, f"{what}: expected one of {sorted(allowed)}, got {reply!r}")
        if got != "ok":
            expect(reply.status == status_of(got), f"{what}: {got} with status {reply.status}")
        return got

    def rng(self, data):
        return random.Random(data.draw(st.integers(0, 2 ** 32 - 1), label="seed"))

    def projects(self):
        return list(self.model.projects.values())

    def pick_project(self, data, condition=lambda project: True):
        """A project (drawn by id, so that a failing sequence prints short) for which `condition` holds."""
        ids = [p.id for p in self.model.projects.values() if condition(p)]
        return self.model.projects[data.draw(st.sampled_from(ids), label="project")]

    def pick_tags(self, data, project, most=3):
        """Tag ids as a client may give them: none, some, the same one twice, now and then an unknown one."""
        ids = list(project.tags)
        chosen = data.draw(st.lists(st.sampled_from(ids), max_size=most), label="tags") if ids else []
        if data.draw(st.integers(0, 30), label="unknown tag?") == 0:
            chosen.append(UNKNOWN_ID)
        return chosen

    def sample(self, rng, bad_share=0.3):
        return self.harness.corpus.bad(rng) if rng.random() < bad_share else self.harness.corpus.valid(rng)

    def prediction_sample(self, rng, bad_share):
        """Half the time a probe image (corpus.probe), so that the same model sees the same image again."""
        return self.harness.corpus.probe(rng) if rng.random() < 0.5 else self.sample(rng, bad_share)

    def duplicate_or_sample(self, rng, project):
        images = list(project.images.values())
        if images and rng.random() < 0.15:
            image = rng.choice(images)
            return self.harness.corpus.known(image.data, image.width, image.height)
        return self.sample(rng)

    # Projects --------------------------------------------------------------------------------------------------
    @precondition(lambda self: len(self.model.projects) < 3)  # a few projects that grow, rather than many empty
    @rule(data=st.data())
    def create_project(self, data):
        name = data.draw(st.sampled_from(PROJECT_NAMES), label="name")
        kind = data.draw(st.sampled_from(["Multiclass", "Multilabel"]), label="classificationType")
        # A third of the projects detect objects: the detection rules then apply to them, and the classification
        # rules keep two thirds of the projects.
        detects = data.draw(st.integers(0, 2), label="object detection?") == 0
        query = {"name": name, "classificationType": kind}
        if detects:
            query["domainId"] = DETECTION_DOMAIN
        reply = self.api.training("POST", "/projects", query=query)
        if self.outcome(reply, {"ok"} if Model.valid_name(name) else {"BadRequestProjectName"}, "CreateProject") \
                == "ok":
            body = reply.json()
            expect(body["name"] == name and body["settings"]["classificationType"] == kind, f"created {body}")
            expect(not detects or body["settings"]["domainId"] == DETECTION_DOMAIN, f"created {body}")
            self.model.projects[body["id"]] = Project(body["id"], name, kind, detects=detects)

    @precondition(lambda self: self.model.projects)
    @rule(data=st.data())
    def rename_project(self, data):
        project = self.pick_project(data)
        name = data.draw(st.sampled_from(PROJECT_NAMES), label="name")
        reply = self.api.training_json("PATCH", f"/projects/{project.id}", {"name": name})
        if self.outcome(reply, {"ok"} if Model.valid_name(name) else {"BadRequestProjectName"}, "UpdateProject") \
                == "ok":
            project.name = name

    @precondition(lambda self: self.model.projects)
    @rule(data=st.data())
    def delete_project(self, data):
        project = self.pick_project(data)
        self.outcome(self.api.training("DELETE", f"/projects/{project.id}"), {"ok"}, "DeleteProject")
        del self.model.projects[project.id]

    @rule(data=st.data())
    def unknown_project(self, data):
        if data.draw(st.integers(0, 9), label="ask an unknown project?"):
            return
        reply = self.api.training("GET", f"/projects/{UNKNOWN_ID}/tags")
        self.outcome(reply, {"NotFoundProject"}, "GetTags of an unknown project")

    # Tags ------------------------------------------------------------------------------------------------------
    @precondition(lambda self: self.model.projects)
    @rule(data=st.data())
    def create_tag(self, data):
        project = self.pick_project(data)
        name = data.draw(st.sampled_from(TAG_NAMES + [f"tag {len(project.tags)}"] * 4), label="name")
        kind = data.draw(st.sampled_from(["Regular", "Regular", "Negative"]), label="type")
        allowed = self.model.tag_name_outcomes(project, name, type_=kind)
        reply = self.api.training("POST", f"/projects/{project.id}/tags", query={"name": name, "type": kind})
        if self.outcome(reply, allowed, f"CreateTag {name!r} ({kind})") == "ok":
            body = reply.json()
            expect((body["name"], body["type"], body["imageCount"]) == (name, kind, 0), f"created tag {body}")
            project.tags[body["id"]] = Tag(body["id"], name, kind)

    @precondition(lambda self: any(p.tags for p in self.model.projects.values()))
    @rule(data=st.data())
    def rename_tag(self, data):
        project = self.pick_project(data, lambda p: p.tags)
        tag = project.tags[data.draw(st.sampled_from(list(project.tags)), label="tag")]
        name = data.draw(st.sampled_from(TAG_NAMES), label="name")
        allowed = self.model.tag_name_outcomes(project, name, exclude_id=tag.id)
        reply = self.api.training_json("PATCH", f"/projects/{project.id}/tags/{tag.id}", {"name": name})
        if self.outcome(reply, allowed, f"UpdateTag {tag.name!r} -> {name!r}") == "ok":
            tag.name = name

    @precondition(lambda self: any(p.tags for p in self.model.projects.values()))
    @rule(data=st.data())
    def delete_tag(self, data):
        project = self.pick_project(data, lambda p: p.tags)
        tag_id = data.draw(st.sampled_from(list(project.tags)), label="tag")
        self.outcome(self.api.training("DELETE", f"/projects/{project.id}/tags/{tag_id}"), {"ok"}, "DeleteTag")
        used = project.tag_image_count(tag_id) > 0
        del project.tags[tag_id]
        for image in project.images.values():
            image.tags.discard(tag_id)
            # cvmock removes the tag's regions with it (neither CONTRACT.md nor the recordings say otherwise)
            image.regions = {r: (t, box) for r, (t, box) in image.regions.items() if t != tag_id}
        project.bump(real=used)

    # Uploads ---------------------------------------------------------------------------------------------------
    @precondition(lambda self: self.model.projects)
    @rule(data=st.data())
    def upload_data(self, data):
        project = self.pick_project(data)
        rng = self.rng(data)
        tag_ids = self.pick_tags(data, project)
        samples = [self.duplicate_or_sample(rng, project) for _ in range(rng.randint(1, 5))]
        query = {"tagIds": ",".join(tag_ids)} if tag_ids else None
        path = f"/projects/{project.id}/images"
        if len(samples) == 1 and rng.random() < 0.5:
            reply = self.api.training("POST", path, samples[0].data, "application/octet-stream", query)
            if not samples[0].data:
                self.outcome(reply, {"BadRequestImageStream"}, "CreateImagesFromData with an empty body")
                return
        else:
            reply = self.api.multipart(path, [s.data for s in samples], query=query)
        self.expect_batch(project, reply, [(s, tag_ids, "") for s in samples], {}, "CreateImagesFromData")

    @precondition(lambda self: self.model.projects)
    @rule(data=st.data())
    def upload_mistyped(self, data):
        """A multipart Content-Type over a raw image: no part can be read."""
        project = self.pick_project(data)
        sample = self.harness.corpus.valid(self.rng(data))
        reply = self.api.training("POST", f"/projects/{project.id}/images", sample.data,
                                  "multipart/form-data; boundary=\"cvmock-stateful\"")
        self.outcome(reply, {"BadRequestImageStream"}, "CreateImagesFromData(mistyped) multipart type, raw image")

    @precondition(lambda self: self.model.projects)
    @rule(data=st.data())
    def upload_files(self, data):
        project = self.pick_project(data)
        rng = self.rng(data)
        batch_tags = self.pick_tags(data, project, most=2)
        metadata = data.draw(st.sampled_from([{}, {}] + METADATA), label="metadata")
        entries, images = [], []
        for index in range(rng.randint(0, 4)):
            sample = self.duplicate_or_sample(rng, project)
            own = self.pick_tags(data, project, most=2)
            images.append({"name": f"file{index}", "contents": base64.b64encode(sample.data).decode(), "tagIds": own})
            entries.append((sample, own + batch_tags, ""))
        body = {"images": images, "tagIds": batch_tags}
        if metadata:
            body["metadata"] = metadata
        reply = self.api.training_json("POST", f"/projects/{project.id}/images/files", body)
        self.expect_batch(project, reply, entries, metadata, "CreateImagesFromFiles")

    @precondition(lambda self: self.model.projects)
    @rule(data=st.data())
    def upload_urls(self, data):
        project = self.pick_project(data)
        rng = self.rng(data)
        batch_tags = self.pick_tags(data, project, most=2)
        entries, images = [], []
        for _ in range(rng.randint(1, 4)):
            sample = self.duplicate_or_sample(rng, project)
            kind = rng.choice(["served", "served", "served", "missing", "closed port"])
            url = self.harness.image_host.url_for(sample.data, kind)
            images.append({"url": url})
            entries.append((sample, batch_tags, "" if kind == "served" else "ErrorSource"))
        reply = self.api.training_json("POST", f"/projects/{project.id}/images/urls",
                                       {"images": images, "tagIds": batch_tags})
        self.expect_batch(project, reply, entries, {}, "CreateImagesFromUrls")

    def expect_batch(self, project, reply, entries, metadata, what):
        """An image batch: the batch-level refusals first, then each image's status in the service's order (the
        fetch, the decoding, Negative with another tag, more regions than an image may have, a duplicate of a
        stored or earlier image, OK). An entry is (sample, tag ids, fetch failure[, regions as (tag id, box)])."""
        entries = [entry if len(entry) == 4 else (*entry, []) for entry in entries]
        metadata_ok = len(metadata) <= MAX_METADATA_PAIRS and all(
            0 < len(k) <= 256 and len(v) <= 512 for k, v in metadata.items())
        if not metadata_ok:
            code = "BadRequestImageMetadataKey" if any(not 0 < len(k) <= 256 for k in metadata) or \
                len(metadata) > MAX_METADATA_PAIRS else "BadRequestImageMetadataValue"
            self.outcome(reply, {code}, what)
            return
        if not entries:
            self.outcome(reply, {"BadRequestImageStream"}, what)
            return
        regions = [region for *_, own in entries for region in own]
        if regions and (not project.detects or not all(Model.box_inside(box) for _, box in regions)):
            self.outcome(reply, {"BadRequestImageRegions"}, what)
            return
        if any(t not in project.tags for _, tags, _, _ in entries for t in tags) or \
                any(t not in project.tags for t, _ in regions):
            self.outcome(reply, {"NotFoundTag"}, what)
            return
        if self.outcome(reply, {"ok"}, what) != "ok":
            return
        results = reply.json()["images"]
        expect(len(results) == len(entries), f"{what}: {len(results)} results for {len(entries)} images")
        accepted = {}
        all_ok = True
        for (sample, tag_ids, fetch_failure, own_regions), result in zip(entries, results):
            allowed = self.image_statuses(project, sample, tag_ids, fetch_failure, accepted, len(own_regions))
            status = result["status"]
            self.harness.outcomes[("image(status)", status)] += 1
            expect(status in allowed, f"{what}: image {sample.kind} ({len(sample.data)} B) with tags {tag_ids}: "
                                      f"status {status}, the model allows {sorted(allowed)}")
            all_ok = all_ok and status == "OK"
            image = result["image"]
            if status == "OK":
                distinct = set(tag_ids)
                got_tags = {t["tagId"] for t in image.get("tags", [])}
                expect(got_tags == distinct, f"{what}: stored with tags {got_tags}, asked {distinct}")
                stored = Image(image["id"], sample.data, image["width"], image["height"], distinct, dict(metadata))
                stored.regions = checks.regions_as_given(image, own_regions, f"{what}: image {image['id']}")
                if sample.width:
                    expect((image["width"], image["height"]) == (sample.width, sample.height),
                           f"{what}: {sample.kind} of {sample.width}x{sample.height} stored as "
                           f"{image['width']}x{image['height']}")
                project.images[stored.id] = stored
                accepted[sample.data] = stored
            elif status == "OKDuplicate":
                earlier = accepted.get(sample.data) or project.image_with_bytes(sample.data)
                expect(image["id"] == earlier.id, f"{what}: duplicate names image {image['id']}, not {earlier.id}")
            else:
                expect(image is None, f"{what}: a refused image has an image: {result}")
        expect(reply.status == (200 if all_ok else 207), f"{what}: HTTP {reply.status} for statuses "
                                                          f"{[r['status'] for r in results]}")
        if accepted:
            project.bump()

    def image_statuses(self, project, sample, tag_ids, fetch_failure, accepted, region_count=0):
        if fetch_failure:
            return {fetch_failure}
        decoded = set(sample.batch)
        allowed = decoded - {"OK"}
        if "OK" in decoded:
            if self.model.tags_conflict(project, tag_ids):
                allowed.add("ErrorNegativeAndRegularTagOnSameImage")
                return allowed
            if region_count > MAX_REGIONS_PER_IMAGE:
                allowed.add("ErrorRegionLimitExceed")
                return allowed
            duplicate = sample.data in accepted or project.image_with_bytes(sample.data)
            allowed.add("OKDuplicate" if duplicate else "OK")
        return allowed

    @precondition(lambda self: self.model.projects)
    @rule(data=st.data())
    def add_trainable_classes(self, data):
        """Two new tags with six new images each, one tag per image: enough for a training to start."""
        project = self.pick_project(data)
        rng = self.rng(data)
        for _ in range(2):
            name = f"class {len(project.tags)}-{rng.randrange(10 ** 6)}"
            if self.model.tag_name_outcomes(project, name) != {"ok"}:
                return
            reply = self.api.training("POST", f"/projects/{project.id}/tags", query={"name": name})
            self.outcome(reply, {"ok"}, "CreateTag")
            tag = Tag(reply.json()["id"], name)
            project.tags[tag.id] = tag
            samples = [self.harness.corpus.valid(rng) for _ in range(6)]
            reply = self.api.multipart(f"/projects/{project.id}/images", [s.data for s in samples],
                                       query={"tagIds": tag.id})
            self.expect_batch(project, reply, [(s, [tag.id], "") for s in samples], {}, "CreateImagesFromData")

    # Image tags, metadata, deletion ----------------------------------------------------------------------------
    def pick_images(self, data, project, most=4):
        ids = list(project.images)
        chosen = data.draw(st.lists(st.sampled_from(ids), min_size=1, max_size=most), label="images") if ids else []
        return chosen

    @precondition(lambda self: any(p.images and p.tags for p in self.model.projects.values()))
    @rule(data=st.data())
    def tag_images(self, data):
        project = self.pick_project(data, lambda p: p.images and p.tags)
        pairs = [(data.draw(st.sampled_from(list(project.images))), data.draw(st.sampled_from(list(project.tags))))
                 for _ in range(data.draw(st.integers(1, 4)))]
        reply = self.api.training_json("POST", f"/projects/{project.id}/images/tags",
                                       {"tags": [{"imageId": i, "tagId": t} for i, t in pairs]})
        tags = {i: set(project.images[i].tags) for i, _ in pairs}
        created, duplicated, exceeded, refusal = [], [], [], None
        for image_id, tag_id in pairs:
            if tag_id in tags[image_id]:
                duplicated.append((image_id, tag_id))
            elif len(tags[image_id]) >= MAX_TAGS_PER_IMAGE:
                exceeded.append((image_id, tag_id))
            elif tags[image_id] and (project.tags[tag_id].type == "Negative" or
                                     any(project.tags[t].type == "Negative" for t in tags[image_id])):
                refusal = "BadRequestNegativeAndRegularTagOnSameImage"
                break
            else:
                tags[image_id].add(tag_id)
                created.append((image_id, tag_id))
        if self.outcome(reply, {refusal or "ok"}, f"CreateImageTags {pairs}") != "ok":
            return
        body = reply.json()
        for key, want in (("created", created), ("duplicated", duplicated), ("exceeded", exceeded)):
            got = [(p["imageId"], p["tagId"]) for p in body[key]]
            expect(got == want, f"CreateImageTags {key}: server {got}, model {want}")
        for image_id, image_tags in tags.items():
            project.images[image_id].tags = image_tags
        if created:
            project.bump()

    @precondition(lambda self: any(p.images and p.tags for p in self.model.projects.values()))
    @rule(data=st.data())
    def untag_images(self, data):
        project = self.pick_project(data, lambda p: p.images and p.tags)
        image_ids = self.pick_images(data, project)
        tag_ids = data.draw(st.lists(st.sampled_from(list(project.tags)), min_size=1, max_size=3), label="tags")
        reply = self.api.training("DELETE", f"/projects/{project.id}/images/tags",
                                  query={"imageIds": ",".join(image_ids), "tagIds": ",".join(tag_ids)})
        self.outcome(reply, {"ok"}, "DeleteImageTags")
        changed = any(set(tag_ids) & project.images[i].tags for i in image_ids)
        for image_id in image_ids:
            project.images[image_id].tags -= set(tag_ids)
        project.bump(real=changed)

    @precondition(lambda self: any(p.images for p in self.model.projects.values()))
    @rule(data=st.data())
    def update_metadata(self, data):
        project = self.pick_project(data, lambda p: p.images)
        image_ids = self.pick_images(data, project)
        if data.draw(st.integers(0, 10)) == 0:
            image_ids.append(UNKNOWN_ID)
        metadata = data.draw(st.sampled_from(METADATA), label="metadata")
        reply = self.api.training_json("POST", f"/projects/{project.id}/images/metadata", metadata,
                                       query={"imageIds": ",".join(image_ids)})
        valid = all(0 < len(k) <= 256 and len(v) <= 512 for k, v in metadata.items())
        if not valid:
            code = "BadRequestImageMetadataKey" if any(not 0 < len(k) <= 256 for k in metadata) \
                else "BadRequestImageMetadataValue"
            self.outcome(reply, {code}, "UpdateImageMetadata")
            return
        if self.outcome(reply, {"ok"}, f"UpdateImageMetadata {list(metadata)[:3]}") != "ok":
            return
        results = reply.json()["images"]
        expect([r["imageId"] for r in results] == image_ids, f"UpdateImageMetadata results {results}")
        all_ok = True
        for image_id, result in zip(image_ids, results):
            image = project.images.get(image_id)
            if image is None:
                want = "ErrorImageNotFound"
            else:
                merged = {**image.metadata, **metadata}
                want = "OK" if len(merged) <= MAX_METADATA_PAIRS else "ErrorLimitExceed"
                if want == "OK":
                    image.metadata = merged
            expect(result["status"] == want, f"UpdateImageMetadata {image_id}: {result['status']}, model {want}")
            all_ok = all_ok and want == "OK"
        expect(reply.status == (200 if all_ok else 207), f"UpdateImageMetadata HTTP {reply.status}")

    @precondition(lambda self: any(p.images for p in self.model.projects.values()))
    @rule(data=st.data())
    def delete_images(self, data):
        project = self.pick_project(data, lambda p: p.images)
        if data.draw(st.integers(0, 12), label="all images?") == 0:
            reply = self.api.training("DELETE", f"/projects/{project.id}/images", query={"allImages": "true"})
            self.outcome(reply, {"ok"}, "DeleteImages allImages")
            expect(reply.status == 202, f"DeleteImages allImages answered {reply.status}")
            doomed = list(project.images)
        else:
            doomed = self.pick_images(data, project)
            reply = self.api.training("DELETE", f"/projects/{project.id}/images",
                                      query={"imageIds": ",".join(doomed + [UNKNOWN_ID])})
            self.outcome(reply, {"ok"}, "DeleteImages")
        for image_id in doomed:
            project.images.pop(image_id, None)
        project.bump(real=bool(doomed))

    # Training and iterations -----------------------------------------------------------------------------------
    @precondition(lambda self: self.model.projects)
    @rule(data=st.data())
    def train(self, data):
        project = self.pick_project(data)
        forced = data.draw(st.sampled_from(["", "", "", "fail", "hang"]), label="forced outcome")
        if forced:
            self.outcome(self.api.admin("POST", "/training/next", {"outcome": forced}), {"ok"}, "training/next")
            self.model.forced_next = forced
        force = data.draw(st.booleans(), label="forceTrain")
        self.settle_trainings(project)
        selected = None
        if data.draw(st.integers(0, 3), label="selectedTags?"):  # the tags with enough images, when there are two
            selected = Model.trainable_tags(project) or None
        query = {"forceTrain": str(force).lower()}
        path = f"/projects/{project.id}/train"
        reply = self.api.training_json("POST", path, {"selectedTags": selected}, query) if selected else \
            self.api.training("POST", path, query=query)
        self.expect_training(project, reply, self.model.training_outcomes(project, force, selected), selected)

    def settle_trainings(self, project):
        """Waits until no training of `project` can end behind the model's back (only held ones remain)."""
        deadline = time.monotonic() + 60
        while any(not self.settled(it) for it in project.iterations.values()):
            expect(time.monotonic() < deadline, f"project {project.id}: a training did not end within 60 s")
            time.sleep(0.01)
            checks.check_iterations(self.api, self.model, project)

    def expect_training(self, project, reply, allowed, selected=None):
        got = self.outcome(reply, {("ok" if a == "train" else a) for a in allowed}, "TrainProject")
        if got != "ok":
            return None
        body = reply.json()
        project.iterations_created += 1
        name = f"Iteration {project.iterations_created}"
        expect(body["status"] == "Training" and body["name"] == name,
               f"TrainProject answered {body}; the model expected status Training and name {name!r}")
        forced = self.model.forced_next
        self.model.forced_next = "normal"
        iteration = Iteration(body["id"], name, project.classification,
                              may_end=frozenset({"Failed" if forced == "fail" else "Completed"}),
                              hung=forced == "hang", trained_rev=project.rev,
                              expected_tags=self.model.used_tags(project, selected), model_key=body["id"])
        project.iterations[iteration.id] = iteration
        return iteration

    @precondition(lambda self: any(it.hung for p in self.model.projects.values() for it in p.iterations.values()))
    @rule()
    def release_trainings(self):
        self.release()

    def release(self):
        self.outcome(self.api.admin("POST", "/training/advance"), {"ok"}, "training/advance")
        self.model.after_release()

    @precondition(lambda self: any(Model.trainable_tags(p) for p in self.model.projects.values()))
    @rule(data=st.data())
    def train_and_publish(self, data):
        """The way to a served model in one step: train on the tags with enough images, wait, publish."""
        project = self.pick_project(data, Model.trainable_tags)
        if any(it.hung for it in project.iterations.values()):
            self.release()
        self.settle_trainings(project)
        selected = Model.trainable_tags(project)
        reply = self.api.training_json("POST", f"/projects/{project.id}/train", {"selectedTags": selected},
                                       {"forceTrain": "true"})
        iteration = self.expect_training(project, reply, self.model.training_outcomes(project, True, selected),
                                         selected)
        if iteration is None:
            return
        self.settle_trainings(project)
        name = data.draw(st.sampled_from(PUBLISH_NAMES), label="publishName")
        self.publish_as(project, iteration, name, overwrite=True)
        if project.published(name) is iteration and "/" not in name:
            sample = self.harness.corpus.probe(self.rng(data))
            verb = "detect" if project.detects else "classify"
            path = f"/{project.id}/{verb}/iterations/{quote(name, safe='')}/image/nostore"
            reply = self.api.prediction("POST", path, sample.data, "application/octet-stream")
            what = f"{verb.capitalize()}ImageWithNoStore"
            if self.outcome(reply, self.prediction_outcomes(sample, "prediction"), what) == "ok":
                self.predicted(project, iteration, sample, reply, False, what)

    @precondition(lambda self: any(p.iterations for p in self.model.projects.values()))
    @rule(data=st.data())
    def rename_iteration(self, data):
        project, iteration = self.pick_iteration(data)
        name = data.draw(st.sampled_from(ITERATION_NAMES + [f"iteration {len(project.iterations)}"]), label="name")
        clash = any(it.name == name for it in project.iterations.values() if it.id != iteration.id)
        allowed = {"BadRequestIterationName"} if not Model.valid_name(name) else \
            {"BadRequestIterationNameNotUnique"} if clash else {"ok"}
        reply = self.api.training_json("PATCH", f"/projects/{project.id}/iterations/{iteration.id}", {"name": name})
        if self.outcome(reply, allowed, f"UpdateIteration {name!r}") == "ok":
            expect(reply.json()["name"] == name, f"UpdateIteration answered {reply.json()}")
            iteration.name = name

    def pick_iteration(self, data, condition=lambda it: True):
        choices = [(it.id, p.id) for p in self.projects() for it in p.iterations.values() if condition(it)]
        iteration_id, project_id = data.draw(st.sampled_from(choices), label="iteration")
        project = self.model.projects[project_id]
        return project, project.iterations[iteration_id]

    @staticmethod
    def settled(iteration):
        """Its status cannot change behind the model's back: finished, or held until a release."""
        return iteration.status != "Training" or iteration.hung

    @precondition(lambda self: any(StatefulCvmock.settled(it) for p in self.model.projects.values()
                                   for it in p.iterations.values()))
    @rule(data=st.data())
    def publish(self, data):
        project, iteration = self.pick_iteration(data, self.settled)
        name = data.draw(st.sampled_from(PUBLISH_NAMES), label="publishName")
        self.publish_as(project, iteration, name, data.draw(st.booleans(), label="overwrite"))

    def publish_as(self, project, iteration, name, overwrite):
        holder = project.published(name)
        if iteration.status != "Completed":
            allowed = {"BadRequestIterationIsNotTrained"}
        elif not Model.valid_name(name) or "/" in name:
            allowed = {"BadRequestInvalidPublishName"}
        elif holder and holder.id != iteration.id and not overwrite:
            allowed = {"BadRequestInvalidPublishName"}
        else:
            allowed = {"ok"}
        reply = self.api.training("POST", f"/projects/{project.id}/iterations/{iteration.id}/publish",
                                  query={"publishName": name, "predictionId": PREDICTION_RESOURCE_ID,
                                         "overwrite": str(overwrite).lower()})
        if self.outcome(reply, allowed, f"PublishIteration {name!r}") == "ok":
            expect(reply.body == "true", f"PublishIteration answered {reply.body!r}")
            if holder and holder.id != iteration.id:
                holder.publish_name = None
            iteration.publish_name = name

    @precondition(lambda self: any(p.iterations for p in self.model.projects.values()))
    @rule(data=st.data())
    def unpublish(self, data):
        project, iteration = self.pick_iteration(data)
        reply = self.api.training("DELETE", f"/projects/{project.id}/iterations/{iteration.id}/publish")
        self.outcome(reply, {"ok"} if iteration.publish_name else {"BadRequestIterationNotPublished"},
                     "UnpublishIteration")
        iteration.publish_name = None

    @precondition(lambda self: any(p.iterations for p in self.model.projects.values()))
    @rule(data=st.data())
    def delete_iteration(self, data):
        project, iteration = self.pick_iteration(data)
        reply = self.api.training("DELETE", f"/projects/{project.id}/iterations/{iteration.id}")
        if self.outcome(reply, {"BadRequestIterationIsPublished"} if iteration.publish_name else {"ok"},
                        "DeleteIteration") == "ok":
            del project.iterations[iteration.id]

    # Predictions -----------------------------------------------------------------------------------------------
    def prediction_outcomes(self, sample, api):
        outcomes = set(sample.predict)
        if api == "prediction" and "BadRequestImageDimensions" in outcomes:  # Prediction v3.0 has no such code
            outcomes = (outcomes - {"BadRequestImageDimensions"}) | {"BadRequestImageFormat"}
        return outcomes

    def predicted(self, project, iteration, sample, reply, store, what):
        body = reply.json()
        expect(body["iteration"] == iteration.id and body["project"] == project.id, f"{what}: answered {body}")
        if project.detects:
            checks.check_detections(self.model, iteration, sample.data, body["predictions"], what)
        else:
            checks.check_probabilities(self.model, project, iteration, sample.data, body["predictions"], what)
        if store:
            project.predictions[body["id"]] = Prediction(body["id"], iteration.id, sample.data)

    @precondition(lambda self: any(p.published(n) for p in self.model.projects.values() for n in PUBLISH_NAMES
                                   if "/" not in n))
    @rule(data=st.data())
    def classify(self, data):
        project = self.pick_project(data, lambda p: p.prediction_names())
        names = project.prediction_names()
        name = data.draw(st.sampled_from(names + ["never published"]), label="publishName")
        store = data.draw(st.booleans(), label="store")
        sample = self.prediction_sample(self.rng(data), bad_share=0.4)
        path = f"/{project.id}/classify/iterations/{quote(name, safe='')}/image" + ("" if store else "/nostore")
        reply = self.api.prediction("POST", path, sample.data, "application/octet-stream")
        iteration = project.published(name)
        # The publish name and the model's kind are checked before the body is read (api/prediction_handlers.cc)
        allowed = {"NotFoundIteration"} if not iteration else {"BadRequestNotSupported"} if project.detects else \
            {"BadRequestImageStream"} if not sample.data else self.prediction_outcomes(sample, "prediction")
        if self.outcome(reply, allowed, f"ClassifyImage{'' if store else 'WithNoStore'} ({sample.kind})") == "ok":
            self.predicted(project, iteration, sample, reply, store, "ClassifyImage")

    @precondition(lambda self: self.model.projects)
    @rule(data=st.data())
    def quick_test(self, data):
        project = self.pick_project(data)
        choices = [it.id for it in project.iterations.values() if self.settled(it)]
        iteration_id = data.draw(st.sampled_from([None] + choices), label="iterationId")
        if iteration_id is None:
            self.settle_trainings(project)  # the default is the latest trained iteration
        store = data.draw(st.booleans(), label="store")
        sample = self.prediction_sample(self.rng(data), bad_share=0.3)
        query = {"store": str(store).lower()}
        if iteration_id:
            query["iterationId"] = iteration_id
            iteration = project.iterations[iteration_id]
            allowed = self.prediction_outcomes(sample, "training") if iteration.status == "Completed" else \
                {"BadRequestIterationIsNotTrained"}
        else:
            completed = project.completed()
            latest = max((time_key(it.trained_at) for it in completed), default=None)
            candidates = [it for it in completed if time_key(it.trained_at) == latest]
            iteration = candidates[0] if len(candidates) == 1 else None
            allowed = self.prediction_outcomes(sample, "training") if completed else \
                {"NotFoundProjectDefaultIteration"}
        if not sample.data:
            allowed = {"BadRequestImageStream"}  # the body is read before the iteration is looked up
        reply = self.api.training("POST", f"/projects/{project.id}/quicktest/image", sample.data,
                                  "application/octet-stream", query)
        if self.outcome(reply, allowed, f"QuickTestImage ({sample.kind})") == "ok":
            if iteration is None:
                iteration = project.iterations[reply.json()["iteration"]]
                expect(iteration.id in {c.id for c in candidates},
                       f"QuickTestImage used {iteration.id}, not a latest-trained one")
            self.predicted(project, iteration, sample, reply, store, "QuickTestImage")

    @precondition(lambda self: any(p.predictions for p in self.model.projects.values()))
    @rule(data=st.data())
    def delete_predictions(self, data):
        project = self.pick_project(data, lambda p: p.predictions)
        ids = data.draw(st.lists(st.sampled_from(list(project.predictions)), min_size=1, max_size=3))
        reply = self.api.training("DELETE", f"/projects/{project.id}/predictions", query={"ids": ",".join(ids)})
        self.outcome(reply, {"ok"}, "DeletePrediction")
        for prediction_id in ids:
            project.predictions.pop(prediction_id, None)

    @precondition(lambda self: any(p.predictions for p in self.model.projects.values()))
    @rule(data=st.data())
    def images_from_predictions(self, data):
        project = self.pick_project(data, lambda p: p.predictions)
        ids = data.draw(st.lists(st.sampled_from(list(project.predictions) + [UNKNOWN_ID]), min_size=1,
                                 max_size=3))
        tag_ids = self.pick_tags(data, project, most=1)
        reply = self.api.training_json("POST", f"/projects/{project.id}/images/predictions",
                                       {"images": [{"id": i} for i in ids], "tagIds": tag_ids})
        entries = []
        for prediction_id in ids:
            prediction = project.predictions.get(prediction_id)
            if prediction:
                entries.append((self.harness.corpus.known(prediction.data), tag_ids, ""))
            else:
                entries.append((self.harness.corpus.known(b""), tag_ids, "ErrorSource"))
        self.expect_batch(project, reply, entries, {}, "CreateImagesFromPredictions")

    # Export and import -----------------------------------------------------------------------------------------
    @precondition(lambda self: self.model.projects)
    @rule(data=st.data())
    def export_project(self, data):
        project = self.pick_project(data)
        self.settle_trainings(project)
        reply = self.api.training("GET", f"/projects/{project.id}/export")
        self.outcome(reply, {"ok"}, "ExportProject")
        body = reply.json()
        completed = project.completed()
        counts = (len(project.images), len(completed),
                  len(project.tags) + sum(len(it.expected_tags) for it in completed), project.region_count())
        expect((body["imageCount"], body["iterationCount"], body["tagCount"], body["regionCount"]) == counts,
               f"ExportProject counts (images, iterations, tags, regions) {body}, model {counts}")
        project.exports.append((body["token"], project.snapshot(), body["iterationCount"]))

    @precondition(lambda self: any(p.exports for p in self.model.projects.values()))
    @rule(data=st.data())
    def import_project(self, data):
        source = self.pick_project(data, lambda p: p.exports)
        token, snapshot, iteration_count = source.exports[data.draw(st.integers(0, len(source.exports) - 1),
                                                                    label="export")]
        name = data.draw(st.sampled_from([None, None, "imported", "   "]), label="name")
        query = {"token": token}
        if name is not None:
            query["name"] = name
        reply = self.api.training("POST", "/projects/import", query=query)
        if self.outcome(reply, {"ok"} if name is None or Model.valid_name(name) else {"BadRequestProjectName"},
                        "ImportProject") != "ok":
            return
        body = reply.json()
        if name is None:
            taken = {p.name for p in self.projects()}
            name = next(f"{snapshot.name} ({n})" for n in range(1, 10 ** 6) if f"{snapshot.name} ({n})" not in taken)
        expect(body["name"] == name, f"ImportProject named it {body['name']!r}, model {name!r}")
        self.model.projects[body["id"]] = self.imported(body["id"], name, snapshot, iteration_count)

    def imported(self, project_id, name, snapshot, iteration_count):
        """The snapshot as the new project, ids mapped through what the server lists (tags by name, images by bytes,
        iterations by name): the check after this step then compares everything else."""
        project = Project(project_id, name, snapshot.classification, detects=snapshot.detects,
                          iterations_created=snapshot.iterations_created)
        tags = checks.ok_json(self.api.training("GET", f"/projects/{project_id}/tags"), "GetTags")
        tag_ids = {}
        for tag in snapshot.tags.values():
            match = [t for t in tags if t["name"] == tag.name]
            expect(len(match) == 1, f"ImportProject: tag {tag.name!r} not imported once: {tags}")
            tag_ids[tag.id] = match[0]["id"]
            project.tags[match[0]["id"]] = Tag(match[0]["id"], tag.name, tag.type)
        for image in checks.list_images(self.api, project_id):
            blob = self.api.blob(image["originalImageUri"])
            source = snapshot.image_with_bytes(blob.raw)
            expect(source is not None, f"ImportProject: image {image['id']} is not one of the exported images")
            copied = Image(image["id"], source.data, source.width, source.height, {tag_ids[t] for t in source.tags},
                           dict(source.metadata))
            copied.regions = checks.regions_as_given(image, [(tag_ids[t], box) for t, box in source.regions.values()],
                                                     f"ImportProject: image {image['id']}")
            project.images[image["id"]] = copied
        listed = checks.ok_json(self.api.training("GET", f"/projects/{project_id}/iterations"), "GetIterations")
        exportable = {it.name: it for it in snapshot.completed()}
        expect(len(listed) == iteration_count,
               f"ImportProject: {len(listed)} iterations, the export said {iteration_count}")
        for server in listed:
            source = exportable.get(server["name"])
            expect(source is not None and server["status"] == "Completed",
                   f"ImportProject: iteration {server} is not a completed exported one")
            current = source.trained_rev == snapshot.rev
            maybe = all(r in snapshot.soft_revs for r in range(source.trained_rev + 1, snapshot.rev + 1))
            copy = Iteration(server["id"], source.name, source.classification, status="Completed",
                             expected_tags=frozenset(tag_ids[t] for t in source.expected_tags if t in tag_ids),
                             trained_at=server["trainedAt"], model_key=source.model_key,
                             trained_rev=0 if current else -1)
            if maybe and not current:
                project.soft_revs.add(0)
            trained = checks.ok_json(self.api.training("GET", f"/projects/{project_id}/tags",
                                                       query={"iterationId": server["id"]}), "GetTags")
            copy.trained_tags = tuple(t["id"] for t in trained)
            project.iterations[copy.id] = copy
        return project

    # Restarts --------------------------------------------------------------------------------------------------
    @rule(data=st.data())
    def restart(self, data):
        if data.draw(st.integers(0, 99), label="restart draw") >= self.harness.restart_rate:
            return
        sig = data.draw(st.sampled_from([signal.SIGTERM, signal.SIGKILL]), label="signal")
        # A SIGTERM drains the open connections, and an idle keep-alive one only ends when cpp-httplib's 5 s
        # keep-alive timeout does: 3 restarts in 4 close the test's connection first, so that the time goes to
        # steps rather than to waiting; the fourth keeps it open, so that the drain stays tested.
        if data.draw(st.integers(0, 3), label="idle connection kept open?"):
            self.api.close()
        self.harness.server.restart(sig)
        self.api.connect(self.harness.server.port)
        self.model.after_restart()

    @precondition(lambda self: self.model.projects)
    @rule(data=st.data())
    def kill_during_upload(self, data):
        """SIGKILL while a batch of new, valid images is being stored: after the restart the batch is there
        whole, with its tags, or not at all; acknowledged, it must be there."""
        if data.draw(st.integers(0, 99), label="restart draw") >= self.harness.restart_rate:
            return
        project = self.pick_project(data)
        rng = self.rng(data)
        tag_ids = list(dict.fromkeys(t for t in self.pick_tags(data, project) if t in project.tags))
        if self.model.tags_conflict(project, tag_ids):
            tag_ids = tag_ids[:1]
        samples = []
        while len(samples) < 6:
            sample = self.harness.corpus.valid(rng)
            if not project.image_with_bytes(sample.data) and all(s.data != sample.data for s in samples):
                samples.append(sample)
        delay = data.draw(st.integers(0, 30), label="delay ms") / 1000
        replies = self.in_flight(lambda: self.api.multipart(f"/projects/{project.id}/images", [s.data for s in samples],
                                                            query={"tagIds": ",".join(tag_ids)} if tag_ids else None),
                                 delay)
        self.harness.kills_in_flight["upload"] += 1
        self.model.after_restart()
        if replies:
            self.expect_batch(project, replies[0], [(s, tag_ids, "") for s in samples], {}, "upload before a kill")
            return
        listed = {i["id"]: i for i in checks.list_images(self.api, project.id)}
        new = {image_id: image for image_id, image in listed.items() if image_id not in project.images}
        expect(len(new) in (0, len(samples)), f"an upload cut by SIGKILL left {len(new)} of {len(samples)} images")
        for image_id, image in new.items():
            data_ = self.api.blob(image["originalImageUri"]).raw
            sample = next((s for s in samples if s.data == data_), None)
            expect(sample is not None, f"an upload cut by SIGKILL left an image of unknown bytes: {image_id}")
            project.images[image_id] = Image(image_id, sample.data, sample.width, sample.height, set(tag_ids))
        if new:
            project.bump()

    @precondition(lambda self: self.model.projects)
    @rule(data=st.data())
    def kill_during_training(self, data):
        """SIGKILL while TrainProject is answered or the training runs: an acknowledged iteration ends Failed
        (interrupted) or Completed; an unacknowledged one exists so, or not at all."""
        if data.draw(st.integers(0, 99), label="restart draw") >= self.harness.restart_rate:
            return
        project = self.pick_project(data)
        self.settle_trainings(project)
        allowed = self.model.training_outcomes(project, True)
        if allowed != {"train"}:
            return
        delay = data.draw(st.integers(0, 20), label="delay ms") / 1000
        replies = self.in_flight(lambda: self.api.training("POST", f"/projects/{project.id}/train",
                                                           query={"forceTrain": "true"}), delay)
        self.harness.kills_in_flight["training"] += 1
        forced = self.model.forced_next
        if replies:
            self.expect_training(project, replies[0], allowed)
            self.model.after_restart()
            return
        self.model.after_restart()
        listed = checks.ok_json(self.api.training("GET", f"/projects/{project.id}/iterations"), "GetIterations")
        new = [it for it in listed if it["id"] not in project.iterations]
        expect(len(new) <= 1, f"a TrainProject cut by SIGKILL left {len(new)} iterations")
        if new:
            project.iterations_created += 1
            name = f"Iteration {project.iterations_created}"
            expect(new[0]["name"] == name, f"a TrainProject cut by SIGKILL left {new[0]}")
            iteration = Iteration(new[0]["id"], name, project.classification,
                                  may_end=frozenset({"Failed"} if forced != "normal" else {"Failed", "Completed"}),
                                  must_settle=True, trained_rev=project.rev,
                                  expected_tags=self.model.used_tags(project), model_key=new[0]["id"])
            project.iterations[iteration.id] = iteration

    def in_flight(self, call, delay):
        """Runs `call` on a thread, SIGKILLs cvmock after `delay` seconds and starts it again; returns [reply] when
        the call was answered before the kill, else []."""
        replies = []

        def run():
            try:
                replies.append(call())
            except ConnectionLost:
                pass

        worker = threading.Thread(target=run)
        worker.start()
        time.sleep(delay)
        self.harness.server.stop(signal.SIGKILL)
        worker.join()
        self.harness.server.restarts["SIGKILL"] += 1
        self.harness.server.start()
        self.api.connect(self.harness.server.port)
        return replies

    # The check after every step --------------------------------------------------------------------------------
    @invariant()
    def state_matches_model(self):
        self.harness.steps += 1
        self.harness.bytes_compared += checks.check_all(self.api, self.model)


__all__ = ["BudgetSpent", "Harness", "machine_for", "Mismatch"]
