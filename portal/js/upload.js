// The "Add images" panel: many files with their tags (or, in a detection project, with their region files), sent in
// batches the service accepts, with one progress bar.
import { createImagesFromData, createImagesFromFiles } from "./api.js";
import { announce, errorMessage, fill, h } from "./dom.js";
import { base64Of, isRegionFile, readRegionFiles, regionsOf, tagIdsFor } from "./regionfiles.js";

const MAX_FILES_PER_BATCH = 64;             // CreateImagesFromData's limit
const MAX_BYTES_PER_BATCH = 32 * 1024 * 1024;  // keeps one request reasonable; a single image is at most 6 MB

function batches(files) {
  const out = [];
  let current = [];
  let bytes = 0;
  for (const file of files) {
    if (current.length && (current.length === MAX_FILES_PER_BATCH || bytes + file.size > MAX_BYTES_PER_BATCH)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file);
    bytes += file.size;
  }
  if (current.length) out.push(current);
  return out;
}

const size = (files) => files.reduce((sum, file) => sum + file.size, 0);

// Uploads every file through send(batch, onBatchProgress), which resolves with the batch's ImageCreateSummary;
// onProgress(fraction) follows the bytes sent. Resolves with what the service answered.
async function uploadFiles(files, send, onProgress) {
  const total = size(files) || 1;
  const result = { stored: 0, duplicates: 0, failed: [] };
  let sent = 0;
  for (const batch of batches(files)) {
    const batchBytes = size(batch);
    const summary = await send(batch,
      (loaded, requestBytes) => onProgress((sent + batchBytes * Math.min(1, loaded / requestBytes)) / total));
    sent += batchBytes;
    onProgress(sent / total);
    for (const entry of summary.images) {
      if (entry.status === "OK") result.stored += 1;
      else if (entry.status === "OKDuplicate") result.duplicates += 1;
      else result.failed.push(`${entry.sourceUrl || "an image"}: ${entry.status}`);
    }
  }
  return result;
}

// A detection project's upload: the chosen JSON files give the images' regions (their tags are created when
// missing), and the images go with their regions through CreateImagesFromFiles. Resolves with {images, send}.
async function withRegions(projectId, chosen, tags) {
  const byImage = await readRegionFiles(chosen.filter(isRegionFile));
  const tagIds = await tagIdsFor(projectId, tags, new Set([...byImage.values()].flat().map((region) => region.tagName)));
  const entry = async (file) => ({
    name: file.name,
    contents: await base64Of(file),
    regions: regionsOf(byImage, file).map(({ tagName, left, top, width, height }) =>
      ({ tagId: tagIds.get(tagName), left, top, width, height })),
  });
  return {
    images: chosen.filter((file) => !isRegionFile(file)),
    send: async (batch, onBatchProgress) => createImagesFromFiles(projectId, await Promise.all(batch.map(entry)), onBatchProgress),
  };
}

// The panel and setTags(tags), which redraws the tag choices; onUploaded() runs after each finished upload.
// With `detection`, region files replace the tag choices.
export function uploadPanel(projectId, onUploaded, { detection = false } = {}) {
  const imageTypes = "image/jpeg,image/png,image/bmp,image/gif";
  const files = h("input", {
    id: "upload-files", type: "file", multiple: true, required: true,
    accept: detection ? `${imageTypes},application/json,.json` : imageTypes,
  });
  let knownTags = [];
  const tagChoices = h("div");
  const progress = h("progress", { id: "upload-progress", max: 100, value: 0, "aria-labelledby": "upload-progress-label" });
  const progressLabel = h("span", { id: "upload-progress-label" }, "Upload progress: 0%");
  const outcome = h("div", { id: "upload-outcome" });
  const submit = h("button", { type: "submit" }, "Upload");
  const form = h("form", { class: "panel", "aria-labelledby": "upload-title" },
    h("h2", { id: "upload-title" }, "Add images"),
    h("label", { for: "upload-files" }, "Image files"), files,
    h("p", { class: "hint" }, "JPEG, PNG, BMP or GIF, at most 6 MB each; any number of files."),
    detection ? h("p", { class: "hint" }, "Choose each image's region file with it (JSON: {\"image\": name, \"regions\": " +
      "[{\"tagName\", \"left\", \"top\", \"width\", \"height\"}]}, as cvmock-fixtures --detection writes); " +
      "missing tags are created. Regions can also be drawn on each image afterwards.") : null,
    tagChoices,
    h("div", { class: "actions" }, submit),
    h("div", {}, progressLabel), progress,
    outcome);
  const setTags = (tags) => {
    knownTags = tags;
    if (!detection) showTagChoices(tags);
  };
  const showTagChoices = (tags) => fill(tagChoices, tags.length
    ? h("fieldset", {}, h("legend", {}, "Tags for these images"),
      tags.map((tag) => h("label", {}, h("input", { type: "checkbox", name: "uploadTag", value: tag.id }), tag.name)))
    : h("p", { class: "hint" }, "Add tags first to upload labelled images; untagged images can be tagged later."));
  const showProgress = (fraction) => {
    const value = Math.round(fraction * 100);
    progress.value = value;
    progressLabel.textContent = `Upload progress: ${value}%`;
  };
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const chosen = [...files.files];
    const tagIds = [...form.querySelectorAll("input[name=uploadTag]:checked")].map((box) => box.value);
    submit.disabled = true;
    fill(outcome);
    showProgress(0);
    try {
      const { images, send } = detection ? await withRegions(projectId, chosen, knownTags)
        : { images: chosen, send: (batch, onBatchProgress) => createImagesFromData(projectId, batch, tagIds, onBatchProgress) };
      const result = await uploadFiles(images, send, showProgress);
      const text = `${result.stored} images added` +
        (result.duplicates ? `, ${result.duplicates} already in the project` : "") +
        (result.failed.length ? `, ${result.failed.length} refused` : "") + ".";
      fill(outcome, h("p", {}, text), result.failed.length ? h("ul", {}, result.failed.map((line) => h("li", {}, line))) : null);
      announce(text);
      files.value = "";
      await onUploaded();
    } catch (error) {
      fill(outcome, errorMessage(error));
    } finally {
      submit.disabled = false;
    }
  });
  return { element: form, setTags };
}
