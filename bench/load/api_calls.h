// The few Custom Vision calls the load generator needs, over one keep-alive connection each.
#pragma once

#include <string>
#include <vector>

#include "mock_server/api/http.h"  // httplib without the resolver macro that breaks Eigen
#include <nlohmann/json.hpp>

namespace cvmock::bench {

// RFC 4648 base64 with padding: the wire form of the spec's `format: byte` fields.
std::string base64(const std::string& bytes);

class ApiCalls {
 public:
  // predictionBase: the path the Prediction API's routes hang from (the spec's basePath; a spec mock such
  // as Prism serves them from the root).
  explicit ApiCalls(const std::string& endpoint, std::string predictionBase = "/customvision/v3.0/prediction");

  std::string createProject(const std::string& name);
  // An object-detection project (the General detection domain).
  std::string createDetectionProject(const std::string& name);
  std::string createTag(const std::string& projectId, const std::string& name);
  // One CreateImagesFromData call; returns how many images the service stored. Throws on an error status.
  int uploadBatch(const std::string& projectId, const std::string& tagId, const std::vector<std::string>& images);
  // One CreateImagesFromFiles call (the images base64 in a JSON body); returns how many the service stored.
  // Throws on an error status.
  int uploadFiles(const std::string& projectId, const std::string& tagId, const std::vector<std::string>& images);
  // TrainProject (with forceTrain=true when `force`: trains again on unchanged images), then polls until
  // Completed; returns the iteration id. Throws when it fails.
  // One CreateImagesFromFiles call with entries already in the spec's shape ({name, contents, regions}); returns
  // the ids of the images stored, in order. Throws on an error status or an image not stored.
  std::vector<std::string> uploadEntries(const std::string& projectId, const nlohmann::json& entries);
  std::string trainAndWait(const std::string& projectId, bool force = false);
  void publish(const std::string& projectId, const std::string& iterationId, const std::string& name);
  // ClassifyImageWithNoStore with the image as the spec's multipart imageData field; returns the HTTP status.
  int classifyNoStore(const std::string& projectId, const std::string& name, const std::string& image);
  // DetectImageWithNoStore, the same way; returns the HTTP status.
  int detectNoStore(const std::string& projectId, const std::string& name, const std::string& image);
  // GetImageRegionProposals of a stored image; returns the HTTP status.
  int regionProposals(const std::string& projectId, const std::string& imageId);

 private:
  nlohmann::json expectJson(const httplib::Result& result, const std::string& what);

  httplib::Client client_;
  std::string predictionBase_;
};

}  // namespace cvmock::bench
