"""Scenario steps on the published iteration: the Prediction API (image/URL, stored or not), stored predictions
(query, create images from them, delete), and suggested tags for the untagged images."""

from azure.cognitiveservices.vision.customvision.training.models import (
    ImageIdCreateBatch, ImageIdCreateEntry, PredictionQueryToken, SuggestedTagAndRegionQueryToken)

from support import assert_error, assert_ranked, poll, status_of

PREDICTED_INDEX = 7
SECOND_PREDICTED_INDEX = 9


class PredictionSteps:
    """Mixed into the scenario's TestCase; self.s is the state steps hand on, self.need(...) skips without it."""

    def assert_prediction(self, result, shape):
        self.assertEqual((result.project, result.iteration), (self.s.project_id, self.s.iteration1))
        assert_ranked(self, result.predictions)
        self.assertEqual(len(result.predictions), 3, "every trained tag is scored")
        self.assertEqual(result.predictions[0].tag_name, shape)

    def stored_predictions_show(self, wanted, unwanted):
        """Every id in wanted shows in QueryPredictions and none in unwanted (polled: the real service stores late)."""
        def probe():
            query = self.s.target.training.query_predictions(self.s.project_id, PredictionQueryToken(order_by="Newest"))
            found = {r.id for r in query.results}
            return query if set(wanted) <= found and not set(unwanted) & found else None

        return poll("stored predictions to show", probe, self.s.target.poll_interval, 60)

    def test_18_classify(self):
        """Image and URL, stored and nostore; an unknown publish name is 404 NotFoundIteration."""
        self.need("publish_name", "stored")
        s, prediction = self.s, self.s.target.prediction
        p, name = s.project_id, s.publish_name
        data = lambda shape, index: s.images.data(s.images.file(shape, index))
        # A fresh publication can take a moment to reach the real prediction endpoint.
        stored = poll("the published iteration to answer",
                      lambda: prediction.classify_image(p, name, data("circle", PREDICTED_INDEX)),
                      s.target.poll_interval, 60, retry_errors=s.target.real)
        self.assert_prediction(stored, "circle")
        s.stored.append(stored.id)
        s.classified_circle = stored.id
        no_store = prediction.classify_image_with_no_store(p, name, data("square", SECOND_PREDICTED_INDEX))
        self.assert_prediction(no_store, "square")
        s.not_stored.append(no_store.id)
        assert_error(self, lambda: prediction.classify_image(p, "no-such-publication", data("circle", 0)),
                     404, "NotFoundIteration")

        url = lambda shape, index: s.images.url(s.images.file(shape, index))
        if not url("triangle", SECOND_PREDICTED_INDEX):
            self.skipTest("no public image URL (set CVMOCK_CONTRACT_IMAGE_BASE_URL): ClassifyImageUrl not run")
        from_url = prediction.classify_image_url(p, name, url("triangle", SECOND_PREDICTED_INDEX))
        self.assert_prediction(from_url, "triangle")
        s.stored.append(from_url.id)
        from_url_no_store = prediction.classify_image_url_with_no_store(p, name, url("circle", SECOND_PREDICTED_INDEX))
        self.assert_prediction(from_url_no_store, "circle")
        s.not_stored.append(from_url_no_store.id)

    def test_19_stored_predictions(self):
        """Query, create a training image from one, delete one."""
        self.need("classified_circle")
        s, training = self.s, self.s.target.training
        query = self.stored_predictions_show(s.stored, s.not_stored)
        [circle] = [r for r in query.results if r.id == s.classified_circle]
        self.assertEqual((circle.project, circle.iteration), (s.project_id, s.iteration1))
        self.assertEqual(circle.predictions[0].tag_name, "circle")

        tagged_before = training.get_tagged_image_count(s.project_id)
        summary = training.create_images_from_predictions(
            s.project_id, ImageIdCreateBatch(images=[ImageIdCreateEntry(id=s.classified_circle)],
                                             tag_ids=[s.tags["circle"]]))
        self.assertTrue(summary.is_batch_successful)
        self.assertEqual((summary.images[0].status, summary.images[0].source_url), ("OK", s.classified_circle))
        s.from_prediction = summary.images[0].image.id
        self.assertEqual(training.get_tagged_image_count(s.project_id), tagged_before + 1)
        [image] = training.get_images_by_ids(s.project_id, image_ids=[s.from_prediction])
        self.assertEqual([t.tag_id for t in image.tags], [s.tags["circle"]])

        doomed = s.stored[0]
        self.assertEqual(status_of(training.delete_prediction(s.project_id, [doomed], raw=True)), 204)
        self.stored_predictions_show(s.stored[1:], [doomed])

    def test_20_suggested_tags(self):
        """SuggestTagsAndRegions, QuerySuggestedImageCount and QuerySuggestedImages agree."""
        self.need("publish_name", "untagged")
        s, training = self.s, self.s.target.training
        p, it, trained = s.project_id, s.iteration1, list(s.tags.values())
        suggestions = training.suggest_tags_and_regions(p, it, s.untagged)
        self.assertEqual(len(suggestions), len(s.untagged))
        for suggestion in suggestions:
            self.assertEqual((suggestion.project, suggestion.iteration), (p, it))
            assert_ranked(self, suggestion.predictions)
            self.assertTrue(all(pr.tag_id in trained for pr in suggestion.predictions))
            self.assertIsInstance(suggestion.prediction_uncertainty, float)
        threshold = 0.5

        def expected(tag_id):
            return sum(1 for sg in suggestions
                       if any(pr.tag_id == tag_id and pr.probability >= threshold for pr in sg.predictions))

        counts = training.query_suggested_image_count(p, it, tag_ids=trained, threshold=threshold)
        self.assertEqual(counts, {tag_id: expected(tag_id) for tag_id in trained})
        everything = training.query_suggested_image_count(p, it, tag_ids=trained, threshold=0)
        self.assertEqual(everything, {tag_id: len(s.untagged) for tag_id in trained})

        query = training.query_suggested_images(
            p, it, SuggestedTagAndRegionQueryToken(tag_ids=[s.tags["circle"]], threshold=threshold, max_count=64))
        self.assertEqual(len(query.results), expected(s.tags["circle"]))
        for result in query.results:
            self.assertEqual(result.iteration, it)
            self.assertTrue(any(pr.tag_id == s.tags["circle"] and pr.probability >= threshold
                                for pr in result.predictions))
