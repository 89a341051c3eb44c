// Client of the Custom Vision Prediction API v3.0 (or v3.1): classify and detect, stored or not, from bytes or a
// URL.
#pragma once

#include <optional>
#include <string>

#include "client/client_options.h"
#include "client/connection.h"
#include "client/models.h"

namespace cvmock::client {

// The two Prediction API versions have the same operations; v3.1 also writes each prediction's tagType.
enum class PredictionApiVersion { V3_0, V3_1 };

// The Prediction API of one Custom Vision prediction resource. Every method throws CustomVisionError when the
// service answers with an error status (an unknown publishedName is a 404 with code "NotFoundIteration"; a
// classifier asked to detect is a 400 "BadRequestNotSupported"), ConnectionError when it does not answer, and
// nlohmann::json::exception when a success body does not match ImagePrediction. application, when set, names the
// calling app in the stored prediction. Not safe for concurrent use; copying is disabled because it owns a
// connection.
class PredictionClient {
 public:
  // endpoint: "http[s]://host[:port]" (see parseEndpoint); predictionKey goes in the Prediction-Key header.
  PredictionClient(const std::string& endpoint, const std::string& predictionKey, const ClientOptions& options = {},
                   PredictionApiVersion version = PredictionApiVersion::V3_0);

  // Classifies with the iteration published as publishedName in projectId; the service keeps the image and result.
  ImagePrediction classifyImage(const std::string& projectId, const std::string& publishedName,
                                const ImageSource& image, const std::optional<std::string>& application = {});
  ImagePrediction classifyImageUrl(const std::string& projectId, const std::string& publishedName,
                                   const ImageUrl& imageUrl, const std::optional<std::string>& application = {});
  // As above, but the service stores nothing.
  ImagePrediction classifyImageWithNoStore(const std::string& projectId, const std::string& publishedName,
                                           const ImageSource& image,
                                           const std::optional<std::string>& application = {});
  ImagePrediction classifyImageUrlWithNoStore(const std::string& projectId, const std::string& publishedName,
                                              const ImageUrl& imageUrl,
                                              const std::optional<std::string>& application = {});

  // Object detection: each prediction carries a boundingBox.
  ImagePrediction detectImage(const std::string& projectId, const std::string& publishedName,
                              const ImageSource& image, const std::optional<std::string>& application = {});
  ImagePrediction detectImageUrl(const std::string& projectId, const std::string& publishedName,
                                 const ImageUrl& imageUrl, const std::optional<std::string>& application = {});
  ImagePrediction detectImageWithNoStore(const std::string& projectId, const std::string& publishedName,
                                         const ImageSource& image,
                                         const std::optional<std::string>& application = {});
  ImagePrediction detectImageUrlWithNoStore(const std::string& projectId, const std::string& publishedName,
                                            const ImageUrl& imageUrl,
                                            const std::optional<std::string>& application = {});

 private:
  // kind is "classify" or "detect"; the path ends ".../image" or ".../url", plus "/nostore" unless store.
  ImagePrediction withBytes(const char* kind, const std::string& projectId, const std::string& publishedName,
                            const ImageSource& image, const std::optional<std::string>& application, bool store);
  ImagePrediction withUrl(const char* kind, const std::string& projectId, const std::string& publishedName,
                          const ImageUrl& imageUrl, const std::optional<std::string>& application, bool store);

  Connection connection_;
};

}  // namespace cvmock::client
