// The portal's entry point: asks for the keys once, routes #/... to a view and draws the project navigation.
import { ApiError, getProject } from "./api.js";
import { errorMessage, fill, h } from "./dom.js";
import { askForKeys, haveKeys } from "./keys.js";
import * as projects from "./pages/projects.js";
import * as images from "./pages/images.js";
import * as train from "./pages/train.js";
import * as performance from "./pages/performance.js";
import * as quicktest from "./pages/quicktest.js";
import * as predictions from "./pages/predictions.js";
import * as regions from "./pages/regions.js";

// The views of one project, in the order of the navigation; a view `under` another is reached from it and is not
// listed itself (its parent is marked current instead).
const PROJECT_VIEWS = [
  { name: "images", label: "Images", view: images },
  { name: "train", label: "Train", view: train },
  { name: "performance", label: "Performance", view: performance },
  { name: "quicktest", label: "Quick test", view: quicktest },
  { name: "predictions", label: "Predictions", view: predictions },
  { name: "regions", label: "Regions", view: regions, under: "images" },
];

const main = document.getElementById("main");
const nav = document.getElementById("project-nav");
let leaveView = null;  // stops what the current view left running (polling)
let generation = 0;  // counts navigations, so that a slow view never replaces a newer one
let navigated = false;  // focus moves to a new view's heading, but not on the first load (the skip link comes first)

// "#/projects/ID/performance?iteration=X" -> { projectId: "ID", viewName: "performance", query: {iteration: "X"} }
function parseRoute() {
  const [path, search = ""] = window.location.hash.replace(/^#/, "").split("?");
  const parts = path.split("/").filter(Boolean);
  const query = Object.fromEntries(new URLSearchParams(search));
  if (parts[0] === "projects" && parts[1]) return { projectId: decodeURIComponent(parts[1]), viewName: parts[2] ?? "images", query };
  return { projectId: null, viewName: "projects", query };
}

function drawNavigation(projectRecord, viewName) {
  if (!projectRecord) {
    fill(nav);
    return;
  }
  const current = PROJECT_VIEWS.find((candidate) => candidate.name === viewName)?.under ?? viewName;
  const links = PROJECT_VIEWS.filter(({ under }) => !under).map(({ name, label }) =>
    h("li", {}, h("a", { href: `#/projects/${projectRecord.id}/${name}`, "aria-current": name === current ? "page" : null }, label)));
  fill(nav, h("ul", {}, h("li", { class: "project-name" }, projectRecord.name), ...links));
}

async function checkKeys(keys) {
  const response = await fetch("/customvision/v3.3/training/domains", { headers: { "Training-Key": keys.trainingKey } });
  return response.status === 401 ? "cvmock refused this training key." : "";
}

// Each view is drawn into its own container, shown only if no newer navigation started meanwhile.
async function render() {
  const current = ++generation;
  if (leaveView) leaveView();
  leaveView = null;
  if (!haveKeys()) await askForKeys(checkKeys);
  const { projectId, viewName, query } = parseRoute();
  const container = h("div");
  let leave = null;
  let projectRecord = null;
  let entry = null;
  try {
    if (!projectId) {
      leave = await projects.render(container);
    } else {
      entry = PROJECT_VIEWS.find((candidate) => candidate.name === viewName) ?? PROJECT_VIEWS[0];
      projectRecord = await getProject(projectId);
      leave = await entry.view.render(container, projectRecord, query);
    }
  } catch (error) {
    fill(container, h("h1", {}, "Something went wrong"), errorMessage(error),
      h("p", {}, h("a", { href: "#/projects" }, "Back to the projects")));
    if (error instanceof ApiError && error.status === 401) askForKeys(checkKeys).then(render);
  }
  if (current !== generation) {
    leave?.();
    return;
  }
  leaveView = leave ?? null;
  drawNavigation(projectRecord, entry?.name);
  document.title = projectRecord ? `${entry.label} · ${projectRecord.name} · cvmock portal` : "cvmock portal";
  fill(main, container);
  const heading = main.querySelector("h1");
  if (heading && navigated) {
    heading.tabIndex = -1;
    heading.focus();  // a screen reader announces the new view
  }
  navigated = true;
}

// The skip link moves focus without changing the route.
document.querySelector(".skip-link").addEventListener("click", (event) => {
  event.preventDefault();
  main.focus();
});
document.getElementById("keys-button").addEventListener("click", () => askForKeys(checkKeys).then(render));
window.addEventListener("hashchange", render);
render();
