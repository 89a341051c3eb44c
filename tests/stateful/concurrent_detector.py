"""The concurrent variant's detector: a detection project owned by one worker, trained, polled, published and
predicted on (DetectImage, DetectImageWithNoStore, QuickTestImage) while the other threads write, and held after
every kill -9 to what the worker saw acknowledged plus its one call in flight.

The acknowledged state lives in the worker's state under the project's id as a DetectorSlice, so the worker's
candidates (acknowledged; with the call in flight applied) cover it; Detector.matches picks the candidate the server
holds and Detector.adopt learns what the restart decided. A model's first answer per (model, image) is kept for the
whole run (not in the slice: it is not server state) and every later answer, before and after restarts, must be
identical (checks.check_detections). Raises checks.Mismatch on a finding."""
import time
from dataclasses import dataclass, field
from urllib.parse import quote

import checks
from api import PREDICTION_RESOURCE_ID
from checks import expect
from detection_rules import files_with_regions, inside_box
from model import DETECTION_DOMAIN, MIN_IMAGES_PER_TAG_FOR_DETECTION

SCENES = MIN_IMAGES_PER_TAG_FOR_DETECTION + 1  # each with a region of every tag: one image more than the rule asks
TAGS = 2
PREFIX = "detector: "  # of the worker's description of a detector call (the figures count those in flight)
UNACKNOWLEDGED = "<unacknowledged>"  # the key of what an unanswered TrainProject or stored prediction may have made


@dataclass
class DetectorIteration:
    """What checks.check_detections needs of an iteration (id, trained_tags, model_key), and what may be seen of it:
    its possible statuses (several while a training may still end either way) and its publish name."""
    id: str
    name: str
    statuses: set
    publish_name: str = None
    trained_tags: tuple = ()
    model_key: str = ""


@dataclass
class DetectorSlice:
    iterations: dict = field(default_factory=dict)  # id (or UNACKNOWLEDGED) -> DetectorIteration
    predictions: dict = field(default_factory=dict)  # stored prediction id (or UNACKNOWLEDGED) -> iteration id


class Answers:
    """checks.check_detections's memory: (model key, image bytes) -> the first answer, for the whole run."""

    def __init__(self):
        self.probabilities = {}


