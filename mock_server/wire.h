// The wire models: how each record is written as the service's JSON (key order, nulls and dates as recorded).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "mock_server/domains.h"
#include "mock_server/prediction_query.h"
#include "mock_server/views.h"

namespace cvmock::server::wire {

// Objects keep insertion order, so keys come out in the order the real service writes them.
using Json = nlohmann::ordered_json;

// Where image bytes can be fetched: cvmock serves them itself, like the service's blob SAS URIs.
struct BlobLocation {
  std::string baseUrl;  // e.g. "http://127.0.0.1:8808"
  std::string imageUri(const std::string& projectId, const std::string& imageId) const;
  std::string thumbnailUri(const std::string& projectId, const std::string& imageId) const;
  // A stored prediction's image, where the service keeps them: predictionimages/{projectId}/{o|t}-{id}.
  std::string predictionImageUri(const std::string& projectId, const std::string& predictionId) const;
  std::string predictionThumbnailUri(const std::string& projectId, const std::string& predictionId) const;
};

Json domain(const Domain& domain);
Json project(const ProjectRecord& project);
Json tag(const TagView& tag);
Json image(const ImageView& image, const BlobLocation& blobs);
Json imageCreateSummary(const ImageCreateSummaryView& summary, const BlobLocation& blobs);
Json imageTagCreateSummary(const ImageTagCreateSummaryView& summary);
Json iteration(const IterationRecord& iteration);
Json iterationPerformance(const IterationPerformanceView& performance);
Json imagePerformance(const ImagePerformanceView& performance, const BlobLocation& blobs);
Json imagePrediction(const PredictionRecord& prediction);
Json predictionQueryResult(const PredictionQueryView& view, const BlobLocation& blobs);

// A float as .NET writes a single: the shortest text that reads back as the same float ("0.9999999").
double singlePrecision(float value);

const char* classificationTypeName(ClassificationType type);
const char* tagTypeName(TagType type);

}  // namespace cvmock::server::wire
