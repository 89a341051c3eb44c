// Fixture images for the replay, generated on demand and served on loopback.
#include "mock_server/recording/replay_images.h"

#include <stdexcept>

#include <httplib.h>

#include "fixtures/generator.h"

namespace cvmock::recording {
namespace {

constexpr int kSide = 256;
// URL images draw from their own seeds, far from the given state's series.
constexpr std::uint64_t kUrlSeries = 1ULL << 40;

// FNV-1a: the same URL draws the same image on every machine and build.
std::uint64_t fnv1a(const std::string& text) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char c : text) hash = (hash ^ c) * 0x100000001b3ULL;
  return hash;
}

}  // namespace

ReplayImages::ReplayImages() : http_(std::make_unique<httplib::Server>()) {
  http_->Get(".*", [this](const httplib::Request& request, httplib::Response& response) {
    response.set_content(imageFor(request.target), "application/octet-stream");
  });
  port_ = http_->bind_to_any_port("127.0.0.1");
  if (port_ < 0) throw std::runtime_error("cannot serve the replay's images on 127.0.0.1");
  serving_ = std::thread([this] { http_->listen_after_bind(); });
  while (!http_->is_running()) std::this_thread::yield();
}

ReplayImages::~ReplayImages() {
  http_->stop();
  if (serving_.joinable()) serving_.join();
}

const std::string& ReplayImages::image(std::uint64_t series, std::size_t index) {
  std::lock_guard lock(mutex_);
  auto found = images_.find({series, index});
  if (found != images_.end()) return found->second;
  const std::vector<std::string> classes = fixtures::availableClasses();
  fixtures::FixtureSpec spec;
  spec.classes = {classes[(series + index) % classes.size()]};
  spec.imagesPerClass = 1;
  spec.width = kSide;
  spec.height = kSide;
  spec.seed = series * 1000003ULL + index + 1;
  return images_[{series, index}] = fixtures::generateFixtureSet(spec).front().bytes;
}

std::string ReplayImages::targetFor(const std::string& recordedUrl) {
  const std::size_t scheme = recordedUrl.find("://");
  return "/" + (scheme == std::string::npos ? recordedUrl : recordedUrl.substr(scheme + 3));
}

std::string ReplayImages::imageFor(const std::string& target) {
  {
    std::lock_guard lock(mutex_);
    auto found = provided_.find(target);
    if (found != provided_.end()) return found->second;
  }
  return image(kUrlSeries + fnv1a(target) % kUrlSeries, 0);
}

std::shared_ptr<const std::vector<fixtures::DetectionScene>> ReplayImages::scenes(
    const fixtures::DetectionSceneSpec& spec) {
  SceneKey key{spec.classes, spec.images, spec.minObjects, spec.maxObjects, spec.width, spec.height, spec.seed};
  std::lock_guard lock(scenesMutex_);
  auto& drawn = scenes_[std::move(key)];
  if (!drawn) {
    drawn = std::make_shared<const std::vector<fixtures::DetectionScene>>(fixtures::generateDetectionScenes(spec));
  }
  return drawn;
}

void ReplayImages::provide(const std::string& recordedUrl, std::string bytes) {
  std::lock_guard lock(mutex_);
  provided_[targetFor(recordedUrl)] = std::move(bytes);
}

std::string ReplayImages::urlFor(const std::string& recordedUrl) const {
  return "http://127.0.0.1:" + std::to_string(port_) + targetFor(recordedUrl);
}

}  // namespace cvmock::recording
