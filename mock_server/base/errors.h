// The one catalogue of errors cvmock answers with: HTTP status, the spec's CustomVisionErrorCodes value and message.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace cvmock::server {

// A service error as the real service sends it: {"code": ..., "message": ...} with an HTTP status.
// Thrown by the service layer, written by the HTTP layer; handlers never spell a code themselves.
class ServiceError : public std::runtime_error {
 public:
  ServiceError(int status, std::string code, const std::string& message);
  int status() const { return status_; }
  const std::string& code() const { return code_; }

 private:
  int status_;
  std::string code_;
};

// A gateway error (API Management in front of the service) uses another shape:
// {"error": {"code": "<status>", "message": ...}}.
class GatewayError : public std::runtime_error {
 public:
  GatewayError(int status, const std::string& message, int retryAfterSeconds = 0);
  int status() const { return status_; }
  // Seconds for the Retry-After header; 0 sends none.
  int retryAfterSeconds() const { return retryAfterSeconds_; }

 private:
  int status_;
  int retryAfterSeconds_;
};

namespace errors {

// Gateway
GatewayError accessDenied();
GatewayError resourceNotFound(const std::string& detail);
// 429 from the rate limiter: names the operation and the tier, as the real gateway does.
GatewayError rateLimitExceeded(const std::string& operationId, const std::string& tier, int retryAfterSeconds);

// A request the HTTP layer refuses (a URI, headers or a body too large, a malformed request line): the status
// cpp-httplib chose, in the gateway's shape.
GatewayError httpRefusal(int status);
// A JSON body over the size any document needs (413).
GatewayError requestTooLarge(std::size_t limitBytes);

// Request shape
ServiceError badRequest(const std::string& message);
ServiceError notJson();
ServiceError bodyNotObject();
ServiceError queryNotInteger(const std::string& parameter);
ServiceError queryNotNumber(const std::string& parameter);
ServiceError queryNotBoolean(const std::string& parameter);
ServiceError fieldNotString(const std::string& field);
ServiceError fieldNotArray(const std::string& field);
ServiceError fieldNotInteger(const std::string& field);
ServiceError fieldNotNumber(const std::string& field);
// `parameter` must be one of `choices`, written as a sentence lists them ("Newest or Oldest").
ServiceError notOneOf(const std::string& parameter, const std::string& choices);
ServiceError thresholdOutOfRange(const std::string& parameter);
ServiceError takeOutOfRange(int maxTake);
ServiceError skipNegative();
ServiceError unknownContinuation();
// A body the JSON library could not read as the operation expects; `detail` is the library's message.
ServiceError malformedBody(const std::string& detail);
// Something cvmock did not foresee (500); `detail` says what.
ServiceError unknown(const std::string& detail);
ServiceError requiredParamIsNull(const std::string& parameter);
ServiceError invalidIds(const std::string& parameter);
ServiceError unsupportedMediaType(const std::string& contentType);
ServiceError tooManyImageIds(int limit);
ServiceError tooManyImagesToDelete(int limit);
ServiceError tooManyImageTags(int limit);
ServiceError tooManyImageOrTagIds();
ServiceError tooManyMetadataImages(int limit);
// An object-detection operation: BadRequestNotSupported, a code both APIs' enums list.
ServiceError detectionNotSupported(const std::string& operation);
// A classification operation on an object-detection project: BadRequestNotSupported, as its twin above.
ServiceError classificationNotSupported(const std::string& operation);
// --strict refused a shape the service tolerates; `what` says what and why.
ServiceError strictRejection(const std::string& what);
// A `$filter` expression that does not parse (metadata_filter.h); the message says what and where.
ServiceError invalidMetadataFilter(const std::string& detail);

// Projects and domains
ServiceError notFoundProject();
ServiceError notFoundDomain();
ServiceError projectName();
ServiceError projectDescription();
ServiceError projectUnknownDomain();
ServiceError projectUnknownClassification();
ServiceError projectUnsupportedDomainTypeChange();

// Tags
ServiceError notFoundTag();
ServiceError tagName();
ServiceError tagNameNotUnique();
ServiceError tagDescription();
ServiceError tagType();
ServiceError multipleNegativeTag();

// Images
ServiceError notFoundImage();
ServiceError tooManyImagesInBatch(int limit);
ServiceError tooManyTagsInBatch(int limit);
ServiceError contentsNotBase64();
ServiceError imageTags(const std::string& message);
ServiceError imageFormat();
ServiceError imageDimensions();
ServiceError imageSizeBytes(std::size_t limitBytes);
ServiceError imageStream();
ServiceError imageUrl(const std::string& reason);
ServiceError imageMetadataKey();
ServiceError imageMetadataValue();
ServiceError negativeAndRegularTagOnSameImage();
ServiceError exceedTagPerImageLimit(int limit);

// Regions (object detection)
ServiceError tooManyRegionsInBatch(int limit);
ServiceError tooManyRegionIds(int limit);
ServiceError regionOutsideImage();
ServiceError regionWithoutArea();
ServiceError regionsOnClassificationProject();

// Tier quotas (simulation/quotas.h)
ServiceError exceedProjectLimit(int limit);
ServiceError exceedTagPerProjectLimit(int limit);
ServiceError imageExceededCount(int limit);
ServiceError exceedIterationPerProjectLimit(int limit);
ServiceError exceededQuota();

// Iterations, training and publishing
ServiceError notFoundIteration();
ServiceError notFoundProjectDefaultIteration();
ServiceError iterationName();
ServiceError iterationNameNotUnique();
ServiceError iterationIsNotTrained();
ServiceError iterationIsPublished();
ServiceError iterationNotPublished();
ServiceError invalidPublishName();
ServiceError publishNameTaken();
ServiceError invalidPublishTarget();
ServiceError trainingNotNeeded();
ServiceError invalidEmailAddress();
ServiceError negativeBudget();
ServiceError reservedBudgetNotEnoughForAdvancedTraining();
ServiceError trainingAlreadyInProgress();
ServiceError notEnoughImagesForTraining();
ServiceError multiClassTrainingValidationFailed();
// Some trained tag has regions on fewer than `minImages` images, or no tag has any.
ServiceError detectionTrainingValidationFailed(int minImages);

// Stored predictions
ServiceError predictionIdsMissing();
ServiceError predictionIdsExceededCount(int limit);
ServiceError predictionTagsExceededCount(int limit);
ServiceError predictionResultsExceededCount(int limit);
ServiceError predictionInvalidQueryParameters(const std::string& message);

// Transfers: project export/import, artifacts, iteration exports
ServiceError invalidImportToken();
ServiceError invalidArtifactUri();
ServiceError exportWhileTraining();
ServiceError exportValidationFailed(const std::string& reason);
ServiceError projectUnsupportedExportPlatform(const std::string& platform);
ServiceError exportAlreadyInProgress(const std::string& iterationId);

// The admin API (/_cvmock/): cvmock's own, so its codes are its own too.
ServiceError adminDisabled();
ServiceError adminUnauthorized(const std::string& keyHeader);
ServiceError adminRouteNotFound(const std::string& method, const std::string& path);
ServiceError adminFaultNotFound(const std::string& faultId);
ServiceError adminInvalidSetting(const std::string& detail);
ServiceError adminClockNotFixed();

}  // namespace errors
}  // namespace cvmock::server
