// The whole Custom Vision scenario through the official JS SDKs, one step per test, in order, sharing one state.
// Runs against a cvmock it starts, or against the real service when CVMOCK_CONTRACT_* is set (../README.md).
"use strict";

const { describe, before, after, it } = require("node:test");
const { openTarget } = require("./target");
const { openImages } = require("./images");

// What the steps hand on to later ones (project, tags, image ids, iterations, predictions...).
const s = {};

// step(name, needs, body): a test that skips, naming the missing piece, when an earlier step did not make what
// it needs; so one broken operation fails its own step rather than every step after it.
function step(name, needs, body) {
  it(name, async (t) => {
    const missing = needs.filter((key) => s[key] === undefined);
    if (missing.length > 0) {
      t.skip(`needs ${missing.join(", ")} from an earlier step that failed`);
      return;
    }
    await body(t);
  });
}

describe("Custom Vision contract scenario (JS SDK)", () => {
  before(async () => {
    s.target = await openTarget();
    s.images = await openImages(s.target);
  });

  after(async () => {
    if (s.detPublishName) {  // a failed step may have left the detector published
      await s.target.training.unpublishIteration(s.detProjectId, s.detIteration).catch(() => {});
    }
    for (const projectId of [s.projectId, s.importedProjectId, s.detProjectId]) {
      if (projectId) await s.target.training.deleteProject(projectId).catch(() => {});
    }
    if (s.images) await s.images.close();
    if (s.target) await s.target.stop();
  });

  require("./steps/workspace")(step, s);
  require("./steps/training")(step, s);
  require("./steps/predictions")(step, s);
  require("./steps/portability")(step, s);
  require("./steps/detection")(step, s);
});
