// The portal's seed workflow in Debian's chromium (playwright-core): every number the pages show is checked against
// what the REST API answers, and each main page is saved as a screenshot (docs/screenshots by default).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import {
  KEYS, RESOURCE_ID, generateFixtures, generateScenes, percent, removeFixtures, restClient, startCvmock,
} from "./harness.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const SCREENSHOTS = process.env.CVMOCK_SCREENSHOT_DIR ?? path.resolve(here, "../../docs/screenshots");
const CLASSES = ["circle", "square", "triangle"];
const PER_CLASS = 10;

let cvmock;
let browser;
let page;
let rest;
const training = generateFixtures({ perClass: PER_CLASS, seed: 1 });
const fresh = generateFixtures({ perClass: 2, seed: 5 });  // never uploaded: quick test and prediction
const scenes = generateScenes({ images: 40, seed: 3 });  // every tag on at least 15 images, as detection training needs
const freshScenes = generateScenes({ images: 2, seed: 9 });
const state = {};  // what one step leaves for the next: project and iteration ids
const detection = {};  // the same for the detection walk

before(async () => {
  cvmock = await startCvmock();
  rest = restClient(cvmock.endpoint);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox"],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(30_000);
  mkdirSync(SCREENSHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await cvmock?.stop();
  removeFixtures();
});

const screenshot = (name, fullPage = true) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
const nav = (name) => page.getByRole("navigation", { name: "Project" }).getByRole("link", { name, exact: true }).click();
const heading = (text) => page.getByRole("heading", { level: 1, name: text }).waitFor();

// Every form control of the page has an accessible name (a label, aria-label or aria-labelledby).
async function assertLabelled() {
  const unlabelled = await page.evaluate(() => [...document.querySelectorAll("main input, main select, main textarea")]
    .filter((el) => !el.labels?.length && !el.getAttribute("aria-label") && !el.getAttribute("aria-labelledby"))
    .map((el) => el.outerHTML));
  assert.deepEqual(unlabelled, []);
}

async function shownPerformance(threshold) {
  await page.locator(`#overall[data-threshold="${threshold}"]`).waitFor();
  const gauges = {};
  for (const metric of ["precision", "recall", "averagePrecision"]) {
    gauges[metric] = Number(await page.locator(`#overall [data-metric="${metric}"]`).getAttribute("data-value"));
  }
  return gauges;
}

async function assertPerformanceMatchesApi(threshold) {
  const api = await rest.training("GET", `/projects/${state.projectId}/iterations/${state.iterationId}/performance?threshold=${threshold}`);
  const shown = await shownPerformance(threshold);
  assert.deepEqual(shown, { precision: api.precision, recall: api.recall, averagePrecision: api.averagePrecision });
  for (const tag of api.perTagPerformance) {
    const row = page.locator(`#per-tag tr[data-tag-id="${tag.id}"]`);
    for (const field of ["precision", "recall", "averagePrecision"]) {
      assert.equal(await row.locator(`td[data-field="${field}"]`).textContent(), percent(tag[field]), `${tag.name} ${field}`);
    }
  }
  return api;
}

// The first thumbnails of a project's image page, once loaded, are boxes of the images' width / height ratio.
async function assertThumbnailRatios(projectId, ratio) {
  // A hash change keeps the page: until this project's grid replaces it, the last project's grid is still shown.
  const [image] = await rest.training("GET", `/projects/${projectId}/images?take=1`);
  await page.goto(`${cvmock.endpoint}/portal/#/projects/${projectId}/images`);
  const known = page.locator(`.image-grid li[data-image-id="${image.id}"] img`);
  await known.waitFor();
  await known.evaluate((img) => img.decode());
  const shown = await page.locator(".image-grid img").evaluateAll((images) => images.slice(0, 4)
    .filter((img) => img.complete && img.naturalWidth > 0)
    .map((img) => ({ box: img.getBoundingClientRect(), natural: img.naturalWidth / img.naturalHeight }))
    .map(({ box, natural }) => ({ box: box.width / box.height, natural, width: box.width, height: box.height })));
  assert.ok(shown.length > 0);
  for (const thumbnail of shown) {
    assert.ok(Math.abs(thumbnail.natural - ratio) < 0.02, `the thumbnail's own ratio is ${thumbnail.natural}`);
    assert.ok(Math.abs(thumbnail.box - ratio) < 0.02,
      `a ${ratio.toFixed(2)}:1 image shows in a ${thumbnail.width} x ${thumbnail.height} box`);
  }
}

test("the seed workflow in the portal", async (t) => {
  await t.test("keys are asked for once and checked", async () => {
    await page.goto(`${cvmock.endpoint}/portal/`);
    const dialog = page.getByRole("dialog", { name: "Keys" });
    await dialog.waitFor();
    await page.getByLabel("Training key").fill("wrong-key");
    await page.getByLabel("Prediction key", { exact: true }).fill(KEYS.prediction);
    await page.getByRole("button", { name: "Save keys" }).click();
    await page.getByText("cvmock refused this training key.").waitFor();
    await page.getByLabel("Training key").fill(KEYS.training);
    assert.equal(await page.getByLabel("Prediction resource id (publishing target)").inputValue(), RESOURCE_ID);
    await page.getByRole("button", { name: "Save keys" }).click();
    await heading("Projects");
    assert.equal(await dialog.isVisible(), false);
  });

  await t.test("create a project", async () => {
    await page.getByLabel("Name", { exact: true }).fill("Shapes");
    await page.getByLabel("Description").fill("Circles, squares and triangles");
    await page.getByLabel("Multiclass (one tag per image)").check();
    await assertLabelled();
    await page.getByRole("button", { name: "Create project" }).click();
    await heading("Training images");
    const projects = await rest.training("GET", "/projects");
    assert.equal(projects.length, 1);
    assert.equal(projects[0].name, "Shapes");
    assert.equal(projects[0].settings.classificationType, "Multiclass");
    state.projectId = projects[0].id;
    assert.match(page.url(), new RegExp(`#/projects/${state.projectId}/images$`));
  });

  await t.test("add tags and upload labelled images with a progress bar", async () => {
    for (const name of CLASSES) {
      await page.getByLabel("New tag").fill(name);
      await page.getByRole("button", { name: "Add tag" }).click();
      await page.getByRole("button", { name: `${name} (0)` }).waitFor();
    }
    for (const name of CLASSES) {
      await page.getByLabel("Image files").setInputFiles(training[name]);
      await page.getByRole("group", { name: "Tags for these images" }).getByLabel(name, { exact: true }).check();
      await page.getByRole("button", { name: "Upload", exact: true }).click();
      await page.locator("#upload-outcome", { hasText: `${PER_CLASS} images added.` }).waitFor();
      assert.equal(await page.locator("#upload-progress").evaluate((bar) => bar.value), 100);
      assert.equal(await page.locator("#upload-progress-label").textContent(), "Upload progress: 100%");
      await page.getByRole("button", { name: `${name} (${PER_CLASS})` }).waitFor();
    }
    await page.locator("#image-heading", { hasText: `All images (${CLASSES.length * PER_CLASS})` }).waitFor();
    assert.equal(await page.locator(".image-grid li").count(), CLASSES.length * PER_CLASS);
    assert.equal(await rest.training("GET", `/projects/${state.projectId}/images/count`), CLASSES.length * PER_CLASS);
    for (const tag of await rest.training("GET", `/projects/${state.projectId}/tags`)) assert.equal(tag.imageCount, PER_CLASS);
    await assertLabelled();
    await screenshot("images", false);  // the first rows of thumbnails are enough
  });

  await t.test("untag, filter untagged and tag again", async () => {
    const first = page.locator(".image-grid li").first();
    const tagName = (await first.locator("figcaption").textContent()).trim();
    await page.getByLabel("Select image 1", { exact: true }).check();
    await page.locator("#selection-tag").selectOption({ label: tagName });
    await page.getByRole("button", { name: "Untag selected" }).click();
    await page.getByRole("button", { name: "Untagged (1)" }).click();
    await page.locator("#image-heading", { hasText: "Untagged images (1)" }).waitFor();
    assert.equal(await rest.training("GET", `/projects/${state.projectId}/images/untagged/count`), 1);
    await page.getByLabel("Select image 1", { exact: true }).check();
    await page.locator("#selection-tag").selectOption({ label: tagName });
    await page.getByRole("button", { name: "Tag selected", exact: true }).click();
    await page.getByRole("button", { name: "Untagged (0)" }).waitFor();
    assert.equal(await rest.training("GET", `/projects/${state.projectId}/images/untagged/count`), 0);
    await page.getByRole("button", { name: `All images (${CLASSES.length * PER_CLASS})` }).click();
  });

  await t.test("train until Completed", async () => {
    await nav("Train");
    await heading("Train");
    await page.getByLabel("Quick training (Regular)").check();
    await page.getByRole("button", { name: "Train", exact: true }).click();
    await page.locator("#training-status", { hasText: "Iteration 1: Completed" }).waitFor({ timeout: 120_000 });
    const iterations = await rest.training("GET", `/projects/${state.projectId}/iterations`);
    assert.equal(iterations.length, 1);
    assert.equal(iterations[0].status, "Completed");
    state.iterationId = iterations[0].id;
    await page.locator(`tr[data-iteration-id="${state.iterationId}"] td.status-Completed`).waitFor();
    await assertLabelled();
    await screenshot("train");
  });

  await t.test("performance equals GetIterationPerformance, and follows the threshold", async () => {
    await page.getByRole("link", { name: "See the performance of Iteration 1" }).click();
    await heading("Performance");
    const atHalf = await assertPerformanceMatchesApi(0.5);
    assert.ok(await page.locator("#pr-curve path.curve").getAttribute("d"));

    await page.getByLabel("Probability threshold").fill("90");
    assert.equal(await page.locator("#threshold-value").textContent(), "90%");
    await assertPerformanceMatchesApi(0.9);
    await page.getByLabel("Probability threshold").press("End");  // the keyboard moves it too
    const atOne = await assertPerformanceMatchesApi(1);
    assert.notDeepEqual([atOne.precision, atOne.recall], [atHalf.precision, atHalf.recall]);

    await page.getByLabel("Probability threshold").fill("50");
    await assertPerformanceMatchesApi(0.5);
    await assertLabelled();
    await screenshot("performance");
  });

  await t.test("quick test shows the probabilities the API gives", async () => {
    await nav("Quick test");
    await heading("Quick test");
    await page.getByLabel("Image", { exact: true }).setInputFiles(fresh.circle[0]);
    await page.getByRole("button", { name: "Test image" }).click();
    await page.locator("#quicktest-result .bars li").first().waitFor();
    const shown = await page.locator("#quicktest-result .bars li").evaluateAll((items) =>
      items.map((li) => [li.dataset.tagName, li.querySelector(".value").textContent]));
    const api = await rest.training("POST",
      `/projects/${state.projectId}/quicktest/image?iterationId=${state.iterationId}&store=false`, { file: fresh.circle[0] });
    assert.deepEqual(shown, api.predictions.map((p) => [p.tagName, percent(p.probability)]));
    assert.equal(shown[0][0], "circle");
    await assertLabelled();
    await screenshot("quicktest");
  });

  await t.test("publish, and the Prediction URL panel", async () => {
    await nav("Performance");
    await heading("Performance");
    await page.getByLabel("Published name (clients call the model by it)").fill("shapes-model");
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await page.locator("#publish-state", { hasText: 'published as "shapes-model"' }).waitFor();
    const iteration = await rest.training("GET", `/projects/${state.projectId}/iterations/${state.iterationId}`);
    assert.equal(iteration.publishName, "shapes-model");
    assert.equal(iteration.originalPublishResourceId, RESOURCE_ID);

    await page.getByRole("button", { name: "Prediction URL" }).click();
    const panel = page.locator("#prediction-url");
    await panel.waitFor();
    const endpoint = `${cvmock.endpoint}/customvision/v3.0/prediction/${state.projectId}/classify/iterations/shapes-model`;
    assert.equal(await page.locator("#image-endpoint").textContent(), `${endpoint}/image`);
    assert.equal(await page.locator("#url-endpoint").textContent(), `${endpoint}/url`);
    assert.equal(await page.locator("#prediction-project-id").textContent(), state.projectId);
    assert.equal(await page.locator("#prediction-publish-name").textContent(), "shapes-model");
    assert.match(await page.locator("#image-curl").textContent(), new RegExp(`Prediction-Key: ${KEYS.prediction}.*${endpoint}/image`));
    await panel.scrollIntoViewIfNeeded();
    await screenshot("publish");
  });

  await t.test("a prediction made through REST is listed and added to the training images", async () => {
    const predicted = await rest.prediction("POST", `/${state.projectId}/classify/iterations/shapes-model/image`, { file: fresh.square[0] });
    await nav("Predictions");
    await heading("Predictions");
    const card = page.locator(`li[data-prediction-id="${predicted.id}"]`);
    await card.waitFor();
    const stored = await rest.training("POST", `/projects/${state.projectId}/predictions/query`, { json: { orderBy: "Newest" } });
    const listed = await page.locator("#prediction-list > li").evaluateAll((items) => items.map((li) => li.dataset.predictionId));
    assert.deepEqual(listed, stored.results.map((result) => result.id));
    assert.equal(listed.length, 2);  // the portal's quick test was stored too
    await assertLabelled();
    await screenshot("predictions");

    await card.getByLabel("Tag for training").selectOption({ label: "square" });
    await card.getByRole("button", { name: "Add to training images" }).click();
    await page.locator("#predictions-status", { hasText: "Added to the training images as square" }).waitFor();
    await card.waitFor({ state: "detached" });
    assert.equal(await rest.training("GET", `/projects/${state.projectId}/images/count`), CLASSES.length * PER_CLASS + 1);
    const after = await rest.training("POST", `/projects/${state.projectId}/predictions/query`, { json: {} });
    assert.ok(!after.results.some((result) => result.id === predicted.id));

    await nav("Images");
    await page.locator("#image-heading", { hasText: `All images (${CLASSES.length * PER_CLASS + 1})` }).waitFor();
    await page.getByRole("button", { name: `square (${PER_CLASS + 1})` }).waitFor();
  });

  await t.test("projects page, keyboard and a narrow window", async () => {
    await page.getByRole("link", { name: "cvmock portal" }).click();
    await heading("Projects");
    await page.locator(`li[data-project-id="${state.projectId}"]`, { hasText: `${CLASSES.length * PER_CLASS + 1} images` }).waitFor();
    await screenshot("projects");

    await page.reload();
    await heading("Projects");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.textContent), "Skip to content");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.id), "project-name");

    await page.setViewportSize({ width: 390, height: 800 });
    const drawn = { images: ".image-grid li", performance: "#pr-curve svg", predictions: "#prediction-list" };
    for (const [view, selector] of Object.entries(drawn)) {
      await page.goto(`${cvmock.endpoint}/portal/#/projects/${state.projectId}/${view}`);
      await page.locator(selector).first().waitFor();
      // The page never scrolls sideways (a wide table may scroll inside its own box).
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${view} is ${overflow}px wider than a 390px window`);
    }
    await page.goto(`${cvmock.endpoint}/portal/#/projects/${state.projectId}/performance`);
    await page.locator("#pr-curve svg").waitFor();
    await screenshot("narrow-performance");
  });

  await t.test("thumbnails keep their image's aspect ratio, square or wide", async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await assertThumbnailRatios(state.projectId, 128 / 128);
    // A wide image, 240 x 120: a corner of the page itself.
    const wide = await page.screenshot({ clip: { x: 0, y: 0, width: 240, height: 120 } });
    const project = await rest.training("POST", "/projects?name=Wide");
    await rest.training("POST", `/projects/${project.id}/images`, { bytes: wide });
    await assertThumbnailRatios(project.id, 240 / 120);
  });
});

