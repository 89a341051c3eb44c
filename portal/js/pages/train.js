// Train view: starts a Regular or Advanced training and follows its status until Completed or Failed; lists iterations.
import { getIteration, getIterations, trainProject } from "../api.js";
import { announce, errorMessage, fill, formatDate, h } from "../dom.js";

const POLL_MS = 1000;

export async function render(main, project) {
  let timer = null;
  let left = false;
  const status = h("div", { id: "training-status", role: "status" });
  const table = h("div");
  const budget = h("input", { id: "training-budget", type: "number", min: 1, max: 96, value: 1, disabled: true });
  const force = h("input", { id: "force-train", type: "checkbox" });
  const choice = (value, label, checked) => h("label", {},
    h("input", { type: "radio", name: "trainingType", value, checked, onchange: () => { budget.disabled = value !== "Advanced"; } }), label);
  const form = h("form", { class: "panel", "aria-labelledby": "train-title" },
    h("h2", { id: "train-title" }, "Train a new iteration"),
    h("fieldset", {}, h("legend", {}, "Training type"),
      choice("Regular", "Quick training (Regular)", true),
      choice("Advanced", "Advanced training", false)),
    h("label", { for: "training-budget" }, "Budget for advanced training (hours)"), budget,
    h("p", {}, h("label", { class: "inline" }, force, "Train even when no image or tag changed (forceTrain)")),
    h("div", { class: "actions" }, h("button", { type: "submit" }, "Train")));
  fill(main, h("h1", {}, "Train"), form, status, h("h2", {}, "Iterations"), table);

  async function drawIterations() {
    const iterations = (await getIterations(project.id)).reverse();
    if (!iterations.length) {
      fill(table, h("p", {}, "No iteration yet."));
      return iterations;
    }
    fill(table, h("div", { class: "table-scroll" }, h("table", {},
      h("thead", {}, h("tr", {}, ["Iteration", "Status", "Type", "Created", "Trained", "Published as", ""].map((title) => h("th", { scope: "col" }, title)))),
      h("tbody", {}, iterations.map((it) => h("tr", { dataset: { iterationId: it.id } },
        h("th", { scope: "row" }, it.name),
        h("td", { class: `status-${it.status}` }, it.status, it.trainingErrorDetails ? `: ${it.trainingErrorDetails}` : ""),
        h("td", {}, it.trainingType),
        h("td", {}, formatDate(it.created)),
        h("td", {}, formatDate(it.trainedAt)),
        h("td", {}, it.publishName ?? ""),
        h("td", {}, it.status === "Completed" ? h("a", { href: `#/projects/${project.id}/performance?iteration=${it.id}` }, "Performance") : "")))))));
    return iterations;
  }

  function showStatus(iteration) {
    const done = iteration.status !== "Training";
    fill(status, h("p", { class: `status-${iteration.status}` }, `${iteration.name}: ${iteration.status}`,
      iteration.trainingErrorDetails ? ` (${iteration.trainingErrorDetails})` : ""),
    done && iteration.status === "Completed"
      ? h("p", {}, h("a", { href: `#/projects/${project.id}/performance?iteration=${iteration.id}` }, `See the performance of ${iteration.name}`))
      : null);
  }

  async function follow(iterationId) {
    if (left) return;
    const iteration = await getIteration(project.id, iterationId);
    showStatus(iteration);
    await drawIterations();
    if (iteration.status === "Training") {
      timer = setTimeout(() => follow(iterationId).catch((error) => fill(status, errorMessage(error))), POLL_MS);
    } else {
      announce(`${iteration.name} ${iteration.status}`);
    }
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const trainingType = form.elements.trainingType.value;
    try {
      const iteration = await trainProject(project.id, {
        trainingType,
        reservedBudgetInHours: trainingType === "Advanced" ? budget.value : undefined,
        forceTrain: force.checked || undefined,
      });
      announce(`${iteration.name} started training`);
      await follow(iteration.id);
    } catch (error) {
      fill(status, errorMessage(error));
    }
  });

  const iterations = await drawIterations();
  const running = iterations.find((it) => it.status === "Training");
  if (running) await follow(running.id);
  return () => {
    left = true;
    clearTimeout(timer);
  };
}
