// Performance view: an iteration's precision, recall and AP (overall and per tag) at a threshold the slider sets,
// the precision–recall curve over thresholds, and publishing.
import { getIterationPerformance, getIterations, getTags } from "../api.js";
import { gauge, precisionRecallCurve } from "../charts.js";
import { errorMessage, fill, h, percent } from "../dom.js";
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
  const tags = await getTags(project.id, iteration.id);
  const imageCounts = Object.fromEntries(tags.map((tag) => [tag.id, tag.imageCount]));

  const select = h("select", { id: "iteration-select" }, trained.map((it) =>
    h("option", { value: it.id, selected: it.id === iteration.id }, it.publishName ? `${it.name} (published as ${it.publishName})` : it.name)));
  select.addEventListener("change", () => { window.location.hash = `#/projects/${project.id}/performance?iteration=${select.value}`; });
  const slider = h("input", { id: "threshold-slider", type: "range", min: 0, max: 100, step: 1, value: 50 });
  const shown = h("output", { id: "threshold-value", for: "threshold-slider" }, "50%");
  const overall = h("div", { class: "gauges", id: "overall" });
  const perTag = h("div");
  const curve = h("div", { id: "pr-curve" });
  const problem = h("div");
  fill(main, h("h1", {}, "Performance"),
    h("label", { for: "iteration-select" }, "Iteration"), select,
    h("div", { class: "threshold panel" },
      h("label", { for: "threshold-slider" }, "Probability threshold"), slider, shown,
      h("p", { class: "hint" }, "A tag counts as predicted when its probability is at least the threshold.")),
    problem, overall, perTag,
    h("h2", {}, "Precision–recall curve"), curve,
    publishPanel(project, iteration));

  const curvePoints = await Promise.all(CURVE_THRESHOLDS.map(async (threshold) => {
    const p = await getIterationPerformance(project.id, iteration.id, threshold);
    return { threshold, precision: p.precision, recall: p.recall };
  }));

  let latest = 0;  // answers to older slider positions are dropped
  async function show(threshold) {
    const asked = ++latest;
    try {
      const performance = await getIterationPerformance(project.id, iteration.id, threshold);
      if (asked !== latest) return;
      fill(problem);
      overall.dataset.threshold = String(threshold);
      fill(overall, gauge("precision", "Precision", performance.precision), gauge("recall", "Recall", performance.recall),
        gauge("averagePrecision", "A.P.", performance.averagePrecision));
      fill(perTag, perTagTable(performance, imageCounts));
      fill(curve, precisionRecallCurve(curvePoints, performance));
    } catch (error) {
      fill(problem, errorMessage(error));
    }
  }

  let pending = null;
  slider.addEventListener("input", () => {
    shown.textContent = `${slider.value}%`;
    clearTimeout(pending);
    pending = setTimeout(() => show(Number(slider.value) / 100), SLIDER_DELAY_MS);
  });
  await show(0.5);
  return () => clearTimeout(pending);
}
