// How the clients build their requests; used by the clients' .cc files only (not installed).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "client/connection.h"
#include "client/image_source.h"

namespace cvmock::client::requests {

HttpRequest bodiless(std::string method, std::string path, Query query = {});
HttpRequest withJson(std::string method, std::string path, const nlohmann::json& body, Query query = {});
// A POST streaming images as multipart/form-data parts named imageData (see multipart.h).
HttpRequest withImages(std::string path, std::vector<ImageSource> images, Query query,
                       UploadProgress progress = {});

// Throws std::invalid_argument when a create-images call holds more than TrainingClient::kMaxImagesPerBatch
// images, before anything is sent.
void checkBatchSize(size_t count);

}  // namespace cvmock::client::requests
