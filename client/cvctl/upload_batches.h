// Uploading any number of images in the service's 64-image batches.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "client/training_client.h"

namespace cvmock::cvctl {

// Called after each batch with how many images that batch held.
using BatchDone = std::function<void(size_t imagesInBatch)>;

// Uploads images with createImagesFromData in batches of TrainingClient::kMaxImagesPerBatch, each
// image tagged with tagIds. Returns one line per image the service rejected ("name:
// ErrorImageFormat"); a duplicate counts as uploaded. Throws what createImagesFromData throws.
std::vector<std::string> uploadInBatches(client::TrainingClient& training,
                                         const std::string& projectId,
                                         const std::vector<client::ImageFile>& images,
                                         const std::vector<std::string>& tagIds,
                                         const BatchDone& batchDone);

}  // namespace cvmock::cvctl
