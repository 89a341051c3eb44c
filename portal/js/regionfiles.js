// Region files for uploads to a detection project: one JSON file per image, named in its "image" field (or by sharing
// the image's base name), {"image": "scene_000.jpg", "regions": [{"tagName", "left", "top", "width", "height"}]}
// as `cvmock-fixtures --detection` writes them. Turns them into CreateImagesFromFiles entries with tag ids.
import { createTag } from "./api.js";

const baseName = (name) => name.replace(/\.[^.]*$/, "");

export const isRegionFile = (file) => file.name.toLowerCase().endsWith(".json") || file.type === "application/json";

// Resolves with Map(image file name -> [{tagName, left, top, width, height}]); a file that is not such JSON
// rejects naming it.
export async function readRegionFiles(files) {
  const byImage = new Map();
  for (const file of files) {
    let parsed;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      throw new Error(`${file.name} is not JSON`);
    }
    if (!Array.isArray(parsed?.regions)) throw new Error(`${file.name} has no "regions" list`);
    byImage.set(parsed.image ?? baseName(file.name), parsed.regions);
  }
  return byImage;
}

// The regions of `imageFile` from readRegionFiles()' map: by its exact name, else by its base name.
export function regionsOf(byImage, imageFile) {
  if (byImage.has(imageFile.name)) return byImage.get(imageFile.name);
  return byImage.get(baseName(imageFile.name)) ?? [];
}

// Resolves with Map(tag name -> tag id) for every name in `names`, creating the tags `tags` does not have.
export async function tagIdsFor(projectId, tags, names) {
  const ids = new Map(tags.map((tag) => [tag.name, tag.id]));
  for (const name of names) {
    if (!ids.has(name)) ids.set(name, (await createTag(projectId, name)).id);
  }
  return ids;
}

// The file's bytes as base64 (what CreateImagesFromFiles' "contents" holds).
export function base64Of(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
