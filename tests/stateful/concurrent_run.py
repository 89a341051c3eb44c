"""The concurrent variant: threads call cvmock at once on shared projects and on a project each, cvmock is killed
with SIGKILL while calls are in flight, and after the restart the whole state must be what was acknowledged (a
success answer before the kill) plus, for each thread, its one call in flight either wholly applied or not at all.

Each thread owns what it creates (its tags by name prefix, its images by their bytes, its project's iterations, the
regions of its tags on its images), so the threads' acknowledged histories are independent and each has a reference
state of its own. One of the two shared projects detects objects: there images are uploaded with regions, and
regions are added and deleted. Workers 0 and 1 also own a detector each (concurrent_detector.py): trained,
published and predicted on during the rounds."""
import base64
import collections
import copy
import hashlib
import random
import signal
import threading
import time
from dataclasses import dataclass, field

import checks
from api import Api, ConnectionLost
from checks import Mismatch, expect
from concurrent_detector import PREFIX, Detector
from cvmock_process import CvmockProcess
from detection_rules import inside_box, region_json
from model import DETECTION_DOMAIN

MIN_IMAGES_PER_TAG = 5
DETECTOR_OWNERS = 2  # the first workers each own a detector, which takes DETECTOR_SHARE of their steps
DETECTOR_SHARE = 0.6


@dataclass
class Figures:
    threads: int = 0
    rounds: int = 0
    calls: int = 0
    acknowledged: int = 0
    in_flight: int = 0
    detections: int = 0  # the detectors' acknowledged answers, each compared with the model's first
    detector_trainings: int = 0  # their iterations seen Completed
    detector_interrupted: int = 0  # their trainings a kill -9 ended Failed
    # their calls in flight at a kill, by operation
    detector_in_flight: collections.Counter = field(default_factory=collections.Counter)


@dataclass
class Slice:
    """What one thread owns in one project, by content: tag names, and per image (by its bytes' digest) its tag
    names, metadata and regions; iteration names with the statuses they may have."""
    tags: set = field(default_factory=set)
    # digest -> (frozenset of tag names, metadata as sorted tuple, regions as a frozenset of (tag name, box))
    images: dict = field(default_factory=dict)
    iterations: dict = field(default_factory=dict)  # name -> set of allowed statuses


