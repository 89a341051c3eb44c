// Images view: tags with counts as filters, the thumbnail grid, uploads, and tagging, untagging or deleting a selection.
// In a detection project images carry regions instead of tags: each links to its regions view, and whole-image
// tagging is not offered.
import {
  createImageTags, createTag, deleteImages, deleteImageTags, deleteTag, getImageCount, getImages, getTags,
  getUntaggedImageCount,
} from "../api.js";
import { announce, errorMessage, fill, h } from "../dom.js";
import { isDetectionProject } from "../domains.js";
import { uploadPanel } from "../upload.js";

const PAGE = 48;

// Splits `items` into calls of at most `size` (the service's per-call limits).
async function inChunks(items, size, call) {
  for (let start = 0; start < items.length; start += size) await call(items.slice(start, start + size));
}

export async function render(main, project) {
  const view = { filter: "all", tags: [], counts: { all: 0, untagged: 0 }, images: [], selected: new Set() };
  const aside = h("aside", { "aria-labelledby": "tags-title" });
  const toolbar = h("div", { class: "panel", role: "group", "aria-label": "Selected images" });
  const heading = h("h2", { id: "image-heading" });
  const grid = h("ul", { class: "image-grid", "aria-labelledby": "image-heading" });
  const more = h("div");
  const problem = h("div");
  const detection = await isDetectionProject(project);
  const upload = uploadPanel(project.id, () => reload(), { detection });
  fill(main, h("h1", {}, "Training images"),
    h("div", { class: "two-columns" }, aside, h("section", {}, upload.element, problem, toolbar, heading, grid, more)));

  const shownCount = () => view.filter === "all" ? view.counts.all
    : view.filter === "untagged" ? view.counts.untagged
    : view.tags.find((tag) => tag.id === view.filter)?.imageCount ?? 0;
  const filterName = () => view.filter === "all" ? "All images" : view.filter === "untagged" ? "Untagged images"
    : `Tagged ${view.tags.find((tag) => tag.id === view.filter)?.name ?? ""}`;

  // Runs an action, shows its error, and reloads what it may have changed.
  const act = (action) => async () => {
    fill(problem);
    try {
      await action();
    } catch (error) {
      fill(problem, errorMessage(error));
    }
    await reload();
  };

  async function reload() {
    const [tags, all, untagged] = await Promise.all([getTags(project.id), getImageCount(project.id), getUntaggedImageCount(project.id)]);
    view.tags = tags;
    view.counts = { all, untagged };
    if (!["all", "untagged"].includes(view.filter) && !tags.some((tag) => tag.id === view.filter)) view.filter = "all";
    view.images = await getImages(project.id, view.filter, PAGE, 0);
    view.selected.clear();
    upload.setTags(tags);
    drawTags();
    drawToolbar();
    drawImages();
  }

  function drawTags() {
    const filterButton = (filter, label, count) => h("button", {
      type: "button", "aria-pressed": String(view.filter === filter),
      onclick: async () => { view.filter = filter; await reload(); },
    }, `${label} (${count})`);
    const newTag = h("input", { id: "new-tag", required: true, maxlength: 256 });
    const tagType = h("select", { id: "new-tag-type" }, h("option", { value: "Regular" }, "Regular"), h("option", { value: "Negative" }, "Negative"));
    const form = h("form", {},
      h("label", { for: "new-tag" }, "New tag"), newTag,
      h("label", { for: "new-tag-type" }, "Type"), tagType,
      h("div", { class: "actions" }, h("button", { type: "submit" }, "Add tag")));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      act(async () => {
        await createTag(project.id, newTag.value.trim(), tagType.value);
        announce(`Tag ${newTag.value.trim()} added`);
      })();
    });
    fill(aside, h("h2", { id: "tags-title" }, "Tags"),
      h("ul", { class: "tag-filter" },
        h("li", {}, filterButton("all", "All images", view.counts.all)),
        h("li", {}, filterButton("untagged", "Untagged", view.counts.untagged)),
        view.tags.map((tag) => h("li", { dataset: { tagId: tag.id } },
          filterButton(tag.id, tag.name, tag.imageCount),
          h("button", {
            type: "button", class: "icon", "aria-label": `Delete tag ${tag.name}`,
            onclick: act(async () => {
              if (window.confirm(`Delete the tag "${tag.name}"? Its images stay, untagged.`)) await deleteTag(project.id, tag.id);
            }),
          }, "✕")))),
      form);
  }

  function drawToolbar() {
    const chosenTag = h("select", { id: "selection-tag" }, view.tags.map((tag) => h("option", { value: tag.id }, tag.name)));
    const selectedIds = () => [...view.selected];
    const none = view.selected.size === 0;
    const selectAll = h("input", { type: "checkbox", id: "select-all", checked: view.images.length > 0 && view.selected.size === view.images.length });
    selectAll.addEventListener("change", () => {
      view.selected = new Set(selectAll.checked ? view.images.map((image) => image.id) : []);
      drawToolbar();
      drawImages();
    });
    fill(toolbar,
      h("label", { class: "inline" }, selectAll, "Select all shown images"),
      h("span", { id: "selection-count", "aria-live": "polite" }, `${view.selected.size} selected`),
      view.tags.length && !detection ? h("div", { class: "actions" },
        h("label", { for: "selection-tag", class: "inline" }, "Tag"), chosenTag,
        h("button", {
          type: "button", disabled: none, onclick: act(() => inChunks(selectedIds(), 128,
            (ids) => createImageTags(project.id, ids.map((imageId) => ({ imageId, tagId: chosenTag.value }))))),
        }, "Tag selected"),
        h("button", {
          type: "button", class: "secondary", disabled: none,
          onclick: act(() => inChunks(selectedIds(), 64, (ids) => deleteImageTags(project.id, ids, [chosenTag.value]))),
        }, "Untag selected")) : null,
      h("div", { class: "actions" }, h("button", {
        type: "button", class: "danger", disabled: none,
        onclick: act(async () => {
          if (window.confirm(`Delete ${view.selected.size} images?`)) await inChunks(selectedIds(), 256, (ids) => deleteImages(project.id, ids));
        }),
      }, "Delete selected")));
  }

  function imageItem(image, index) {
    const names = detection ? [...new Set((image.regions ?? []).map((region) => region.tagName))]
      : (image.tags ?? []).map((tag) => tag.tagName);
    const box = h("input", { type: "checkbox", checked: view.selected.has(image.id), "aria-label": `Select image ${index + 1}` });
    box.addEventListener("change", () => {
      if (box.checked) view.selected.add(image.id);
      else view.selected.delete(image.id);
      drawToolbar();
    });
    const alt = names.length ? `Image ${index + 1}, tagged ${names.join(", ")}` : `Image ${index + 1}, untagged`;
    return h("li", { dataset: { imageId: image.id } }, h("figure", {},
      h("label", {}, box, h("img", { src: image.thumbnailUri, alt, width: image.width, height: image.height, loading: "lazy" })),
      h("figcaption", {}, names.length ? names.join(", ") : "Untagged",
        detection ? h("a", {
          class: "regions-link", href: `#/projects/${project.id}/regions?image=${image.id}`,
          "aria-label": `Regions of image ${index + 1}`,
        }, `Regions (${(image.regions ?? []).length})`) : null)));
  }

  function drawImages() {
    fill(heading, `${filterName()} (${shownCount()})`);
    fill(grid, view.images.map(imageItem));
    const loadMore = h("button", {
      type: "button", class: "secondary",
      onclick: async () => {
        view.images = view.images.concat(await getImages(project.id, view.filter, PAGE, view.images.length));
        drawToolbar();
        drawImages();
      },
    }, "Load more images");
    fill(more, view.images.length < shownCount() ? loadMore : null);
  }

  await reload();
}
