// Domain: the base model a project trains from (GetDomains, GetDomain).
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>

#include "client/models/enums.h"

namespace cvmock::client {

struct Domain {
  std::string id{};
  std::string name{};
  DomainType type = DomainType::Classification;
  bool exportable = false;  // the compact domains: iterations trained on them can be exported
  bool enabled = false;
};
void from_json(const nlohmann::json& j, Domain& domain);
void to_json(nlohmann::json& j, const Domain& domain);

}  // namespace cvmock::client
