"""Scenario steps that take things out of the project: project export → import, iteration export → zip, artifacts;
then unpublish and delete the iterations."""

import urllib.request
import uuid

from support import artifact_path, assert_error, is_image, poll, status_of


def tag_counts(training, project_id):
    return {tag.name: tag.image_count for tag in training.get_tags(project_id)}


class PortabilitySteps:
    """Mixed into the scenario's TestCase; self.s is the state steps hand on, self.need(...) skips without it."""

    def test_21_export_import_project(self):
        """Export project → import project: tags, images and metadata come across."""
        self.need("iteration1", "from_prediction")
        s, training = self.s, self.s.target.training
        total = training.get_image_count(s.project_id)
        exported = training.export_project(s.project_id)
        self.assertEqual((exported.image_count, exported.region_count), (total, 0))
        # tag_count is not the number of tags: a recorded 2-tag project with one iteration said 4 (ImportExportProject).
        self.assertGreaterEqual(exported.tag_count, 3)
        self.assertGreaterEqual(exported.iteration_count, 1)
        self.assertTrue(exported.token)

        name = f"contract-py-import-{uuid.uuid4().hex[:8]}"
        imported = training.import_project(exported.token, name=name)
        s.imported_project_id = imported.id
        self.assertNotEqual(imported.id, s.project_id)
        self.assertEqual(imported.name, name)
        self.assertIn(imported.status, ("Importing", "Succeeded"))

        def succeeded():
            status = training.get_project(imported.id).status
            self.assertNotEqual(status, "Failed")
            return status == "Succeeded"

        poll("the import to succeed", succeeded, s.target.poll_interval, 120)
        self.assertEqual(training.get_project(imported.id).settings.domain_id,
                         training.get_project(s.project_id).settings.domain_id)
        self.assertEqual(tag_counts(training, imported.id), tag_counts(training, s.project_id))
        self.assertEqual(training.get_image_count(imported.id), total)
        self.assertEqual(training.get_untagged_image_count(imported.id), len(s.untagged))
        self.assertEqual(len(training.get_iterations(imported.id)), exported.iteration_count)
        circles = training.get_images(imported.id, filter="shape eq 'circle'")
        self.assertEqual(len(circles), len(s.image_ids["circle"]))
        self.assertTrue(all(image.metadata.get("source") == "data" for image in circles))

    def test_22_export_iteration(self):
        """TensorFlow export of the compact iteration, polled to Done, downloads a zip."""
        self.need("iteration1")
        s, training = self.s, self.s.target.training
        self.assertTrue(training.get_iteration(s.project_id, s.iteration1).exportable,
                        "a compact domain's iteration is exportable")
        started = training.export_iteration(s.project_id, s.iteration1, "TensorFlow")
        self.assertEqual((started.platform, started.status), ("TensorFlow", "Exporting"))

        def done():
            mine = [e for e in training.get_exports(s.project_id, s.iteration1) if e.platform == "TensorFlow"]
            self.assertEqual(len(mine), 1, "GetExports lists the export")
            self.assertNotEqual(mine[0].status, "Failed")
            return mine[0] if mine[0].status == "Done" else None

        export = poll("the export to be Done", done, s.target.poll_interval, 120)
        self.assertFalse(export.newer_version_available)
        with urllib.request.urlopen(export.download_uri, timeout=60) as response:
            self.assertEqual(response.status, 200)
            self.assertEqual(response.read(4), b"PK\x03\x04", "the download is a zip")

    def test_23_artifact(self):
        """GetArtifact answers an image's bytes by its blob path."""
        self.need("image_ids")
        s, training = self.s, self.s.target.training
        [image] = training.get_images_by_ids(s.project_id, image_ids=[s.image_ids["circle"][0]])
        data = b"".join(training.get_artifact(s.project_id, artifact_path(image.original_image_uri)))
        self.assertTrue(data and is_image(data), "an image came back")

    def test_24_unpublish_and_delete_iterations(self):
        """Unpublish, then delete both iterations."""
        self.need("publish_name", "iteration2")
        s, training = self.s, self.s.target.training
        self.assertEqual(status_of(training.unpublish_iteration(s.project_id, s.iteration1, raw=True)), 204)
        self.assertIsNone(training.get_iteration(s.project_id, s.iteration1).publish_name)
        image = s.images.data(s.images.file("circle", 0))
        poll("the unpublished name to stop answering",
             lambda: assert_error(self, lambda: s.target.prediction.classify_image(s.project_id, s.publish_name, image),
                                  404, "NotFoundIteration"),
             s.target.poll_interval, 60, retry_errors=s.target.real)
        for iteration_id in (s.iteration1, s.iteration2):
            self.assertEqual(status_of(training.delete_iteration(s.project_id, iteration_id, raw=True)), 204)
            assert_error(self, lambda: training.get_iteration(s.project_id, iteration_id), 404, "NotFoundIteration")
        self.assertEqual(training.get_iterations(s.project_id), [])
