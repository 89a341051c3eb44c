"""The reference model: what cvmock must hold after every acknowledged call, and the service's rules that decide
an answer."""
import copy
from dataclasses import dataclass, field
from typing import Optional

MAX_NAME_CHARACTERS = 256
MIN_IMAGES_PER_TAG = 5
MIN_IMAGES_PER_TAG_FOR_DETECTION = 15  # images with a region of the tag (CONTRACT.md)
MAX_REGIONS_PER_IMAGE = 300
MAX_REGIONS_PER_BATCH = 64  # CreateImageRegions entries, DeleteImageRegions ids
DETECTION_DOMAIN = "da2e3a8a-40a5-4171-82f4-58522f70fbc1"  # Object detection, General (CONTRACT.md)
MAX_TAGS_PER_IMAGE = 100
MAX_METADATA_PAIRS = 50


@dataclass
class Tag:
    id: str
    name: str
    type: str = "Regular"


@dataclass
class Image:
    id: str
    data: bytes
    width: int
    height: int
    tags: set = field(default_factory=set)
    metadata: dict = field(default_factory=dict)
    regions: dict = field(default_factory=dict)  # region id -> (tag id, (left, top, width, height))

    def labelled(self):
        """Counted as tagged: it has a tag or a region."""
        return bool(self.tags or self.regions)

    def carries(self, tag_id):
        return tag_id in self.tags or any(tag == tag_id for tag, _ in self.regions.values())


@dataclass
class Iteration:
    id: str
    name: str
    classification: str
    status: str = "Training"  # Training, Completed or Failed
    # While Training: the statuses it may end in (a forced failure, a restart, a hung training released).
    may_end: frozenset = frozenset({"Completed"})
    hung: bool = False
    must_settle: bool = False  # after a restart or a release of held results it can no longer show Training
    publish_name: Optional[str] = None
    trained_rev: int = 0
    expected_tags: frozenset = frozenset()  # the tag ids it trains on
    trained_tags: tuple = ()  # in the server's order, learnt once Completed (predictions come in this order)
    trained_at: str = ""
    model_key: str = ""  # the trained model's identity: the iteration's own id, or its export source's


@dataclass
class Prediction:
    id: str
    iteration_id: str
    data: bytes


@dataclass
class Project:
    id: str
    name: str
    classification: str
    detects: bool = False  # on the object-detection domain: regions, a detector, Detect*
    tags: dict = field(default_factory=dict)
    images: dict = field(default_factory=dict)
    iterations: dict = field(default_factory=dict)  # in creation order
    predictions: dict = field(default_factory=dict)
    iterations_created: int = 0
    # The images-or-tags revision, for BadRequestTrainingNotNeeded. A change that changed nothing (untagging a tag
    # an image does not carry, deleting an unused tag) may or may not count: its revision is "soft".
    rev: int = 0
    soft_revs: set = field(default_factory=set)
    exports: list = field(default_factory=list)  # (token, snapshot of this project, iteration ids maybe exported)

    def bump(self, real=True):
        self.rev += 1
        if not real:
            self.soft_revs.add(self.rev)

    def image_with_bytes(self, data):
        return next((image for image in self.images.values() if image.data == data), None)

    def negative_tag(self):
        return next((tag for tag in self.tags.values() if tag.type == "Negative"), None)

    def tag_image_count(self, tag_id):
        """GetTags' imageCount: images with the tag or a region of it."""
        return sum(1 for image in self.images.values() if image.carries(tag_id))

    def region_image_count(self, tag_id):
        """What a detector training counts: images with a region of the tag."""
        return sum(1 for image in self.images.values() if any(t == tag_id for t, _ in image.regions.values()))

    def region_count(self):
        return sum(len(image.regions) for image in self.images.values())

    def training(self):
        return [it for it in self.iterations.values() if it.status == "Training"]

    def completed(self):
        return [it for it in self.iterations.values() if it.status == "Completed"]

    def published(self, name):
        return next((it for it in self.iterations.values() if it.publish_name == name), None)

    def prediction_names(self):
        """The publish names a prediction path can carry (a '/' cannot sit in one path segment), sorted."""
        return sorted(it.publish_name for it in self.iterations.values()
                      if it.publish_name and "/" not in it.publish_name)

    def snapshot(self):
        """What ExportProject freezes: the project without its own exports and stored predictions."""
        exports, predictions = self.exports, self.predictions
        self.exports, self.predictions = [], {}
        try:
            return copy.deepcopy(self)
        finally:
            self.exports, self.predictions = exports, predictions


