// Handlers: the URL variants (CreateImagesFromUrls, QuickTestImageUrl, ClassifyImageUrl[WithNoStore],
// DetectImageUrl[WithNoStore]): fetch each image under the URL policy, then do what the bytes variants do.
#include "mock_server/api/handlers.h"
#include "mock_server/api/json_fields.h"
#include "mock_server/api/url_fetcher.h"
#include "mock_server/base/errors.h"

namespace cvmock::server::handlers {
namespace {

// The image of an ImageUrl body ({"url": ...}); BadRequestImageUrl when it cannot be fetched.
std::string fetchedImage(const Call& call, std::size_t maxBytes) {
  const nlohmann::json body = call.jsonBody();
  const std::optional<std::string> url = optionalStringField(requireObject(body), "url");
  if (!url || url->empty()) throw errors::requiredParamIsNull("url");
  FetchedImage image = fetchImage(*url, call.options().urlFetch, maxBytes);
  if (image.status == FetchStatus::TooLarge) throw errors::imageSizeBytes(maxBytes);
  if (image.status != FetchStatus::Fetched) throw errors::imageUrl(image.reason);
  return std::move(image.bytes);
}

// A batch entry's upload; an image that cannot be fetched gets the per-image status the service reports.
ImageUpload fetchedUpload(const std::string& url, ImageBatchEntry entry, const Call& call) {
  const std::size_t maxBytes = call.limits().maxTrainingImageBytes;
  FetchedImage image = fetchImage(url, call.options().urlFetch, maxBytes);
  ImageUpload upload{url,          std::move(image.bytes), std::move(entry.tagIds), std::move(entry.metadata),
                     std::nullopt, std::move(entry.regions)};
  if (image.status == FetchStatus::TooLarge) upload.sourceFailure = ImageCreateStatus::ErrorImageSize;
  if (image.status == FetchStatus::Refused || image.status == FetchStatus::Failed) {
    upload.sourceFailure = ImageCreateStatus::ErrorSource;
  }
  return upload;
}

// Classify fetches first, as it always has (the URL policy answers before the project is looked up); Detect
// checks the published model first, so that a classifier refuses Detect* whatever the URL, as before
// detection was served.
void predictUrl(Call& call, PredictionKind kind, bool store) {
  PredictionService& predictions = call.service.predictions();
  std::optional<std::string> bytes;
  if (kind == PredictionKind::Classify) bytes = fetchedImage(call, call.limits().maxPredictionImageBytes);
  const auto model = predictions.publishedModel(call.context(), call.guid("projectId"), call.pathText("publishedName"), kind);
  if (!bytes) bytes = fetchedImage(call, call.limits().maxPredictionImageBytes);
  const PredictionRecord prediction =
      predictions.predictPublished(call.context(), *model, *bytes, call.query("application"), store);
  call.json(200, wire::imagePrediction(prediction, call.dialect()));
}

}  // namespace

void createImagesFromUrls(Call& call) {
  const nlohmann::json body = call.jsonBody();
  std::vector<ImageBatchEntry> entries = imageBatchEntries(body, call.limits());
  // Checked before fetching, so that a long list costs no downloads.
  const int maxImages = call.limits().maxImagesPerBatch;
  if (static_cast<int>(entries.size()) > maxImages) {
    throw errors::tooManyImagesInBatch(maxImages);
  }
  std::vector<ImageUpload> uploads;
  for (ImageBatchEntry& entry : entries) {
    const std::optional<std::string> url = optionalStringField(*entry.fields, "url");
    if (!url) throw errors::requiredParamIsNull("url");
    uploads.push_back(fetchedUpload(*url, std::move(entry), call));
  }
  const ImageCreateSummaryView summary = call.service.images().createImages(call.guid("projectId"), std::move(uploads));
  call.json(summary.isBatchSuccessful ? 200 : 207,
            wire::imageCreateSummary(summary, call.blobs(), wire::TagNames::Null));
}

void quickTestImageUrl(Call& call) {
  const std::string bytes = fetchedImage(call, call.limits().maxPredictionImageBytes);
  const PredictionRecord prediction = call.service.predictions().quickTestImage(
      call.context(), call.guid("projectId"), call.queryGuid("iterationId"), bytes,
      call.queryBool("store").value_or(true));
  call.json(200, wire::imagePrediction(prediction));
}

void classifyImageUrl(Call& call) { predictUrl(call, PredictionKind::Classify, true); }
void classifyImageUrlWithNoStore(Call& call) { predictUrl(call, PredictionKind::Classify, false); }
void detectImageUrl(Call& call) { predictUrl(call, PredictionKind::Detect, true); }
void detectImageUrlWithNoStore(Call& call) { predictUrl(call, PredictionKind::Detect, false); }

}  // namespace cvmock::server::handlers
