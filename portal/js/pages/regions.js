// Regions view of one image of a detection project (#/projects/ID/regions?image=IMAGE): its regions as boxes with
// their tags; a new region is dragged out on the picture (or typed in) and saved with a tag; a region is moved by
// dragging it or with the arrow keys, and deleted from the list or with the Delete key.
import { createImageRegions, deleteImageRegions, getImagesByIds, getTags } from "../api.js";
import { boxedImage, clampBox } from "../boxes.js";
import { announce, errorMessage, fill, h } from "../dom.js";
import { isDetectionProject } from "../domains.js";
import { regionEditor } from "../regioneditor.js";

const FIELDS = ["left", "top", "width", "height"];
const shown = (value) => value.toFixed(3);

// Creates one region and resolves with it; a 207 that created nothing (the same tag and box exist, or the image has
// as many regions as it may) is an error naming why.
async function createRegion(projectId, region) {
  const summary = await createImageRegions(projectId, [region]);
  if (summary.created?.length) return summary.created[0];
  const why = summary.duplicated?.length ? "this image already has that tag on that box"
    : summary.exceeded?.length ? "this image has as many regions as it may" : "the service created none";
  throw new Error(`The region was not saved: ${why}.`);
}

export async function render(main, project, query) {
  const back = h("p", {}, h("a", { href: `#/projects/${project.id}/images` }, "Back to the training images"));
  if (!(await isDetectionProject(project))) {
    fill(main, h("h1", {}, "Regions"), h("p", {}, "Regions belong to object detection projects; this one classifies whole images."), back);
    return;
  }
  const [found] = await getImagesByIds(project.id, [query.image]);
  if (!found) {
    fill(main, h("h1", {}, "Regions"), h("p", { class: "error" }, "This image is not in the project."), back);
    return;
  }
  let image = found;
  const tags = await getTags(project.id);
  const colourOf = (region) => Math.max(0, tags.findIndex((tag) => tag.id === region.tagId));

  const picture = boxedImage(image.originalImageUri, `Training image, ${image.width} × ${image.height} pixels`);
  const status = h("div", { id: "regions-status", role: "status" });
  const list = h("div", { id: "region-list" });
  const inputs = Object.fromEntries(FIELDS.map((field) =>
    [field, h("input", { id: `region-${field}`, type: "number", min: 0, max: 1, step: 0.001, required: true })]));
  const tagChoice = h("select", { id: "region-tag", required: true });
  const form = h("form", { class: "panel", id: "new-region", "aria-labelledby": "new-region-title" },
    h("h2", { id: "new-region-title" }, "New region"),
    h("p", { class: "hint" }, "Drag on the picture to draw a box, or type it as fractions of the image (0 to 1)."),
    h("div", { class: "box-fields" }, FIELDS.map((field) =>
      h("div", {}, h("label", { for: `region-${field}` }, field[0].toUpperCase() + field.slice(1)), inputs[field]))),
    h("label", { for: "region-tag" }, "Tag"), tagChoice,
    h("div", { class: "actions" },
      h("button", { type: "submit" }, "Save region"),
      h("button", { type: "reset", class: "secondary" }, "Cancel")));

  // Runs a change, reports it or its error, and redraws from what the service now holds. `action` may resolve with
  // a region id: that region's box takes the focus after the redraw (a moved region stays under the keyboard).
  const change = async (action, done) => {
    fill(status);
    let focusId = null;
    try {
      focusId = await action();
      announce(done);
      fill(status, h("p", {}, done));
    } catch (error) {
      fill(status, errorMessage(error));
    }
    [image] = await getImagesByIds(project.id, [image.id]);
    draw();
    if (focusId) picture.overlay.querySelector(`.region[data-region-id="${focusId}"]`)?.focus();
  };

  const editor = regionEditor(picture.overlay, {
    onDrawn(box) {
      for (const field of FIELDS) inputs[field].value = shown(box[field]);
      tagChoice.focus();
    },
    // The service has no update: the moved box is created first and the old one deleted after, so a refused
    // create leaves the region where it was.
    onMoved(region, box) {
      change(async () => {
        const moved = await createRegion(project.id, { imageId: image.id, tagId: region.tagId, ...box });
        await deleteImageRegions(project.id, [region.regionId]);
        return moved.regionId;
      }, `Region ${region.tagName} moved`);
    },
    onDelete: (region) => change(async () => { await deleteImageRegions(project.id, [region.regionId]); }, `Region ${region.tagName} deleted`),
  });

  const typedBox = () => {
    const values = Object.fromEntries(FIELDS.map((field) => [field, Number(inputs[field].value)]));
    return FIELDS.every((field) => inputs[field].value !== "" && Number.isFinite(values[field])) ? values : null;
  };
  form.addEventListener("input", () => {
    const box = typedBox();
    editor.setDraft(box && box.width > 0 && box.height > 0 ? clampBox(box, 0) : null);
  });
  form.addEventListener("reset", () => editor.setDraft(null));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const box = typedBox();
    const tag = tags.find((candidate) => candidate.id === tagChoice.value);
    change(async () => {
      if (!box || box.width <= 0 || box.height <= 0) throw new Error("Draw a box or type its four numbers first.");
      await createRegion(project.id, { imageId: image.id, tagId: tag.id, ...clampBox(box, 0) });
      form.reset();
    }, `Region ${tag?.name} added`);
  });

  function drawList() {
    const regions = image.regions ?? [];
    if (!regions.length) return fill(list, h("p", {}, "No region yet."));
    return fill(list, h("div", { class: "table-scroll" }, h("table", {},
      h("caption", { class: "visually-hidden" }, "Regions of this image"),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Tag"),
        FIELDS.map((field) => h("th", { scope: "col", class: "number" }, field)), h("th", { scope: "col" }, ""))),
      h("tbody", {}, regions.map((region, index) => h("tr", { dataset: { regionId: region.regionId } },
        h("th", { scope: "row" }, region.tagName),
        FIELDS.map((field) => h("td", { class: "number" }, shown(region[field]))),
        h("td", {}, h("button", {
          type: "button", class: "danger", "aria-label": `Delete region ${index + 1} (${region.tagName})`,
          onclick: () => change(async () => { await deleteImageRegions(project.id, [region.regionId]); }, `Region ${region.tagName} deleted`),
        }, "Delete"))))))));
  }

  function draw() {
    editor.show(image.regions ?? [], colourOf);
    drawList();
  }

  fill(tagChoice, tags.filter((tag) => tag.type !== "Negative").map((tag) => h("option", { value: tag.id }, tag.name)));
  fill(main, h("h1", {}, "Regions"), back,
    h("div", { class: "region-layout" }, h("div", { class: "region-picture" }, picture.element),
      h("section", { "aria-labelledby": "regions-title" },
        tags.length ? form : h("p", { class: "hint" }, "Add tags on the Images page first: each region has one."),
        status,
        h("h2", { id: "regions-title" }, "Regions"), list)));
  draw();
}
