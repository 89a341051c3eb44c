// The paths of the blobs cvmock serves, built and parsed here only: stored images and their thumbnails,
// stored predictions' images, and iteration export archives. They mirror the service's blob containers, with
// ids written without hyphens:
//   i-{project}/i-{image}            a training image          i-{project}/t-{image}  its thumbnail
//   predictionimages/{project}/o-{prediction}                  .../t-{prediction}     a stored prediction's image
//   m-{project}/{iteration}.{platform}[.{flavor}].zip          an iteration export
// The same relative path is GetArtifact's `path` and, below kBlobRoute, the URL a response gives.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cvmock::server {

// Where the gateway serves blobs, with the relative path after it.
inline constexpr std::string_view kBlobRoute = "/_cvmock/blobs/";

enum class BlobKind { Image, Thumbnail, PredictionImage, PredictionThumbnail, Export };

struct BlobPath {
  BlobKind kind = BlobKind::Image;
  std::string projectId;  // canonical GUIDs (base/ids.h)
  std::string id;         // the image's, the prediction's or the exported iteration's
  std::string platform;   // Export only
  std::string flavor;     // Export only; "" for none
};

std::string blobPath(const BlobPath& path);
// What a relative path names; nullopt for anything but the canonical spelling of one of the forms above, so
// that each blob has exactly one path.
std::optional<BlobPath> parseBlobPath(std::string_view relativePath);

}  // namespace cvmock::server
