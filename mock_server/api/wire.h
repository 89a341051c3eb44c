// The wire models: how each record is written as the service's JSON (key order, nulls and dates as recorded).
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "mock_server/service/blob_paths.h"
#include "mock_server/service/domains.h"
#include "mock_server/service/prediction_query.h"
#include "mock_server/service/region_service.h"
#include "mock_server/service/suggested_tags.h"
#include "mock_server/service/views.h"
#include "mock_server/store/store.h"

namespace cvmock::server::wire {

// Objects keep insertion order, so keys come out in the order the real service writes them.
using Json = nlohmann::ordered_json;

// Where image bytes can be fetched: cvmock serves them itself, like the service's blob SAS URIs.
struct BlobLocation {
  std::string baseUrl;  // e.g. "http://127.0.0.1:8808"
  std::string uri(const BlobPath& path) const;
  std::string imageUri(const std::string& projectId, const std::string& imageId) const;
  std::string thumbnailUri(const std::string& projectId, const std::string& imageId) const;
  // A stored prediction's image, where the service keeps them: predictionimages/{projectId}/{o|t}-{id}.
  std::string predictionImageUri(const std::string& projectId, const std::string& predictionId) const;
  std::string predictionThumbnailUri(const std::string& projectId, const std::string& predictionId) const;
};

// What one API version writes beyond the model they share. The default is the newest (Training
// v3.4-preview, Prediction v3.1), whose shapes the recordings show best.
struct Dialect {
  bool projectStatus = true;      // project "status": v3.2 and later (absent in the v3.1 recording)
  bool iterationExtras = true;    // iteration customBaseModelInfo, trainingErrorDetails: v3.4-preview only
  bool exportableToNull = true;   // v3.4-preview writes exportableTo null; older versions a list (v3.2: [])
  bool domainExtras = true;       // domain exportablePlatforms, modelInformation: v3.4-preview only
  bool predictionTagType = true;  // a prediction's tagType: everywhere but Prediction v3.0
  bool imageDimensionsCode = true;  // BadRequestImageDimensions: the Training API's; Prediction's enum lacks it

  static Dialect training(const std::string& version);
  static Dialect prediction(const std::string& version);
};

// CreateImagesFromUrls answers its images' tags with a null tagName (recordings: CreateImageFromUrl).
enum class TagNames { Written, Null };

Json domain(const Domain& domain, const Dialect& dialect = {});
// thumbnailUri: an image's thumbnail once the project has images (recordings: ImportExportProject).
Json project(const ProjectRecord& project, const std::optional<std::string>& thumbnailUri = std::nullopt,
             const Dialect& dialect = {});
Json tag(const TagView& tag);
Json image(const ImageView& image, const BlobLocation& blobs, TagNames tagNames = TagNames::Written);
Json imageCreateSummary(const ImageCreateSummaryView& summary, const BlobLocation& blobs,
                        TagNames tagNames = TagNames::Written);
Json imageTagCreateSummary(const ImageTagCreateSummaryView& summary);
Json imageMetadataUpdateSummary(const ImageMetadataUpdateSummaryView& summary);
Json imageRegionCreateSummary(const RegionCreateSummaryView& summary);
Json imageRegionProposal(const ImageRegionProposalView& view);
Json suggestedTags(const SuggestedTagsView& view);
Json suggestedTagQueryResult(const SuggestedTagQueryView& view, const BlobLocation& blobs);
Json iteration(const IterationRecord& iteration, const Dialect& dialect = {});
Json iterationPerformance(const IterationPerformanceView& performance);
Json imagePerformance(const ImagePerformanceView& performance, const BlobLocation& blobs);
Json imagePrediction(const PredictionRecord& prediction, const Dialect& dialect = {});
Json predictionQueryResult(const PredictionQueryView& view, const BlobLocation& blobs);

// Transfers (recordings: ImportExportProject, ExportTests).
Json projectExport(const ProjectExportView& view, const BlobLocation& blobs);
Json iterationExport(const IterationExportRecord& exportRecord, const BlobLocation& blobs);

// An error code as this version writes it: a code the version's enum lacks becomes the one it used instead.
std::string errorCode(const std::string& code, const Dialect& dialect);

// A float as .NET writes a single: the shortest text that reads back as the same float ("0.9999999").
double singlePrecision(float value);

}  // namespace cvmock::server::wire
