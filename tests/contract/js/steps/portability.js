// Scenario steps that take things out of the project: project export → import, iteration export → zip, artifacts;
// then unpublish and delete the iterations.
"use strict";

const assert = require("node:assert/strict");
const { randomUUID } = require("node:crypto");
const { poll, expectError, readAll, isImage, artifactPath } = require("../support");

const sorted = (values) => [...values].sort();

async function tagCounts(training, projectId) {
  return Object.fromEntries((await training.getTags(projectId)).map((tag) => [tag.name, tag.imageCount]));
}

module.exports = (step, s) => {
  step("export project → import project: tags, images and metadata come across", ["iteration1", "fromPrediction"],
    async () => {
      const { training } = s.target;
      const total = (await training.getImageCount(s.projectId)).body;
      const exported = await training.exportProject(s.projectId);
      assert.equal(exported.imageCount, total);
      // tagCount is not the number of tags: a recorded 2-tag project with one iteration said 4 (ImportExportProject).
      assert.ok(exported.tagCount >= 3, `tagCount ${exported.tagCount}`);
      assert.equal(exported.regionCount, 0);
      assert.ok(exported.iterationCount >= 1);
      assert.ok(typeof exported.token === "string" && exported.token.length > 0);

      const name = `contract-js-import-${randomUUID().slice(0, 8)}`;
      const imported = await training.importProject(exported.token, { name });
      s.importedProjectId = imported.id;
      assert.notEqual(imported.id, s.projectId);
      assert.equal(imported.name, name);
      assert.ok(["Importing", "Succeeded"].includes(imported.status), `status ${imported.status}`);
      await poll("the import to succeed", async () => {
        const project = await training.getProject(imported.id);
        assert.notEqual(project.status, "Failed");
        return project.status === "Succeeded";
      }, { intervalMs: s.target.pollIntervalMs, timeoutMs: 120_000 });

      assert.equal((await training.getProject(imported.id)).settings.domainId,
        (await training.getProject(s.projectId)).settings.domainId);
      assert.deepEqual(await tagCounts(training, imported.id), await tagCounts(training, s.projectId));
      assert.equal((await training.getImageCount(imported.id)).body, total);
      assert.equal((await training.getUntaggedImageCount(imported.id)).body, s.untagged.length);
      assert.equal((await training.getIterations(imported.id)).length, exported.iterationCount);
      const filter = "shape eq 'circle'";
      const circles = await training.getImages(imported.id, { filter });
      assert.equal(circles.length, s.imageIds.circle.length);
      assert.ok(circles.every((image) => image.metadata.source === "data"));
    });

  step("export iteration: TensorFlow export of the compact iteration, polled to Done, downloads a zip",
    ["iteration1"], async () => {
      const { training } = s.target;
      const iteration = await training.getIteration(s.projectId, s.iteration1);
      assert.equal(iteration.exportable, true, "a compact domain's iteration is exportable");
      const started = await training.exportIteration(s.projectId, s.iteration1, "TensorFlow");
      assert.equal(started.platform, "TensorFlow");
      assert.equal(started.status, "Exporting");
      const done = await poll("the export to be Done", async () => {
        const exports = await training.getExports(s.projectId, s.iteration1);
        const mine = exports.find((e) => e.platform === "TensorFlow");
        assert.ok(mine, "GetExports lists the export");
        assert.notEqual(mine.status, "Failed");
        return mine.status === "Done" ? mine : null;
      }, { intervalMs: s.target.pollIntervalMs, timeoutMs: 120_000 });
      assert.equal(done.newerVersionAvailable, false);
      const response = await fetch(done.downloadUri);
      assert.equal(response.status, 200);
      const zip = Buffer.from(await response.arrayBuffer());
      assert.ok(zip.subarray(0, 4).equals(Buffer.from("PK\x03\x04", "latin1")), "the download is a zip");
    });

  step("artifacts: GetArtifact answers an image's bytes by its blob path", ["imageIds"], async () => {
    const { training } = s.target;
    const [image] = await training.getImagesByIds(s.projectId, { imageIds: [s.imageIds.circle[0]] });
    const artifact = await training.getArtifact(s.projectId, artifactPath(image.originalImageUri));
    const bytes = await readAll(artifact.readableStreamBody);
    assert.ok(bytes.length > 0 && isImage(bytes), "an image came back");
  });

  step("unpublish, then delete both iterations", ["publishName", "iteration2"], async () => {
    const { training, prediction } = s.target;
    assert.equal((await training.unpublishIteration(s.projectId, s.iteration1))._response.status, 204);
    const iteration = await training.getIteration(s.projectId, s.iteration1);
    assert.equal(iteration.publishName ?? null, null);
    await poll("the unpublished name to stop answering", () => expectError(
      prediction.classifyImage(s.projectId, s.publishName, s.images.bytes(s.images.file("circle", 0))),
      404, "NotFoundIteration").then(() => true),
    { intervalMs: s.target.pollIntervalMs, timeoutMs: 60_000, retryErrors: s.target.real });

    for (const id of [s.iteration1, s.iteration2]) {
      assert.equal((await training.deleteIteration(s.projectId, id))._response.status, 204);
      await expectError(training.getIteration(s.projectId, id), 404, "NotFoundIteration");
    }
    assert.deepEqual(sorted((await training.getIterations(s.projectId)).map((it) => it.id)), []);
  });
};
