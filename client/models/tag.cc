// Tag's JSON mapping.
#include "client/models/tag.h"

#include "client/models/fields.h"

namespace cvmock::client {

namespace {

using fields::defaulted;
using fields::field;

constexpr auto kWritable =
    std::make_tuple(field("name", &Tag::name), field("description", &Tag::description), field("type", &Tag::type));
constexpr auto kReadOnly = std::make_tuple(field("id", &Tag::id), defaulted("imageCount", &Tag::imageCount));

}  // namespace

void from_json(const nlohmann::json& j, Tag& tag) {
  fields::read(j, tag, kWritable);
  fields::read(j, tag, kReadOnly);
}
void to_json(nlohmann::json& j, const Tag& tag) {
  fields::write(j, tag, kReadOnly);
  fields::write(j, tag, kWritable);
}

nlohmann::json updateBody(const Tag& tag) {
  nlohmann::json body;
  fields::write(body, tag, kWritable);
  return body;
}

}  // namespace cvmock::client
