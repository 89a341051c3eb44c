// canonicaliseMemberNames: one walk of the body, renaming as it goes.
#include "mock_server/api/json_member_names.h"

#include <algorithm>
#include <vector>

#include "mock_server/base/errors.h"
#include "mock_server/base/text.h"

namespace cvmock::server {
namespace {

// The member whose value is a map of the user's own keys.
constexpr std::string_view kMetadataMember = "metadata";

// The spec's spelling of `name` when it differs from it only in case; "" otherwise.
std::string_view specSpelling(std::string_view name) {
  const std::string lower = toLower(name);
  for (const std::string& known : specMemberNames()) {
    if (known != name && toLower(known) == lower) return known;
  }
  return {};
}

void canonicaliseObject(nlohmann::json& object, bool strict) {
  std::vector<std::pair<std::string, std::string>> renames;
  for (auto& [name, value] : object.items()) {
    if (!equalsIgnoreCase(name, kMetadataMember)) canonicaliseMemberNames(value, strict);
    if (specMemberNames().contains(name)) continue;
    const std::string_view spelling = specSpelling(name);
    if (spelling.empty()) continue;
    if (strict) throw errors::strictRejection("member '" + name + "' must be spelled '" + std::string(spelling) + "'");
    renames.emplace_back(name, spelling);
  }
  for (auto& [from, to] : renames) {
    if (!object.contains(to)) object[to] = std::move(object[from]);
    object.erase(from);
  }
}

}  // namespace

const std::set<std::string, std::less<>>& specMemberNames() {
  static const std::set<std::string, std::less<>> names = {
      "application", "augmentationMethods", "classificationType", "contents", "continuation", "created",
      "description", "detectionParameters", "domainId", "drModeEnabled", "endTime", "exportable", "exportableTo",
      "height", "id", "imageCount", "imageId", "imageProcessingSettings", "images", "iterationId", "lastModified",
      "left", "maxCount", "maxThreshold", "metadata", "minThreshold", "name", "orderBy", "originalPublishResourceId",
      "projectId", "publishName", "regions", "reservedBudgetInHours", "selectedTags", "session", "settings",
      "sortBy", "startTime", "status", "tagId", "tagIds", "tags", "targetExportPlatforms", "threshold",
      "thumbnailUri", "top", "trainedAt", "trainingTimeInMinutes", "trainingType", "type", "url", "useNegativeSet",
      "width",
  };
  return names;
}

void canonicaliseMemberNames(nlohmann::json& body, bool strict) {
  if (body.is_object()) {
    canonicaliseObject(body, strict);
  } else if (body.is_array()) {
    for (nlohmann::json& item : body) canonicaliseMemberNames(item, strict);
  }
}

}  // namespace cvmock::server
