// Handlers: the tag operations.
#include "mock_server/api/handlers.h"
#include "mock_server/api/json_fields.h"

namespace cvmock::server::handlers {

void getTags(Call& call) {
  wire::Json out = wire::Json::array();
  for (const TagView& tag : call.service.tags().getTags(call.guid("projectId"), call.queryGuid("iterationId"))) {
    out.push_back(wire::tag(tag));
  }
  call.json(200, out);
}

void createTag(Call& call) {
  // An empty description is stored as none: `description=` answers null (recordings: TagRetrieval).
  std::optional<std::string> description = call.query("description");
  if (description && description->empty()) description.reset();
  TagCreate request{call.query("name").value_or(""), description, call.query("type")};
  call.json(200, wire::tag(call.service.tags().createTag(call.guid("projectId"), request)));
}

void getTag(Call& call) {
  call.json(200, wire::tag(call.service.tags().getTag(call.guid("projectId"), call.guid("tagId"), call.queryGuid("iterationId"))));
}

void updateTag(Call& call) {
  const nlohmann::json body = call.jsonBody();
  const nlohmann::json& fields = requireObject(body);
  TagUpdate update{optionalStringField(fields, "name"), optionalStringField(fields, "description"),
                   optionalStringField(fields, "type")};
  call.json(200, wire::tag(call.service.tags().updateTag(call.guid("projectId"), call.guid("tagId"), update)));
}

void deleteTag(Call& call) {
  call.service.tags().deleteTag(call.guid("projectId"), call.guid("tagId"));
  call.noContent();
}

}  // namespace cvmock::server::handlers
