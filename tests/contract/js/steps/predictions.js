// Scenario steps on the published iteration: the Prediction API (image/URL, stored or not), stored predictions
// (query, create images from them, delete), and suggested tags for the untagged images.
"use strict";

const assert = require("node:assert/strict");
const { poll, expectError, assertRanked } = require("../support");

const PREDICTED_INDEX = 7;
const SECOND_PREDICTED_INDEX = 9;

function assertPrediction(s, result, shape) {
  assert.equal(result.project, s.projectId);
  assert.equal(result.iteration, s.iteration1);
  assertRanked(result.predictions);
  assert.equal(result.predictions.length, 3, "every trained tag is scored");
  assert.equal(result.predictions[0].tagName, shape);
}

// Every id in wanted shows in QueryPredictions and none in unwanted (polled: the real service stores them late).
async function storedPredictionsShow(s, wanted, unwanted) {
  return poll("stored predictions to show", async () => {
    const query = await s.target.training.queryPredictions(s.projectId, { orderBy: "Newest" });
    const found = query.results.map((r) => r.id);
    return wanted.every((id) => found.includes(id)) && !unwanted.some((id) => found.includes(id)) ? query : null;
  }, { intervalMs: s.target.pollIntervalMs, timeoutMs: 60_000 });
}

module.exports = (step, s) => {
  step("classify: image and URL, stored and nostore; an unknown publish name is 404 NotFoundIteration",
    ["publishName", "stored"], async (t) => {
      const { prediction } = s.target;
      const bytes = (shape, index) => s.images.bytes(s.images.file(shape, index));
      // A fresh publication can take a moment to reach the real prediction endpoint.
      const stored = await poll("the published iteration to answer",
        () => prediction.classifyImage(s.projectId, s.publishName, bytes("circle", PREDICTED_INDEX)),
        { intervalMs: s.target.pollIntervalMs, timeoutMs: 60_000, retryErrors: s.target.real });
      assertPrediction(s, stored, "circle");
      s.stored.push(stored.id);
      s.classifiedCircle = stored.id;
      const noStore = await prediction.classifyImageWithNoStore(s.projectId, s.publishName,
        bytes("square", SECOND_PREDICTED_INDEX));
      assertPrediction(s, noStore, "square");
      s.notStored.push(noStore.id);
      await expectError(prediction.classifyImage(s.projectId, "no-such-publication", bytes("circle", 0)),
        404, "NotFoundIteration");

      const url = (shape, index) => s.images.url(s.images.file(shape, index));
      if (!url("triangle", SECOND_PREDICTED_INDEX)) {
        t.skip("no public image URL (set CVMOCK_CONTRACT_IMAGE_BASE_URL): ClassifyImageUrl not run");
        return;
      }
      const fromUrl = await prediction.classifyImageUrl(s.projectId, s.publishName,
        { url: url("triangle", SECOND_PREDICTED_INDEX) });
      assertPrediction(s, fromUrl, "triangle");
      s.stored.push(fromUrl.id);
      const fromUrlNoStore = await prediction.classifyImageUrlWithNoStore(s.projectId, s.publishName,
        { url: url("circle", SECOND_PREDICTED_INDEX) });
      assertPrediction(s, fromUrlNoStore, "circle");
      s.notStored.push(fromUrlNoStore.id);
    });

  step("stored predictions: query, create a training image from one, delete one", ["classifiedCircle"], async () => {
    const { training } = s.target;
    const query = await storedPredictionsShow(s, s.stored, s.notStored);
    const circle = query.results.find((r) => r.id === s.classifiedCircle);
    assert.equal(circle.project, s.projectId);
    assert.equal(circle.iteration, s.iteration1);
    assert.equal(circle.predictions[0].tagName, "circle");

    const taggedBefore = (await training.getTaggedImageCount(s.projectId)).body;
    const summary = await training.createImagesFromPredictions(s.projectId,
      { images: [{ id: s.classifiedCircle }], tagIds: [s.tags.circle] });
    assert.equal(summary.isBatchSuccessful, true);
    assert.equal(summary.images[0].status, "OK");
    assert.equal(summary.images[0].sourceUrl, s.classifiedCircle);
    s.fromPrediction = summary.images[0].image.id;
    assert.equal((await training.getTaggedImageCount(s.projectId)).body, taggedBefore + 1);
    const [image] = await training.getImagesByIds(s.projectId, { imageIds: [s.fromPrediction] });
    assert.deepEqual(image.tags.map((t) => t.tagId), [s.tags.circle]);

    const doomed = s.stored[0];
    assert.equal((await training.deletePrediction(s.projectId, [doomed]))._response.status, 204);
    await storedPredictionsShow(s, s.stored.slice(1), [doomed]);
  });

  step("suggested tags: SuggestTagsAndRegions, QuerySuggestedImageCount and QuerySuggestedImages agree",
    ["publishName", "untagged"], async () => {
      const { training } = s.target;
      const trained = Object.values(s.tags);
      const suggestions = await training.suggestTagsAndRegions(s.projectId, s.iteration1, s.untagged);
      assert.equal(suggestions.length, s.untagged.length);
      for (const suggestion of suggestions) {
        assert.equal(suggestion.project, s.projectId);
        assert.equal(suggestion.iteration, s.iteration1);
        assertRanked(suggestion.predictions);
        assert.ok(suggestion.predictions.every((p) => trained.includes(p.tagId)));
        assert.equal(typeof suggestion.predictionUncertainty, "number");
      }
      const threshold = 0.5;
      const expected = (tagId) => suggestions.filter((sg) =>
        sg.predictions.some((p) => p.tagId === tagId && p.probability >= threshold)).length;

      const counts = await training.querySuggestedImageCount(s.projectId, s.iteration1, { tagIds: trained, threshold });
      for (const tagId of trained) assert.equal(counts[tagId], expected(tagId), `suggested count of ${tagId}`);
      const everything = await training.querySuggestedImageCount(s.projectId, s.iteration1,
        { tagIds: trained, threshold: 0 });
      for (const tagId of trained) assert.equal(everything[tagId], s.untagged.length);

      const query = await training.querySuggestedImages(s.projectId, s.iteration1,
        { tagIds: [s.tags.circle], threshold, maxCount: 64 });
      assert.equal(query.results.length, expected(s.tags.circle));
      for (const result of query.results) {
        assert.equal(result.iteration, s.iteration1);
        assert.ok(result.predictions.some((p) => p.tagId === s.tags.circle && p.probability >= threshold));
      }
    });
};
