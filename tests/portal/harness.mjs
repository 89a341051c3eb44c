// What the portal test needs around the browser: its own cvmock, fixture images, and plain REST calls to compare with.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import spawnSupport from "../support/spawn_cvmock.js";

const { spawnCvmock } = spawnSupport;

export const KEYS = { training: "portal-test-training-key", prediction: "portal-test-prediction-key" };
export const RESOURCE_ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/cvmock/providers/" +
  "Microsoft.CognitiveServices/accounts/cvmock-prediction";

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`set ${name} (CTest sets it)`);
  return value;
}

// Starts $CVMOCK_BIN on a free port with the test's keys; resolves with { endpoint, stop }.
export function startCvmock() {
  return spawnCvmock(required("CVMOCK_BIN"), [
    "--port", "0", "--training-key", KEYS.training, "--prediction-key", KEYS.prediction,
    "--seed", "1", "--clock", "fixed:2026-01-15T09:30:00Z",
  ]);
}

const fixtureDirs = [];

// Writes fixture images with $CVMOCK_FIXTURES_BIN into a temporary folder; returns { className: [file paths] }.
export function generateFixtures({ perClass, seed, size = 128, classes = ["circle", "square", "triangle"] }) {
  const out = mkdtempSync(path.join(tmpdir(), "cvmock-portal-"));
  fixtureDirs.push(out);
  execFileSync(required("CVMOCK_FIXTURES_BIN"), ["--out", out, "--classes", classes.join(","),
    "--per-class", String(perClass), "--size", String(size), "--seed", String(seed)]);
  return Object.fromEntries(classes.map((name) =>
    [name, readdirSync(path.join(out, name)).sort().map((file) => path.join(out, name, file))]));
}

// Writes detection scenes with $CVMOCK_FIXTURES_BIN (`--detection`): resolves to [{ image, regionFile, regions }],
// regions as the scene's JSON gives them ({tagName, left, top, width, height}, normalized).
export function generateScenes({ images, seed, size = "320x240", objects = "2-4", classes = ["circle", "square", "triangle"] }) {
  const out = mkdtempSync(path.join(tmpdir(), "cvmock-portal-scenes-"));
  fixtureDirs.push(out);
  execFileSync(required("CVMOCK_FIXTURES_BIN"), ["--detection", "--out", out, "--classes", classes.join(","),
    "--images", String(images), "--objects", objects, "--size", size, "--seed", String(seed)]);
  return readdirSync(out).filter((file) => file.endsWith(".jpg")).sort().map((file) => {
    const regionFile = path.join(out, file.replace(/\.jpg$/, ".json"));
    return { image: path.join(out, file), regionFile, regions: JSON.parse(readFileSync(regionFile, "utf8")).regions };
  });
}

export function removeFixtures() {
  for (const dir of fixtureDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

// Plain calls to the Training v3.3 and Prediction v3.0 APIs, for what the page shows to be checked against.
export function restClient(endpoint) {
  // json: a body to send as JSON; file: a path, or bytes: a Buffer, to send as application/octet-stream.
  async function call(api, method, route, { json, file, bytes } = {}) {
    const headers = api === "training" ? { "Training-Key": KEYS.training } : { "Prediction-Key": KEYS.prediction };
    let body;
    if (json !== undefined) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(json);
    } else if (file !== undefined || bytes !== undefined) {
      headers["Content-Type"] = "application/octet-stream";
      body = bytes ?? readFileSync(file);
    }
    const base = api === "training" ? "/customvision/v3.3/training" : "/customvision/v3.0/prediction";
    const response = await fetch(`${endpoint}${base}${route}`, { method, headers, body });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : null;
  }
  return {
    training: (method, route, options) => call("training", method, route, options),
    prediction: (method, route, options) => call("prediction", method, route, options),
  };
}

// The portal's way of showing a number (js/dom.js percent()).
export const percent = (value) => `${(value * 100).toFixed(1)}%`;
