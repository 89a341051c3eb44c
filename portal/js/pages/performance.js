// Performance view: an iteration's precision, recall and AP (overall and per tag) at a threshold the slider sets,
// the precision–recall curve over thresholds, and publishing. A detection iteration has a second slider, the overlap
// (IoU) a detection needs to match a region, which changes every number including AP and mAP.
import { getIterationPerformance, getIterations, getTags } from "../api.js";
import { gauge, precisionRecallCurve } from "../charts.js";
import { errorMessage, fill, h, percent } from "../dom.js";
import { isDetectionProject } from "../domains.js";
import { publishPanel } from "./publish.js";

const CURVE_THRESHOLDS = Array.from({ length: 21 }, (_, i) => i / 20);
const SLIDER_DELAY_MS = 120;

function perTagTable(performance, imageCounts) {
  const cell = (field, value) => h("td", { class: "number", dataset: { field, value } }, percent(value));
  return h("div", { class: "table-scroll" }, h("table", { id: "per-tag" },
    h("caption", { class: "visually-hidden" }, "Performance per tag"),
    h("thead", {}, h("tr", {},
      h("th", { scope: "col" }, "Tag"), h("th", { scope: "col", class: "number" }, "Precision"),
      h("th", { scope: "col", class: "number" }, "Recall"), h("th", { scope: "col", class: "number" }, "A.P."),
      h("th", { scope: "col", class: "number" }, "Images"))),
    h("tbody", {}, performance.perTagPerformance.map((tag) => h("tr", { dataset: { tagId: tag.id } },
      h("th", { scope: "row" }, tag.name),
      cell("precision", tag.precision), cell("recall", tag.recall), cell("averagePrecision", tag.averagePrecision),
      h("td", { class: "number" }, String(imageCounts[tag.id] ?? "")))))));
}

export async function render(main, project, query) {
  const trained = (await getIterations(project.id))
    .filter((it) => it.status === "Completed")
    .sort((a, b) => (b.trainedAt ?? "").localeCompare(a.trainedAt ?? ""));
  if (!trained.length) {
    fill(main, h("h1", {}, "Performance"),
      h("p", {}, "No trained iteration yet. ", h("a", { href: `#/projects/${project.id}/train` }, "Train one first.")));
    return;
  }
  const iteration = trained.find((it) => it.id === query.iteration) ?? trained[0];
  const detection = await isDetectionProject(project);
  const tags = await getTags(project.id, iteration.id);
  const imageCounts = Object.fromEntries(tags.map((tag) => [tag.id, tag.imageCount]));

  const select = h("select", { id: "iteration-select" }, trained.map((it) =>
    h("option", { value: it.id, selected: it.id === iteration.id }, it.publishName ? `${it.name} (published as ${it.publishName})` : it.name)));
  select.addEventListener("change", () => { window.location.hash = `#/projects/${project.id}/performance?iteration=${select.value}`; });
  const slider = h("input", { id: "threshold-slider", type: "range", min: 0, max: 100, step: 1, value: 50 });
  const shown = h("output", { id: "threshold-value", for: "threshold-slider" }, "50%");
  const overlapSlider = h("input", { id: "overlap-slider", type: "range", min: 0, max: 100, step: 1, value: 50 });
  const overlapShown = h("output", { id: "overlap-value", for: "overlap-slider" }, "50%");
  const overall = h("div", { class: "gauges", id: "overall" });
  const perTag = h("div");
  const curve = h("div", { id: "pr-curve" });
  const problem = h("div");
  fill(main, h("h1", {}, "Performance"),
    h("label", { for: "iteration-select" }, "Iteration"), select,
    h("div", { class: "threshold panel" },
      h("label", { for: "threshold-slider" }, "Probability threshold"), slider, shown,
      h("p", { class: "hint" }, detection ? "A detection counts when its probability is at least the threshold."
        : "A tag counts as predicted when its probability is at least the threshold.")),
    detection ? h("div", { class: "threshold panel" },
      h("label", { for: "overlap-slider" }, "Overlap threshold"), overlapSlider, overlapShown,
      h("p", { class: "hint" }, "A detection matches a region of its tag when their boxes overlap by at least this much " +
        "(intersection over union); it changes precision, recall, A.P. and mAP.")) : null,
    problem, overall, perTag,
    h("h2", {}, "Precision–recall curve"), curve,
    publishPanel(project, iteration, detection));

  // The curve over probability thresholds, at one overlap (a detection iteration's curve changes with it).
  const curves = new Map();
  const curveAt = (overlap) => {
    if (!curves.has(overlap)) {
      curves.set(overlap, Promise.all(CURVE_THRESHOLDS.map(async (threshold) => {
        const p = await getIterationPerformance(project.id, iteration.id, threshold, overlap);
        return { threshold, precision: p.precision, recall: p.recall };
      })).catch((error) => {
        curves.delete(overlap);  // asked again next time
        throw error;
      }));
    }
    return curves.get(overlap);
  };

  let latest = 0;  // answers to older slider positions are dropped
  async function show(threshold, overlap) {
    const asked = ++latest;
    try {
      const [performance, curvePoints] = await Promise.all([
        getIterationPerformance(project.id, iteration.id, threshold, overlap), curveAt(overlap)]);
      if (asked !== latest) return;
      fill(problem);
      overall.dataset.threshold = String(threshold);
      if (detection) overall.dataset.overlap = String(overlap);
      fill(overall, gauge("precision", "Precision", performance.precision), gauge("recall", "Recall", performance.recall),
        gauge("averagePrecision", detection ? "mAP" : "A.P.", performance.averagePrecision));
      fill(perTag, perTagTable(performance, imageCounts));
      fill(curve, precisionRecallCurve(curvePoints, performance));
    } catch (error) {
      if (asked === latest) fill(problem, errorMessage(error));
    }
  }

  // Either slider asks again once it rests; the overlap is only sent for a detection iteration.
  const chosen = () => [Number(slider.value) / 100, detection ? Number(overlapSlider.value) / 100 : undefined];
  let pending = null;
  const refetch = () => {
    shown.textContent = `${slider.value}%`;
    overlapShown.textContent = `${overlapSlider.value}%`;
    clearTimeout(pending);
    pending = setTimeout(() => show(...chosen()), SLIDER_DELAY_MS);
  };
  slider.addEventListener("input", refetch);
  overlapSlider.addEventListener("input", refetch);
  await show(...chosen());
  return () => clearTimeout(pending);
}