class Model:
    def __init__(self):
        self.projects = {}
        # (model key, image bytes) -> probabilities in trained-tag order: a trained model answers the same image
        # the same way for ever, across restarts, exports and imports.
        self.probabilities = {}
        self.forced_next = "normal"

    # Names -----------------------------------------------------------------------------------------------------
    @staticmethod
    def valid_name(name):
        """The service's names: not blank, at most 256 characters."""
        return bool(name.strip()) and len(name) <= MAX_NAME_CHARACTERS

    @staticmethod
    def same_tag_name(a, b):
        """Tag names are unique without regard to case, in any alphabet (the test uses letters whose case mapping
        is one to one, so lower() is the service's folding)."""
        return a.lower() == b.lower()

    def tag_name_outcomes(self, project, name, exclude_id=None, type_="Regular"):
        """The answers CreateTag/UpdateTag may give for `name`: {"ok"} or error codes (several when the service's
        order of checks is not the model's business)."""
        outcomes = set()
        if not self.valid_name(name):
            return {"BadRequestTagName"}
        others = [t for t in project.tags.values() if t.id != exclude_id]
        clash = any(self.same_tag_name(t.name, name) for t in others)
        negative = type_ == "Negative" and any(t.type == "Negative" for t in others)
        if clash:
            outcomes.add("BadRequestTagNameNotUnique")
        if negative:
            outcomes.add("BadRequestMultipleNegativeTag")
        if not outcomes:
            outcomes.add("ok")
        return outcomes

    # Images ----------------------------------------------------------------------------------------------------
    @staticmethod
    def box_inside(box):
        """A region the service takes: positive width and height, inside [0, 1] x [0, 1] (the test's boxes are
        exact in binary, so no tolerance is needed)."""
        left, top, width, height = box
        return width > 0 and height > 0 and left >= 0 and top >= 0 and left + width <= 1 and top + height <= 1

    def tags_conflict(self, project, tag_ids):
        """A Negative tag with any other tag on one image; the rule counts distinct tags."""
        distinct = set(tag_ids)
        return len(distinct) > 1 and any(project.tags[t].type == "Negative" for t in distinct)

    # Training --------------------------------------------------------------------------------------------------
    def training_outcomes(self, project, force, selected=None):
        """The answers TrainProject may give now: the error code, or "train" (a new iteration). Several when a
        soft revision makes "not needed" a matter of the service's bookkeeping. `selected`: selectedTags."""
        if project.training():
            return {"BadRequestTrainingAlreadyInProgress"}
        used = self.used_tags(project, selected)
        if project.detects:
            if not used or any(project.region_image_count(t) < MIN_IMAGES_PER_TAG_FOR_DETECTION for t in used):
                return {"BadRequestDetectionTrainingValidationFailed"}
        elif any(project.tag_image_count(t) < MIN_IMAGES_PER_TAG for t in used) or len(used) < 2:
            return {"BadRequestTrainingValidationFailed"}
        if not project.detects and project.classification == "Multiclass" and any(len(image.tags & used) > 1
                                                          for image in project.images.values()):
            return {"BadRequestMultiClassClassificationTrainingValidationFailed"}
        if force:
            return {"train"}
        current = [it for it in project.completed() if it.trained_rev == project.rev]
        if current:
            return {"BadRequestTrainingNotNeeded"}
        maybe = [it for it in project.completed()
                 if all(r in project.soft_revs for r in range(it.trained_rev + 1, project.rev + 1))]
        return {"train", "BadRequestTrainingNotNeeded"} if maybe else {"train"}

    def used_tags(self, project, selected=None):
        """The tags a training would learn: those with images (a detector: with regions), of `selected` when
        given."""
        count = project.region_image_count if project.detects else project.tag_image_count
        return frozenset(t for t in project.tags if count(t) > 0 and (not selected or t in selected))

    @staticmethod
    def trainable_tags(project):
        """The tags with enough images for a training, when there are enough of them (else [])."""
        if project.detects:
            tags = [t for t in project.tags if project.region_image_count(t) >= MIN_IMAGES_PER_TAG_FOR_DETECTION]
            return tags
        tags = [t for t in project.tags if project.tag_image_count(t) >= MIN_IMAGES_PER_TAG]
        return tags if len(tags) >= 2 else []

    def after_restart(self):
        """Every training that was running when cvmock stopped ends Failed (interrupted), or Completed when it had
        finished first; a hung one cannot have finished. The forced outcome lives in memory only."""
        self.forced_next = "normal"
        for project in self.projects.values():
            for iteration in project.training():
                if iteration.hung:
                    iteration.may_end = frozenset({"Failed"})
                else:
                    iteration.may_end = iteration.may_end | {"Failed"}
                iteration.hung = False
                iteration.must_settle = True

    def after_release(self):
        """POST /_cvmock/training/advance waits for the workers and stores every held result."""
        for project in self.projects.values():
            for iteration in project.training():
                iteration.hung = False
                iteration.must_settle = True
