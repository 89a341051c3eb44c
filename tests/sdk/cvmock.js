// Starts a cvmock process for a test (binary from $CVMOCK_BIN) and speaks to its admin API.
"use strict";

const { spawnCvmock } = require("../support/spawn_cvmock.js");
const { ApiKeyCredentials } = require("@azure/ms-rest-js");
const { TrainingAPIClient } = require("@azure/cognitiveservices-customvision-training");
const { PredictionAPIClient } = require("@azure/cognitiveservices-customvision-prediction");

const ADMIN_KEY = "sdk-test-admin-key";

// Resolves with { endpoint, admin, training, prediction, stop } once cvmock prints its address.
async function startCvmock(extraArgs = []) {
  const bin = process.env.CVMOCK_BIN;
  if (!bin) throw new Error("set CVMOCK_BIN to the cvmock executable");
  const { endpoint, stop } = await spawnCvmock(bin, ["--port", "0", "--admin-key", ADMIN_KEY, ...extraArgs]);
  return {
    endpoint,
    admin: (method, path, body) => admin(endpoint, method, path, body),
    training: new TrainingAPIClient(
      new ApiKeyCredentials({ inHeader: { "Training-key": "cvmock-training-key" } }), endpoint),
    prediction: new PredictionAPIClient(
      new ApiKeyCredentials({ inHeader: { "Prediction-key": "cvmock-prediction-key" } }), endpoint),
    stop,
  };
}

async function admin(endpoint, method, path, body) {
  const response = await fetch(`${endpoint}/_cvmock${path}`, {
    method,
    headers: { "Cvmock-Admin-Key": ADMIN_KEY, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

module.exports = { startCvmock };