// The region with this tag and box (within a pixel of a 320 x 240 picture), or undefined.
const CLOSE = 0.005;
const sameBox = (a, b) => ["left", "top", "width", "height"].every((field) => Math.abs(a[field] - b[field]) <= CLOSE);
const findRegion = (regions, tagName, box) => regions.find((region) => region.tagName === tagName && sameBox(region, box));
const imageRegions = async (imageId) =>
  (await rest.training("GET", `/projects/${detection.projectId}/images/id?imageIds=${imageId}`))[0].regions ?? [];

// Presses at `from` and releases at `to` (fractions of the picture) with the pointer, moving through the way.
async function drag(from, to) {
  const area = await page.locator(".box-overlay").first().boundingBox();
  const at = ({ x, y }) => [area.x + x * area.width, area.y + y * area.height];
  await page.mouse.move(...at(from));
  await page.mouse.down();
  await page.mouse.move(...at(to), { steps: 8 });
  await page.mouse.up();
}

function iou(a, b) {
  const w = Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
  const ht = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
  const inter = Math.max(0, w) * Math.max(0, ht);
  return inter / (a.width * a.height + b.width * b.height - inter);
}

async function shownDetectionPerformance(threshold, overlap) {
  await page.locator(`#overall[data-threshold="${threshold}"][data-overlap="${overlap}"]`).waitFor();
  const api = await rest.training("GET", `/projects/${detection.projectId}/iterations/${detection.iterationId}/performance` +
    `?threshold=${threshold}&overlapThreshold=${overlap}`);
  for (const metric of ["precision", "recall", "averagePrecision"]) {
    assert.equal(Number(await page.locator(`#overall [data-metric="${metric}"]`).getAttribute("data-value")), api[metric], metric);
  }
  assert.equal(await page.locator('#overall [data-metric="averagePrecision"] figcaption').textContent(), "mAP");
  for (const tag of api.perTagPerformance) {
    const row = page.locator(`#per-tag tr[data-tag-id="${tag.id}"]`);
    for (const field of ["precision", "recall", "averagePrecision"]) {
      assert.equal(await row.locator(`td[data-field="${field}"]`).textContent(), percent(tag[field]), `${tag.name} ${field}`);
    }
  }
  return api;
}

