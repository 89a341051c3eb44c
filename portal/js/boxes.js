// Boxes over an image: regions and detections, given as normalized {left, top, width, height} in [0, 1] of the image,
// drawn as percentages of an overlay the size of the image, so they follow it at any displayed size.
import { h } from "./dom.js";

// The picture with its overlay: { element, overlay }. The overlay is empty; boxElement() fills it.
export function boxedImage(src, alt) {
  const overlay = h("div", { class: "box-overlay" });
  return { element: h("div", { class: "boxed-image" }, h("img", { src, alt, draggable: "false" }), overlay), overlay };
}

// Places `element` at the normalized `box`.
export function placeBox(element, box) {
  element.style.left = `${(box.left * 100).toFixed(3)}%`;
  element.style.top = `${(box.top * 100).toFixed(3)}%`;
  element.style.width = `${(box.width * 100).toFixed(3)}%`;
  element.style.height = `${(box.height * 100).toFixed(3)}%`;
  return element;
}

// One box captioned `label`; `props` go to the box (class, dataset, tabindex, listeners). `colour` is an index
// into the palette (per tag), so that one tag keeps its colour throughout a picture.
export function boxElement(box, label, colour, props = {}) {
  const element = h("div", { ...props, class: `box colour-${colour % PALETTE_SIZE} ${props.class ?? ""}`.trim() },
    h("span", { class: "box-label" }, label));
  return placeBox(element, box);
}

export const PALETTE_SIZE = 6;

// Clamps a box into the image: never outside [0, 1], never narrower or lower than `minimum`.
export function clampBox({ left, top, width, height }, minimum = 0.01) {
  const w = Math.min(1, Math.max(minimum, width));
  const ht = Math.min(1, Math.max(minimum, height));
  return { left: Math.min(1 - w, Math.max(0, left)), top: Math.min(1 - ht, Math.max(0, top)), width: w, height: ht };
}
