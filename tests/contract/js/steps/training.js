// Scenario steps of training: train and poll to Completed, TrainingNotNeeded, forceTrain with selectedTags, iteration
// get/update/performance, quick tests, and publishing (and an invalid publish target).
"use strict";

const assert = require("node:assert/strict");
const { randomUUID } = require("node:crypto");
const { poll, expectError, assertRanked } = require("../support");
const { CLASSES } = require("../images");

const PREDICTED_INDEX = 7;  // not uploaded for training
const sorted = (values) => [...values].sort();

async function trainedIteration(s, started) {
  return poll(`iteration ${started.id} to finish training`, async () => {
    const iteration = await s.target.training.getIteration(s.projectId, started.id);
    assert.notEqual(iteration.status, "Failed", `training failed: ${iteration.trainingErrorDetails}`);
    return iteration.status === "Completed" ? iteration : null;
  }, { intervalMs: s.target.pollIntervalMs, timeoutMs: s.target.trainingTimeoutMs });
}

module.exports = (step, s) => {
  step("train: Training, polled to Completed; again unchanged is TrainingNotNeeded", ["untagged"], async () => {
    const { training } = s.target;
    const started = await training.trainProject(s.projectId);
    assert.equal(started.status, "Training");
    assert.equal(started.name, "Iteration 1");
    assert.equal(started.trainedAt, undefined);
    const done = await trainedIteration(s, started);
    assert.ok(done.trainedAt instanceof Date);
    assert.equal(done.domainId, "0732100f-1a38-4e49-a514-c9b44c697ab5");
    assert.equal(done.classificationType, "Multilabel");
    s.iteration1 = done.id;
    assert.deepEqual((await training.getIterations(s.projectId)).map((it) => it.id), [done.id]);
    await expectError(training.trainProject(s.projectId), 400, "BadRequestTrainingNotNeeded");
  });

  step("train: forceTrain with selectedTags trains only the selected tags", ["iteration1"], async () => {
    const selected = [s.tags.circle, s.tags.square];
    const started = await s.target.training.trainProject(s.projectId,
      { forceTrain: true, trainingParameters: { selectedTags: selected } });
    assert.equal(started.status, "Training");
    assert.notEqual(started.id, s.iteration1);
    await trainedIteration(s, started);
    s.iteration2 = started.id;
    const performance = await s.target.training.getIterationPerformance(s.projectId, started.id);
    assert.deepEqual(sorted(performance.perTagPerformance.map((t) => t.id)), sorted(selected));
    assert.equal((await s.target.training.getIterations(s.projectId)).length, 2);
  });

  step("iteration: get, update, performance, image performances and their count", ["iteration1"], async () => {
    const { training } = s.target;
    const renamed = await training.updateIteration(s.projectId, s.iteration1, { name: "contract first" });
    assert.equal(renamed.name, "contract first");
    assert.equal((await training.getIteration(s.projectId, s.iteration1)).name, "contract first");

    const performance = await training.getIterationPerformance(s.projectId, s.iteration1, { threshold: 0.5 });
    assert.deepEqual(sorted(performance.perTagPerformance.map((t) => t.name)), CLASSES);
    for (const value of [performance.precision, performance.recall, performance.averagePrecision]) {
      assert.ok(value >= 0 && value <= 1, `a ratio: ${value}`);
    }
    const count = (await training.getImagePerformanceCount(s.projectId, s.iteration1)).body;
    // cvmock always holds some images out; how many the real service evaluates is its own business.
    assert.ok(count >= (s.target.real ? 0 : 1) && count <= 18, `evaluated images: ${count}`);
    const images = await training.getImagePerformances(s.projectId, s.iteration1, { take: 256 });
    assert.equal(images.length, count);
    for (const image of images) {
      assertRanked(image.predictions);
      assert.equal(image.tags.length, 1);
    }
    const circles = (await training.getImagePerformanceCount(s.projectId, s.iteration1,
      { tagIds: [s.tags.circle] })).body;
    assert.ok(circles <= count);
    assert.equal((await training.getImagePerformances(s.projectId, s.iteration1, { tagIds: [s.tags.circle] })).length,
      circles);
  });

  step("quick test: an image and a URL, stored, predict their shapes", ["iteration1"], async (t) => {
    const { training } = s.target;
    const triangle = s.images.file("triangle", PREDICTED_INDEX);
    const fromImage = await training.quickTestImage(s.projectId, s.images.bytes(triangle),
      { iterationId: s.iteration1, store: true });
    assert.equal(fromImage.project, s.projectId);
    assert.equal(fromImage.iteration, s.iteration1);
    assertRanked(fromImage.predictions);
    assert.equal(fromImage.predictions[0].tagName, "triangle");
    s.stored = [fromImage.id];
    s.notStored = [];

    const url = s.images.url(s.images.file("square", PREDICTED_INDEX));
    if (!url) {
      t.skip("no public image URL (set CVMOCK_CONTRACT_IMAGE_BASE_URL): QuickTestImageUrl not run");
      return;
    }
    const fromUrl = await training.quickTestImageUrl(s.projectId, { url }, { iterationId: s.iteration1, store: true });
    assert.equal(fromUrl.iteration, s.iteration1);
    assertRanked(fromUrl.predictions);
    assert.equal(fromUrl.predictions[0].tagName, "square");
    s.stored.push(fromUrl.id);
    s.quickTestUrlPrediction = fromUrl.id;
  });

  step("publish: published under a name; a published iteration cannot be deleted", ["iteration1"], async () => {
    const { training } = s.target;
    const name = `contract-${randomUUID().slice(0, 8)}`;
    const published = await training.publishIteration(s.projectId, s.iteration1, name, s.target.predictionResourceId);
    assert.equal(published.body, true);
    const iteration = await training.getIteration(s.projectId, s.iteration1);
    assert.equal(iteration.publishName, name);
    assert.equal(iteration.originalPublishResourceId, s.target.predictionResourceId);
    s.publishName = name;
    await expectError(training.deleteIteration(s.projectId, s.iteration1), 400, "BadRequestIterationIsPublished");
  });

  step("publish: a predictionId that is not a prediction resource's id is BadRequestInvalidPublishTarget",
    ["iteration2"], async () => {
      const { training } = s.target;
      await expectError(training.publishIteration(s.projectId, s.iteration2, "contract-nowhere", "not-a-resource-id"),
        400, "BadRequestInvalidPublishTarget");
      const wrongAccount = s.target.predictionResourceId.replace(/accounts\/[^/]+$/, "accounts/no-such-account");
      await expectError(training.publishIteration(s.projectId, s.iteration2, "contract-nowhere", wrongAccount),
        400, "BadRequestInvalidPublishTarget");
      assert.equal((await training.getIteration(s.projectId, s.iteration2)).publishName ?? null, null);
    });
};
