// The spec's string enums as C++ enums, each with its wire text, and their JSON mapping.
//
// Every enum ends in Unknown: a value the service sends that this client does not know reads as Unknown
// instead of failing the whole response, because a model that throws on one new status would break an
// application over a field it may not even look at. Unknown is never sent: writing it throws.
#pragma once

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace cvmock::client {

enum class DomainType { Classification, ObjectDetection, Unknown };
enum class ClassificationType { Multiclass, Multilabel, Unknown };
enum class TagType { Regular, Negative, GeneralProduct, Unknown };
enum class ProjectStatus { Succeeded, Importing, Failed, Unknown };
enum class TrainingType { Regular, Advanced, Unknown };
enum class ExportPlatform { CoreML, TensorFlow, DockerFile, ONNX, VAIDK, Unknown };
enum class ExportStatus { Exporting, Failed, Done, Unknown };
enum class ExportFlavor { Linux, Windows, ONNX10, ONNX12, ARM, TensorFlowNormal, TensorFlowLite, Unknown };
enum class ImageCreateStatus {
  OK,
  OKDuplicate,
  ErrorSource,
  ErrorImageFormat,
  ErrorImageSize,
  ErrorStorage,
  ErrorLimitExceed,
  ErrorTagLimitExceed,
  ErrorRegionLimitExceed,
  ErrorUnknown,
  ErrorNegativeAndRegularTagOnSameImage,
  Unknown
};
enum class ImageMetadataUpdateStatus { OK, ErrorImageNotFound, ErrorLimitExceed, ErrorUnknown, Unknown };
// PredictionQueryToken.orderBy.
enum class PredictionOrder { Newest, Oldest, Suggested, Unknown };
// SuggestedTagAndRegionQueryToken.sortBy.
enum class SuggestionSortBy { UncertaintyAscending, UncertaintyDescending, Unknown };
// The image listings' taggingStatus and orderBy query parameters.
enum class TaggingStatus { All, Tagged, Untagged, Unknown };
enum class ImageOrder { Newest, Oldest, Unknown };

// Each spec enum's values and wire text, in the spec's order (Unknown is left out).
template <class E>
struct EnumNames;

template <class E>
concept SpecEnum = std::is_enum_v<E> && requires { EnumNames<E>::kValues; };

template <>
struct EnumNames<DomainType> {
  static constexpr std::pair<DomainType, std::string_view> kValues[] = {
      {DomainType::Classification, "Classification"}, {DomainType::ObjectDetection, "ObjectDetection"}};
};
template <>
struct EnumNames<ClassificationType> {
  static constexpr std::pair<ClassificationType, std::string_view> kValues[] = {
      {ClassificationType::Multiclass, "Multiclass"}, {ClassificationType::Multilabel, "Multilabel"}};
};
template <>
struct EnumNames<TagType> {
  static constexpr std::pair<TagType, std::string_view> kValues[] = {
      {TagType::Regular, "Regular"}, {TagType::Negative, "Negative"}, {TagType::GeneralProduct, "GeneralProduct"}};
};
template <>
struct EnumNames<ProjectStatus> {
  static constexpr std::pair<ProjectStatus, std::string_view> kValues[] = {
      {ProjectStatus::Succeeded, "Succeeded"},
      {ProjectStatus::Importing, "Importing"},
      {ProjectStatus::Failed, "Failed"}};
};
template <>
struct EnumNames<TrainingType> {
  static constexpr std::pair<TrainingType, std::string_view> kValues[] = {{TrainingType::Regular, "Regular"},
                                                                         {TrainingType::Advanced, "Advanced"}};
};
template <>
struct EnumNames<ExportPlatform> {
  static constexpr std::pair<ExportPlatform, std::string_view> kValues[] = {
      {ExportPlatform::CoreML, "CoreML"}, {ExportPlatform::TensorFlow, "TensorFlow"},
      {ExportPlatform::DockerFile, "DockerFile"}, {ExportPlatform::ONNX, "ONNX"}, {ExportPlatform::VAIDK, "VAIDK"}};
};
template <>
struct EnumNames<ExportStatus> {
  static constexpr std::pair<ExportStatus, std::string_view> kValues[] = {
      {ExportStatus::Exporting, "Exporting"}, {ExportStatus::Failed, "Failed"}, {ExportStatus::Done, "Done"}};
};
template <>
struct EnumNames<ExportFlavor> {
  static constexpr std::pair<ExportFlavor, std::string_view> kValues[] = {
      {ExportFlavor::Linux, "Linux"},   {ExportFlavor::Windows, "Windows"},
      {ExportFlavor::ONNX10, "ONNX10"}, {ExportFlavor::ONNX12, "ONNX12"},
      {ExportFlavor::ARM, "ARM"},       {ExportFlavor::TensorFlowNormal, "TensorFlowNormal"},
      {ExportFlavor::TensorFlowLite, "TensorFlowLite"}};
};
template <>
struct EnumNames<ImageCreateStatus> {
  static constexpr std::pair<ImageCreateStatus, std::string_view> kValues[] = {
      {ImageCreateStatus::OK, "OK"},
      {ImageCreateStatus::OKDuplicate, "OKDuplicate"},
      {ImageCreateStatus::ErrorSource, "ErrorSource"},
      {ImageCreateStatus::ErrorImageFormat, "ErrorImageFormat"},
      {ImageCreateStatus::ErrorImageSize, "ErrorImageSize"},
      {ImageCreateStatus::ErrorStorage, "ErrorStorage"},
      {ImageCreateStatus::ErrorLimitExceed, "ErrorLimitExceed"},
      {ImageCreateStatus::ErrorTagLimitExceed, "ErrorTagLimitExceed"},
      {ImageCreateStatus::ErrorRegionLimitExceed, "ErrorRegionLimitExceed"},
      {ImageCreateStatus::ErrorUnknown, "ErrorUnknown"},
      {ImageCreateStatus::ErrorNegativeAndRegularTagOnSameImage, "ErrorNegativeAndRegularTagOnSameImage"}};
};
template <>
struct EnumNames<ImageMetadataUpdateStatus> {
  static constexpr std::pair<ImageMetadataUpdateStatus, std::string_view> kValues[] = {
      {ImageMetadataUpdateStatus::OK, "OK"},
      {ImageMetadataUpdateStatus::ErrorImageNotFound, "ErrorImageNotFound"},
      {ImageMetadataUpdateStatus::ErrorLimitExceed, "ErrorLimitExceed"},
      {ImageMetadataUpdateStatus::ErrorUnknown, "ErrorUnknown"}};
};
template <>
struct EnumNames<PredictionOrder> {
  static constexpr std::pair<PredictionOrder, std::string_view> kValues[] = {
      {PredictionOrder::Newest, "Newest"},
      {PredictionOrder::Oldest, "Oldest"},
      {PredictionOrder::Suggested, "Suggested"}};
};
template <>
struct EnumNames<SuggestionSortBy> {
  static constexpr std::pair<SuggestionSortBy, std::string_view> kValues[] = {
      {SuggestionSortBy::UncertaintyAscending, "UncertaintyAscending"},
      {SuggestionSortBy::UncertaintyDescending, "UncertaintyDescending"}};
};
template <>
struct EnumNames<TaggingStatus> {
  static constexpr std::pair<TaggingStatus, std::string_view> kValues[] = {
      {TaggingStatus::All, "All"}, {TaggingStatus::Tagged, "Tagged"}, {TaggingStatus::Untagged, "Untagged"}};
};
template <>
struct EnumNames<ImageOrder> {
  static constexpr std::pair<ImageOrder, std::string_view> kValues[] = {{ImageOrder::Newest, "Newest"},
                                                                       {ImageOrder::Oldest, "Oldest"}};
};

// The wire text of value; "Unknown" for Unknown.
template <SpecEnum E>
std::string_view toString(E value) {
  for (const auto& [known, text] : EnumNames<E>::kValues) {
    if (known == value) return text;
  }
  return "Unknown";
}

// The value whose wire text is text exactly; Unknown for any other text.
template <SpecEnum E>
E enumFromString(std::string_view text) {
  for (const auto& [known, name] : EnumNames<E>::kValues) {
    if (name == text) return known;
  }
  return E::Unknown;
}

// For text a person typed: matches the wire text in any case. Throws std::invalid_argument listing the
// accepted values when none matches.
template <SpecEnum E>
E parseEnum(std::string_view text) {
  auto lower = [](std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return out;
  };
  std::string accepted;
  for (const auto& [known, name] : EnumNames<E>::kValues) {
    if (lower(name) == lower(text)) return known;
    accepted += accepted.empty() ? "" : ", ";
    accepted += name;
  }
  throw std::invalid_argument("'" + std::string(text) + "' is not one of " + accepted);
}

// Throws std::invalid_argument for Unknown, which has no wire text to send.
template <SpecEnum E>
void to_json(nlohmann::json& j, E value) {
  if (value == E::Unknown) throw std::invalid_argument("an Unknown enum value cannot be sent to the service");
  j = std::string(toString(value));
}

// Throws nlohmann::json::type_error when j is not a string.
template <SpecEnum E>
void from_json(const nlohmann::json& j, E& value) {
  value = enumFromString<E>(j.get_ref<const std::string&>());
}

}  // namespace cvmock::client
