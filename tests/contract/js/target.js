// The service the contract scenario runs against: a cvmock it starts itself, or the real Custom Vision when the
// CVMOCK_CONTRACT_* variables name one (see ../README.md).
"use strict";

const { spawnCvmock } = require("../../support/spawn_cvmock.js");
const { ApiKeyCredentials } = require("@azure/ms-rest-js");
const { TrainingAPIClient } = require("@azure/cognitiveservices-customvision-training");
const { PredictionAPIClient } = require("@azure/cognitiveservices-customvision-prediction");

const REAL_SERVICE_VARIABLES = [
  "CVMOCK_CONTRACT_TRAINING_ENDPOINT",
  "CVMOCK_CONTRACT_TRAINING_KEY",
  "CVMOCK_CONTRACT_PREDICTION_ENDPOINT",
  "CVMOCK_CONTRACT_PREDICTION_KEY",
  "CVMOCK_CONTRACT_PREDICTION_RESOURCE_ID",
];

// The ARM id cvmock is told to accept as a publish target: the same shape as a real prediction resource's.
const LOCAL_RESOURCE_ID =
  "/subscriptions/5a3a2c1e-0000-4000-8000-000000000001/resourceGroups/contract/providers/" +
  "Microsoft.CognitiveServices/accounts/contract-prediction";

function trainingClient(endpoint, key) {
  return new TrainingAPIClient(new ApiKeyCredentials({ inHeader: { "Training-key": key } }), endpoint);
}

function predictionClient(endpoint, key) {
  return new PredictionAPIClient(new ApiKeyCredentials({ inHeader: { "Prediction-key": key } }), endpoint);
}

function describe(settings, stop) {
  return {
    ...settings,
    training: trainingClient(settings.trainingEndpoint, settings.trainingKey),
    prediction: predictionClient(settings.predictionEndpoint, settings.predictionKey),
    // Clients whose key the service must refuse.
    badTraining: trainingClient(settings.trainingEndpoint, "not-the-training-key"),
    badPrediction: predictionClient(settings.predictionEndpoint, "not-the-prediction-key"),
    stop,
  };
}

// Starts cvmock ($CVMOCK_BIN) on a free port with training finishing as soon as it starts, so the scenario's
// polls see Completed without sleeping. Resolves once cvmock prints its address.
async function startLocal() {
  const bin = process.env.CVMOCK_BIN;
  if (!bin) throw new Error("set CVMOCK_BIN to the cvmock executable (or the CVMOCK_CONTRACT_* variables)");
  const keys = { training: "contract-training-key", prediction: "contract-prediction-key" };
  const { endpoint, stop } = await spawnCvmock(bin, [
    "--port", "0",
    "--training-key", keys.training,
    "--prediction-key", keys.prediction,
    "--prediction-resource-id", LOCAL_RESOURCE_ID,
    "--training-mode", "immediate",
  ]);
  return describe({
    real: false,
    trainingEndpoint: endpoint,
    trainingKey: keys.training,
    predictionEndpoint: endpoint,
    predictionKey: keys.prediction,
    predictionResourceId: LOCAL_RESOURCE_ID,
    // cvmock answers at once and trains a classifier in a moment; a detector takes seconds (tens under a
    // sanitizer), hence the margin.
    pollIntervalMs: 50,
    trainingTimeoutMs: 90_000,
  }, stop);
}

function realService() {
  const env = process.env;
  return describe({
    real: true,
    trainingEndpoint: env.CVMOCK_CONTRACT_TRAINING_ENDPOINT.replace(/\/+$/, ""),
    trainingKey: env.CVMOCK_CONTRACT_TRAINING_KEY,
    predictionEndpoint: env.CVMOCK_CONTRACT_PREDICTION_ENDPOINT.replace(/\/+$/, ""),
    predictionKey: env.CVMOCK_CONTRACT_PREDICTION_KEY,
    predictionResourceId: env.CVMOCK_CONTRACT_PREDICTION_RESOURCE_ID,
    // Real trainings take about five minutes on tiny data (recordings/README.md); exports and imports seconds.
    pollIntervalMs: 2_000,
    trainingTimeoutMs: 15 * 60_000,
  }, async () => {});
}

// All five variables set: the real service. Some but not all: a mistake worth stopping for.
async function openTarget() {
  const set = REAL_SERVICE_VARIABLES.filter((name) => process.env[name]);
  if (set.length === REAL_SERVICE_VARIABLES.length) return realService();
  if (set.length > 0) {
    throw new Error(`set all of ${REAL_SERVICE_VARIABLES.join(", ")} or none (missing: ` +
      `${REAL_SERVICE_VARIABLES.filter((name) => !process.env[name]).join(", ")})`);
  }
  return startLocal();
}

module.exports = { openTarget };
