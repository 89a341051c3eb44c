// Resolves user-typed ids or names by listing what the service has.
#include "client/cvctl/lookup.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace cvmock::cvctl {

namespace {

// Ids win over names, so a project named like another's id still resolves predictably.
template <class Model>
std::optional<Model> byIdOrName(const std::vector<Model>& items, const std::string& idOrName) {
  for (const auto& item : items) {
    if (item.id == idOrName) return item;
  }
  for (const auto& item : items) {
    if (item.name == idOrName) return item;
  }
  return std::nullopt;
}

}  // namespace

bool looksLikeId(const std::string& text) {
  if (text.size() != 36) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? text[i] != '-' : !std::isxdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  return true;
}

client::Project findProject(client::TrainingClient& training, const std::string& idOrName) {
  auto project = byIdOrName(training.getProjects(), idOrName);
  if (!project) throw std::runtime_error("no project with id or name '" + idOrName + "'");
  return *project;
}

client::Iteration findIteration(client::TrainingClient& training, const std::string& projectId,
                                const std::string& idOrName) {
  auto iteration = byIdOrName(training.getIterations(projectId), idOrName);
  if (!iteration) throw std::runtime_error("no iteration with id or name '" + idOrName + "'");
  return *iteration;
}

client::Tag findTag(client::TrainingClient& training, const std::string& projectId, const std::string& idOrName) {
  auto tag = byIdOrName(training.getTags(projectId), idOrName);
  if (!tag) throw std::runtime_error("no tag with id or name '" + idOrName + "'");
  return *tag;
}

client::Domain findDetectionDomain(client::TrainingClient& training) {
  for (const client::Domain& domain : training.getDomains()) {
    if (domain.type == client::DomainType::ObjectDetection && domain.name == "General") return domain;
  }
  throw std::runtime_error("the service lists no General object-detection domain");
}

std::optional<client::Tag> findTagByName(client::TrainingClient& training,
                                         const std::string& projectId, const std::string& name) {
  auto tags = training.getTags(projectId);
  auto it = std::find_if(tags.begin(), tags.end(),
                         [&](const client::Tag& tag) { return tag.name == name; });
  if (it == tags.end()) return std::nullopt;
  return *it;
}

}  // namespace cvmock::cvctl
