// Resources: the default set, reading a resource file, lookup by ARM id and the caller of a request.
#include "mock_server/service/resources.h"

#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "mock_server/base/text.h"

namespace cvmock::server {
namespace {

constexpr std::string_view kSubscription = "00000000-0000-0000-0000-000000000000";
constexpr std::string_view kResourceGroup = "cvmock";
constexpr std::string_view kDefaultRegion = "westus2";

struct KindName {
  ResourceKind kind;
  std::string_view name;
};
constexpr KindName kKinds[] = {
    {ResourceKind::Training, "CustomVision.Training"},
    {ResourceKind::Prediction, "CustomVision.Prediction"},
    {ResourceKind::CognitiveServices, "CognitiveServices"},
};

// The account name at the end of an ARM id, or the whole id when it has no "/accounts/" part.
std::string accountName(const std::string& armId) {
  const std::size_t at = toLower(armId).rfind("/accounts/");
  return at == std::string::npos ? armId : armId.substr(at + 10);
}

std::string requiredText(const nlohmann::json& entry, const char* field, const std::string& where) {
  if (!entry.contains(field) || !entry[field].is_string() || isBlank(entry[field].get<std::string>())) {
    throw std::runtime_error(where + ": \"" + field + "\" must be a non-empty string");
  }
  return entry[field].get<std::string>();
}

Resource parseResource(const nlohmann::json& entry, const std::string& where) {
  if (!entry.is_object()) throw std::runtime_error(where + ": each resource must be an object");
  Resource resource;
  resource.name = requiredText(entry, "name", where);
  const std::string kind = requiredText(entry, "kind", where);
  std::optional<ResourceKind> parsed = parseKind(kind);
  if (!parsed) {
    throw std::runtime_error(where + ": unknown kind \"" + kind +
                             "\" (CustomVision.Training, CustomVision.Prediction or CognitiveServices)");
  }
  resource.kind = *parsed;
  resource.region = requiredText(entry, "region", where);
  resource.key1 = requiredText(entry, "key1", where);
  resource.key2 = requiredText(entry, "key2", where);
  resource.armId = entry.contains("id") ? requiredText(entry, "id", where) : defaultArmId(resource.name);
  if (entry.contains("port")) {
    const nlohmann::json& port = entry["port"];
    if (!port.is_number_integer() || port.get<int>() < 0 || port.get<int>() > 65535) {
      throw std::runtime_error(where + ": \"port\" must be an integer from 0 to 65535");
    }
    resource.port = port.get<int>();
  }
  return resource;
}

// Names, ARM ids and keys each identify one resource; two resources cannot share a fixed port.
void checkDistinct(const std::vector<Resource>& resources, const std::string& origin) {
  std::set<std::string> names, ids, keys;
  std::set<int> ports;
  for (const Resource& r : resources) {
    const std::string where = origin + ": resource \"" + r.name + "\"";
    if (!names.insert(toLower(r.name)).second) throw std::runtime_error(where + " is declared twice");
    if (!ids.insert(toLower(r.armId)).second) throw std::runtime_error(where + " repeats another resource's id");
    const bool keysFree = keys.insert(r.key1).second && (r.key2 == r.key1 || keys.insert(r.key2).second);
    if (!keysFree) throw std::runtime_error(where + " repeats another resource's key");
    if (r.port && *r.port != 0 && !ports.insert(*r.port).second) {
      throw std::runtime_error(where + " repeats another resource's port " + std::to_string(*r.port));
    }
  }
}

}  // namespace

std::string_view kindName(ResourceKind kind) {
  for (const KindName& k : kKinds) {
    if (k.kind == kind) return k.name;
  }
  return "";
}

std::optional<ResourceKind> parseKind(std::string_view name) {
  for (const KindName& k : kKinds) {
    if (equalsIgnoreCase(k.name, name)) return k.kind;
  }
  return std::nullopt;
}

std::string defaultArmId(const std::string& name) {
  return "/subscriptions/" + std::string(kSubscription) + "/resourceGroups/" + std::string(kResourceGroup) +
         "/providers/Microsoft.CognitiveServices/accounts/" + name;
}

std::vector<Resource> defaultResources(const std::string& trainingKey, const std::string& predictionKey,
                                       const std::string& cognitiveServicesKey, const std::string& predictionArmId) {
  const std::string region(kDefaultRegion);
  std::vector<Resource> resources = {
      {"cvmock-training", ResourceKind::Training, region, trainingKey, "", defaultArmId("cvmock-training"), {}},
      {accountName(predictionArmId), ResourceKind::Prediction, region, predictionKey, "", predictionArmId, {}},
  };
  if (!cognitiveServicesKey.empty()) {
    resources.push_back({"cvmock-cognitive-services", ResourceKind::CognitiveServices, region, cognitiveServicesKey,
                         "", defaultArmId("cvmock-cognitive-services"), {}});
  }
  return resources;
}

std::vector<Resource> parseResources(const std::string& text, const std::string& origin) {
  nlohmann::json document;
  try {
    document = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& error) {
    throw std::runtime_error(origin + ": not JSON (" + error.what() + ")");
  }
  if (!document.is_object() || !document.contains("resources") || !document["resources"].is_array() ||
      document["resources"].empty()) {
    throw std::runtime_error(origin + ": expected {\"resources\": [ ... ]} with at least one resource");
  }
  std::vector<Resource> resources;
  for (std::size_t i = 0; i < document["resources"].size(); ++i) {
    resources.push_back(parseResource(document["resources"][i], origin + ": resources[" + std::to_string(i) + "]"));
  }
  checkDistinct(resources, origin);
  return resources;
}

std::vector<Resource> loadResources(const std::string& path) {
  std::ifstream file(path);
  if (!file) throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << file.rdbuf();
  return parseResources(text.str(), path);
}

const Resource* findByArmId(const std::vector<Resource>& resources, std::string_view armId) {
  for (const Resource& resource : resources) {
    if (equalsIgnoreCase(resource.armId, armId)) return &resource;
  }
  return nullptr;
}

}  // namespace cvmock::server
