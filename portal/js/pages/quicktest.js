// Quick test view: classifies an uploaded image or an image URL with a trained iteration and shows the probabilities.
import { getIterations, quickTestImage, quickTestImageUrl } from "../api.js";
import { probabilityBars } from "../charts.js";
import { announce, errorMessage, fill, h } from "../dom.js";

export async function render(main, project) {
  const trained = (await getIterations(project.id))
    .filter((it) => it.status === "Completed")
    .sort((a, b) => (b.trainedAt ?? "").localeCompare(a.trainedAt ?? ""));
  if (!trained.length) {
    fill(main, h("h1", {}, "Quick test"),
      h("p", {}, "No trained iteration yet. ", h("a", { href: `#/projects/${project.id}/train` }, "Train one first.")));
    return;
  }
  const iteration = h("select", { id: "quicktest-iteration" }, trained.map((it) => h("option", { value: it.id }, it.name)));
  const store = h("input", { id: "quicktest-store", type: "checkbox", checked: true });
  const file = h("input", { id: "quicktest-file", type: "file", accept: "image/*", required: true });
  const imageUrl = h("input", { id: "quicktest-url", type: "url", required: true, placeholder: "http://127.0.0.1:8000/image.jpg" });
  const result = h("div", { id: "quicktest-result", "aria-live": "polite" });

  const showResult = (prediction, preview) => {
    fill(result, h("h2", {}, "Result"), preview,
      probabilityBars(prediction.predictions, "Probability per tag"),
      h("p", { class: "hint" }, `Prediction ${prediction.id}, iteration ${trained.find((it) => it.id === prediction.iteration)?.name ?? prediction.iteration}.`));
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
    const preview = h("img", { class: "preview", src: URL.createObjectURL(chosen), alt: `The tested image, ${chosen.name}` });
    test(() => quickTestImage(project.id, iteration.value, chosen, store.checked), preview);
  });
  const urlForm = h("form", { class: "panel", "aria-labelledby": "url-title" },
    h("h2", { id: "url-title" }, "Image URL"),
    h("label", { for: "quicktest-url" }, "URL"), imageUrl,
    h("p", { class: "hint" }, "cvmock downloads the image itself; by default it only fetches from this machine (see --url-allowed-hosts)."),
    h("div", { class: "actions" }, h("button", { type: "submit" }, "Test URL")));
  urlForm.addEventListener("submit", (event) => {
    event.preventDefault();
    test(() => quickTestImageUrl(project.id, iteration.value, imageUrl.value.trim(), store.checked), null);
  });

  fill(main, h("h1", {}, "Quick test"),
    h("label", { for: "quicktest-iteration" }, "Iteration"), iteration,
    h("p", {}, h("label", { class: "inline" }, store, "Keep the result in the stored predictions")),
    h("div", { class: "split" }, fileForm, urlForm),
    result);
}
