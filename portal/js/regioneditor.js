// Drawing and moving regions with the pointer (and moving them with the arrow keys) on a boxedImage() overlay.
// It only reports: onDrawn(box) when a new box was dragged out on the empty picture, onMoved(region, box) when a
// region was dropped somewhere else, onDelete(region) for the Delete key. Saving is the caller's; until it redraws
// with show(), a moved box stays where it was dropped.
import { boxElement, clampBox, placeBox } from "./boxes.js";
import { h } from "./dom.js";

const SMALLEST = 0.01;        // a drag shorter than this (of the image's size) is a click, not a box
const KEY_STEP = 0.01;        // one arrow key press; with Shift, five
const KEY_SETTLE_MS = 400;    // arrow presses in a row make one move

export function regionEditor(overlay, { onDrawn, onMoved, onDelete }) {
  const draft = h("div", { class: "box draft", hidden: true, "aria-hidden": "true" });
  let gesture = null;  // { kind: "draw", start } or { kind: "move", region, element, start, origin, box }

  // The pointer's position as a fraction of the picture, clamped into it.
  const point = (event) => {
    const rect = overlay.getBoundingClientRect();
    return {
      x: Math.min(1, Math.max(0, (event.clientX - rect.left) / rect.width)),
      y: Math.min(1, Math.max(0, (event.clientY - rect.top) / rect.height)),
    };
  };

  overlay.addEventListener("pointerdown", (event) => {
    if (event.button !== 0) return;
    const target = event.target.closest(".region");
    const start = point(event);
    if (target) {
      const region = target.regionRecord;
      gesture = { kind: "move", region, element: target, start, origin: region, box: region };
      target.classList.add("moving");
    } else {
      gesture = { kind: "draw", start };
      draft.hidden = false;
      placeBox(draft, { left: start.x, top: start.y, width: 0, height: 0 });
    }
    overlay.setPointerCapture(event.pointerId);
    event.preventDefault();
  });

  overlay.addEventListener("pointermove", (event) => {
    if (!gesture) return;
    const at = point(event);
    if (gesture.kind === "draw") {
      placeBox(draft, {
        left: Math.min(at.x, gesture.start.x), top: Math.min(at.y, gesture.start.y),
        width: Math.abs(at.x - gesture.start.x), height: Math.abs(at.y - gesture.start.y),
      });
    } else {
      const { origin } = gesture;
      gesture.box = clampBox({
        left: origin.left + at.x - gesture.start.x, top: origin.top + at.y - gesture.start.y,
        width: origin.width, height: origin.height,
      }, 0);
      placeBox(gesture.element, gesture.box);
    }
  });

  const finish = (event) => {
    if (!gesture) return;
    const done = gesture;
    gesture = null;
    if (overlay.hasPointerCapture(event.pointerId)) overlay.releasePointerCapture(event.pointerId);
    if (done.kind === "draw") {
      const at = point(event);
      const box = {
        left: Math.min(at.x, done.start.x), top: Math.min(at.y, done.start.y),
        width: Math.abs(at.x - done.start.x), height: Math.abs(at.y - done.start.y),
      };
      if (event.type === "pointerup" && box.width >= SMALLEST && box.height >= SMALLEST) {
        placeBox(draft, box);
        onDrawn(box);
      } else {
        draft.hidden = true;
      }
    } else {
      done.element.classList.remove("moving");
      const moved = Math.abs(done.box.left - done.origin.left) + Math.abs(done.box.top - done.origin.top) >= SMALLEST / 2;
      if (event.type === "pointerup" && moved) onMoved(done.region, done.box);
      else placeBox(done.element, done.origin);
    }
  };
  overlay.addEventListener("pointerup", finish);
  overlay.addEventListener("pointercancel", finish);

  // A focused region: arrows move it (the move is reported once the presses stop), Delete removes it.
  function keyboard(element, region) {
    let box = region;
    let settle = null;
    element.addEventListener("keydown", (event) => {
      const step = event.shiftKey ? KEY_STEP * 5 : KEY_STEP;
      const delta = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[event.key];
      if (event.key === "Delete" || event.key === "Backspace") {
        event.preventDefault();
        onDelete(region);
        return;
      }
      if (!delta) return;
      event.preventDefault();
      box = clampBox({ ...box, left: box.left + delta[0], top: box.top + delta[1] }, 0);
      placeBox(element, box);
      clearTimeout(settle);
      settle = setTimeout(() => onMoved(region, box), KEY_SETTLE_MS);
    });
  }

  return {
    // Draws `regions` ([{regionId, tagName, left, top, width, height}]); colourOf(region) picks its palette index.
    show(regions, colourOf) {
      draft.hidden = true;
      overlay.replaceChildren(...regions.map((region) => {
        const element = boxElement(region, region.tagName, colourOf(region), {
          class: "region", tabindex: 0, role: "img", dataset: { regionId: region.regionId },
          "aria-label": `Region ${region.tagName}; arrow keys move it, Delete removes it`,
        });
        element.regionRecord = region;
        keyboard(element, region);
        return element;
      }), draft);
    },
    // Shows the box of the region being added (from the pointer or typed in), or hides it with null.
    setDraft(box) {
      draft.hidden = !box;
      if (box) placeBox(draft, box);
    },
  };
}
