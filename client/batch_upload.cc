// Splits an upload into the service's batches and reports progress across them.
#include "client/batch_upload.h"

#include <algorithm>

namespace cvmock::client {

std::vector<ImageCreateResult> uploadImages(TrainingClient& training, const std::string& projectId,
                                            const std::vector<ImageSource>& images,
                                            const UploadImagesOptions& options) {
  BatchUploadProgress progress{.imagesTotal = images.size()};
  for (const ImageSource& image : images) progress.bytesTotal += image.size();
  std::vector<ImageCreateResult> results;
  results.reserve(images.size());
  for (size_t start = 0; start < images.size(); start += TrainingClient::kMaxImagesPerBatch) {
    const size_t end = std::min(images.size(), start + TrainingClient::kMaxImagesPerBatch);
    const std::vector<ImageSource> batch(images.begin() + static_cast<std::ptrdiff_t>(start),
                                         images.begin() + static_cast<std::ptrdiff_t>(end));
    const std::uint64_t before = progress.bytesSent;
    std::uint64_t batchBytes = 0;
    for (const ImageSource& image : batch) batchBytes += image.size();
    UploadProgress onBytes;
    if (options.progress) {
      onBytes = [&](std::uint64_t sent, std::uint64_t) {
        progress.bytesSent = before + std::min(sent, batchBytes);
        options.progress(progress);
      };
    }
    ImageCreateSummary summary = training.createImagesFromData(projectId, batch, options.tagIds, onBytes);
    for (ImageCreateResult& result : summary.images) results.push_back(std::move(result));
    progress.imagesDone = end;
    progress.bytesSent = before + batchBytes;
    if (options.progress) options.progress(progress);
  }
  return results;
}

std::vector<ImageCreateResult> uploadImageFiles(TrainingClient& training, const std::string& projectId,
                                                const std::vector<ImageFileCreateEntry>& images,
                                                const FilesProgress& progress) {
  std::vector<ImageCreateResult> results;
  results.reserve(images.size());
  for (size_t start = 0; start < images.size(); start += TrainingClient::kMaxImagesPerBatch) {
    const size_t end = std::min(images.size(), start + TrainingClient::kMaxImagesPerBatch);
    ImageFileCreateBatch batch;
    batch.images.assign(images.begin() + static_cast<std::ptrdiff_t>(start),
                        images.begin() + static_cast<std::ptrdiff_t>(end));
    ImageCreateSummary summary = training.createImagesFromFiles(projectId, batch);
    for (ImageCreateResult& result : summary.images) results.push_back(std::move(result));
    if (progress) progress(end, images.size());
  }
  return results;
}

}  // namespace cvmock::client