class Worker:
    def __init__(self, index, api, projects, own_project, corpus, seed, detecting=()):
        self.index = index
        self.detecting = set(detecting)  # the projects that detect objects
        self.api = api
        self.projects = projects  # project ids it may touch: the shared ones and its own
        self.own = own_project
        self.corpus = corpus
        self.rng = random.Random(f"{seed}:worker:{index}")
        self.state = {p: Slice() for p in projects}  # acknowledged
        # name / digest / (digest, tag name, box) -> server id
        self.ids = {p: {"tags": {}, "images": {}, "iterations": {}, "regions": {}} for p in projects}
        self.data = {}  # digest -> bytes
        self.pending = None  # (description, function applying it to a copy of the state)
        self.counter = 0
        self.acknowledged = 0
        self.error = None
        self.detector = None  # a Detector when this worker owns one; its state is self.state[detector.project]

    # The loop ----------------------------------------------------------------------------------------------------
    def run(self, stop):
        try:
            while not stop.is_set():
                self.step()
        except ConnectionLost:
            pass  # the kill: self.pending stays what was in flight
        except BaseException as error:  # a wrong answer; reported by the main thread
            self.error = error

    def step(self):
        if self.detector and self.rng.random() < DETECTOR_SHARE:
            self.detector.step(self)
            return
        project = self.rng.choice(self.projects)
        s = self.state[project]
        choices = ["upload", "upload", "tag"]
        if s.images and s.tags:
            choices += ["tag_image", "untag_image"]
        if s.images:
            choices += ["metadata", "delete_image"]
        if len(s.tags) > 2:
            choices += ["delete_tag"]
        if project in self.detecting and s.images and s.tags:
            choices += ["add_regions", "add_regions"]
        if project in self.detecting and any(regions for _, _, regions in s.images.values()):
            choices += ["delete_region"]
        if project == self.own:
            choices += ["train", "rename_iteration"]
        getattr(self, choices[self.rng.randrange(len(choices))])(project)

    def attempt(self, description, apply, call):
        """Makes `call` with `apply` as the pending change; once answered with success, applies it for good."""
        self.pending = (description, apply)
        reply = call()
        expect(200 <= reply.status < 300, f"worker {self.index}: {description}: {reply!r}")
        apply(self.state, reply)
        self.pending = None
        self.acknowledged += 1

    # The operations (each on what this worker owns) -------------------------------------------------------------
    def upload(self, project):
        tags = sorted(self.state[project].tags)
        chosen = self.rng.sample(tags, min(len(tags), self.rng.randint(0, 2)))
        images = [self.new_image() for _ in range(self.rng.randint(1, 3))]
        tag_ids = [self.ids[project]["tags"][t] for t in chosen]
        with_regions = project in self.detecting and tags and self.rng.random() < 0.7
        regions = [self.new_regions(project, tags, frozenset()) if with_regions else frozenset() for _ in images]

        def apply(state, reply):
            for data, own in zip(images, regions):
                state[project].images[digest(data)] = (frozenset(chosen), (), own)
            if reply is not None:
                for result, data in zip(reply.json()["images"], images):
                    expect(result["status"] == "OK", f"worker {self.index}: upload {result['status']}")
                    self.ids[project]["images"][digest(data)] = result["image"]["id"]
                    self.learn_regions(project, digest(data), result["image"])

        if not any(regions):
            self.attempt("upload", apply, lambda: self.api.multipart(
                f"/projects/{project}/images", images, query={"tagIds": ",".join(tag_ids)} if tag_ids else None))
            return
        files = [{"contents": base64.b64encode(data).decode(),
                  "regions": [region_json(self.ids[project]["tags"][t], box) for t, box in sorted(own)]}
                 for data, own in zip(images, regions)]
        self.attempt("upload with regions", apply, lambda: self.api.training_json(
            "POST", f"/projects/{project}/images/files", {"images": files, "tagIds": tag_ids}))

    def new_regions(self, project, tags, present):
        """1 to 3 regions of this worker's tags, none the same tag and box as another or as one `present`."""
        regions = set()
        for _ in range(self.rng.randint(1, 3)):
            region = (self.rng.choice(tags), inside_box(self.rng))
            if region not in present:
                regions.add(region)
        return frozenset(regions)

    def learn_regions(self, project, key, image):
        names = {tag_id: name for name, tag_id in self.ids[project]["tags"].items()}
        for region in image.get("regions") or []:
            if region["tagId"] in names:
                self.ids[project]["regions"][(key, names[region["tagId"]], checks.box_of(region))] = region["regionId"]

    def add_regions(self, project):
        image = self.pick_image(project)
        names, metadata, present = self.state[project].images[image]
        new = self.new_regions(project, sorted(self.state[project].tags), present)
        if not new:
            return
        image_id = self.ids[project]["images"][image]

        def apply(state, reply):
            names_, metadata_, present_ = state[project].images[image]
            state[project].images[image] = (names_, metadata_, present_ | new)
            if reply is not None:
                body = reply.json()
                expect(len(body.get("created") or []) == len(new) and reply.status == 200,
                       f"worker {self.index}: CreateImageRegions created {body}, asked {sorted(new)}")
                self.learn_regions(project, image, {"regions": body["created"]})

        entries = [region_json(self.ids[project]["tags"][t], box, image_id) for t, box in sorted(new)]
        self.attempt("add regions", apply, lambda: self.api.training_json(
            "POST", f"/projects/{project}/images/regions", {"regions": entries}))

    def delete_region(self, project):
        owned = sorted((key, region) for key, (_, _, regions) in self.state[project].images.items()
                       for region in regions)
        key, region = self.rng.choice(owned)
        region_id = self.ids[project]["regions"][(key, *region)]

        def apply(state, reply):
            names, metadata, regions = state[project].images[key]
            state[project].images[key] = (names, metadata, regions - {region})

        self.attempt("delete region", apply, lambda: self.api.training(
            "DELETE", f"/projects/{project}/images/regions", query={"regionIds": region_id}))

    def tag(self, project):
        self.counter += 1
        name = f"w{self.index}-t{self.counter}"

        def apply(state, reply):
            state[project].tags.add(name)
            if reply is not None:
                self.ids[project]["tags"][name] = reply.json()["id"]

        self.attempt("create tag", apply, lambda: self.api.training("POST", f"/projects/{project}/tags",
                                                                    query={"name": name}))

    def tag_image(self, project):
        image, tag = self.pick_image(project), self.rng.choice(sorted(self.state[project].tags))

        def apply(state, reply):
            names, metadata, regions = state[project].images[image]
            state[project].images[image] = (names | {tag}, metadata, regions)

        body = {"tags": [{"imageId": self.ids[project]["images"][image], "tagId": self.ids[project]["tags"][tag]}]}
        self.attempt("tag image", apply,
                     lambda: self.api.training_json("POST", f"/projects/{project}/images/tags", body))

    def untag_image(self, project):
        image, tag = self.pick_image(project), self.rng.choice(sorted(self.state[project].tags))

        def apply(state, reply):
            names, metadata, regions = state[project].images[image]
            state[project].images[image] = (names - {tag}, metadata, regions)

        query = {"imageIds": self.ids[project]["images"][image], "tagIds": self.ids[project]["tags"][tag]}
        self.attempt("untag image", apply,
                     lambda: self.api.training("DELETE", f"/projects/{project}/images/tags", query=query))

    def metadata(self, project):
        image = self.pick_image(project)
        pair = {f"w{self.index}": str(self.rng.randrange(1000))}

        def apply(state, reply):
            names, metadata, regions = state[project].images[image]
            state[project].images[image] = (names, tuple(sorted({**dict(metadata), **pair}.items())), regions)

        self.attempt("metadata", apply, lambda: self.api.training_json(
            "POST", f"/projects/{project}/images/metadata", pair,
            query={"imageIds": self.ids[project]["images"][image]}))

    def delete_image(self, project):
        image = self.pick_image(project)

        def apply(state, reply):
            state[project].images.pop(image, None)

        self.attempt("delete image", apply, lambda: self.api.training(
            "DELETE", f"/projects/{project}/images", query={"imageIds": self.ids[project]["images"][image]}))

    def delete_tag(self, project):
        tag = self.rng.choice(sorted(self.state[project].tags))

        def apply(state, reply):  # the tag's regions go with it
            state[project].tags.discard(tag)
            for key, (names, metadata, regions) in list(state[project].images.items()):
                state[project].images[key] = (names - {tag}, metadata,
                                              frozenset(r for r in regions if r[0] != tag))

        self.attempt("delete tag", apply, lambda: self.api.training(
            "DELETE", f"/projects/{project}/tags/{self.ids[project]['tags'][tag]}"))

    def train(self, project):
        s = self.state[project]
        counts = {t: sum(1 for names, _, _ in s.images.values() if t in names) for t in s.tags}
        used = [t for t, n in counts.items() if n]
        if len(used) < 2 or any(counts[t] < MIN_IMAGES_PER_TAG for t in used) or \
                any(statuses == {"Training"} or "Training" in statuses for statuses in s.iterations.values()):
            return  # the model would have to foresee the validation; another step will do
        if any(len(names) > 1 for names, _, _ in s.images.values()):
            return  # the own project is Multiclass

        def apply(state, reply):
            if reply is not None:
                name = reply.json()["name"]
                self.ids[project]["iterations"][name] = reply.json()["id"]
                state[project].iterations[name] = {"Training", "Completed"}
            else:
                state[project].iterations["<unacknowledged training>"] = {"Training", "Completed"}

        self.attempt("train", apply, lambda: self.api.training("POST", f"/projects/{project}/train",
                                                               query={"forceTrain": "true"}))

    def rename_iteration(self, project):
        # Only iterations seen settled after a restart: a rename during training is the sequential test's business.
        names = sorted(n for n, statuses in self.state[project].iterations.items()
                       if n in self.ids[project]["iterations"] and "Training" not in statuses)
        if not names:
            return
        old = self.rng.choice(names)
        self.counter += 1
        new = f"w{self.index}-i{self.counter}"
        iteration_id = self.ids[project]["iterations"][old]

        def apply(state, reply):
            state[project].iterations[new] = state[project].iterations.pop(old)
            self.ids[project]["iterations"][new] = iteration_id

        self.attempt("rename iteration", apply, lambda: self.api.training_json(
            "PATCH", f"/projects/{project}/iterations/{iteration_id}", {"name": new}))

    def pick_image(self, project):
        return self.rng.choice(sorted(self.state[project].images))

    def new_image(self):
        self.counter += 1
        data = self.corpus.stamped(self.rng, (self.index << 16) | self.counter)
        self.data[digest(data)] = data
        return data

    # After the kill ---------------------------------------------------------------------------------------------
    def candidates(self):
        """The states the server may hold for this worker: the acknowledged one, and with the call in flight."""
        states = [self.state]
        if self.pending:
            applied = copy.deepcopy(self.state)
            self.pending[1](applied, None)
            states.append(applied)
        return states

    def adopt(self, state, server):
        """Takes the matching candidate as acknowledged and learns the ids of what the in-flight call made."""
        self.state = state
        self.pending = None
        for project, listing in server.items():
            ids = self.ids[project]
            ids["tags"] = {name: tag_id for tag_id, name in listing["tags"].items() if name in state[project].tags}
            ids["images"] = {key: image_id for image_id, key in listing["digests"].items()
                             if key in state[project].images}
            ids["iterations"] = {i["name"]: i["id"] for i in listing["iterations"]
                                 if i["name"] in state[project].iterations}
            ids["regions"] = {}
            for image in listing["images"]:
                key = listing["digests"][image["id"]]
                if key in state[project].images:
                    self.learn_regions(project, key, image)
            for name in list(state[project].iterations):
                if name == "<unacknowledged training>":
                    del state[project].iterations[name]
            for i in listing["iterations"]:
                if i["name"] in ids["iterations"]:
                    state[project].iterations[i["name"]] = {i["status"]}


