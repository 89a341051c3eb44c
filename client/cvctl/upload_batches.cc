// Splits an upload into batches the service accepts and collects per-image failures.
#include "client/cvctl/upload_batches.h"

#include <algorithm>

namespace cvmock::cvctl {

namespace {

bool isAccepted(const std::string& status) { return status == "OK" || status == "OKDuplicate"; }

}  // namespace

std::vector<std::string> uploadInBatches(client::TrainingClient& training,
                                         const std::string& projectId,
                                         const std::vector<client::ImageFile>& images,
                                         const std::vector<std::string>& tagIds,
                                         const BatchDone& batchDone) {
  std::vector<std::string> failures;
  for (size_t start = 0; start < images.size();
       start += client::TrainingClient::kMaxImagesPerBatch) {
    size_t end = std::min(images.size(), start + client::TrainingClient::kMaxImagesPerBatch);
    std::vector<client::ImageFile> batch(images.begin() + start, images.begin() + end);
    auto summary = training.createImagesFromData(projectId, batch, tagIds);
    // Results come back in upload order, one per image.
    for (size_t i = 0; i < summary.images.size() && i < batch.size(); ++i) {
      if (isAccepted(summary.images[i].status)) continue;
      failures.push_back(batch[i].fileName.value_or("image " + std::to_string(start + i + 1)) +
                         ": " + summary.images[i].status);
    }
    if (batchDone) batchDone(batch.size());
  }
  return failures;
}

}  // namespace cvmock::cvctl
