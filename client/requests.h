// How the clients build their requests; used by the clients' .cc files only (not installed).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "client/connection.h"
#include "client/image_source.h"
#include "client/training_client.h"

namespace cvmock::client::requests {

HttpRequest bodiless(std::string method, std::string path, Query query = {});
HttpRequest withJson(std::string method, std::string path, const nlohmann::json& body, Query query = {});
// A POST streaming images as multipart/form-data parts named imageData (see multipart.h).
HttpRequest withImages(std::string path, std::vector<ImageSource> images, Query query,
                       UploadProgress progress = {});

// The ImageQuery members an image listing or count operation sends, named as its spec entry lists them.
enum class ImageParam { IterationId, TagIds, TaggingStatus, Filter, OrderBy, Take, Skip };

// The query of an image operation: the members in params, in that order, those unset left out.
Query imageQuery(const ImageQuery& query, std::initializer_list<ImageParam> params);

// Throws std::invalid_argument when a create-images call holds more than TrainingClient::kMaxImagesPerBatch
// images, before anything is sent.
void checkBatchSize(size_t count);

}  // namespace cvmock::client::requests
