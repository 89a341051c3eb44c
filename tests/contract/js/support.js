// Helpers the scenario's steps share: polling with a deadline, error expectations, bytes from a response stream.
"use strict";

const assert = require("node:assert/strict");

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

// Calls probe until it returns a truthy value (returned) or timeoutMs passes (throws, naming what was awaited).
// Errors from probe end the wait unless retryErrors says to try again (the real service is eventually consistent).
async function poll(what, probe, { intervalMs, timeoutMs, retryErrors = false }) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
      last = value;
    } catch (error) {
      if (!retryErrors) throw error;
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}: ${last}`);
    await sleep(intervalMs);
  }
}

// Awaits a call that must fail with this HTTP status and, when given, this error code.
async function expectError(promise, status, code) {
  const error = await promise.then(() => null, (e) => e);
  assert.ok(error, `expected HTTP ${status}${code ? ` ${code}` : ""}, the call succeeded`);
  assert.equal(error.statusCode, status, `status of ${error.message}`);
  if (code) assert.equal(error.code, code, `code of ${error.message}`);
  return error;
}

async function readAll(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

// JPEG starts FF D8 FF, PNG 89 'PNG'.
function isImage(bytes) {
  return (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) ||
    bytes.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
}

// Probabilities come ranked, highest first.
function assertRanked(predictions) {
  assert.ok(predictions.length > 0, "at least one prediction");
  for (let i = 1; i < predictions.length; i++) {
    assert.ok(predictions[i - 1].probability >= predictions[i].probability, "predictions ranked by probability");
  }
}

// A blob URI's last two path segments are the artifact path GetArtifact takes ("i-<project>/i-<image>").
function artifactPath(uri) {
  return new URL(uri).pathname.split("/").filter(Boolean).slice(-2).join("/");
}

// IoU of two boxes given as { left, top, width, height } in the same units; 0 when they do not meet.
function intersectionOverUnion(a, b) {
  const width = Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
  const height = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
  if (width <= 0 || height <= 0) return 0;
  const overlap = width * height;
  return overlap / (a.width * a.height + b.width * b.height - overlap);
}

module.exports = { sleep, poll, expectError, readAll, isImage, assertRanked, artifactPath, intersectionOverUnion };
