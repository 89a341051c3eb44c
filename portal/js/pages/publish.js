// Publishing an iteration to the prediction resource, and the "Prediction URL" panel a client of it needs.
import { getIteration, predictImage, predictionUrls, publishIteration, unpublishIteration } from "../api.js";
import { probabilityBars } from "../charts.js";
import { detectionResult } from "../detections.js";
import { announce, errorMessage, fill, h } from "../dom.js";
import { getKeys } from "../keys.js";

function copyable(id, text) {
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      announce("Copied");
    } catch {
      announce("Copying is not allowed here: select the text and copy it");
    }
  };
  return [h("pre", { id }, text), h("button", { type: "button", class: "secondary", onclick: copy, "aria-label": `Copy ${id.replace(/-/g, " ")}` }, "Copy")];
}

// The endpoints, headers, bodies and curl commands for a published iteration, and a form that calls the first one
// (Classify*, or Detect* when `detection`).
function predictionUrlPanel(project, iteration, detection) {
  const key = getKeys().predictionKey;
  const urls = predictionUrls(project.id, iteration.publishName, detection);
  const file = h("input", { id: "try-file", type: "file", accept: "image/*" });
  const result = h("div", { id: "try-result" });
  const tryForm = h("form", {},
    h("h4", {}, "Try it"),
    h("label", { for: "try-file" }, "Image to send to the image endpoint"), file,
    h("div", { class: "actions" }, h("button", { type: "submit" }, detection ? "Detect" : "Classify")), result);
  tryForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!file.files.length) return;
    try {
      const chosen = file.files[0];
      const prediction = await predictImage(project.id, iteration.publishName, chosen, detection);
      if (detection) {
        fill(result, detectionResult(prediction, URL.createObjectURL(chosen), `The image sent, ${chosen.name}`));
        announce(`${prediction.predictions.length} detections`);
      } else {
        fill(result, probabilityBars(prediction.predictions, "Prediction of the published iteration"));
        announce(`Top tag ${prediction.predictions[0]?.tagName ?? "none"}`);
      }
    } catch (error) {
      fill(result, errorMessage(error));
    }
  });
  return h("section", { id: "prediction-url", class: "prediction-url", "aria-labelledby": "prediction-url-title" },
    h("h3", { id: "prediction-url-title" }, "Prediction URL"),
    h("dl", {},
      h("dt", {}, "Project id"), h("dd", { id: "prediction-project-id" }, h("code", {}, project.id)),
      h("dt", {}, "Published name"), h("dd", { id: "prediction-publish-name" }, h("code", {}, iteration.publishName)),
      h("dt", {}, "Prediction-Key header"), h("dd", {}, h("code", {}, key))),
    h("h4", {}, "If you have an image URL"),
    ...copyable("url-endpoint", urls.url),
    h("p", {}, "Headers: ", h("code", {}, `Prediction-Key: ${key}`), " and ", h("code", {}, "Content-Type: application/json"),
      ". Body: ", h("code", {}, '{"Url": "https://example.com/image.png"}')),
    ...copyable("url-curl", `curl -X POST -H "Prediction-Key: ${key}" -H "Content-Type: application/json" ` +
      `--data '{"Url": "https://example.com/image.png"}' "${urls.url}"`),
    h("h4", {}, "If you have an image file"),
    ...copyable("image-endpoint", urls.image),
    h("p", {}, "Headers: ", h("code", {}, `Prediction-Key: ${key}`), " and ", h("code", {}, "Content-Type: application/octet-stream"),
      ". Body: the image's bytes."),
    ...copyable("image-curl", `curl -X POST -H "Prediction-Key: ${key}" -H "Content-Type: application/octet-stream" ` +
      `--data-binary @image.jpg "${urls.image}"`),
    tryForm);
}

// The publish section of the performance view for `iteration`; it redraws itself after publishing or unpublishing.
// `detection`: the project detects objects (its clients call Detect*).
export function publishPanel(project, iteration, detection = false) {
  const section = h("section", { class: "panel", id: "publish", "aria-labelledby": "publish-title" });
  const problem = h("div");
  const redraw = async () => {
    const latest = await getIteration(project.id, iteration.id);
    section.replaceWith(publishPanel(project, latest, detection));
  };
  const run = (action) => async () => {
    try {
      await action();
      await redraw();
    } catch (error) {
      fill(problem, errorMessage(error));
    }
  };
  if (iteration.publishName) {
    const details = predictionUrlPanel(project, iteration, detection);
    details.hidden = true;
    const toggle = h("button", { type: "button", "aria-expanded": "false", "aria-controls": "prediction-url" }, "Prediction URL");
    toggle.addEventListener("click", () => {
      details.hidden = !details.hidden;
      toggle.setAttribute("aria-expanded", String(!details.hidden));
    });
    return fill(section, h("h2", { id: "publish-title" }, "Publish"),
      h("p", { id: "publish-state" }, `${iteration.name} is published as "${iteration.publishName}" on `,
        h("code", {}, iteration.originalPublishResourceId ?? "")),
      h("div", { class: "actions" }, toggle,
        h("button", { type: "button", class: "danger", onclick: run(() => unpublishIteration(project.id, iteration.id)) }, "Unpublish")),
      problem, details);
  }
  const name = h("input", { id: "publish-name", required: true, value: iteration.name.replace(/\s+/g, "") });
  const resource = h("input", { id: "publish-resource", required: true, value: getKeys().predictionResourceId });
  const form = h("form", {},
    h("label", { for: "publish-name" }, "Published name (clients call the model by it)"), name,
    h("label", { for: "publish-resource" }, "Prediction resource"), resource,
    h("div", { class: "actions" }, h("button", { type: "submit" }, "Publish")));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run(async () => {
      await publishIteration(project.id, iteration.id, name.value.trim(), resource.value.trim());
      announce(`${iteration.name} published as ${name.value.trim()}`);
    })();
  });
  return fill(section, h("h2", { id: "publish-title" }, "Publish"),
    h("p", { id: "publish-state" }, `${iteration.name} is not published.`), form, problem);
}