def digest(data):
    return hashlib.sha256(data).hexdigest()


def server_listing(api, project):
    tags = checks.ok_json(api.training("GET", f"/projects/{project}/tags"), "GetTags")
    images = checks.list_images(api, project)
    digests = {}
    for image in images:
        blob = api.blob(image["originalImageUri"])
        expect(blob.status == 200, f"image {image['id']} bytes: {blob!r}")
        digests[image["id"]] = digest(blob.raw)
    iterations = checks.ok_json(api.training("GET", f"/projects/{project}/iterations"), "GetIterations")
    return {"tags": {t["id"]: t["name"] for t in tags}, "tag_counts": {t["id"]: t["imageCount"] for t in tags},
            "images": images, "digests": digests, "iterations": iterations}


def worker_view(worker, project, listing):
    """The part of a project's server state that belongs to `worker`, as a Slice."""
    prefix = f"w{worker.index}-"
    view = Slice()
    view.tags = {name for name in listing["tags"].values() if name.startswith(prefix)}
    for image in listing["images"]:
        key = listing["digests"][image["id"]]
        if key not in worker.data:
            continue
        names = frozenset(listing["tags"][t["tagId"]] for t in image.get("tags", []))
        regions = [(listing["tags"][r["tagId"]], checks.box_of(r)) for r in image.get("regions") or []]
        expect(len(set(regions)) == len(regions), f"image {image['id']}: a region stored twice: {regions}")
        view.images[key] = (names, tuple(sorted(image.get("metadata", {}).items())), frozenset(regions))
    if project == worker.own:
        view.iterations = {i["name"]: i["status"] for i in listing["iterations"]}
    return view


