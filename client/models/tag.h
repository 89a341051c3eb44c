// Tag: a label images carry and a classifier learns.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>

#include "client/models/enums.h"

namespace cvmock::client {

struct Tag {
  std::string id{};
  std::string name{};
  std::optional<std::string> description{};  // null when created without one
  TagType type = TagType::Regular;
  int imageCount = 0;
};
void from_json(const nlohmann::json& j, Tag& tag);
void to_json(nlohmann::json& j, const Tag& tag);
// The members UpdateTag takes: name, description and type.
nlohmann::json updateBody(const Tag& tag);

}  // namespace cvmock::client
