// The enumerations records hold: each value's stored number (fixed forever: databases keep it) and its name
// on the wire (one table per type, read both ways).
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

#include "mock_server/base/enum_names.h"

namespace cvmock::server {

// A stored value is one of these numbers; a new value takes a new number, an old number is never reused.
enum class ClassificationType { Multiclass = 0, Multilabel = 1 };
enum class TagType { Regular = 0, Negative = 1, GeneralProduct = 2 };
enum class IterationStatus { Training = 0, Completed = 1, Failed = 2 };
enum class ExportStatus { Exporting = 0, Done = 1, Failed = 2 };

inline constexpr std::array kClassificationTypeNames = {
    EnumName<ClassificationType>{ClassificationType::Multiclass, "Multiclass"},
    EnumName<ClassificationType>{ClassificationType::Multilabel, "Multilabel"},
};
inline constexpr std::array kTagTypeNames = {
    EnumName<TagType>{TagType::Regular, "Regular"},
    EnumName<TagType>{TagType::Negative, "Negative"},
    EnumName<TagType>{TagType::GeneralProduct, "GeneralProduct"},
};
inline constexpr std::array kIterationStatusNames = {
    EnumName<IterationStatus>{IterationStatus::Training, "Training"},
    EnumName<IterationStatus>{IterationStatus::Completed, "Completed"},
    EnumName<IterationStatus>{IterationStatus::Failed, "Failed"},
};
inline constexpr std::array kExportStatusNames = {
    EnumName<ExportStatus>{ExportStatus::Exporting, "Exporting"},
    EnumName<ExportStatus>{ExportStatus::Done, "Done"},
    EnumName<ExportStatus>{ExportStatus::Failed, "Failed"},
};

constexpr std::string_view name(ClassificationType value) { return enumName(kClassificationTypeNames, value); }
constexpr std::string_view name(TagType value) { return enumName(kTagTypeNames, value); }
constexpr std::string_view name(IterationStatus value) { return enumName(kIterationStatusNames, value); }
constexpr std::string_view name(ExportStatus value) { return enumName(kExportStatusNames, value); }

// Names as clients send them, in any case; nullopt for an unknown one (the caller knows the error to answer).
inline std::optional<ClassificationType> parseClassificationType(std::string_view text) {
  return parseEnumName(kClassificationTypeNames, text);
}
inline std::optional<TagType> parseTagType(std::string_view text) { return parseEnumName(kTagTypeNames, text); }

// A stored number read back; nullopt for a number no value has (a database written by a newer cvmock).
template <typename E, std::size_t N>
std::optional<E> fromStoredValue(const std::array<EnumName<E>, N>& table, long long stored) {
  for (const EnumName<E>& row : table) {
    if (static_cast<long long>(row.value) == stored) return row.value;
  }
  return std::nullopt;
}

// to_json writes the wire name (found by ADL, preferred over nlohmann's own number for enums).
template <typename Json>
void to_json(Json& out, const ClassificationType& value) { out = name(value); }
template <typename Json>
void to_json(Json& out, const TagType& value) { out = name(value); }
template <typename Json>
void to_json(Json& out, const IterationStatus& value) { out = name(value); }
template <typename Json>
void to_json(Json& out, const ExportStatus& value) { out = name(value); }

}  // namespace cvmock::server
