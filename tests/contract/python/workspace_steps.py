"""Scenario steps before any training: domains, projects, tags, image uploads (data, files, URLs), lists and counts,
metadata with $filter, image tags, image deletion, and the errors an app meets first."""

import uuid

from azure.cognitiveservices.vision.customvision.training.models import (
    ImageFileCreateBatch, ImageFileCreateEntry, ImageTagCreateEntry, ImageUrlCreateBatch,
    ImageUrlCreateEntry, Project, Tag)

from images import CLASSES
from support import assert_error, status_of

GENERAL_COMPACT = "0732100f-1a38-4e49-a514-c9b44c697ab5"  # exportable, so the iteration export step works
TRAINING_IMAGES = range(6)  # per class; 6 is left untagged, 7 and 9 predicted, 8 the scratch image
UNTAGGED_INDEX = 6
SCRATCH_INDEX = 8


def ids(images):
    return sorted(image.id for image in images)


class WorkspaceSteps:
    """Mixed into the scenario's TestCase; self.s is the state steps hand on, self.need(...) skips without it."""

    def assert_created(self, summary, count, tag_id=None):
        self.assertTrue(summary.is_batch_successful)
        self.assertEqual(len(summary.images), count)
        for result in summary.images:
            self.assertEqual(result.status, "OK")
            self.assertEqual((result.image.width, result.image.height), (256, 256))
            if tag_id:
                self.assertEqual([t.tag_id for t in result.image.tags], [tag_id])
        return [result.image.id for result in summary.images]

    def test_01_domains(self):
        """GetDomains lists the compact classifier, GetDomain answers it, an unknown id is 404."""
        training = self.s.target.training
        compact = [d for d in training.get_domains() if d.id == GENERAL_COMPACT]
        self.assertEqual(len(compact), 1, "General (compact) is listed")
        self.assertEqual(compact[0].type, "Classification")
        self.assertTrue(compact[0].exportable)
        one = training.get_domain(GENERAL_COMPACT)
        self.assertEqual(one.name, "General (compact)")
        self.assertIn("TensorFlow", one.exportable_platforms)
        assert_error(self, lambda: training.get_domain(str(uuid.uuid4())), 404, "NotFoundDomain")

    def test_02_projects(self):
        """Create, get, update, list; a deleted project is 404 NotFoundProject."""
        training = self.s.target.training
        name = f"contract-py-{uuid.uuid4().hex[:8]}"
        created = training.create_project(name, description="contract scenario", domain_id=GENERAL_COMPACT)
        self.s.project_id = created.id
        self.assertEqual((created.name, created.description), (name, "contract scenario"))
        self.assertEqual(created.settings.domain_id, GENERAL_COMPACT)
        self.assertEqual(created.settings.classification_type, "Multilabel")
        self.assertEqual(training.get_project(created.id).name, name)

        updated = training.update_project(created.id, Project(name=f"{name}-renamed", description="renamed",
                                                              settings=created.settings))
        self.assertEqual((updated.name, updated.description), (f"{name}-renamed", "renamed"))
        self.assertEqual(updated.settings.domain_id, GENERAL_COMPACT)
        self.assertEqual(training.get_project(created.id).description, "renamed")
        self.assertIn((created.id, f"{name}-renamed"), [(p.id, p.name) for p in training.get_projects()])

        doomed = training.create_project(f"{name}-doomed")
        self.assertEqual(status_of(training.delete_project(doomed.id, raw=True)), 204)
        assert_error(self, lambda: training.get_project(doomed.id), 404, "NotFoundProject")
        self.assertNotIn(doomed.id, [p.id for p in training.get_projects()])

    def test_03_errors(self):
        """An unknown project is 404 NotFoundProject; a wrong key is 401 on both APIs."""
        target = self.s.target
        assert_error(self, lambda: target.training.get_project(str(uuid.uuid4())), 404, "NotFoundProject")
        assert_error(self, lambda: target.training.get_tags(str(uuid.uuid4())), 404, "NotFoundProject")
        assert_error(self, lambda: target.bad_training.get_projects(), 401)
        assert_error(self, lambda: target.bad_prediction.classify_image_url(str(uuid.uuid4()), "any",
                                                                            "http://127.0.0.1/x.png"), 401)

    def test_04_tags(self):
        """Create, get, update, list, delete; a duplicate name is refused."""
        self.need("project_id")
        training, p = self.s.target.training, self.s.project_id
        tags = {}
        for shape in CLASSES:
            tag = training.create_tag(p, shape, description=f"a {shape}")
            self.assertEqual((tag.name, tag.type, tag.image_count), (shape, "Regular", 0))
            tags[shape] = tag.id
        self.s.tags = tags
        scratch = training.create_tag(p, "scratch")
        self.assertEqual(training.get_tag(p, scratch.id).name, "scratch")
        renamed = training.update_tag(p, scratch.id, Tag(name="scratch-renamed", description="renamed tag",
                                                         type="Regular"))
        self.assertEqual(renamed.name, "scratch-renamed")
        self.assertEqual(training.get_tag(p, scratch.id).description, "renamed tag")
        self.assertEqual(sorted(t.name for t in training.get_tags(p)), sorted(CLASSES + ["scratch-renamed"]))
        self.assertEqual(status_of(training.delete_tag(p, scratch.id, raw=True)), 204)
        assert_error(self, lambda: training.get_tag(p, scratch.id), 404, "NotFoundTag")
        self.assertEqual(sorted(t.name for t in training.get_tags(p)), CLASSES)
        assert_error(self, lambda: training.create_tag(p, "circle"), 400, "BadRequestTagNameNotUnique")

    def test_05_images_from_data(self):
        """One image per call, tagged circle."""
        self.need("project_id", "tags")
        self.s.image_ids = {shape: [] for shape in CLASSES}
        for index in TRAINING_IMAGES:
            data = self.s.images.data(self.s.images.file("circle", index))
            summary = self.s.target.training.create_images_from_data(self.s.project_id, data,
                                                                     tag_ids=[self.s.tags["circle"]])
            self.s.image_ids["circle"] += self.assert_created(summary, 1, self.s.tags["circle"])

    def test_06_images_from_files(self):
        """One batch, tagged square."""
        self.need("project_id", "tags", "image_ids")
        entries = [ImageFileCreateEntry(name=rel, contents=self.s.images.data(rel))
                   for rel in (self.s.images.file("square", index) for index in TRAINING_IMAGES)]
        summary = self.s.target.training.create_images_from_files(
            self.s.project_id, ImageFileCreateBatch(images=entries, tag_ids=[self.s.tags["square"]]))
        self.s.image_ids["square"] += self.assert_created(summary, len(entries), self.s.tags["square"])

    def test_07_images_from_urls(self):
        """One batch from the image server, tagged triangle."""
        self.need("project_id", "tags", "image_ids")
        training, triangle = self.s.target.training, self.s.tags["triangle"]
        files = [self.s.images.file("triangle", index) for index in TRAINING_IMAGES]
        if not self.s.images.url(files[0]):
            # The real service cannot reach a loopback server: upload the bytes so training still has triangles.
            for rel in files:
                summary = training.create_images_from_data(self.s.project_id, self.s.images.data(rel),
                                                           tag_ids=[triangle])
                self.s.image_ids["triangle"] += self.assert_created(summary, 1, triangle)
            self.skipTest("no public image URL (set CVMOCK_CONTRACT_IMAGE_BASE_URL); triangles uploaded as data")
        urls = [self.s.images.url(rel) for rel in files]
        summary = training.create_images_from_urls(
            self.s.project_id, ImageUrlCreateBatch(images=[ImageUrlCreateEntry(url=u) for u in urls],
                                                   tag_ids=[triangle]))
        self.assertEqual([r.source_url for r in summary.images], urls)
        self.s.image_ids["triangle"] += self.assert_created(summary, len(urls), triangle)

    def test_08_untagged_images(self):
        """One of each shape, uploaded without tags."""
        self.need("project_id", "image_ids")
        untagged = []
        for shape in CLASSES:
            data = self.s.images.data(self.s.images.file(shape, UNTAGGED_INDEX))
            summary = self.s.target.training.create_images_from_data(self.s.project_id, data)
            untagged += self.assert_created(summary, 1)
            self.assertFalse(summary.images[0].image.tags)
        self.s.untagged = untagged

    def test_09_lists_and_counts(self):
        """All, tagged, untagged, by tag, by ids, paged."""
        self.need("untagged")
        training, p, s = self.s.target.training, self.s.project_id, self.s
        tagged = sum(s.image_ids.values(), [])
        everything = len(tagged) + len(s.untagged)
        self.assertEqual(training.get_image_count(p), everything)
        self.assertEqual(training.get_image_count(p, tagging_status="Tagged"), len(tagged))
        self.assertEqual(training.get_image_count(p, tagging_status="Untagged"), len(s.untagged))
        self.assertEqual(training.get_tagged_image_count(p), len(tagged))
        self.assertEqual(training.get_tagged_image_count(p, tag_ids=[s.tags["circle"]]), len(s.image_ids["circle"]))
        self.assertEqual(training.get_untagged_image_count(p), len(s.untagged))

        tagged_list = training.get_tagged_images(p, take=50)
        self.assertEqual(ids(tagged_list), sorted(tagged))
        created = [image.created for image in tagged_list]
        self.assertEqual(created, sorted(created, reverse=True), "tagged images come newest first")
        squares = training.get_tagged_images(p, tag_ids=[s.tags["square"]])
        self.assertEqual(ids(squares), sorted(s.image_ids["square"]))
        self.assertTrue(all(s.tags["square"] in [t.tag_id for t in image.tags] for image in squares))
        self.assertEqual(ids(training.get_untagged_images(p)), sorted(s.untagged))

        page = training.get_images(p, tagging_status="All", take=5, skip=0)
        self.assertEqual(len(page), 5)
        rest = training.get_images(p, tagging_status="All", take=50, skip=5)
        self.assertEqual(len(rest), everything - 5)
        self.assertFalse(set(ids(page)) & set(ids(rest)), "pages do not overlap")
        self.assertEqual(len(training.get_images(p, tagging_status="Untagged")), len(s.untagged))

        wanted = [s.image_ids["circle"][2], s.image_ids["circle"][0], s.untagged[1]]
        by_ids = training.get_images_by_ids(p, image_ids=wanted)
        self.assertEqual(ids(by_ids), sorted(wanted))
        order = [image.created for image in by_ids]
        self.assertEqual(order, sorted(order), "GetImagesByIds answers oldest first")
        self.assertEqual({t.name: t.image_count for t in training.get_tags(p)},
                         {"circle": 6, "square": 6, "triangle": 6})

    def test_10_metadata(self):
        """UpdateImageMetadata, then GetImages and GetImageCount with $filter."""
        self.need("untagged")
        training, p, circles = self.s.target.training, self.s.project_id, self.s.image_ids["circle"]
        metadata = {"shape": "circle", "source": "data"}
        summary = training.update_image_metadata(p, circles, metadata)
        self.assertTrue(summary.is_batch_successful)
        self.assertEqual(sorted(r.image_id for r in summary.images), sorted(circles))
        for result in summary.images:
            self.assertEqual((result.status, result.metadata), ("OK", metadata))
        self.assertEqual(ids(training.get_images(p, filter="shape eq 'circle'")), sorted(circles))
        self.assertEqual(training.get_image_count(p, filter="shape eq 'circle'"), len(circles))
        self.assertEqual(training.get_images(p, filter="shape eq 'circle' and source ne 'data'"), [])
        self.assertEqual(len(training.get_images(p, filter="shape eq 'square' or source eq 'data'")), len(circles))
        self.assertEqual(training.get_images_by_ids(p, image_ids=[circles[0]])[0].metadata, metadata)

    def test_11_image_tags(self):
        """Add (then a duplicate), remove; DeleteImages removes the image."""
        self.need("untagged")
        training, p, untagged = self.s.target.training, self.s.project_id, self.s.untagged
        circle = self.s.tags["circle"]
        summary = training.create_images_from_data(p, self.s.images.data(self.s.images.file("circle", SCRATCH_INDEX)))
        [scratch] = self.assert_created(summary, 1)
        self.assertEqual(training.get_untagged_image_count(p), len(untagged) + 1)

        entries = [ImageTagCreateEntry(image_id=scratch, tag_id=circle)]
        pairs = lambda summary: [(e.image_id, e.tag_id) for e in summary or []]
        added = training.create_image_tags(p, tags=entries)
        self.assertEqual((pairs(added.created), pairs(added.duplicated)), ([(scratch, circle)], []))
        again = training.create_image_tags(p, tags=entries)
        self.assertEqual((pairs(again.created), pairs(again.duplicated)), ([], [(scratch, circle)]))
        self.assertEqual([t.tag_id for t in training.get_images_by_ids(p, image_ids=[scratch])[0].tags], [circle])
        self.assertEqual(training.get_untagged_image_count(p), len(untagged))

        self.assertEqual(status_of(training.delete_image_tags(p, [scratch], [circle], raw=True)), 204)
        self.assertEqual(training.get_untagged_image_count(p), len(untagged) + 1)
        self.assertEqual(status_of(training.delete_images(p, image_ids=[scratch], raw=True)), 204)
        self.assertEqual(training.get_images_by_ids(p, image_ids=[scratch]), [])
        self.assertEqual(training.get_untagged_image_count(p), len(untagged))
