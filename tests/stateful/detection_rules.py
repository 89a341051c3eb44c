"""The object-detection rules of the stateful test, a mixin of StatefulCvmock (machine.py): images uploaded with
regions, CreateImageRegions and DeleteImageRegions with their refusals, a detector's training data, Detect*, and
SIGKILL while regions are written. They apply to the projects on the detection domain (a third of them), so the
classification rules keep their share of the steps. A region is (tag id, box); boxes sit on a 1/16 grid, exact
in binary, so that the server's float answers compare equal."""
import base64
from urllib.parse import quote

from hypothesis import strategies as st
from hypothesis.stateful import precondition, rule

import checks
from checks import expect
from model import MAX_REGIONS_PER_BATCH, MAX_REGIONS_PER_IMAGE, MIN_IMAGES_PER_TAG_FOR_DETECTION, Image, Model, Tag

GRID = 16
UNKNOWN_ID = "00000000-0000-4000-8000-00000000dead"
# Boxes the service refuses (BadRequestImageRegions): past the right edge, above the top, without area.
REFUSED_BOXES = [(0.75, 0.0, 0.5, 0.25), (0.0, -0.0625, 0.5, 0.5), (0.25, 0.25, 0.0, 0.5), (0.5, 0.5, 0.5, 0.5625)]


def inside_box(rng):
    """A box on the grid inside the image."""
    width, height = rng.randint(1, GRID), rng.randint(1, GRID)
    left, top = rng.randint(0, GRID - width), rng.randint(0, GRID - height)
    return (left / GRID, top / GRID, width / GRID, height / GRID)


def region_json(tag_id, box, image_id=None):
    entry = {"tagId": tag_id, "left": box[0], "top": box[1], "width": box[2], "height": box[3]}
    if image_id:
        entry = {"imageId": image_id, **entry}
    return entry


def files_with_regions(samples, regions):
    """CreateImagesFromFiles entries: each sample with its list of (tag id, box)."""
    return [{"name": f"file{index}", "contents": base64.b64encode(sample.data).decode(),
             "regions": [region_json(tag_id, box) for tag_id, box in own]}
            for index, (sample, own) in enumerate(zip(samples, regions))]


def detecting(project):
    return project.detects


