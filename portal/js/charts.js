// SVG charts of the performance view: a ring gauge per metric and the precision–recall curve.
import { h, percent, svg } from "./dom.js";

const RADIUS = 48;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

// A ring filled to `value` (0..1), captioned `label`; `metric` names it for scripts and tests.
export function gauge(metric, label, value) {
  return h("figure", { class: "gauge", dataset: { metric, value } },
    svg("svg", { viewBox: "0 0 120 120", role: "img", "aria-label": `${label} ${percent(value)}` },
      svg("circle", { class: "track", cx: 60, cy: 60, r: RADIUS, fill: "none", "stroke-width": 12 }),
      svg("circle", {
        class: "arc", cx: 60, cy: 60, r: RADIUS, fill: "none", "stroke-width": 12, "stroke-linecap": "butt",
        "stroke-dasharray": `${CIRCUMFERENCE * value} ${CIRCUMFERENCE}`, transform: "rotate(-90 60 60)",
      }),
      svg("text", { class: "value", x: 60, y: 67, "text-anchor": "middle" }, percent(value))),
    h("figcaption", {}, label));
}

const WIDTH = 420;
const HEIGHT = 320;
const MARGIN = { left: 52, right: 16, top: 14, bottom: 44 };
const plotX = (recall) => MARGIN.left + recall * (WIDTH - MARGIN.left - MARGIN.right);
const plotY = (precision) => HEIGHT - MARGIN.bottom - precision * (HEIGHT - MARGIN.top - MARGIN.bottom);

// `points`: [{threshold, precision, recall}] over thresholds; `current`: the point of the chosen threshold.
// A threshold at which no tag is predicted (precision and recall both 0) has no point on the curve.
export function precisionRecallCurve(points, current) {
  const ordered = points.filter((p) => p.precision > 0 || p.recall > 0)
    .sort((a, b) => a.recall - b.recall || b.precision - a.precision);
  const path = ordered.map((p, i) => `${i ? "L" : "M"}${plotX(p.recall).toFixed(1)},${plotY(p.precision).toFixed(1)}`).join(" ");
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  return svg("svg", {
    class: "pr-curve", viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", "aria-labelledby": "pr-title pr-desc",
  },
  svg("title", { id: "pr-title" }, "Precision–recall curve"),
  svg("desc", { id: "pr-desc" }, `Overall precision against recall over ${ordered.length} thresholds; ` +
    `at the chosen threshold precision is ${percent(current.precision)} and recall ${percent(current.recall)}.`),
  ticks.map((t) => [
    svg("line", { class: "grid", x1: plotX(0), x2: plotX(1), y1: plotY(t), y2: plotY(t) }),
    svg("line", { class: "grid", x1: plotX(t), x2: plotX(t), y1: plotY(0), y2: plotY(1) }),
    svg("text", { x: MARGIN.left - 8, y: plotY(t) + 4, "text-anchor": "end" }, `${t * 100}%`),
    svg("text", { x: plotX(t), y: HEIGHT - MARGIN.bottom + 18, "text-anchor": "middle" }, `${t * 100}%`),
  ]),
  svg("line", { class: "axis", x1: plotX(0), x2: plotX(1), y1: plotY(0), y2: plotY(0) }),
  svg("line", { class: "axis", x1: plotX(0), x2: plotX(0), y1: plotY(0), y2: plotY(1) }),
  svg("text", { x: (plotX(0) + plotX(1)) / 2, y: HEIGHT - 6, "text-anchor": "middle" }, "Recall"),
  svg("text", { x: 14, y: (plotY(0) + plotY(1)) / 2, "text-anchor": "middle", transform: `rotate(-90 14 ${(plotY(0) + plotY(1)) / 2})` }, "Precision"),
  svg("path", { class: "curve", d: path }),
  svg("circle", { class: "current", cx: plotX(current.recall), cy: plotY(current.precision), r: 6 }));
}

// A prediction's probabilities as horizontal bars, highest first (the order the service returns).
export function probabilityBars(predictions, label) {
  return h("ul", { class: "bars", "aria-label": label },
    predictions.map((p) => {
      const fill = h("span", { class: "fill" });
      fill.style.width = `${(p.probability * 100).toFixed(2)}%`;
      return h("li", { dataset: { tagName: p.tagName, probability: p.probability } },
        h("span", { class: "tag" }, p.tagName),
        h("span", { class: "bar", "aria-hidden": "true" }, fill),
        h("span", { class: "value" }, percent(p.probability)));
    }));
}