def matches(state, view, project, own):
    if state.tags != view.tags or state.images != view.images:
        return False
    if project != own:
        return True
    expected = dict(state.iterations)
    unacknowledged = expected.pop("<unacknowledged training>", None)
    extra = {n: s for n, s in view.iterations.items() if n not in expected}
    if set(expected) - set(view.iterations):
        return False
    if any(view.iterations[n] not in (statuses - {"Training"}) | {"Failed"} for n, statuses in expected.items()):
        return False
    return len(extra) == (1 if unacknowledged else 0) and all(s in ("Completed", "Failed") for s in extra.values())


def check_after_restart(api, workers, projects):
    listings = {p: server_listing(api, p) for p in projects}
    for worker in workers:
        views = {p: worker_view(worker, p, listings[p]) for p in worker.projects}
        detector = worker.detector
        detected = detector.listing() if detector else None
        match = next((state for state in worker.candidates()
                      if all(matches(state[p], views[p], p, worker.own) for p in worker.projects) and
                      (not detector or Detector.matches(state[detector.project], detected))), None)
        if match is None:
            raise Mismatch(f"worker {worker.index}: the server's state after kill -9 is neither the acknowledged one "
                           f"nor that plus its call in flight ({worker.pending and worker.pending[0]}):\n"
                           f" server {views}\n detector {detected}\n acknowledged {worker.state}")
        worker.adopt(match, {p: listings[p] for p in worker.projects})
        if detector:
            detector.adopt(worker.state, detected)
    for project, listing in listings.items():
        owned = set().union(*(set(w.data) for w in workers))
        stray = [i["id"] for i in listing["images"] if listing["digests"][i["id"]] not in owned]
        expect(not stray, f"project {project}: images nobody uploaded: {stray}")
        counts = {}
        for image in listing["images"]:
            carried = {t["tagId"] for t in image.get("tags", [])} | {r["tagId"] for r in image.get("regions") or []}
            for tag_id in carried:
                counts[tag_id] = counts.get(tag_id, 0) + 1
        for tag_id, count in listing["tag_counts"].items():
            expect(count == counts.get(tag_id, 0), f"project {project} tag {tag_id}: imageCount {count}, "
                                                   f"images carrying it {counts.get(tag_id, 0)}")
        total = checks.ok_json(api.training("GET", f"/projects/{project}/images/count"), "GetImageCount")
        expect(total == len(listing["images"]), f"project {project}: count {total}, listed {len(listing['images'])}")
        tagged = checks.ok_json(api.training("GET", f"/projects/{project}/images/tagged/count"), "count")
        expect(tagged == sum(1 for i in listing["images"] if i.get("tags") or i.get("regions")),
               f"project {project}: tagged {tagged}")


