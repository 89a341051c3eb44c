// Images the replay needs and the recording does not hold: the given state's uploads, and the images behind
// the URLs a recording sent (served on loopback, one distinct image per URL, the same one every time).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "fixtures/detection_scenes.h"

namespace httplib {
class Server;
}

namespace cvmock::recording {

// Thread-safe; images are drawn once (cvmock-fixtures shapes, 256 x 256) and kept.
class ReplayImages {
 public:
  // Starts the loopback image server; throws std::runtime_error when it cannot listen.
  ReplayImages();
  ~ReplayImages();
  ReplayImages(const ReplayImages&) = delete;
  ReplayImages& operator=(const ReplayImages&) = delete;

  // Image number `index` of a series no other series shares (`series` 0, 1, ...): distinct bytes for each pair.
  const std::string& image(std::uint64_t series, std::size_t index);
  // The loopback URL standing in for `recordedUrl` (its host, path and query kept, for the reader's sake).
  std::string urlFor(const std::string& recordedUrl) const;
  // From now on urlFor(recordedUrl) serves `bytes` (the image the recorder fetched), not a drawn one.
  void provide(const std::string& recordedUrl, std::string bytes);
  // fixtures::generateDetectionScenes(spec), drawn once per distinct spec and kept: cassettes whose given states
  // hold the same detection project upload the same scenes. Throws what generateDetectionScenes throws.
  std::shared_ptr<const std::vector<fixtures::DetectionScene>> scenes(const fixtures::DetectionSceneSpec& spec);

 private:
  std::string imageFor(const std::string& target);
  static std::string targetFor(const std::string& recordedUrl);

  using SceneKey = std::tuple<std::vector<std::string>, int, int, int, int, int, std::uint64_t>;  // every spec field

  std::mutex mutex_;  // guards images_ and provided_
  // Guards scenes_, and is held while scenes are drawn: a second cassette asking for them waits, not redraws.
  std::mutex scenesMutex_;
  std::map<SceneKey, std::shared_ptr<const std::vector<fixtures::DetectionScene>>> scenes_;
  std::map<std::pair<std::uint64_t, std::size_t>, std::string> images_;
  std::map<std::string, std::string> provided_;  // request target on the loopback server -> bytes
  std::unique_ptr<httplib::Server> http_;
  int port_ = 0;
  std::thread serving_;
};

}  // namespace cvmock::recording
