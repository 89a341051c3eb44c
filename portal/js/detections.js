// A detection iteration's answer drawn for a person: the tested picture with the predicted boxes whose probability
// is at least a threshold the user sets, each captioned with its tag and probability, and the same detections as a
// table. Moving the threshold only redraws; it never asks the service again.
import { boxedImage, boxElement } from "./boxes.js";
import { h, percent } from "./dom.js";

const DEFAULT_SHOWN_FROM = 50;  // percent

// `prediction`: an ImagePrediction whose predictions have boundingBox; `src`: the picture tested.
export function detectionResult(prediction, src, alt) {
  const picture = boxedImage(src, alt);
  const slider = h("input", { id: "detection-threshold", type: "range", min: 0, max: 100, step: 1, value: DEFAULT_SHOWN_FROM });
  const value = h("output", { id: "detection-threshold-value", for: "detection-threshold" }, `${DEFAULT_SHOWN_FROM}%`);
  const table = h("div", { id: "detection-list" });
  const tagNames = [...new Set(prediction.predictions.map((p) => p.tagName))];

  function draw() {
    const from = Number(slider.value) / 100;
    value.textContent = `${slider.value}%`;
    const shown = prediction.predictions.filter((p) => p.probability >= from);
    picture.overlay.dataset.threshold = String(from);
    picture.overlay.replaceChildren(...shown.map((p) => boxElement(p.boundingBox, `${p.tagName} ${percent(p.probability)}`,
      tagNames.indexOf(p.tagName), { class: "detection", dataset: { tagName: p.tagName, probability: p.probability } })));
    table.replaceChildren(shown.length ? h("div", { class: "table-scroll" }, h("table", {},
      h("caption", { class: "visually-hidden" }, "Detections shown"),
      h("thead", {}, h("tr", {}, ["Tag", "Probability", "Left", "Top", "Width", "Height"].map((title, i) =>
        h("th", { scope: "col", class: i ? "number" : null }, title)))),
      h("tbody", {}, shown.map((p) => h("tr", {},
        h("th", { scope: "row" }, p.tagName), h("td", { class: "number" }, percent(p.probability)),
        ["left", "top", "width", "height"].map((field) => h("td", { class: "number" }, p.boundingBox[field].toFixed(3))))))))
      : h("p", {}, `No detection with a probability of ${slider.value}% or more.`));
  }
  slider.addEventListener("input", draw);
  draw();
  return h("div", {},
    h("div", { class: "threshold panel" },
      h("label", { for: "detection-threshold" }, "Show detections from"), slider, value,
      h("p", { class: "hint" }, `${prediction.predictions.length} detections in all; those below the threshold are hidden.`)),
    h("div", { class: "detection-result" }, h("div", { class: "region-picture" }, picture.element), table));
}
