// cvmock's REST API as the portal calls it: Training v3.3 and Prediction v3.0, one function per operationId.
import { getKeys } from "./keys.js";

export const TRAINING_BASE = "/customvision/v3.3/training";
export const PREDICTION_BASE = "/customvision/v3.0/prediction";

// A failed call: the HTTP status and the service's (or the gateway's) code and message.
export class ApiError extends Error {
  constructor(status, code, message) {
    super(code ? `${message} (${code})` : message);
    this.status = status;
    this.code = code;
  }
}

function errorFrom(status, text) {
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch { body = null; }
  const error = body?.error ?? body;  // the gateway nests {"error": {...}}
  return new ApiError(status, error?.code ?? String(status), error?.message ?? `HTTP ${status}`);
}

function url(base, path, query = {}) {
  const target = new URL(base + path, window.location.origin);
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    target.searchParams.set(name, Array.isArray(value) ? value.join(",") : String(value));
  }
  return target;
}

async function send(api, method, path, { query, json, body, contentType } = {}) {
  const keys = getKeys();
  const headers = api === "training" ? { "Training-Key": keys.trainingKey } : { "Prediction-Key": keys.predictionKey };
  if (json !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(json);
  } else if (contentType) {
    headers["Content-Type"] = contentType;
  }
  const base = api === "training" ? TRAINING_BASE : PREDICTION_BASE;
  const response = await fetch(url(base, path, query), { method, headers, body });
  const text = await response.text();
  if (!response.ok) throw errorFrom(response.status, text);
  return text ? JSON.parse(text) : null;
}

const training = (method, path, options) => send("training", method, path, options);
const project = (projectId) => `/projects/${encodeURIComponent(projectId)}`;

// Projects and domains
export const getDomains = () => training("GET", "/domains");
export const getProjects = () => training("GET", "/projects");
export const getProject = (projectId) => training("GET", project(projectId));
export const createProject = ({ name, description, domainId, classificationType }) =>
  training("POST", "/projects", { query: { name, description, domainId, classificationType } });
export const deleteProject = (projectId) => training("DELETE", project(projectId));

// Tags
export const getTags = (projectId, iterationId) => training("GET", `${project(projectId)}/tags`, { query: { iterationId } });
export const createTag = (projectId, name, type) => training("POST", `${project(projectId)}/tags`, { query: { name, type } });
export const deleteTag = (projectId, tagId) => training("DELETE", `${project(projectId)}/tags/${tagId}`);

// Images. `filter` is "all", "untagged" or a tag id.
export function getImages(projectId, filter, take, skip) {
  if (filter === "untagged") return training("GET", `${project(projectId)}/images/untagged`, { query: { take, skip } });
  if (filter === "all") return training("GET", `${project(projectId)}/images`, { query: { take, skip } });
  return training("GET", `${project(projectId)}/images/tagged`, { query: { tagIds: filter, take, skip } });
}
export const getImageCount = (projectId) => training("GET", `${project(projectId)}/images/count`);
export const getUntaggedImageCount = (projectId) => training("GET", `${project(projectId)}/images/untagged/count`);
export const createImageTags = (projectId, pairs) =>
  training("POST", `${project(projectId)}/images/tags`, { json: { tags: pairs } });
export const deleteImageTags = (projectId, imageIds, tagIds) =>
  training("DELETE", `${project(projectId)}/images/tags`, { query: { imageIds, tagIds } });
export const deleteImages = (projectId, imageIds) =>
  training("DELETE", `${project(projectId)}/images`, { query: { imageIds } });
export const getImagesByIds = (projectId, imageIds) =>
  training("GET", `${project(projectId)}/images/id`, { query: { imageIds } });

// Regions (object detection projects). `regions`: [{imageId, tagId, left, top, width, height}], normalized to [0, 1];
// CreateImageRegions answers 200 or 207 with {created, duplicated, exceeded}.
export const createImageRegions = (projectId, regions) =>
  training("POST", `${project(projectId)}/images/regions`, { json: { regions } });
export const deleteImageRegions = (projectId, regionIds) =>
  training("DELETE", `${project(projectId)}/images/regions`, { query: { regionIds } });