class Detector:
    def __init__(self, api, corpus, rng, index):
        self.api, self.corpus, self.rng, self.index = api, corpus, rng, index
        self.project = None
        self.tags = {}  # name -> id
        self.scenes = []  # the training images' bytes, predicted on too
        self.answers = Answers()
        self.counter = 0
        self.detections = 0  # acknowledged Detect*/QuickTest answers checked
        self.trainings = 0  # iterations seen Completed
        self.interrupted = 0  # trainings a kill -9 ended Failed

    # Before the rounds: the training data and a first published model, so that every round predicts ------------
    def setup(self, worker):
        """Creates the project, its tags and SCENES images each with a region of every tag, trains, waits for
        Completed and publishes; all acknowledged before the threads start."""
        self.project = checks.ok_json(self.api.training("POST", "/projects", query={
            "name": f"detector {self.index}", "domainId": DETECTION_DOMAIN}), "CreateProject")["id"]
        for n in range(TAGS):
            name = f"w{self.index}-object{n}"
            self.tags[name] = checks.ok_json(self.api.training("POST", f"/projects/{self.project}/tags",
                                                               query={"name": name}), "CreateTag")["id"]
        self.scenes = [worker.new_image() for _ in range(SCENES)]
        regions = [[(tag_id, inside_box(self.rng)) for tag_id in self.tags.values()] for _ in self.scenes]
        reply = self.api.training_json("POST", f"/projects/{self.project}/images/files",
                                       {"images": files_with_regions([self.corpus.known(d) for d in self.scenes],
                                                                     regions)})
        body = checks.ok_json(reply, "CreateImagesFromFiles(regions)")
        expect(all(r["status"] == "OK" for r in body["images"]), f"detector scenes: {body}")
        state = worker.state[self.project] = DetectorSlice()
        self.train(worker)
        iteration = state.iterations[next(iter(state.iterations))]
        deadline = time.monotonic() + 60
        while "Training" in iteration.statuses:
            expect(time.monotonic() < deadline, "the detector's first training did not end within 60 s")
            time.sleep(0.05)
            self.poll(worker)
        expect(iteration.statuses == {"Completed"}, f"the detector's first training: {iteration}")
        self.publish(worker)

    # The steps, each through worker.attempt (pending until answered) -------------------------------------------
    def step(self, worker):
        state = worker.state[self.project]
        known = [i for key, i in state.iterations.items() if key != UNACKNOWLEDGED]
        completed = [i for i in known if i.statuses == {"Completed"}]
        choices = ["detect"] * 3 + ["quick_test"] if completed else []
        if any("Training" in i.statuses for i in known):
            choices += ["poll"] * 2
        else:
            choices += ["train"]
        if any(i.publish_name is None for i in completed):
            choices += ["publish"] * 2
        getattr(self, self.rng.choice(choices))(worker)

    def train(self, worker):
        def apply(state, reply):
            slice_ = state[self.project]
            if reply is None:
                slice_.iterations[UNACKNOWLEDGED] = DetectorIteration(UNACKNOWLEDGED, "", {"Completed", "Failed"})
                return
            body = reply.json()
            name = next_iteration_name(slice_)
            expect(body["status"] == "Training" and body["name"] == name,
                   f"detector TrainProject answered {body}; expected status Training and name {name!r}")
            slice_.iterations[body["id"]] = DetectorIteration(body["id"], body["name"], {"Training", "Completed"},
                                                              model_key=body["id"])

        worker.attempt(f"{PREFIX}TrainProject", apply, lambda: self.api.training(
            "POST", f"/projects/{self.project}/train", query={"forceTrain": "true"}))

    def poll(self, worker):
        iteration = next(i for key, i in worker.state[self.project].iterations.items()
                         if key != UNACKNOWLEDGED and "Training" in i.statuses)

        def apply(state, reply):
            if reply is not None:
                self.settle(state[self.project].iterations[iteration.id], reply.json()["status"], restarted=False)

        worker.attempt(f"{PREFIX}GetIteration", apply, lambda: self.api.training(
            "GET", f"/projects/{self.project}/iterations/{iteration.id}"))

    def settle(self, iteration, status, restarted):
        """Adopts a training's end the iteration allows (Failed too after a restart); learns its trained tags."""
        allowed = iteration.statuses | ({"Failed"} if restarted and "Training" in iteration.statuses else set())
        if restarted:
            allowed = allowed - {"Training"}  # a restart ends every training
        expect(status in allowed, f"detector iteration {iteration.id} is {status}, allowed {sorted(allowed)}")
        if iteration.statuses == {status} or status == "Training":
            return
        iteration.statuses = {status}
        if status == "Failed":
            self.interrupted += 1
            return
        if status == "Completed":
            trained = checks.ok_json(self.api.training("GET", f"/projects/{self.project}/tags",
                                                       query={"iterationId": iteration.id}), "GetTags(iteration)")
            iteration.trained_tags = tuple(t["id"] for t in trained)
            expect(set(iteration.trained_tags) == set(self.tags.values()),
                   f"detector iteration {iteration.id} trained on {iteration.trained_tags}, tags {self.tags}")
            self.trainings += 1

    def publish(self, worker):
        candidates = [i for key, i in worker.state[self.project].iterations.items()
                      if key != UNACKNOWLEDGED and i.statuses == {"Completed"} and i.publish_name is None]
        iteration = self.rng.choice(candidates)
        self.counter += 1
        name = f"w{self.index}-detector{self.counter}"

        def apply(state, reply):
            expect(reply is None or reply.body == "true", f"detector PublishIteration answered {reply!r}")
            state[self.project].iterations[iteration.id].publish_name = name

        worker.attempt(f"{PREFIX}PublishIteration", apply, lambda: self.api.training(
            "POST", f"/projects/{self.project}/iterations/{iteration.id}/publish",
            query={"publishName": name, "predictionId": PREDICTION_RESOURCE_ID}))

    def image(self):
        """A probe fixture or a training scene: a few images, so that each model sees them again and again."""
        return self.corpus.probe(self.rng).data if self.rng.random() < 0.5 else self.rng.choice(self.scenes)

    def detect(self, worker):
        published = [i for i in worker.state[self.project].iterations.values()
                     if i.publish_name and i.statuses == {"Completed"}]
        if not published:
            return self.quick_test(worker)
        iteration, data, store = self.rng.choice(published), self.image(), self.rng.random() < 0.5
        path = f"/{self.project}/detect/iterations/{quote(iteration.publish_name, safe='')}/image" + \
            ("" if store else "/nostore")
        what = f"{PREFIX}DetectImage{'' if store else 'WithNoStore'}"
        worker.attempt(what, self.predicted(iteration, data, store, what),
                       lambda: self.api.prediction("POST", path, data, "application/octet-stream"))

    def quick_test(self, worker):
        completed = [i for key, i in worker.state[self.project].iterations.items()
                     if key != UNACKNOWLEDGED and i.statuses == {"Completed"}]
        iteration, data, store = self.rng.choice(completed), self.image(), self.rng.random() < 0.5
        what = f"{PREFIX}QuickTestImage(store={str(store).lower()})"
        worker.attempt(what, self.predicted(iteration, data, store, what), lambda: self.api.training(
            "POST", f"/projects/{self.project}/quicktest/image", data, "application/octet-stream",
            {"iterationId": iteration.id, "store": str(store).lower()}))

    def predicted(self, iteration, data, store, what):
        """The apply of a prediction: the answer checked against the model's first; a stored one recorded."""
        def apply(state, reply):
            if reply is None:
                if store:
                    state[self.project].predictions[UNACKNOWLEDGED] = iteration.id
                return
            body = reply.json()
            expect(body["iteration"] == iteration.id and body["project"] == self.project, f"{what}: answered {body}")
            checks.check_detections(self.answers, iteration, data, body["predictions"], what)
            self.detections += 1
            if store:
                state[self.project].predictions[body["id"]] = iteration.id
        return apply

    # After a kill -9 -------------------------------------------------------------------------------------------
    def listing(self):
        iterations = checks.ok_json(self.api.training("GET", f"/projects/{self.project}/iterations"),
                                    "GetIterations")
        predictions = checks.list_predictions(self.api, self.project)
        return {"iterations": {i["id"]: i for i in iterations},
                "predictions": {p["id"]: p["iteration"] for p in predictions}}

    @staticmethod
    def matches(state, listing):
        """The server holds `state`: every acknowledged iteration (a training may have ended either way, a
        restart ends it, Failed included) under its name and publish name, and an unacknowledged one only if a
        TrainProject was in flight; every acknowledged stored prediction, and one more only for one in flight."""
        server = listing["iterations"]
        expected = {k: i for k, i in state.iterations.items() if k != UNACKNOWLEDGED}
        if not set(expected) <= set(server):
            return False
        for key, iteration in expected.items():
            got = server[key]
            ends = (iteration.statuses - {"Training"}) | ({"Failed"} if "Training" in iteration.statuses else set())
            if got["name"] != iteration.name or got["publishName"] != iteration.publish_name or \
                    got["status"] not in ends:
                return False
        extra = [i for k, i in server.items() if k not in expected]
        if len(extra) != (1 if UNACKNOWLEDGED in state.iterations else 0) or \
                any(i["status"] not in ("Completed", "Failed") or i["publishName"] for i in extra):
            return False
        stored = listing["predictions"]
        known = {k: v for k, v in state.predictions.items() if k != UNACKNOWLEDGED}
        if any(stored.get(k) != v for k, v in known.items()):
            return False
        more = [v for k, v in stored.items() if k not in known]
        in_flight = state.predictions.get(UNACKNOWLEDGED)
        return more == ([in_flight] if in_flight else [])

    def adopt(self, state, listing):
        """Takes the matched candidate as acknowledged: the restart's ends of trainings, the ids of what the call
        in flight made."""
        slice_ = state[self.project]
        unacknowledged = slice_.iterations.pop(UNACKNOWLEDGED, None)
        for iteration_id, server in listing["iterations"].items():
            if iteration_id not in slice_.iterations:
                expect(unacknowledged is not None, f"detector iteration {iteration_id} nobody made")
                expect(server["name"] == next_iteration_name(slice_),
                       f"a TrainProject cut by SIGKILL made {server['name']!r}, not {next_iteration_name(slice_)!r}")
                slice_.iterations[iteration_id] = DetectorIteration(iteration_id, server["name"],
                                                                    {"Training", "Completed"},
                                                                    model_key=iteration_id)
            self.settle(slice_.iterations[iteration_id], server["status"], restarted=True)
        if slice_.predictions.pop(UNACKNOWLEDGED, None):
            slice_.predictions = dict(listing["predictions"])


def next_iteration_name(slice_):
    """Iterations are named by the project's count of them, and this project never deletes one."""
    return f"Iteration {sum(1 for key in slice_.iterations if key != UNACKNOWLEDGED) + 1}"


__all__ = ["Detector", "DetectorSlice"]
