// Tags: the labels a project's images carry and its models predict (Regular, Negative, GeneralProduct).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "mock_server/service/service_state.h"

namespace cvmock::server {

struct TagCreate {
  std::string name;
  std::optional<std::string> description;
  std::optional<std::string> type;  // "Regular" | "Negative" | "GeneralProduct", any case
};

// A PATCH body: only the fields present change.
struct TagUpdate {
  std::optional<std::string> name;
  std::optional<std::string> description;
  std::optional<std::string> type;
};

// Thread-safe; every failure is a ServiceError from the catalogue (base/errors.h).
class TagService {
 public:
  explicit TagService(ServiceState& state);

  TagView createTag(const std::string& projectId, const TagCreate& request);
  // The project's tags now, or as `iterationId` was trained on them.
  std::vector<TagView> getTags(const std::string& projectId, const std::optional<std::string>& iterationId) const;
  TagView getTag(const std::string& projectId, const std::string& tagId,
                 const std::optional<std::string>& iterationId) const;
  TagView updateTag(const std::string& projectId, const std::string& tagId, const TagUpdate& update);
  // Also removes the tag from every image.
  void deleteTag(const std::string& projectId, const std::string& tagId);

 private:
  ServiceState& state_;
};

}  // namespace cvmock::server