// An image upload through XMLHttpRequest, because fetch reports no upload progress: onProgress(sentBytes,
// totalBytes). Resolves with the ImageCreateSummary (200 or 207); rejects with an ApiError otherwise.
function uploadWithProgress(path, query, body, contentType, onProgress) {
  const request = new XMLHttpRequest();
  request.open("POST", url(TRAINING_BASE, path, query));
  request.setRequestHeader("Training-Key", getKeys().trainingKey);
  if (contentType) request.setRequestHeader("Content-Type", contentType);
  request.upload.onprogress = (event) => { if (event.lengthComputable) onProgress(event.loaded, event.total); };
  return new Promise((resolve, reject) => {
    request.onload = () => {
      if (request.status === 200 || request.status === 207) resolve(JSON.parse(request.responseText));
      else reject(errorFrom(request.status, request.responseText));
    };
    request.onerror = () => reject(new ApiError(0, "NetworkError", "The upload could not reach cvmock"));
    request.send(body);
  });
}

// CreateImagesFromData for one batch (at most 64 files), every image with `tagIds`.
export function createImagesFromData(projectId, files, tagIds, onProgress) {
  const form = new FormData();
  for (const file of files) form.append("imageData", file, file.name);
  return uploadWithProgress(`${project(projectId)}/images`, { tagIds }, form, null, onProgress);
}

// CreateImagesFromFiles for one batch (at most 64): `images` are [{name, contents (base64), regions?}], the way a
// detection project gets images together with their regions.
export const createImagesFromFiles = (projectId, images, onProgress) =>
  uploadWithProgress(`${project(projectId)}/images/files`, {}, JSON.stringify({ images }), "application/json", onProgress);

// Iterations, performance and publishing
export const trainProject = (projectId, { trainingType, reservedBudgetInHours, forceTrain }) =>
  training("POST", `${project(projectId)}/train`, { query: { trainingType, reservedBudgetInHours, forceTrain } });
export const getIterations = (projectId) => training("GET", `${project(projectId)}/iterations`);
export const getIteration = (projectId, iterationId) => training("GET", `${project(projectId)}/iterations/${iterationId}`);
// overlapThreshold only means something for a detection iteration (undefined leaves it out of the query).
export const getIterationPerformance = (projectId, iterationId, threshold, overlapThreshold) =>
  training("GET", `${project(projectId)}/iterations/${iterationId}/performance`, { query: { threshold, overlapThreshold } });
export const publishIteration = (projectId, iterationId, publishName, predictionId) =>
  training("POST", `${project(projectId)}/iterations/${iterationId}/publish`, { query: { publishName, predictionId } });
export const unpublishIteration = (projectId, iterationId) =>
  training("DELETE", `${project(projectId)}/iterations/${iterationId}/publish`);

// Quick test (Training API) and classification (Prediction API)
export const quickTestImage = (projectId, iterationId, file, store) =>
  training("POST", `${project(projectId)}/quicktest/image`,
    { query: { iterationId, store }, body: file, contentType: "application/octet-stream" });
export const quickTestImageUrl = (projectId, iterationId, imageUrl, store) =>
  training("POST", `${project(projectId)}/quicktest/url`, { query: { iterationId, store }, json: { url: imageUrl } });
// ClassifyImage, or DetectImage for a detection project's published iteration.
export const predictImage = (projectId, publishName, file, detection = false) =>
  send("prediction", "POST", `/${encodeURIComponent(projectId)}/${detection ? "detect" : "classify"}/iterations/${encodeURIComponent(publishName)}/image`,
    { body: file, contentType: "application/octet-stream" });

// Stored predictions
export const queryPredictions = (projectId, token) =>
  training("POST", `${project(projectId)}/predictions/query`, { json: token });
export const deletePrediction = (projectId, ids) =>
  training("DELETE", `${project(projectId)}/predictions`, { query: { ids } });
export const createImagesFromPredictions = (projectId, images) =>
  training("POST", `${project(projectId)}/images/predictions`, { json: { images } });

// The endpoints a client of a published iteration calls (the "Prediction URL" panel): Classify* or Detect*.
export function predictionUrls(projectId, publishName, detection = false) {
  const base = `${window.location.origin}${PREDICTION_BASE}/${projectId}/${detection ? "detect" : "classify"}/iterations/${encodeURIComponent(publishName)}`;
  return { image: `${base}/image`, url: `${base}/url` };
}
