// Projects view: the list of projects with their image counts, creating one (project type, domain, classification
// type), deleting one.
import { createProject, deleteProject, getImageCount, getProjects } from "../api.js";
import { allDomains } from "../domains.js";
import { announce, errorMessage, fill, formatDate, h } from "../dom.js";

export async function render(main) {
  const [projects, domains] = await Promise.all([getProjects(), allDomains()]);
  const enabled = domains.filter((domain) => domain.enabled);
  const domainById = Object.fromEntries(domains.map((domain) => [domain.id, domain]));
  const counts = await Promise.all(projects.map((project) => getImageCount(project.id)));

  const list = h("ul", { class: "cards", "aria-label": "Projects" },
    projects.map((project, index) => projectCard(project, domainById, counts[index], () => render(main))));
  fill(main,
    h("h1", {}, "Projects"),
    createForm(enabled, (created) => { window.location.hash = `#/projects/${created.id}/images`; }),
    h("h2", {}, `Your projects (${projects.length})`),
    projects.length ? list : h("p", {}, "No project yet: create one above."));
}

// `domains`: the enabled domains of both kinds; the project type chosen decides which are offered.
function createForm(domains, onCreated) {
  const problem = h("div");
  const name = h("input", { id: "project-name", name: "name", required: true, maxlength: 256 });
  const description = h("input", { id: "project-description", name: "description" });
  const domain = h("select", { id: "project-domain", name: "domainId" });
  const radio = (group, value, label, checked, onchange) =>
    h("label", {}, h("input", { type: "radio", name: group, value, checked, onchange }), label);
  const classificationTypes = h("fieldset", {}, h("legend", {}, "Classification type"),
    radio("classificationType", "Multiclass", "Multiclass (one tag per image)", true),
    radio("classificationType", "Multilabel", "Multilabel (any number of tags per image)", false));
  const showDomains = (kind) => {
    fill(domain, domains.filter((d) => d.type === kind).map((d) => h("option", { value: d.id }, d.name)));
    classificationTypes.hidden = kind !== "Classification";
  };
  const form = h("form", { class: "panel", "aria-labelledby": "create-title" },
    h("h2", { id: "create-title" }, "New project"),
    h("label", { for: "project-name" }, "Name"), name,
    h("label", { for: "project-description" }, "Description"), description,
    h("fieldset", {}, h("legend", {}, "Project type"),
      radio("projectType", "Classification", "Classification (tags for whole images)", true, () => showDomains("Classification")),
      radio("projectType", "ObjectDetection", "Object detection (tagged regions in images)", false, () => showDomains("ObjectDetection"))),
    classificationTypes,
    h("label", { for: "project-domain" }, "Domain"), domain,
    h("div", { class: "actions" }, h("button", { type: "submit" }, "Create project")),
    problem);
  showDomains("Classification");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    fill(problem);
    try {
      const created = await createProject({
        name: name.value.trim(),
        description: description.value.trim(),
        domainId: domain.value,
        classificationType: classificationTypes.hidden ? undefined : form.elements.classificationType.value,
      });
      announce(`Project ${created.name} created`);
      onCreated(created);
    } catch (error) {
      fill(problem, errorMessage(error));
    }
  });
  return form;
}

function projectCard(project, domainById, imageCount, onDeleted) {
  const domain = domainById[project.settings.domainId];
  const kind = domain?.type === "ObjectDetection" ? "Object detection" : project.settings.classificationType;
  const remove = async () => {
    if (!window.confirm(`Delete the project "${project.name}" with all its images and iterations?`)) return;
    await deleteProject(project.id);
    announce(`Project ${project.name} deleted`);
    onDeleted();
  };
  return h("li", { class: "card", dataset: { projectId: project.id } },
    h("h3", {}, h("a", { href: `#/projects/${project.id}/images` }, project.name)),
    project.description ? h("p", {}, project.description) : null,
    h("p", { class: "hint" }, `${kind} · ${domain?.name ?? "unknown domain"}`),
    h("p", { class: "hint" }, `${imageCount} images · created ${formatDate(project.created)}`),
    h("div", { class: "actions" },
      h("a", { class: "button secondary", href: `#/projects/${project.id}/images` }, "Open"),
      h("button", { type: "button", class: "danger", onclick: remove, "aria-label": `Delete project ${project.name}` }, "Delete")));
}
