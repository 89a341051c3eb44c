"""Scenario steps of object detection, on a second project: a detection domain found by type, scenes uploaded with
their regions, regions created and deleted, region proposals, training, performance at three overlap thresholds,
quick tests (stored and not), publishing, detection by image and URL (stored and not) on held-out scenes, and the
stored detections."""

import uuid

from azure.cognitiveservices.vision.customvision.training.models import (
    ImageFileCreateBatch, ImageFileCreateEntry, ImageRegionCreateEntry, PredictionQueryToken, Region)

from images import CLASSES
from support import assert_error, intersection_over_union, poll, status_of

GENERAL_DETECTION = "da2e3a8a-40a5-4171-82f4-58522f70fbc1"  # the domain named General of type ObjectDetection
HELD_OUT = 4  # the last scenes are never uploaded; the detector is asked about them
APPLICATION = "contract-detection"  # tags the stored detections, so the query finds this suite's own
COORDINATE_TOLERANCE = 1e-4  # the service keeps coordinates as floats
SCRATCH_BOX = (0.01, 0.01, 0.05, 0.05)  # a region added then deleted: a corner no scene object reaches


def box(region) -> tuple:
    """(left, top, width, height) of an SDK region or bounding box, or of a ground-truth dict."""
    if isinstance(region, dict):
        return region["left"], region["top"], region["width"], region["height"]
    return region.left, region.top, region.width, region.height



def assert_grouped_by_tag(case, predictions):
    """A tag's boxes come together, most probable first within the tag; not ranked across tags (the recorded
    service's DetectImageUrl: fork 0.148, fork 0.039, scissors 0.364, scissors 0.148)."""
    finished = set()
    for before, detection in zip(predictions, predictions[1:]):
        if detection.tag_name == before.tag_name:
            case.assertGreaterEqual(before.probability, detection.probability, "most probable first within a tag")
        else:
            finished.add(before.tag_name)
            case.assertNotIn(detection.tag_name, finished, "a tag's boxes come together")

