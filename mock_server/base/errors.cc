// Status, code and message of every error cvmock sends, in one place.
#include "mock_server/base/errors.h"

namespace cvmock::server {

ServiceError::ServiceError(int status, std::string code, const std::string& message)
    : std::runtime_error(message), status_(status), code_(std::move(code)) {}

GatewayError::GatewayError(int status, const std::string& message, int retryAfterSeconds)
    : std::runtime_error(message), status_(status), retryAfterSeconds_(retryAfterSeconds) {}

namespace errors {
namespace {
ServiceError bad(const char* code, const std::string& message) { return ServiceError(400, code, message); }
ServiceError notFound(const char* code, const std::string& message) { return ServiceError(404, code, message); }
}  // namespace

// The gateway's own words, so that clients matching on them behave as against Azure.
GatewayError accessDenied() {
  return GatewayError(401,
                      "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a "
                      "valid key for an active subscription and use a correct regional API endpoint for your resource.");
}
GatewayError resourceNotFound(const std::string& detail) { return GatewayError(404, "Resource not found. " + detail); }
GatewayError rateLimitExceeded(const std::string& operationId, const std::string& tier, int retryAfterSeconds) {
  const std::string unit = retryAfterSeconds == 1 ? " second." : " seconds.";
  return GatewayError(429,
                      "Requests to the " + operationId + " Operation under Custom Vision API have exceeded rate limit "
                      "of your current " + tier + " pricing tier. Please retry after " +
                          std::to_string(retryAfterSeconds) + unit,
                      retryAfterSeconds);
}

GatewayError httpRefusal(int status) {
  switch (status) {
    case 413:
      return GatewayError(413, "Request entity too large.");
    case 414:
      return GatewayError(414, "Request URI too long: the path and query may take at most 8,192 bytes.");
    case 431:
      return GatewayError(431, "Request header fields too large: they may take at most 32,768 bytes in all, and 8,192 "
                               "in one line.");
    default:
      break;
  }
  return GatewayError(status, "Bad request: the request could not be read as HTTP/1.1.");
}
GatewayError requestTooLarge(std::size_t limitBytes) {
  return GatewayError(413, "Request entity too large: this operation's body may take at most " +
                               std::to_string(limitBytes) + " bytes.");
}

ServiceError badRequest(const std::string& message) { return bad("BadRequest", message); }
ServiceError notJson() { return bad("BadRequest", "The request body is not valid JSON"); }
ServiceError bodyNotObject() { return bad("BadRequest", "The request body must be a JSON object"); }
ServiceError queryNotInteger(const std::string& parameter) {
  return bad("BadRequest", "Query parameter " + parameter + " must be an integer");
}
ServiceError queryNotNumber(const std::string& parameter) {
  return bad("BadRequest", "Query parameter " + parameter + " must be a number");
}
ServiceError queryNotBoolean(const std::string& parameter) {
  return bad("BadRequest", "Query parameter " + parameter + " must be true or false");
}
ServiceError fieldNotString(const std::string& field) { return bad("BadRequest", "Field " + field + " must be a string"); }
ServiceError fieldNotArray(const std::string& field) { return bad("BadRequest", "Field " + field + " must be an array"); }
ServiceError fieldNotInteger(const std::string& field) {
  return bad("BadRequest", "Field " + field + " must be an integer");
}
ServiceError fieldNotNumber(const std::string& field) { return bad("BadRequest", "Field " + field + " must be a number"); }
ServiceError notOneOf(const std::string& parameter, const std::string& choices) {
  return bad("BadRequest", parameter + " must be " + choices);
}
ServiceError thresholdOutOfRange(const std::string& parameter) {
  return bad("BadRequest", parameter + " must be between 0 and 1");
}
ServiceError takeOutOfRange(int maxTake) {
  return bad("BadRequest", "take must be between 0 and " + std::to_string(maxTake));
}
ServiceError skipNegative() { return bad("BadRequest", "skip must not be negative"); }
ServiceError unknownContinuation() { return bad("BadRequest", "Unknown continuation token"); }
ServiceError malformedBody(const std::string& detail) { return bad("BadRequest", "Malformed request body: " + detail); }
ServiceError unknown(const std::string& detail) { return ServiceError(500, "ErrorUnknown", detail); }
ServiceError strictRejection(const std::string& what) { return bad("BadRequest", "--strict: " + what); }
ServiceError requiredParamIsNull(const std::string& parameter) {
  return bad("BadRequestRequiredParamIsNull", "Required parameter is null or missing: " + parameter);
}
ServiceError invalidIds(const std::string& parameter) {
  return bad("BadRequestInvalidIds", "Invalid id in parameter " + parameter);
}
ServiceError unsupportedMediaType(const std::string& contentType) {
  return ServiceError(415, "UnsupportedMediaType", "Unsupported media type: " + contentType);
}
ServiceError tooManyImageIds(int limit) {
  return bad("BadRequestExceededBatchSize", "At most " + std::to_string(limit) + " image ids at once");
}
ServiceError tooManyImagesToDelete(int limit) {
  return bad("BadRequestExceededBatchSize", "At most " + std::to_string(limit) + " images can be deleted at once");
}
ServiceError tooManyImageTags(int limit) {
  return bad("BadRequestExceededBatchSize", "At most " + std::to_string(limit) + " image tags per batch");
}
ServiceError tooManyImageOrTagIds() {
  return bad("BadRequestExceededBatchSize", "Too many image or tag ids in one call");
}
ServiceError tooManyMetadataImages(int limit) {
  return bad("BadRequestExceededBatchSize", "At most " + std::to_string(limit) + " images per metadata update");
}

ServiceError detectionNotSupported(const std::string& operation) {
  return bad("BadRequestNotSupported", operation + " is an object detection operation; this project classifies");
}
ServiceError classificationNotSupported(const std::string& operation) {
  return bad("BadRequestNotSupported", operation + " is a classification operation; this project detects objects");
}
ServiceError invalidMetadataFilter(const std::string& detail) {
  return bad("BadRequest", "Invalid $filter expression: " + detail);
}

ServiceError notFoundProject() { return notFound("NotFoundProject", "Invalid project"); }
ServiceError notFoundDomain() { return notFound("NotFoundDomain", "Invalid domain"); }
ServiceError projectName() { return bad("BadRequestProjectName", "Invalid project name"); }
ServiceError projectDescription() { return bad("BadRequestProjectDescription", "Invalid project description"); }
ServiceError projectUnknownDomain() { return bad("BadRequestProjectUnknownDomain", "Unknown domain"); }
ServiceError projectUnknownClassification() {
  return bad("BadRequestProjectUnknownClassification", "Unknown classification type");
}
ServiceError projectUnsupportedDomainTypeChange() {
  return bad("BadRequestProjectUnsupportedDomainTypeChange",
             "Changing between classification and object detection domains is not supported");
}

ServiceError notFoundTag() { return notFound("NotFoundTag", "Invalid tag"); }
ServiceError tagName() { return bad("BadRequestTagName", "Invalid tag name"); }
ServiceError tagNameNotUnique() { return bad("BadRequestTagNameNotUnique", "Tag name is not unique"); }
ServiceError tagDescription() { return bad("BadRequestTagDescription", "Invalid tag description"); }
ServiceError tagType() { return bad("BadRequestTagType", "Invalid tag type"); }
ServiceError multipleNegativeTag() {
  return bad("BadRequestMultipleNegativeTag", "A project can have only one Negative tag");
}

ServiceError tooManyRegionsInBatch(int limit) {
  return bad("BadRequestExceededBatchSize", "At most " + std::to_string(limit) + " regions per batch");
}
ServiceError tooManyRegionIds(int limit) {
  return bad("BadRequestExceededBatchSize", "At most " + std::to_string(limit) + " region ids per call");
}
ServiceError regionOutsideImage() {
  return bad("BadRequestImageRegions", "A region must lie inside the image: left, top, width and height in [0, 1]");
}
ServiceError regionWithoutArea() {
  return bad("BadRequestImageRegions", "A region must have a positive width and height");
}
ServiceError regionsOnClassificationProject() {
  return bad("BadRequestImageRegions", "Regions can only be added to images of an object detection project");
}
ServiceError notFoundImage() { return notFound("NotFoundImage", "Invalid image"); }
ServiceError tooManyImagesInBatch(int limit) {
  return bad("BadRequestImageBatch", "Exceeded the limit of " + std::to_string(limit) + " images per batch");
}
ServiceError tooManyTagsInBatch(int limit) {
  return bad("BadRequestImageBatch", "Exceeded the limit of " + std::to_string(limit) + " tags per batch");
}
ServiceError contentsNotBase64() { return bad("BadRequest", "Image contents must be base64"); }
ServiceError imageTags(const std::string& message) { return bad("BadRequestImageTags", message); }
ServiceError imageFormat() { return bad("BadRequestImageFormat", "Bad image format"); }
ServiceError imageDimensions() { return bad("BadRequestImageDimensions", "Bad image dimensions"); }
ServiceError imageSizeBytes(std::size_t limitBytes) {
  return bad("BadRequestImageSizeBytes",
             "Image size exceeds the limit of " + std::to_string(limitBytes / (1024 * 1024)) + " MB");
}
ServiceError imageStream() { return bad("BadRequestImageStream", "No image data in the request"); }
ServiceError imageUrl(const std::string& reason) { return bad("BadRequestImageUrl", "Bad image URL: " + reason); }
ServiceError imageMetadataKey() { return bad("BadRequestImageMetadataKey", "Invalid image metadata key"); }
ServiceError imageMetadataValue() { return bad("BadRequestImageMetadataValue", "Invalid image metadata value"); }
ServiceError negativeAndRegularTagOnSameImage() {
  return bad("BadRequestNegativeAndRegularTagOnSameImage", "Negative tag cannot be combined with another tag");
}
ServiceError exceedTagPerImageLimit(int limit) {
  return bad("BadRequestExceedTagPerImageLimit", "Exceeded the limit of " + std::to_string(limit) + " tags per image");
}

ServiceError exceedProjectLimit(int limit) {
  return bad("BadRequestExceedProjectLimit", "Exceeded the limit of " + std::to_string(limit) + " projects");
}
ServiceError exceedTagPerProjectLimit(int limit) {
  return bad("BadRequestExceedTagPerProjectLimit",
             "Exceeded the limit of " + std::to_string(limit) + " tags per project");
}
ServiceError imageExceededCount(int limit) {
  return bad("BadRequestImageExceededCount", "Exceeded the limit of " + std::to_string(limit) + " images per project");
}
ServiceError exceedIterationPerProjectLimit(int limit) {
  return bad("BadRequestExceedIterationPerProjectLimit",
             "Exceeded the limit of " + std::to_string(limit) + " iterations per project; delete an iteration first");
}
ServiceError exceededQuota() {
  return bad("BadRequestExceededQuota", "Exceeded the monthly prediction quota of the pricing tier");
}

// The real service says "Invalid iteration" for an unknown id and for an unknown publish name alike.
ServiceError notFoundIteration() { return notFound("NotFoundIteration", "Invalid iteration"); }
ServiceError notFoundProjectDefaultIteration() {
  return notFound("NotFoundProjectDefaultIteration", "The project has no trained iteration");
}
ServiceError iterationName() { return bad("BadRequestIterationName", "Invalid iteration name"); }
ServiceError iterationNameNotUnique() { return bad("BadRequestIterationNameNotUnique", "Iteration name is not unique"); }
ServiceError iterationIsNotTrained() { return bad("BadRequestIterationIsNotTrained", "Iteration is not trained"); }
ServiceError iterationIsPublished() { return bad("BadRequestIterationIsPublished", "Iteration is published"); }
ServiceError iterationNotPublished() { return bad("BadRequestIterationNotPublished", "Iteration is not published"); }
ServiceError invalidPublishName() { return bad("BadRequestInvalidPublishName", "Invalid publish name"); }
ServiceError publishNameTaken() {
  return bad("BadRequestInvalidPublishName", "Publish name is already used by another iteration");
}
ServiceError invalidPublishTarget() {
  return bad("BadRequestInvalidPublishTarget", "Invalid prediction resource id");
}
ServiceError trainingNotNeeded() {
  return bad("BadRequestTrainingNotNeeded", "Nothing changed since the last training");
}
ServiceError trainingAlreadyInProgress() {
  return bad("BadRequestTrainingAlreadyInProgress", "A training is already in progress");
}
ServiceError invalidEmailAddress() {
  return bad("BadRequestInvalidEmailAddress", "Invalid notification email address");
}
ServiceError negativeBudget() { return bad("BadRequest", "reservedBudgetInHours must not be negative"); }
ServiceError reservedBudgetNotEnoughForAdvancedTraining() {
  return bad("BadRequestReservedBudgetInHoursNotEnoughForAdvancedTraining",
             "Advanced training needs a reservedBudgetInHours of at least 1");
}
// CONTRACT.md: there is no dedicated code; classification answers with the generic validation failure.
ServiceError notEnoughImagesForTraining() {
  return bad("BadRequestTrainingValidationFailed", "Not enough images for training");
}
ServiceError detectionTrainingValidationFailed(int minImages) {
  return bad("BadRequestDetectionTrainingValidationFailed",
             "Not enough images with regions for training: every tag needs regions on at least " +
                 std::to_string(minImages) + " images");
}
ServiceError multiClassTrainingValidationFailed() {
  return bad("BadRequestMultiClassClassificationTrainingValidationFailed",
             "Multiclass projects need exactly one tag per image");
}

ServiceError predictionIdsMissing() { return bad("BadRequestPredictionIdsMissing", "Prediction ids are missing"); }
ServiceError predictionIdsExceededCount(int limit) {
  return bad("BadRequestPredictionIdsExceededCount",
             "Exceeded the limit of " + std::to_string(limit) + " prediction ids per call");
}
ServiceError predictionTagsExceededCount(int limit) {
  return bad("BadRequestPredictionTagsExceededCount",
             "Exceeded the limit of " + std::to_string(limit) + " tags per prediction query");
}
ServiceError predictionResultsExceededCount(int limit) {
  return bad("BadRequestPredictionResultsExceededCount",
             "Exceeded the limit of " + std::to_string(limit) + " results per prediction query");
}
ServiceError predictionInvalidQueryParameters(const std::string& message) {
  return bad("BadRequestPredictionInvalidQueryParameters", message);
}

// The docs' copy-move-projects page calls it "Invalid Token"; most often the token was not URL-encoded.
ServiceError invalidImportToken() { return bad("BadRequestInvalidImportToken", "Invalid token"); }
ServiceError invalidArtifactUri() { return bad("BadRequestInvalidArtifactUri", "Invalid artifact path"); }
ServiceError exportWhileTraining() {
  return bad("BadRequestExportWhileTraining", "The iteration cannot be exported while it is training");
}
ServiceError exportValidationFailed(const std::string& reason) {
  return bad("BadRequestExportValidationFailed", reason);
}
ServiceError projectUnsupportedExportPlatform(const std::string& platform) {
  return bad("BadRequestProjectUnsupportedExportPlatform",
             "The platform '" + platform + "' is not supported by the iteration's domain");
}
// The service's own words (azure-sdk-for-js#10331, azure-sdk-for-python#23922).
ServiceError exportAlreadyInProgress(const std::string& iterationId) {
  return bad("BadRequestExportAlreadyInProgress", iterationId + " is already queued for export");
}

ServiceError adminDisabled() {
  return ServiceError(404, "NotFound", "The admin API is off; start cvmock with --admin-key to enable it.");
}
ServiceError adminUnauthorized(const std::string& keyHeader) {
  return ServiceError(401, "Unauthorized", "The admin API needs the " + keyHeader + " header.");
}
ServiceError adminRouteNotFound(const std::string& method, const std::string& path) {
  return ServiceError(404, "NotFound", "No admin route matches " + method + " " + path + ".");
}
ServiceError adminFaultNotFound(const std::string& faultId) {
  return ServiceError(404, "NotFound", "No fault has the id '" + faultId + "'.");
}
ServiceError adminInvalidSetting(const std::string& detail) { return bad("BadRequest", detail); }
ServiceError adminClockNotFixed() {
  return bad("BadRequest", "Only a fixed clock can be advanced; PUT clock first.");
}

}  // namespace errors
}  // namespace cvmock::server
