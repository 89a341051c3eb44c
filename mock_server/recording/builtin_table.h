// The built-in verify table: what differs by nature between two correct services (ids, timestamps, model
// outputs, timings, storage URIs, wording) and the headers clients read. docs/KEEPING_HONEST.md explains each
// entry; `cvmock verify --print-table` prints it. A user's table adds to it.
#pragma once

namespace cvmock::recording {

inline constexpr const char* kBuiltinTable = R"json({
  "about": "cvmock's built-in verify table (docs/KEEPING_HONEST.md)",
  "fields": [
    {"path": "$..id", "as": "id", "why": "each service hands out its own GUIDs"},
    {"path": "$..*Id", "as": "id", "why": "each service hands out its own GUIDs"},
    {"path": "$..*Ids[*]", "as": "id", "why": "each service hands out its own GUIDs"},
    {"path": "$..created", "as": "shape", "why": "a timestamp: its format is the contract, not the time"},
    {"path": "$..lastModified", "as": "shape", "why": "a timestamp: its format is the contract, not the time"},
    {"path": "$..trainedAt", "as": "shape", "why": "a timestamp: its format is the contract, not the time"},
    {"path": "$..startTime", "as": "shape", "why": "a timestamp: its format is the contract, not the time"},
    {"path": "$..endTime", "as": "shape", "why": "a timestamp: its format is the contract, not the time"},
    {"path": "$..probability", "as": "shape", "why": "a model output: another model, another number"},
    {"path": "$..boundingBox", "as": "shape", "why": "a model output: another model, another box"},
    {"path": "$..precision", "as": "shape", "why": "a model metric"},
    {"path": "$..precisionStdDeviation", "as": "shape", "why": "a model metric"},
    {"path": "$..recall", "as": "shape", "why": "a model metric"},
    {"path": "$..recallStdDeviation", "as": "shape", "why": "a model metric"},
    {"path": "$..averagePrecision", "as": "shape", "why": "a model metric"},
    {"path": "$..predictionUncertainty", "as": "shape", "why": "a model output"},
    {"path": "$..confidence", "as": "shape", "why": "a model output"},
    {"path": "$..minThreshold", "as": "shape", "why": "a model output"},
    {"path": "$..maxThreshold", "as": "shape", "why": "a model output"},
    {"path": "$..trainingTimeInMinutes", "as": "shape", "why": "a timing"},
    {"path": "$..estimatedImportTimeInMS", "as": "shape", "why": "a timing"},
    {"path": "$..originalImageUri", "as": "shape", "why": "a storage URI: another host, signature and expiry"},
    {"path": "$..resizedImageUri", "as": "shape", "why": "a storage URI: another host, signature and expiry"},
    {"path": "$..thumbnailUri", "as": "shape", "why": "a storage URI: another host, signature and expiry"},
    {"path": "$..imageUri", "as": "shape", "why": "a storage URI: another host, signature and expiry"},
    {"path": "$..downloadUri", "as": "shape", "why": "a storage URI: another host, signature and expiry"},
    {"path": "$..sourceUrl", "as": "shape", "why": "a storage URI, or the image URL the replay serves instead"},
    {"path": "$..token", "as": "shape", "why": "an opaque export token"},
    {"request": "POST */images/suggested/count", "path": "$.*", "as": "shape",
     "why": "a model output: how many untagged images the model suggests for each tag"},
    {"request": "POST */images/suggested", "path": ["$.results", "$.results..*"], "as": "shape",
     "why": "a model output: which untagged images the model suggests"},
    {"request": "POST */detect/*", "path": ["$.predictions", "$.predictions[*].tagId"], "as": "shape",
     "why": "a detector's output: another model finds other objects, and another number of them (so a place's tag differs too)"},
    {"request": "POST */quicktest/*", "path": ["$.predictions", "$.predictions[*].tagId"], "as": "shape",
     "why": "a model's output: a detector's quick test finds as many objects as its detector does"},
    {"request": "POST */predictions/query", "path": ["$.results[*].predictions", "$.results[*].predictions[*].tagId"],
     "as": "shape", "why": "a model's output: a stored detection holds as many boxes as its detector found"},
    {"request": "GET */performance/images", "path": ["$", "$..*"], "as": "shape",
     "why": "which images a service holds out to evaluate a model is its own business"},
    {"request": "GET */performance/images/count", "path": "$", "as": "shape",
     "why": "how many images a service holds out to evaluate a model is its own business"},
    {"path": "$.message", "as": "shape", "why": "an error's wording is not the contract; its code is"},
    {"path": "$.error.message", "as": "shape", "why": "an error's wording is not the contract; its code is"}
  ],
  "headers": [
    {"name": "Content-Type", "as": "value", "why": "clients parse the body by it"},
    {"name": "Retry-After", "as": "shape", "why": "clients wait by it; the seconds left differ"},
    {"name": "Operation-Location", "as": "shape", "why": "clients poll it; it names the host that answered"}
  ]
})json";

}  // namespace cvmock::recording