class DetectionSteps:
    """Mixed into the scenario's TestCase; self.s is the state steps hand on, self.need(...) skips without it."""

    def training_scenes(self):
        return self.s.images.scenes[:-HELD_OUT]

    def assert_inside_the_image(self, bounding_box):
        left, top, width, height = box(bounding_box)
        self.assertTrue(left >= 0 and top >= 0 and width > 0 and height > 0, bounding_box)
        self.assertTrue(left + width <= 1 + 1e-6 and top + height <= 1 + 1e-6, bounding_box)

    def assert_regions_match(self, regions, truth):
        """An image's regions are the ground truth's, in any order, each with its id and tag name."""
        self.assertEqual(len(regions), len(truth))
        for region in regions:
            self.assertTrue(region.region_id)
            self.assertEqual(region.tag_id, self.s.det_tags[region.tag_name])
            same = [t for t in truth if t["tagName"] == region.tag_name and
                    all(abs(a - b) <= COORDINATE_TOLERANCE for a, b in zip(box(region), box(t)))]
            self.assertTrue(same, f"{region.tag_name} {box(region)} is not one of {truth}")

    def assert_top_detection_is_right(self, result, scene):
        """The most probable detection has the tag of an object of the scene and overlaps it by at least half."""
        self.assertEqual(result.project, self.s.det_project_id)
        self.assertEqual(result.iteration, self.s.det_iteration)
        self.assertTrue(result.predictions, "at least one detection")
        assert_grouped_by_tag(self, result.predictions)
        for detection in result.predictions:
            self.assertIsNotNone(detection.bounding_box, "every detection has a box")
            self.assert_inside_the_image(detection.bounding_box)
        top = max(result.predictions, key=lambda detection: detection.probability)
        overlaps = [intersection_over_union(box(top.bounding_box), box(t))
                    for t in scene.regions if t["tagName"] == top.tag_name]
        self.assertTrue(overlaps and max(overlaps) >= 0.5,
                        f"{scene.rel}: top {top.tag_name} {box(top.bounding_box)} p={top.probability}; "
                        f"truth {scene.regions}")

    def test_25_detection_project(self):
        """The General domain of type ObjectDetection (found as the quickstart finds it); a project on it; tags."""
        training = self.s.target.training
        domain = next(d for d in training.get_domains() if d.type == "ObjectDetection" and d.name == "General")
        self.assertEqual(domain.id, GENERAL_DETECTION)
        created = training.create_project(f"contract-py-detection-{uuid.uuid4().hex[:8]}", domain_id=domain.id)
        self.s.det_project_id = created.id
        self.assertEqual(created.settings.domain_id, GENERAL_DETECTION)
        self.s.det_tags = {name: training.create_tag(created.id, name).id for name in CLASSES}

    def test_26_detection_images(self):
        """Scenes uploaded with their regions (one batch of files); the images carry them back."""
        self.need("det_tags")
        s, training = self.s, self.s.target.training
        entries = [ImageFileCreateEntry(name=scene.rel, contents=s.images.data(scene.rel),
                                        regions=[Region(tag_id=s.det_tags[t["tagName"]], left=t["left"], top=t["top"],
                                                        width=t["width"], height=t["height"]) for t in scene.regions])
                   for scene in self.training_scenes()]
        summary = training.create_images_from_files(s.det_project_id, ImageFileCreateBatch(images=entries))
        self.assertTrue(summary.is_batch_successful)
        self.assertEqual([r.status for r in summary.images], ["OK"] * len(entries))
        image_ids = [r.image.id for r in summary.images]
        by_id = {image.id: image for image in training.get_images_by_ids(s.det_project_id, image_ids=image_ids)}
        self.assertEqual(set(by_id), set(image_ids))
        for image_id, scene in zip(image_ids, self.training_scenes()):
            self.assertEqual((by_id[image_id].width, by_id[image_id].height), (scene.width, scene.height))
            self.assert_regions_match(by_id[image_id].regions, scene.regions)
        s.det_image_ids = image_ids
        self.assertEqual(training.get_tagged_image_count(s.det_project_id), len(entries))

    def test_27_detection_regions(self):
        """CreateImageRegions adds a region the image then carries; DeleteImageRegions takes it off again."""
        self.need("det_image_ids")
        s, training = self.s, self.s.target.training
        image_id, scene = s.det_image_ids[0], self.training_scenes()[0]
        left, top, width, height = SCRATCH_BOX
        summary = training.create_image_regions(s.det_project_id, [ImageRegionCreateEntry(
            image_id=image_id, tag_id=s.det_tags["square"], left=left, top=top, width=width, height=height)])
        self.assertEqual(len(summary.created), 1)
        self.assertFalse(summary.duplicated)
        self.assertFalse(summary.exceeded)
        created = summary.created[0]
        self.assertTrue(created.region_id)
        self.assertEqual((created.image_id, created.tag_id, created.tag_name),
                         (image_id, s.det_tags["square"], "square"))
        self.assertEqual(box(created), SCRATCH_BOX)

        def regions_of_image():
            [image] = training.get_images_by_ids(s.det_project_id, image_ids=[image_id])
            return image.regions or []

        with_it = regions_of_image()
        self.assertEqual(len(with_it), len(scene.regions) + 1)
        [added] = [r for r in with_it if r.region_id == created.region_id]
        self.assertEqual(added.tag_name, "square")
        for got, wanted in zip(box(added), SCRATCH_BOX):
            self.assertAlmostEqual(got, wanted, delta=COORDINATE_TOLERANCE)

        self.assertEqual(status_of(training.delete_image_regions(s.det_project_id, [created.region_id], raw=True)),
                         204)
        without = regions_of_image()
        self.assertNotIn(created.region_id, [r.region_id for r in without])
        self.assert_regions_match(without, scene.regions)

    def test_28_detection_region_proposals(self):
        """GetImageRegionProposals: boxes inside the image with confidences, one of them on an object of the scene."""
        self.need("det_image_ids")
        s, training = self.s, self.s.target.training
        image_id, scene = s.det_image_ids[1], self.training_scenes()[1]
        proposal = training.get_image_region_proposals(s.det_project_id, image_id)
        self.assertEqual((proposal.project_id, proposal.image_id), (s.det_project_id, image_id))
        self.assertTrue(proposal.proposals, "at least one proposal")
        for candidate in proposal.proposals:
            self.assertTrue(0 <= candidate.confidence <= 1, candidate.confidence)
            self.assert_inside_the_image(candidate.bounding_box)
        best = max(intersection_over_union(box(c.bounding_box), box(t))
                   for c in proposal.proposals for t in scene.regions)
        self.assertGreaterEqual(best, 0.5, "a proposal covers an object of the scene")

    def test_29_detection_train_and_performance(self):
        """Trained to Completed; performance per tag and mAP at overlapThreshold 0.5 and 0.3 (and 0.9), which the
        matching rule orders: a looser overlap never loses a match, a stricter one never gains one; the probability
        threshold never changes AP or mAP."""
        self.need("det_image_ids")
        s, training, p = self.s, self.s.target.training, self.s.det_project_id
        started = training.train_project(p)
        self.assertEqual(started.status, "Training")

        def finished():
            iteration = training.get_iteration(p, started.id)
            self.assertNotEqual(iteration.status, "Failed", f"training failed: {iteration.training_error_details}")
            return iteration if iteration.status == "Completed" else None

        done = poll(f"detection iteration {started.id} to finish training", finished, s.target.poll_interval,
                    s.target.training_timeout)
        self.assertEqual(done.domain_id, GENERAL_DETECTION)

        def performance(threshold, overlap):
            result = training.get_iteration_performance(p, done.id, threshold=threshold, overlap_threshold=overlap)
            self.assertEqual(sorted(t.name for t in result.per_tag_performance), CLASSES)
            for measured in [result] + result.per_tag_performance:
                for value in (measured.precision, measured.recall, measured.average_precision):
                    self.assertIsNotNone(value)
                    self.assertTrue(0 <= value <= 1, f"a ratio at overlap {overlap}: {value}")
            # mAP averages the per-tag APs (of the tags the holdout holds), so it lies between them.
            aps = [t.average_precision for t in result.per_tag_performance]
            self.assertTrue(min(aps) - 1e-6 <= result.average_precision <= max(aps) + 1e-6,
                            f"mAP {result.average_precision} outside the per-tag APs {aps}")
            return result

        strict, loose, strictest = performance(0.5, 0.5), performance(0.5, 0.3), performance(0.5, 0.9)
        self.assertGreater(strict.average_precision, 0, "the detector finds held-out objects at overlap 0.5")
        for tighter, looser in ((strict, loose), (strictest, strict)):
            self.assertGreaterEqual(looser.average_precision, tighter.average_precision)
            self.assertGreaterEqual(looser.recall, tighter.recall)
        # Boxes are never all that exact: demanding IoU 0.9 costs some matches.
        self.assertLess(strictest.average_precision, loose.average_precision)

        picky = performance(0.9, 0.5)
        self.assertAlmostEqual(picky.average_precision, strict.average_precision, delta=1e-6)
        self.assertEqual({t.id: round(t.average_precision, 6) for t in picky.per_tag_performance},
                         {t.id: round(t.average_precision, 6) for t in strict.per_tag_performance})
        self.assertLessEqual(picky.recall, strict.recall)  # fewer detections count at a higher threshold
        s.det_iteration = done.id

    def test_30_detection_quick_test(self):
        """QuickTestImage on the trained iteration, stored (the default) and with store=false, finds a held-out
        scene's object (tag, IoU >= 0.5); QueryPredictions then shows the stored one and not the other."""
        self.need("det_iteration")
        s, training, p, it = self.s, self.s.target.training, self.s.det_project_id, self.s.det_iteration
        held_out = s.images.scenes[-HELD_OUT:]
        stored = training.quick_test_image(p, s.images.data(held_out[2].rel), iteration_id=it)
        self.assert_top_detection_is_right(stored, held_out[2])
        not_stored = training.quick_test_image(p, s.images.data(held_out[3].rel), iteration_id=it, store=False)
        self.assert_top_detection_is_right(not_stored, held_out[3])

        def probe():
            query = training.query_predictions(p, PredictionQueryToken(iteration_id=it, order_by="Newest"))
            found = {r.id: r for r in query.results}
            return found.get(stored.id) if not_stored.id not in found else None

        kept = poll("the stored quick test to show", probe, s.target.poll_interval, 60)
        self.assertEqual((kept.project, kept.iteration), (p, it))
        self.assertTrue(kept.predictions, "the stored quick test keeps its detections")
        for detection in kept.predictions:
            self.assertIsNotNone(detection.bounding_box, "a stored quick test keeps its boxes")
            self.assert_inside_the_image(detection.bounding_box)

    def test_31_detection_publish_and_detect(self):
        """Published; DetectImage and DetectImageUrl, stored and not, find a held-out scene's object (tag, IoU >= 0.5);
        an unknown publish name is 404 NotFoundIteration."""
        self.need("det_iteration")
        s, training, prediction = self.s, self.s.target.training, self.s.target.prediction
        p, name = s.det_project_id, f"contract-detector-{uuid.uuid4().hex[:8]}"
        self.assertIs(training.publish_iteration(p, s.det_iteration, name, s.target.prediction_resource_id), True)
        s.det_publish_name = name
        held_out = s.images.scenes[-HELD_OUT:]
        data = lambda scene: s.images.data(scene.rel)

        # A fresh publication can take a moment to reach the real prediction endpoint.
        stored = poll("the published detector to answer",
                      lambda: prediction.detect_image(p, name, data(held_out[0]), application=APPLICATION),
                      s.target.poll_interval, 60, retry_errors=s.target.real)
        self.assert_top_detection_is_right(stored, held_out[0])
        s.det_stored_top = max(stored.predictions, key=lambda detection: detection.probability)
        no_store = prediction.detect_image_with_no_store(p, name, data(held_out[1]), application=APPLICATION)
        self.assert_top_detection_is_right(no_store, held_out[1])
        s.det_stored, s.det_not_stored = [stored.id], [no_store.id]
        assert_error(self, lambda: prediction.detect_image(p, "no-such-publication", data(held_out[0])),
                     404, "NotFoundIteration")

        if not s.images.url(held_out[2].rel):
            self.skipTest("no public image URL (set CVMOCK_CONTRACT_IMAGE_BASE_URL): DetectImageUrl not run")
        from_url = prediction.detect_image_url(p, name, s.images.url(held_out[2].rel), application=APPLICATION)
        self.assert_top_detection_is_right(from_url, held_out[2])
        s.det_stored.append(from_url.id)
        from_url_no_store = prediction.detect_image_url_with_no_store(p, name, s.images.url(held_out[3].rel),
                                                                      application=APPLICATION)
        self.assert_top_detection_is_right(from_url_no_store, held_out[3])
        s.det_not_stored.append(from_url_no_store.id)

    def test_32_detection_stored_predictions(self):
        """QueryPredictions shows the stored detections (not the nostore ones), each prediction with its box."""
        self.need("det_stored")
        s, training = self.s, self.s.target.training

        def probe():
            query = training.query_predictions(s.det_project_id,
                                               PredictionQueryToken(application=APPLICATION, order_by="Newest"))
            found = {r.id for r in query.results}
            return query if set(s.det_stored) <= found and not set(s.det_not_stored) & found else None

        query = poll("stored detections to show", probe, s.target.poll_interval, 60)
        [first] = [r for r in query.results if r.id == s.det_stored[0]]
        top = max(first.predictions, key=lambda detection: detection.probability)
        self.assertEqual(top.tag_name, s.det_stored_top.tag_name, "the stored detection is the one answered")
        for got, answered in zip(box(top.bounding_box), box(s.det_stored_top.bounding_box)):
            self.assertAlmostEqual(got, answered, delta=COORDINATE_TOLERANCE)
        for result in (r for r in query.results if r.id in s.det_stored):
            self.assertEqual((result.project, result.iteration), (s.det_project_id, s.det_iteration))
            self.assertTrue(result.predictions, "the stored detection keeps its predictions")
            for detection in result.predictions:
                self.assertIn(detection.tag_name, CLASSES)
                self.assertTrue(0 <= detection.probability <= 1)
                self.assertIsNotNone(detection.bounding_box, "a stored detection keeps its box")
                self.assert_inside_the_image(detection.bounding_box)

    def test_33_detection_unpublish(self):
        """Unpublished, so the project can be deleted at the end."""
        self.need("det_publish_name")
        s, training = self.s, self.s.target.training
        self.assertEqual(status_of(training.unpublish_iteration(s.det_project_id, s.det_iteration, raw=True)), 204)
        self.assertIsNone(training.get_iteration(s.det_project_id, s.det_iteration).publish_name)