def run(binary, data_dir, corpus, codes, seed, threads, rounds, seconds):
    """Returns the Figures; raises Mismatch (or a worker's error) on a finding."""
    figures = Figures(threads=threads)
    server = CvmockProcess(binary, data_dir, seed)
    api = Api(codes, log_size=200)
    server.start()
    api.connect(server.port)
    try:
        detection = {"domainId": DETECTION_DOMAIN}
        shared = [checks.ok_json(api.training("POST", "/projects", query={"name": f"shared {n}",
                                                                          **(detection if n else {})}),
                                 "CreateProject")["id"] for n in range(2)]
        own = [checks.ok_json(api.training("POST", "/projects", query={"name": f"worker {n}",
                                                                       "classificationType": "Multiclass"}),
                              "CreateProject")["id"] for n in range(threads)]
        workers = [Worker(n, api, shared + [own[n]], own[n], corpus, seed, detecting=shared[1:])
                   for n in range(threads)]
        owners = workers[:DETECTOR_OWNERS]
        for owner in owners:
            owner.detector = Detector(api, corpus, owner.rng, owner.index)
            owner.detector.setup(owner)
        for round_ in range(rounds):
            stop = threading.Event()
            running = [threading.Thread(target=w.run, args=(stop,)) for w in workers]
            for thread in running:
                thread.start()
            time.sleep(seconds)
            server.stop(signal.SIGKILL)  # while the threads' calls are in flight
            stop.set()
            for thread in running:
                thread.join()
            for worker in workers:
                if worker.error:
                    raise worker.error
            figures.in_flight += sum(1 for w in workers if w.pending)
            for owner in owners:
                if owner.pending and owner.pending[0].startswith(PREFIX):
                    figures.detector_in_flight[owner.pending[0][len(PREFIX):]] += 1
            server.start()
            api.connect(server.port)
            check_after_restart(api, workers, shared + own)
            figures.rounds = round_ + 1
        figures.acknowledged = sum(w.acknowledged for w in workers)
        figures.detections = sum(o.detector.detections for o in owners)
        figures.detector_trainings = sum(o.detector.trainings for o in owners)
        figures.detector_interrupted = sum(o.detector.interrupted for o in owners)
        figures.calls = api.calls
        return figures
    finally:
        if server.alive():
            server.stop()


__all__ = ["run", "Figures"]
