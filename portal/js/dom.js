// Small DOM helpers shared by every view: element builders, announcements for screen readers, number formats.

// h("button", {type: "button", onclick}, "Save"): attributes, `on*` listeners, and children (strings or nodes).
export function h(tag, props = {}, ...children) {
  return build(document.createElement(tag), props, children);
}

const SVG_NS = "http://www.w3.org/2000/svg";
export function svg(tag, props = {}, ...children) {
  return build(document.createElementNS(SVG_NS, tag), props, children);
}

function build(element, props, children) {
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else if (name === "dataset") Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

// Replaces the children of `element`.
export function fill(element, ...children) {
  element.replaceChildren();
  return build(element, {}, children);
}

// Read out by screen readers through the page's polite live region.
export function announce(text) {
  const region = document.getElementById("announcer");
  region.textContent = "";
  setTimeout(() => { region.textContent = text; }, 30);
}

// 0.9523 -> "95.2%", the way the pages show every probability and metric.
export function percent(value) {
  return `${(value * 100).toFixed(1)}%`;
}

export function formatDate(text) {
  if (!text) return "";
  const date = new Date(text.endsWith("Z") ? text : `${text}Z`);
  return date.toLocaleString();
}

// An error message as a paragraph that is announced at once.
export function errorMessage(error) {
  return h("p", { class: "error", role: "alert" }, error.message ?? String(error));
}
