// The fixed catalogue of Custom Vision domains: clients hard-code these ids.
#pragma once

#include "mock_server/base/enum_names.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cvmock::server {

enum class DomainType { Classification, ObjectDetection };
inline constexpr std::array kDomainTypeNames = {
    EnumName<DomainType>{DomainType::Classification, "Classification"},
    EnumName<DomainType>{DomainType::ObjectDetection, "ObjectDetection"},
};
constexpr std::string_view name(DomainType value) { return enumName(kDomainTypeNames, value); }

struct Domain {
  std::string id;
  std::string name;
  DomainType type;
  bool exportable;  // compact domains only
  std::vector<std::string> exportablePlatforms;
  std::optional<double> estimatedModelSizeInMegabytes;  // modelInformation, compact domains only
  std::string modelDescription;
};

// In the order the real service lists them.
const std::vector<Domain>& allDomains();
// nullptr for an unknown id (expects the canonical lower-case form).
const Domain* findDomain(std::string_view id);
// "General", the service's default for new projects.
const Domain& defaultDomain();

}  // namespace cvmock::server
