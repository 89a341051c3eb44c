// Predictions view: the stored predictions (QueryPredictions), each addable to the training images with a tag, or in
// a detection project with its detected boxes (those of at least REGION_FROM) as regions.
import { createImagesFromPredictions, deletePrediction, getIterations, getTags, queryPredictions } from "../api.js";
import { boxedImage, boxElement } from "../boxes.js";
import { probabilityBars } from "../charts.js";
import { announce, errorMessage, fill, formatDate, h, percent } from "../dom.js";
import { isDetectionProject } from "../domains.js";

const PAGE = 24;
const REGION_FROM = 0.5;

export async function render(main, project) {
  const [iterations, tags, detection] = await Promise.all([getIterations(project.id), getTags(project.id), isDetectionProject(project)]);
  const iterationNames = Object.fromEntries(iterations.map((it) => [it.id, it.name]));
  const iteration = h("select", { id: "predictions-iteration" }, h("option", { value: "" }, "All iterations"),
    iterations.filter((it) => it.status === "Completed").map((it) => h("option", { value: it.id }, it.name)));
  const order = h("select", { id: "predictions-order" },
    ["Newest", "Oldest", "Suggested"].map((name) => h("option", { value: name }, name === "Suggested" ? "Least certain first" : `${name} first`)));
  const tag = h("select", { id: "predictions-tag" }, h("option", { value: "" }, "Any tag"), tags.map((t) => h("option", { value: t.id }, t.name)));
  const minimum = h("input", { id: "predictions-minimum", type: "number", min: 0, max: 100, value: 0 });
  const status = h("div", { id: "predictions-status", role: "status" });
  const list = h("ul", { class: "cards", id: "prediction-list", "aria-label": "Stored predictions" });
  const more = h("div");
  const filters = h("form", { class: "panel", "aria-labelledby": "filter-title" },
    h("h2", { id: "filter-title" }, "Filter"),
    h("div", { class: "fields" },
      h("div", {}, h("label", { for: "predictions-iteration" }, "Iteration"), iteration),
      h("div", {}, h("label", { for: "predictions-order" }, "Order"), order),
      h("div", {}, h("label", { for: "predictions-tag" }, "Tag"), tag),
      h("div", {}, h("label", { for: "predictions-minimum" }, "Minimum probability of that tag (%)"), minimum)),
    h("div", { class: "actions" }, h("button", { type: "submit" }, "Apply")));
  fill(main, h("h1", {}, "Predictions"),
    h("p", {}, "Images sent to the prediction endpoint (or quick-tested) are kept here. Tag one and add it to the training images to improve the next iteration."),
    filters, status, list, more);

  const token = () => ({
    maxCount: PAGE,
    orderBy: order.value,
    iterationId: iteration.value || undefined,
    tags: tag.value ? [{ id: tag.value, minThreshold: Number(minimum.value) / 100, maxThreshold: 1 }] : undefined,
  });

  // Adds the prediction's image with `tagId` (classification) or its `regions` (detection).
  async function addToTraining(prediction, tagId, item, regions) {
    const entry = regions ? { id: prediction.id, regions } : { id: prediction.id, tagIds: tagId ? [tagId] : [] };
    const summary = await createImagesFromPredictions(project.id, [entry]);
    const outcome = summary.images[0]?.status ?? "unknown";
    if (outcome !== "OK" && outcome !== "OKDuplicate") throw new Error(`The image was not added: ${outcome}`);
    // As in Custom Vision's own portal, a prediction added to the training images leaves this list.
    await deletePrediction(project.id, [prediction.id]);
    item.remove();
    const text = regions ? `Added to the training images with ${regions.length} regions (${outcome}).`
      : `Added to the training images${tagId ? ` as ${tags.find((t) => t.id === tagId)?.name}` : ""} (${outcome}).`;
    fill(status, h("p", {}, text));
    announce(text);
  }

  // A detection: the thumbnail with the boxes of at least REGION_FROM, which become the image's regions.
  function detectionCard(prediction, index, item, run) {
    const kept = prediction.predictions.filter((p) => p.probability >= REGION_FROM);
    const picture = boxedImage(prediction.thumbnailUri, `Stored prediction ${index + 1}, ${kept.length} detections`);
    const tagIds = tags.map((t) => t.id);
    picture.overlay.replaceChildren(...kept.map((p) => boxElement(p.boundingBox, `${p.tagName} ${percent(p.probability)}`,
      Math.max(0, tagIds.indexOf(p.tagId)), { class: "detection" })));
    const regions = kept.map((p) => ({ tagId: p.tagId, ...p.boundingBox }));
    return fill(item, picture.element,
      h("p", {}, h("strong", {}, `${kept.length} detections of ${percent(REGION_FROM)} or more`)),
      h("p", { class: "hint" }, `${formatDate(prediction.created)} · ${iterationNames[prediction.iteration] ?? "deleted iteration"}`),
      h("div", { class: "actions" },
        h("button", { type: "button", onclick: run(() => addToTraining(prediction, null, item, regions)) }, "Add with these regions"),
        deleteButton(prediction, index, item, run)));
  }

  const deleteButton = (prediction, index, item, run) => h("button", {
    type: "button", class: "danger", "aria-label": `Delete stored prediction ${index + 1}`,
    onclick: run(async () => {
      await deletePrediction(project.id, [prediction.id]);
      item.remove();
      announce("Prediction deleted");
    }),
  }, "Delete");

  function card(prediction, index) {
    // The most probable: a detection's boxes come grouped by tag, not most probable first.
    const top = prediction.predictions.reduce((best, p) => (!best || p.probability > best.probability ? p : best), null);
    const choice = h("select", { id: `tag-for-${prediction.id}` }, h("option", { value: "" }, "No tag"),
      tags.map((t) => h("option", { value: t.id, selected: t.id === top?.tagId }, t.name)));
    const item = h("li", { class: "card", dataset: { predictionId: prediction.id } });
    const run = (action) => async () => {
      try {
        await action();
      } catch (error) {
        fill(status, errorMessage(error));
      }
    };
    if (detection) return detectionCard(prediction, index, item, run);
    return fill(item,
      h("img", { class: "preview", src: prediction.thumbnailUri, alt: `Stored prediction ${index + 1}${top ? `, most likely ${top.tagName}` : ""}`, loading: "lazy" }),
      h("p", {}, h("strong", {}, top ? `${top.tagName} ${percent(top.probability)}` : "No tag")),
      h("p", { class: "hint" }, `${formatDate(prediction.created)} · ${iterationNames[prediction.iteration] ?? "deleted iteration"}`),
      h("details", {}, h("summary", {}, "All probabilities"), probabilityBars(prediction.predictions, "Probability per tag")),
      h("label", { for: `tag-for-${prediction.id}` }, "Tag for training"), choice,
      h("div", { class: "actions" },
        h("button", { type: "button", onclick: run(() => addToTraining(prediction, choice.value, item)) }, "Add to training images"),
        deleteButton(prediction, index, item, run)));
  }

  async function load(continuation) {
    const page = await queryPredictions(project.id, { ...token(), session: continuation?.session, continuation: continuation?.continuation });
    const offset = continuation ? list.children.length : 0;
    if (!continuation) fill(list);
    list.append(...page.results.map((prediction, i) => card(prediction, offset + i)));
    if (!list.children.length) fill(status, h("p", {}, "No stored prediction matches."));
    fill(more, page.token.continuation
      ? h("button", { type: "button", class: "secondary", onclick: () => load(page.token).catch((error) => fill(status, errorMessage(error))) }, "Load more")
      : null);
  }

  filters.addEventListener("submit", (event) => {
    event.preventDefault();
    fill(status);
    load(null).catch((error) => fill(status, errorMessage(error)));
  });
  await load(null);
}
