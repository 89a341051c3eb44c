// The few Custom Vision calls the load generator needs, over one keep-alive connection each.
#pragma once

#include <string>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

namespace cvmock::bench {

class ApiCalls {
 public:
  explicit ApiCalls(const std::string& endpoint);

  std::string createProject(const std::string& name);
  std::string createTag(const std::string& projectId, const std::string& name);
  // One CreateImagesFromData call; returns how many images the service stored. Throws on an error status.
  int uploadBatch(const std::string& projectId, const std::string& tagId, const std::vector<std::string>& images);
  // TrainProject, then polls until Completed; returns the iteration id. Throws when it fails.
  std::string trainAndWait(const std::string& projectId);
  void publish(const std::string& projectId, const std::string& iterationId, const std::string& name);
  // ClassifyImageWithNoStore; returns the HTTP status.
  int classifyNoStore(const std::string& projectId, const std::string& name, const std::string& image);

 private:
  nlohmann::json expectJson(const httplib::Result& result, const std::string& what);

  httplib::Client client_;
};

}  // namespace cvmock::bench
