"""Scenario steps of training: train and poll to Completed, TrainingNotNeeded, forceTrain with selectedTags, iteration
get/update/performance, quick tests, and publishing (and an invalid publish target)."""

import re
import uuid

from images import CLASSES
from support import assert_error, assert_ranked, poll

PREDICTED_INDEX = 7  # not uploaded for training


class TrainingSteps:
    """Mixed into the scenario's TestCase; self.s is the state steps hand on, self.need(...) skips without it."""

    def trained_iteration(self, iteration_id):
        target = self.s.target

        def finished():
            iteration = target.training.get_iteration(self.s.project_id, iteration_id)
            self.assertNotEqual(iteration.status, "Failed", f"training failed: {iteration.training_error_details}")
            return iteration if iteration.status == "Completed" else None

        return poll(f"iteration {iteration_id} to finish training", finished, target.poll_interval,
                    target.training_timeout)

    def test_12_train(self):
        """Training, polled to Completed; again unchanged is BadRequestTrainingNotNeeded."""
        self.need("untagged")
        training, p = self.s.target.training, self.s.project_id
        started = training.train_project(p)
        self.assertEqual((started.status, started.name, started.trained_at), ("Training", "Iteration 1", None))
        done = self.trained_iteration(started.id)
        self.assertIsNotNone(done.trained_at)
        self.assertEqual(done.domain_id, "0732100f-1a38-4e49-a514-c9b44c697ab5")
        self.assertEqual(done.classification_type, "Multilabel")
        self.s.iteration1 = done.id
        self.assertEqual([it.id for it in training.get_iterations(p)], [done.id])
        assert_error(self, lambda: training.train_project(p), 400, "BadRequestTrainingNotNeeded")

    def test_13_force_train_selected_tags(self):
        """forceTrain with selectedTags trains only the selected tags."""
        self.need("iteration1")
        training, p = self.s.target.training, self.s.project_id
        selected = [self.s.tags["circle"], self.s.tags["square"]]
        started = training.train_project(p, force_train=True, selected_tags=selected)
        self.assertEqual(started.status, "Training")
        self.assertNotEqual(started.id, self.s.iteration1)
        self.trained_iteration(started.id)
        self.s.iteration2 = started.id
        performance = training.get_iteration_performance(p, started.id)
        self.assertEqual(sorted(t.id for t in performance.per_tag_performance), sorted(selected))
        self.assertEqual(len(training.get_iterations(p)), 2)

    def test_14_iteration(self):
        """Get, update, performance, image performances and their count."""
        self.need("iteration1")
        training, p, it = self.s.target.training, self.s.project_id, self.s.iteration1
        self.assertEqual(training.update_iteration(p, it, name="contract first").name, "contract first")
        self.assertEqual(training.get_iteration(p, it).name, "contract first")

        performance = training.get_iteration_performance(p, it, threshold=0.5)
        self.assertEqual(sorted(t.name for t in performance.per_tag_performance), CLASSES)
        for value in (performance.precision, performance.recall, performance.average_precision):
            self.assertTrue(0 <= value <= 1, f"a ratio: {value}")
        count = training.get_image_performance_count(p, it)
        # cvmock always holds some images out; how many the real service evaluates is its own business.
        self.assertTrue((0 if self.s.target.real else 1) <= count <= 18, f"evaluated images: {count}")
        images = training.get_image_performances(p, it, take=256)
        self.assertEqual(len(images), count)
        for image in images:
            assert_ranked(self, image.predictions)
            self.assertEqual(len(image.tags), 1)
        circles = training.get_image_performance_count(p, it, tag_ids=[self.s.tags["circle"]])
        self.assertLessEqual(circles, count)
        self.assertEqual(len(training.get_image_performances(p, it, tag_ids=[self.s.tags["circle"]])), circles)

    def test_15_quick_test(self):
        """An image and a URL, stored, predict their shapes."""
        self.need("iteration1")
        training, p, it, images = self.s.target.training, self.s.project_id, self.s.iteration1, self.s.images
        from_image = training.quick_test_image(p, images.data(images.file("triangle", PREDICTED_INDEX)),
                                               iteration_id=it, store=True)
        self.assertEqual((from_image.project, from_image.iteration), (p, it))
        assert_ranked(self, from_image.predictions)
        self.assertEqual(from_image.predictions[0].tag_name, "triangle")
        self.s.stored, self.s.not_stored = [from_image.id], []

        url = images.url(images.file("square", PREDICTED_INDEX))
        if not url:
            self.skipTest("no public image URL (set CVMOCK_CONTRACT_IMAGE_BASE_URL): QuickTestImageUrl not run")
        from_url = training.quick_test_image_url(p, url, iteration_id=it, store=True)
        self.assertEqual(from_url.iteration, it)
        assert_ranked(self, from_url.predictions)
        self.assertEqual(from_url.predictions[0].tag_name, "square")
        self.s.stored.append(from_url.id)

    def test_16_publish(self):
        """Published under a name; a published iteration cannot be deleted."""
        self.need("iteration1")
        training, p, it = self.s.target.training, self.s.project_id, self.s.iteration1
        name = f"contract-{uuid.uuid4().hex[:8]}"
        self.assertIs(training.publish_iteration(p, it, name, self.s.target.prediction_resource_id), True)
        iteration = training.get_iteration(p, it)
        self.assertEqual(iteration.publish_name, name)
        self.assertEqual(iteration.original_publish_resource_id, self.s.target.prediction_resource_id)
        self.s.publish_name = name
        assert_error(self, lambda: training.delete_iteration(p, it), 400, "BadRequestIterationIsPublished")

    def test_17_publish_target_invalid(self):
        """A predictionId that is not a prediction resource's id is BadRequestInvalidPublishTarget."""
        self.need("iteration2")
        training, p, it = self.s.target.training, self.s.project_id, self.s.iteration2
        assert_error(self, lambda: training.publish_iteration(p, it, "contract-nowhere", "not-a-resource-id"),
                     400, "BadRequestInvalidPublishTarget")
        wrong_account = re.sub(r"accounts/[^/]+$", "accounts/no-such-account", self.s.target.prediction_resource_id)
        assert_error(self, lambda: training.publish_iteration(p, it, "contract-nowhere", wrong_account),
                     400, "BadRequestInvalidPublishTarget")
        self.assertIsNone(training.get_iteration(p, it).publish_name)
