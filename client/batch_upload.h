// Uploading any number of images: split into the service's 64-image calls, with progress overall.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "client/image_source.h"
#include "client/models.h"
#include "client/training_client.h"

namespace cvmock::client {

struct BatchUploadProgress {
  size_t imagesDone = 0;  // images whose call has been answered
  size_t imagesTotal = 0;
  // Image bytes sent, of all of them. Each call's part headers count toward the image they precede, so the figure
  // leads the true payload by a few hundred bytes within a call and is exact between calls.
  std::uint64_t bytesSent = 0;
  std::uint64_t bytesTotal = 0;
};
using BatchProgress = std::function<void(const BatchUploadProgress&)>;

struct UploadImagesOptions {
  std::vector<std::string> tagIds{};  // given to every image
  BatchProgress progress{};           // called as bytes go out and after each call's answer
};

// Uploads images with createImagesFromData, TrainingClient::kMaxImagesPerBatch per call, reading each source only
// while its call sends it (so memory stays at one chunk, whatever the number and size of the images). Returns one
// result per image, in the order given; a rejected image is a result with an Error status, not an exception.
// Throws what createImagesFromData throws; the calls answered before stay uploaded.
std::vector<ImageCreateResult> uploadImages(TrainingClient& training, const std::string& projectId,
                                            const std::vector<ImageSource>& images,
                                            const UploadImagesOptions& options = {});

// Called after each call's answer: images uploaded so far, of all of them.
using FilesProgress = std::function<void(size_t imagesDone, size_t imagesTotal)>;

// Uploads images that each carry their own tags and regions (object detection's labelled images) with
// createImagesFromFiles, TrainingClient::kMaxImagesPerBatch per call. Unlike uploadImages, every image is in memory
// (the JSON body carries it base64-encoded). Returns one result per image, in the order given; a rejected image is
// a result with an Error status. Throws what createImagesFromFiles throws; the calls answered before stay uploaded.
std::vector<ImageCreateResult> uploadImageFiles(TrainingClient& training, const std::string& projectId,
                                                const std::vector<ImageFileCreateEntry>& images,
                                                const FilesProgress& progress = {});

}  // namespace cvmock::client
