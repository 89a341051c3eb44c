// What an export archive says about its model: the manifest's description of it and the README's usage lines,
// one maker per kind of model (a classifier, a detector).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "mock_server/store/records.h"

namespace cvmock::server {

// Objects keep insertion order, so the manifest reads in the order docs/EXPORT.md describes it.
using ManifestJson = nlohmann::ordered_json;

struct ExportedModelDescription {
  ManifestJson model;     // the manifest's "model": file, format, sizes, what the output means
  ManifestJson pipeline;  // how image bytes become the output, with every parameter
  const char* pipelineKey = "";  // the manifest's name for `pipeline`
  std::string usage;             // the README's paragraph on loading and running the model
};

// The descriptor families (trainer/features.h) every crop or image is described by, with their parameters.
ManifestJson featureFamilies();

// For a Completed iteration whose `model` holds trainer::Model::serialize() bytes. Throws std::runtime_error
// when they do not load.
ExportedModelDescription describeClassifier(const IterationRecord& iteration);
// For a Completed iteration whose `model` holds trainer::detection::Detector::serialize() bytes. Throws
// std::runtime_error when they do not load.
ExportedModelDescription describeDetector(const IterationRecord& iteration);

}  // namespace cvmock::server