test("object detection in the portal", async (t) => {
  await t.test("create a detection project", async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${cvmock.endpoint}/portal/#/projects`);
    await heading("Projects");
    await page.getByLabel("Name", { exact: true }).fill("Shape detector");
    await page.getByLabel("Object detection (tagged regions in images)").check();
    assert.equal(await page.getByRole("group", { name: "Classification type" }).isVisible(), false);
    const domains = await rest.training("GET", "/domains");
    const offered = await page.locator("#project-domain option").evaluateAll((options) => options.map((o) => o.value));
    assert.deepEqual(offered, domains.filter((d) => d.type === "ObjectDetection" && d.enabled).map((d) => d.id));
    await assertLabelled();
    await page.getByRole("button", { name: "Create project" }).click();
    await heading("Training images");
    const created = (await rest.training("GET", "/projects")).find((project) => project.name === "Shape detector");
    assert.ok(created, "the project exists");
    assert.equal(domains.find((d) => d.id === created.settings.domainId).type, "ObjectDetection");
    detection.projectId = created.id;
  });

  await t.test("upload scenes with their region files", async () => {
    await page.getByLabel("Image files").setInputFiles(scenes.flatMap((scene) => [scene.image, scene.regionFile]));
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    await page.locator("#upload-outcome", { hasText: `${scenes.length} images added.` }).waitFor();
    await page.locator("#image-heading", { hasText: `All images (${scenes.length})` }).waitFor();
    const images = await rest.training("GET", `/projects/${detection.projectId}/images?take=256`);
    assert.equal(images.length, scenes.length);
    const uploaded = images.flatMap((image) => image.regions ?? []).map((r) => `${r.tagName} ${r.left} ${r.top} ${r.width} ${r.height}`);
    const expected = scenes.flatMap((scene) => scene.regions).map((r) => `${r.tagName} ${r.left} ${r.top} ${r.width} ${r.height}`);
    assert.deepEqual(uploaded.sort(), expected.sort());
    const tags = await rest.training("GET", `/projects/${detection.projectId}/tags`);
    assert.deepEqual(tags.map((tag) => tag.name).sort(), CLASSES);
    for (const tag of tags) await page.getByRole("button", { name: `${tag.name} (${tag.imageCount})` }).waitFor();
    assert.equal(await page.getByRole("button", { name: "Tag selected" }).count(), 0);  // regions carry the tags here
  });

  await t.test("draw a region, move it with the pointer and the keys, delete it", async () => {
    const [first] = await rest.training("GET", `/projects/${detection.projectId}/images?take=1`);
    detection.imageId = first.id;
    const before = first.regions;
    await page.locator(`.image-grid li[data-image-id="${first.id}"] .regions-link`, { hasText: `Regions (${before.length})` }).click();
    await heading("Regions");
    await page.locator(".boxed-image img").evaluate((img) => img.decode());
    assert.equal(await page.locator(".box.region").count(), before.length);
    for (const region of before) {
      assert.equal(await page.locator(`.box.region[data-region-id="${region.regionId}"] .box-label`).textContent(), region.tagName);
    }

    await drag({ x: 0.8, y: 0.8 }, { x: 0.95, y: 0.95 });
    const typed = {};
    for (const field of ["left", "top", "width", "height"]) typed[field] = Number(await page.getByLabel(field[0].toUpperCase() + field.slice(1), { exact: true }).inputValue());
    assert.ok(sameBox(typed, { left: 0.8, top: 0.8, width: 0.15, height: 0.15 }), `the drag gave ${JSON.stringify(typed)}`);
    await page.getByLabel("Tag", { exact: true }).selectOption({ label: "circle" });
    await assertLabelled();
    await page.getByRole("button", { name: "Save region" }).click();
    await page.locator("#regions-status", { hasText: "Region circle added" }).waitFor();
    const added = await imageRegions(first.id);
    assert.equal(added.length, before.length + 1);
    const drawn = findRegion(added, "circle", typed);
    assert.ok(drawn, "the drawn region was created with its box");
    await page.locator(`.box.region[data-region-id="${drawn.regionId}"]`).waitFor();
    await screenshot("regions");

    // Dragging the box's middle 0.2 to the left and 0.1 up moves it there.
    await drag({ x: 0.875, y: 0.875 }, { x: 0.675, y: 0.775 });
    await page.locator("#regions-status", { hasText: "Region circle moved" }).waitFor();
    const moved = await imageRegions(first.id);
    assert.equal(moved.length, before.length + 1);
    assert.ok(!moved.some((region) => region.regionId === drawn.regionId), "the old region is gone");
    const target = findRegion(moved, "circle", { ...typed, left: typed.left - 0.2, top: typed.top - 0.1 });
    assert.ok(target, `a circle at the new place: ${JSON.stringify(moved)}`);

    // Shift+Right moves the focused box by 0.05; the moved box keeps the focus, so Down then moves it by 0.01.
    const box = page.locator(`.box.region[data-region-id="${target.regionId}"]`);
    await box.focus();
    await box.press("Shift+ArrowRight");
    await box.waitFor({ state: "detached" });
    const nudged = await imageRegions(first.id);
    const right = findRegion(nudged, "circle", { ...target, left: target.left + 0.05 });
    assert.ok(right, `a circle 0.05 further right: ${JSON.stringify(nudged)}`);
    assert.equal(await page.evaluate(() => document.activeElement.dataset.regionId), right.regionId);
    await page.keyboard.press("ArrowDown");
    await page.locator(`.box.region[data-region-id="${right.regionId}"]`).waitFor({ state: "detached" });
    const lowered = await imageRegions(first.id);
    const last = findRegion(lowered, "circle", { ...right, top: right.top + 0.01 });
    assert.ok(last, `a circle 0.01 lower: ${JSON.stringify(lowered)}`);
    assert.equal(lowered.length, before.length + 1);

    await page.locator(`#region-list tr[data-region-id="${last.regionId}"]`).getByRole("button", { name: /^Delete region/ }).click();
    await page.locator("#regions-status", { hasText: "Region circle deleted" }).waitFor();
    const after = await imageRegions(first.id);
    assert.deepEqual(after.map((region) => region.regionId).sort(), before.map((region) => region.regionId).sort());
    assert.equal(await page.locator(".box.region").count(), before.length);
  });

  await t.test("train the detector", async () => {
    await nav("Train");
    await heading("Train");
    await page.getByRole("button", { name: "Train", exact: true }).click();
    await page.locator("#training-status", { hasText: "Iteration 1: Completed" }).waitFor({ timeout: 120_000 });
    const [iteration] = await rest.training("GET", `/projects/${detection.projectId}/iterations`);
    assert.equal(iteration.status, "Completed");
    detection.iterationId = iteration.id;
  });

  await t.test("performance follows the overlap threshold, refetching", async () => {
    await page.getByRole("link", { name: "See the performance of Iteration 1" }).click();
    await heading("Performance");
    const asked = [];
    const listen = (request) => {
      const query = new URL(request.url()).searchParams;
      if (request.url().includes("/performance")) asked.push(query.get("overlapThreshold"));
    };
    page.on("request", listen);
    const atHalf = await shownDetectionPerformance(0.5, 0.5);
    await page.getByLabel("Overlap threshold").fill("90");
    assert.equal(await page.locator("#overlap-value").textContent(), "90%");
    const atNinety = await shownDetectionPerformance(0.5, 0.9);
    assert.ok(asked.includes("0.9"), `the page asked for overlapThreshold 0.9 (asked: ${asked})`);
    assert.notEqual(atNinety.averagePrecision, atHalf.averagePrecision, "mAP changes with the overlap");
    await page.getByLabel("Probability threshold").fill("80");
    await shownDetectionPerformance(0.8, 0.9);
    page.off("request", listen);
    await assertLabelled();
    await screenshot("detection-performance");
  });

  await t.test("quick test draws the detected boxes above the threshold", async () => {
    await nav("Quick test");
    await heading("Quick test");
    const scene = freshScenes[0];
    await page.getByLabel("Image", { exact: true }).setInputFiles(scene.image);
    await page.getByRole("button", { name: "Test image" }).click();
    await page.locator("#detection-threshold").waitFor();
    const api = await rest.training("POST",
      `/projects/${detection.projectId}/quicktest/image?iterationId=${detection.iterationId}&store=false`, { file: scene.image });
    const drawnBoxes = async () => {
      const area = await page.locator("#quicktest-result .box-overlay").boundingBox();
      return page.locator("#quicktest-result .box.detection").evaluateAll((boxes, size) => boxes.map((box) => ({
        tagName: box.dataset.tagName, probability: Number(box.dataset.probability), label: box.textContent,
        left: (box.getBoundingClientRect().left - size.x) / size.width, top: (box.getBoundingClientRect().top - size.y) / size.height,
        width: box.getBoundingClientRect().width / size.width, height: box.getBoundingClientRect().height / size.height,
      })), area);
    };
    const expect = async (from) => {
      await page.locator(`#quicktest-result .box-overlay[data-threshold="${from}"]`).waitFor();
      const drawn = await drawnBoxes();
      const wanted = api.predictions.filter((p) => p.probability >= from);
      assert.equal(drawn.length, wanted.length, `boxes from ${from}`);
      for (const [i, p] of wanted.entries()) {
        assert.equal(drawn[i].tagName, p.tagName);
        assert.equal(drawn[i].label, `${p.tagName} ${percent(p.probability)}`);
        assert.ok(sameBox({ ...drawn[i] }, p.boundingBox) || ["left", "top", "width", "height"].every((field) =>
          Math.abs(drawn[i][field] - p.boundingBox[field]) < 0.01), `box ${i} at ${JSON.stringify(drawn[i])}`);
      }
      return drawn;
    };
    const atHalf = await expect(0.5);
    // The detector finds the scene's objects: every true region has a drawn box of its tag overlapping it well.
    for (const region of scene.regions) {
      assert.ok(atHalf.some((box) => box.tagName === region.tagName && iou(box, region) >= 0.5), `${region.tagName} found`);
    }
    await screenshot("detection-quicktest");
    await page.getByLabel("Show detections from").fill("0");
    const all = await expect(0);
    assert.ok(all.length > atHalf.length, "a lower threshold shows more boxes");
    await page.getByLabel("Show detections from").fill("100");
    await expect(1);
    await assertLabelled();
    detection.quickTest = api;
  });

  await t.test("publish: the Prediction URL panel names the detect endpoints, and Try it draws boxes", async () => {
    await nav("Performance");
    await heading("Performance");
    await page.getByLabel("Published name (clients call the model by it)").fill("shapes-detector");
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await page.locator("#publish-state", { hasText: 'published as "shapes-detector"' }).waitFor();
    await page.getByRole("button", { name: "Prediction URL" }).click();
    const endpoint = `${cvmock.endpoint}/customvision/v3.0/prediction/${detection.projectId}/detect/iterations/shapes-detector`;
    assert.equal(await page.locator("#image-endpoint").textContent(), `${endpoint}/image`);
    await page.getByLabel("Image to send to the image endpoint").setInputFiles(freshScenes[1].image);
    await page.getByRole("button", { name: "Detect", exact: true }).click();
    await page.locator("#try-result .box-overlay").waitFor();
    const api = await rest.prediction("POST", `/${detection.projectId}/detect/iterations/shapes-detector/image/nostore`,
      { file: freshScenes[1].image });
    assert.equal(await page.locator("#try-result .box.detection").count(), api.predictions.filter((p) => p.probability >= 0.5).length);
  });

  await t.test("a stored detection is added to the training images with its boxes as regions", async () => {
    await nav("Predictions");
    await heading("Predictions");
    const stored = await rest.training("POST", `/projects/${detection.projectId}/predictions/query`, { json: { orderBy: "Oldest" } });
    const quick = stored.results.find((result) => result.iteration === detection.iterationId);
    const card = page.locator(`li[data-prediction-id="${quick.id}"]`);
    const kept = quick.predictions.filter((p) => p.probability >= 0.5);
    assert.ok(kept.length > 0);
    assert.equal(await card.locator(".box.detection").count(), kept.length);
    const count = await rest.training("GET", `/projects/${detection.projectId}/images/count`);
    await card.getByRole("button", { name: "Add with these regions" }).click();
    await page.locator("#predictions-status", { hasText: `with ${kept.length} regions` }).waitFor();
    assert.equal(await rest.training("GET", `/projects/${detection.projectId}/images/count`), count + 1);
    const images = await rest.training("GET", `/projects/${detection.projectId}/images?take=256`);
    const added = images.find((image) => (image.regions ?? []).length === kept.length &&
      kept.every((p) => findRegion(image.regions, p.tagName, p.boundingBox)));
    assert.ok(added, "an image whose regions are the kept detections");
  });

  await t.test("the detection pages in a narrow window", async () => {
    await page.setViewportSize({ width: 390, height: 800 });
    const drawn = {
      [`regions?image=${detection.imageId}`]: ".box.region",
      performance: "#overall[data-overlap]",
      images: ".image-grid .regions-link",
    };
    for (const [view, selector] of Object.entries(drawn)) {
      await page.goto(`${cvmock.endpoint}/portal/#/projects/${detection.projectId}/${view}`);
      await page.locator(selector).first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${view} is ${overflow}px wider than a 390px window`);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});