class DetectionRules:
    """Rules only: the state, helpers and checks are StatefulCvmock's."""

    def detection_projects(self, condition=lambda project: True):
        return [p for p in self.model.projects.values() if p.detects and condition(p)]

    def pick_detection_project(self, data, condition=lambda project: True):
        """Mostly a detection project; now and then (1 in 15) any project, to see a classifier refuse."""
        if data.draw(st.integers(0, 14), label="any project?") == 0:
            return self.pick_project(data)
        return self.pick_project(data, lambda p: p.detects and condition(p))

    @staticmethod
    def rare(data, one_in, label):
        """A rare branch, drawn by Hypothesis (its draws of a seeded random.Random favour a few seeds)."""
        return data.draw(st.integers(0, one_in - 1), label=label) == 0

    def region_tags(self, data, project):
        """The tags regions are drawn from: the project's, now and then an unknown one."""
        ids = list(project.tags)
        if not ids or self.rare(data, 30, "an unknown region tag?"):
            ids.append(UNKNOWN_ID)
        return ids

    # Uploads with regions --------------------------------------------------------------------------------------
    @precondition(lambda self: self.detection_projects(lambda p: p.tags))
    @rule(data=st.data())
    def upload_with_regions(self, data):
        """CreateImagesFromFiles whose entries carry regions: a few each, now and then a refused box, an unknown
        tag, or one image given the most regions an image may have (or one more)."""
        project = self.pick_detection_project(data, lambda p: p.tags)
        if not project.tags:
            return
        rng = self.rng(data)
        tags = self.region_tags(data, project)
        entries, images = [], []
        crowded = self.rare(data, 6, "an image with 300 or 301 regions?")
        refused = self.rare(data, 15, "a refused box?")
        for index in range(rng.randint(1, 3)):
            crowd = crowded and index == 0
            # a crowded image is a new valid one, so that its regions decide its status
            sample = self.new_samples(rng, project, 1)[0] if crowd else self.duplicate_or_sample(rng, project)
            count = rng.choice([MAX_REGIONS_PER_IMAGE, MAX_REGIONS_PER_IMAGE + 1]) if crowd else rng.randint(0, 3)
            regions = [(rng.choice(tags), inside_box(rng)) for _ in range(count)]
            if regions and refused and index == 0:
                regions[0] = (regions[0][0], rng.choice(REFUSED_BOXES))
            images.append({"name": f"file{index}", "contents": base64.b64encode(sample.data).decode(),
                           "regions": [region_json(t, box) for t, box in regions]})
            entries.append((sample, [], "", regions))
        reply = self.api.training_json("POST", f"/projects/{project.id}/images/files", {"images": images})
        self.expect_batch(project, reply, entries, {}, "CreateImagesFromFiles(regions)")

    @precondition(lambda self: self.detection_projects())
    @rule(data=st.data())
    def add_trainable_regions(self, data):
        """A new tag with a region on each of 15 new images: what a detector needs of a tag."""
        project = self.pick_project(data, detecting)
        rng = self.rng(data)
        name = f"object {len(project.tags)}-{rng.randrange(10 ** 6)}"
        if self.model.tag_name_outcomes(project, name) != {"ok"}:
            return
        reply = self.api.training("POST", f"/projects/{project.id}/tags", query={"name": name})
        self.outcome(reply, {"ok"}, "CreateTag")
        tag = Tag(reply.json()["id"], name)
        project.tags[tag.id] = tag
        samples = self.new_samples(rng, project, MIN_IMAGES_PER_TAG_FOR_DETECTION)
        regions = [[(tag.id, inside_box(rng))] for _ in samples]
        reply = self.api.training_json("POST", f"/projects/{project.id}/images/files",
                                       {"images": files_with_regions(samples, regions)})
        self.expect_batch(project, reply, [(s, [], "", own) for s, own in zip(samples, regions)], {},
                          "CreateImagesFromFiles(regions)")

    def new_samples(self, rng, project, count):
        """`count` valid images the project does not hold, all different."""
        samples = []
        while len(samples) < count:
            sample = self.harness.corpus.valid(rng)
            if not project.image_with_bytes(sample.data) and all(s.data != sample.data for s in samples):
                samples.append(sample)
        return samples

    # CreateImageRegions and DeleteImageRegions -----------------------------------------------------------------
    @precondition(lambda self: self.detection_projects(lambda p: p.images and p.tags))
    @rule(data=st.data())
    def create_regions(self, data):
        """CreateImageRegions: new boxes, a box the image already has with that tag (duplicated), an image at the
        region limit (exceeded); now and then an unknown tag or image, a refused box, or too many entries."""
        project = self.pick_detection_project(data, lambda p: p.images and p.tags)
        rng = self.rng(data)
        if project.detects and project.images and project.tags and self.rare(data, 10, "fill an image?"):
            self.fill_to_limit(rng, project, rng.choice(list(project.images)))
            return
        entries = self.region_entries(data, rng, project, rng.randint(1, 6))
        if self.rare(data, 25, "too many entries?"):
            entries = [rng.choice(entries) for _ in range(MAX_REGIONS_PER_BATCH + 1)]
        reply = self.api.training_json("POST", f"/projects/{project.id}/images/regions",
                                       {"regions": [region_json(t, box, i) for i, t, box in entries]})
        self.expect_regions_created(project, reply, entries, "CreateImageRegions")

    def fill_to_limit(self, rng, project, image_id):
        """Batches of 64 new regions on one image until one of them crosses the limit of 300: that one's entries
        past the limit are exceeded, the others created."""
        image = project.images[image_id]
        tags = list(project.tags)
        while True:
            entries = []
            while len(entries) < MAX_REGIONS_PER_BATCH:
                entry = (image_id, rng.choice(tags), inside_box(rng))
                if entry[1:] not in image.regions.values() and entry not in entries:
                    entries.append(entry)
            crossing = len(image.regions) + len(entries) > MAX_REGIONS_PER_IMAGE
            reply = self.api.training_json("POST", f"/projects/{project.id}/images/regions",
                                           {"regions": [region_json(t, box, i) for i, t, box in entries]})
            self.expect_regions_created(project, reply, entries, "CreateImageRegions")
            if crossing:
                return

    def region_entries(self, data, rng, project, count):
        """(image id, tag id, box) entries, mostly valid."""
        images = list(project.images) or [UNKNOWN_ID]
        tags = list(project.tags) or [UNKNOWN_ID]
        full = [i for i, image in project.images.items() if len(image.regions) >= MAX_REGIONS_PER_IMAGE]
        entries = []
        for _ in range(count):
            image_id = rng.choice(full) if full and rng.random() < 0.5 else rng.choice(images)
            image = project.images.get(image_id)
            if image and image.regions and rng.random() < 0.2:
                entries.append((image_id, *rng.choice(list(image.regions.values()))))  # a duplicate
            elif entries and rng.random() < 0.1:
                entries.append(rng.choice(entries))  # the same entry twice
            else:
                entries.append((image_id, rng.choice(tags), inside_box(rng)))
        # Now and then one entry names an unknown image or tag, or has a refused box: the whole call is refused.
        spoilt = rng.randrange(len(entries))
        image_id, tag_id, box = entries[spoilt]
        if self.rare(data, 20, "an unknown image?"):
            entries[spoilt] = (UNKNOWN_ID, tag_id, box)
        elif self.rare(data, 20, "an unknown tag?"):
            entries[spoilt] = (image_id, UNKNOWN_ID, box)
        elif self.rare(data, 20, "a refused box?"):
            entries[spoilt] = (image_id, tag_id, rng.choice(REFUSED_BOXES))
        return entries

    def expect_regions_created(self, project, reply, entries, what):
        """The service's order: a classifier refuses; too many entries; every box; then entry by entry the tag and
        the image must exist (nothing written otherwise); then each entry is duplicated, exceeded or created."""
        if not project.detects:
            self.outcome(reply, {"BadRequestNotSupported"}, what)
            return
        if len(entries) > MAX_REGIONS_PER_BATCH:
            self.outcome(reply, {"BadRequestExceededBatchSize"}, what)
            return
        if not all(Model.box_inside(box) for _, _, box in entries):
            self.outcome(reply, {"BadRequestImageRegions"}, what)
            return
        for image_id, tag_id, _ in entries:
            missing = "NotFoundTag" if tag_id not in project.tags else \
                "NotFoundImage" if image_id not in project.images else None
            if missing:
                self.outcome(reply, {missing}, what)
                return
        if self.outcome(reply, {"ok"}, what) != "ok":
            return
        body = reply.json()
        regions = {image_id: dict(project.images[image_id].regions) for image_id, _, _ in entries}
        created, duplicated, exceeded = [], [], []
        for image_id, tag_id, box in entries:
            if (tag_id, box) in regions[image_id].values():
                duplicated.append((image_id, tag_id, box))
            elif len(regions[image_id]) >= MAX_REGIONS_PER_IMAGE:
                exceeded.append((image_id, tag_id, box))
            else:
                created.append((image_id, tag_id, box))
                regions[image_id][f"pending {len(created)}"] = (tag_id, box)
        for kind, entries_of_kind in (("created", created), ("duplicated", duplicated), ("exceeded", exceeded)):
            self.harness.outcomes[("CreateImageRegions(entries)", kind)] += len(entries_of_kind)
        sent = lambda items: [(e["imageId"], e["tagId"], checks.box_of(e)) for e in items or []]  # noqa: E731
        expect(sent(body.get("duplicated")) == duplicated,
               f"{what} duplicated: server {sent(body.get('duplicated'))}, model {duplicated}")
        expect(sent(body.get("exceeded")) == exceeded,
               f"{what} exceeded: server {sent(body.get('exceeded'))}, model {exceeded}")
        got = body.get("created") or []
        expect(sent(got) == created, f"{what} created: server {sent(got)}, model {created}")
        for entry in got:
            expect(entry["tagName"] == project.tags[entry["tagId"]].name, f"{what}: created {entry}")
            project.images[entry["imageId"]].regions[entry["regionId"]] = (entry["tagId"], checks.box_of(entry))
        expect(reply.status == (200 if not duplicated and not exceeded else 207),
               f"{what}: HTTP {reply.status} with {len(duplicated)} duplicated and {len(exceeded)} exceeded")
        if created:
            project.bump()

    @precondition(lambda self: self.detection_projects(lambda p: p.region_count()))
    @rule(data=st.data())
    def delete_regions(self, data):
        """DeleteImageRegions of some regions, with an unknown id now and then (ignored), or too many ids."""
        project = self.pick_detection_project(data, lambda p: p.region_count())
        rng = self.rng(data)
        owned = [(r, image) for image in project.images.values() for r in image.regions]
        doomed = [rng.choice(owned)[0] for _ in range(rng.randint(1, 4))] if owned else []
        if not doomed or self.rare(data, 8, "an unknown region id?"):
            doomed.append(UNKNOWN_ID)
        if self.rare(data, 25, "too many ids?"):
            doomed += [UNKNOWN_ID] * MAX_REGIONS_PER_BATCH
        reply = self.api.training("DELETE", f"/projects/{project.id}/images/regions",
                                  query={"regionIds": ",".join(doomed)})
        allowed = {"BadRequestNotSupported"} if not project.detects else \
            {"BadRequestExceededBatchSize"} if len(doomed) > MAX_REGIONS_PER_BATCH else {"ok"}
        if self.outcome(reply, allowed, "DeleteImageRegions") != "ok":
            return
        removed = False
        for region_id, image in owned:
            if region_id in doomed:
                del image.regions[region_id]
                removed = True
        if removed:
            project.bump()

    # Detect* ---------------------------------------------------------------------------------------------------
    @precondition(lambda self: any(p.prediction_names() for p in self.model.projects.values() if p.detects))
    @rule(data=st.data())
    def detect(self, data):
        """DetectImage[WithNoStore] by publish name; a classifier's published iteration now and then (refused)."""
        if data.draw(st.integers(0, 9), label="a classifier?") == 0 and \
                any(p.prediction_names() for p in self.model.projects.values() if not p.detects):
            project = self.pick_project(data, lambda p: not p.detects and p.prediction_names())
        else:
            project = self.pick_project(data, lambda p: p.detects and p.prediction_names())
        names = project.prediction_names()
        name = data.draw(st.sampled_from(names + ["never published"]), label="publishName")
        store = data.draw(st.booleans(), label="store")
        sample = self.prediction_sample(self.rng(data), bad_share=0.3)
        path = f"/{project.id}/detect/iterations/{quote(name, safe='')}/image" + ("" if store else "/nostore")
        reply = self.api.prediction("POST", path, sample.data, "application/octet-stream")
        iteration = project.published(name)
        # The publish name and the model's kind are checked before the body is read (api/prediction_handlers.cc)
        allowed = {"NotFoundIteration"} if not iteration else {"BadRequestNotSupported"} if not project.detects else \
            {"BadRequestImageStream"} if not sample.data else self.prediction_outcomes(sample, "prediction")
        what = f"DetectImage{'' if store else 'WithNoStore'} ({sample.kind})"
        if self.outcome(reply, allowed, what) == "ok":
            self.predicted(project, iteration, sample, reply, store, what)

    # SIGKILL while regions are written ----------------------------------------------------------------------------
    @precondition(lambda self: self.detection_projects(lambda p: p.tags))
    @rule(data=st.data())
    def kill_during_region_writes(self, data):
        """SIGKILL while new regions are stored, by CreateImageRegions or by an upload of images with regions:
        after the restart all of them are there or none; acknowledged, all must be."""
        if data.draw(st.integers(0, 99), label="restart draw") >= self.harness.restart_rate:
            return
        project = self.pick_project(data, lambda p: p.detects and p.tags)
        rng = self.rng(data)
        tags = list(project.tags)
        delay = data.draw(st.integers(0, 30), label="delay ms") / 1000
        roomy = [i for i, image in project.images.items() if len(image.regions) < MAX_REGIONS_PER_IMAGE - 64]
        if roomy and rng.random() < 0.5:
            entries = []
            while len(entries) < MAX_REGIONS_PER_BATCH:
                image_id, tag_id, box = rng.choice(roomy), rng.choice(tags), inside_box(rng)
                if (tag_id, box) not in project.images[image_id].regions.values() and \
                        all((image_id, tag_id, box) != e for e in entries):
                    entries.append((image_id, tag_id, box))
            body = {"regions": [region_json(t, box, i) for i, t, box in entries]}
            replies = self.in_flight(lambda: self.api.training_json("POST", f"/projects/{project.id}/images/regions",
                                                                    body), delay)
            self.model.after_restart()
            if replies:
                self.expect_regions_created(project, replies[0], entries, "CreateImageRegions before a kill")
                return
            self.adopt_cut_regions(project, [(i, t, box) for i, t, box in entries])
            return
        samples = self.new_samples(rng, project, 6)
        regions = [[(rng.choice(tags), inside_box(rng)) for _ in range(rng.randint(1, 3))] for _ in samples]
        images = files_with_regions(samples, regions)
        replies = self.in_flight(lambda: self.api.training_json("POST", f"/projects/{project.id}/images/files",
                                                                {"images": images}), delay)
        self.harness.kills_in_flight["upload"] += 1
        self.model.after_restart()
        if replies:
            self.expect_batch(project, replies[0], [(s, [], "", own) for s, own in zip(samples, regions)], {},
                              "upload with regions before a kill")
            return
        listed = {i["id"]: i for i in checks.list_images(self.api, project.id)}
        new = {image_id: image for image_id, image in listed.items() if image_id not in project.images}
        expect(len(new) in (0, len(samples)), f"an upload cut by SIGKILL left {len(new)} of {len(samples)} images")
        for image_id, image in new.items():
            raw = self.api.blob(image["originalImageUri"]).raw
            index = next((k for k, s in enumerate(samples) if s.data == raw), None)
            expect(index is not None, f"an upload cut by SIGKILL left an image of unknown bytes: {image_id}")
            stored = Image(image_id, raw, samples[index].width, samples[index].height)
            stored.regions = checks.regions_as_given(image, regions[index], f"upload cut by SIGKILL: {image_id}")
            project.images[image_id] = stored
        if new:
            project.bump()

    def adopt_cut_regions(self, project, entries):
        """After a CreateImageRegions cut by SIGKILL: every entry's region is there, or none is (and no other)."""
        self.harness.kills_in_flight["regions"] += 1
        listed = {i["id"]: i for i in checks.list_images(self.api, project.id)}
        new = []
        for image_id, image in project.images.items():
            for region in listed[image_id].get("regions") or []:
                if region["regionId"] not in image.regions:
                    new.append((image_id, region["regionId"], region["tagId"], checks.box_of(region)))
        expect(len(new) in (0, len(entries)),
               f"a CreateImageRegions cut by SIGKILL left {len(new)} of {len(entries)} regions")
        expect(sorted((i, t, box) for i, _, t, box in new) == (sorted(entries) if new else []),
               f"a CreateImageRegions cut by SIGKILL left other regions than asked: {new}")
        for image_id, region_id, tag_id, box in new:
            project.images[image_id].regions[region_id] = (tag_id, box)
        if new:
            project.bump()

