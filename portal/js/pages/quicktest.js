// Quick test view: classifies an uploaded image or an image URL with a trained iteration and shows the probabilities,
// or, in a detection project, draws the detected boxes on the picture.
import { getIterations, quickTestImage, quickTestImageUrl } from "../api.js";
import { probabilityBars } from "../charts.js";
import { detectionResult } from "../detections.js";
import { announce, errorMessage, fill, h } from "../dom.js";
import { isDetectionProject } from "../domains.js";

export async function render(main, project) {
  const trained = (await getIterations(project.id))
    .filter((it) => it.status === "Completed")
    .sort((a, b) => (b.trainedAt ?? "").localeCompare(a.trainedAt ?? ""));
  if (!trained.length) {
    fill(main, h("h1", {}, "Quick test"),
      h("p", {}, "No trained iteration yet. ", h("a", { href: `#/projects/${project.id}/train` }, "Train one first.")));
    return;
  }
  const detection = await isDetectionProject(project);
  const iteration = h("select", { id: "quicktest-iteration" }, trained.map((it) => h("option", { value: it.id }, it.name)));
  const store = h("input", { id: "quicktest-store", type: "checkbox", checked: true });
  const file = h("input", { id: "quicktest-file", type: "file", accept: "image/*", required: true });
  const imageUrl = h("input", { id: "quicktest-url", type: "url", required: true, placeholder: "http://127.0.0.1:8000/image.jpg" });
  const result = h("div", { id: "quicktest-result", "aria-live": "polite" });

  // `picture`: {src, alt} of the tested image (a detection result draws on it).
  const showResult = (prediction, picture) => {
    const about = h("p", { class: "hint" },
      `Prediction ${prediction.id}, iteration ${trained.find((it) => it.id === prediction.iteration)?.name ?? prediction.iteration}.`);
    if (detection) {
      fill(result, h("h2", {}, "Result"), detectionResult(prediction, picture.src, picture.alt), about);
      announce(`${prediction.predictions.length} detections`);
      return;
    }
    fill(result, h("h2", {}, "Result"), picture.src ? h("img", { class: "preview", src: picture.src, alt: picture.alt }) : null,
      probabilityBars(prediction.predictions, "Probability per tag"), about);
    announce(`Top tag ${prediction.predictions[0]?.tagName ?? "none"}`);
  };
  const test = async (call, preview) => {
    fill(result, h("p", {}, "Testing…"));
    try {
      showResult(await call(), preview);
    } catch (error) {
      fill(result, errorMessage(error));
    }
  };

  const fileForm = h("form", { class: "panel", "aria-labelledby": "file-title" },
    h("h2", { id: "file-title" }, "Image file"),
    h("label", { for: "quicktest-file" }, "Image"), file,
    h("div", { class: "actions" }, h("button", { type: "submit" }, "Test image")));
  fileForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const chosen = file.files[0];
    const picture = { src: URL.createObjectURL(chosen), alt: `The tested image, ${chosen.name}` };
    test(() => quickTestImage(project.id, iteration.value, chosen, store.checked), picture);
  });
  const urlForm = h("form", { class: "panel", "aria-labelledby": "url-title" },
    h("h2", { id: "url-title" }, "Image URL"),
    h("label", { for: "quicktest-url" }, "URL"), imageUrl,
    h("p", { class: "hint" }, "cvmock downloads the image itself; by default it only fetches from this machine (see --url-allowed-hosts)."),
    h("div", { class: "actions" }, h("button", { type: "submit" }, "Test URL")));
  urlForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const address = imageUrl.value.trim();
    test(() => quickTestImageUrl(project.id, iteration.value, address, store.checked),
      { src: detection ? address : null, alt: `The tested image, ${address}` });
  });

  fill(main, h("h1", {}, "Quick test"),
    h("label", { for: "quicktest-iteration" }, "Iteration"), iteration,
    h("p", {}, h("label", { class: "inline" }, store, "Keep the result in the stored predictions")),
    h("div", { class: "split" }, fileForm, urlForm),
    result);
}
