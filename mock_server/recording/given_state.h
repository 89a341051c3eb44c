// The state a recording takes for granted (the verify table's "given"), built through the replayed cvmock's
// API before the first exchange, and the additions it names between exchanges ("before").
//
// given = {"projects": {LABEL: {"name", "domainId", "classificationType", "tags": {NAME: image count},
//          "untaggedImages": N, "trained": bool, "publishName", "storedPredictions": N}},
//          "before": {"EXCHANGE": {"untaggedImages": {LABEL: N}}},
//          "urlImages": {URL: [TAG NAME, ...]}}
// A project whose domainId is an object-detection domain gets, for each tag, that many generated scenes
// (fixtures/detection_scenes.h, 320 x 240) holding one shape with its region of the tag (a shape per tag), so
// that it trains a detector; its stored predictions are DetectImage calls. "urlImages" says what the image
// behind a recorded URL shows: the replay serves a scene holding one shape of each named tag (of a detection
// project's tags) in its stead, so that a detector has something of each to find.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "mock_server/recording/cassette.h"
#include "mock_server/recording/id_map.h"
#include "mock_server/recording/replay_images.h"
#include "mock_server/recording/replay_target.h"

namespace cvmock::recording {

// Not thread-safe; one per replayed cassette.
class GivenState {
 public:
  // Builds `given` (null builds nothing). Throws RecordingError naming the cassette for a malformed state,
  // std::runtime_error when cvmock refuses a step.
  GivenState(const Json& given, const std::string& cassette, ReplayTarget& target, ReplayImages& images);

  // Applies what "before" names for `exchange`, if anything.
  void before(int exchange);
  // The loopback URL the replay sends for a recorded image URL: this cassette's stand-in when "urlImages"
  // names it, else the image server's own (ReplayImages::urlFor).
  std::string imageUrl(const std::string& recordedUrl) const;
  // The ids built, by kind, for the id map to hand out.
  const IdPools& pools() const { return pools_; }

 private:
  void buildProject(const std::string& label, const Json& spec);
  std::vector<std::string> upload(const std::string& projectId, std::size_t count, const std::string& tagId);
  // `count` scenes of the shape numbered `shape`, each with its region tagged `tagId`.
  std::vector<std::string> uploadScenes(const std::string& projectId, std::size_t count, const std::string& tagId,
                                        std::size_t shape);
  bool detectionDomain(const std::string& domainId);
  void provideUrlImage(const std::string& url, const Json& tagNames);
  [[noreturn]] void fail(const std::string& where, const std::string& message) const;

  Json given_;
  std::string cassette_;
  ReplayTarget& target_;
  ReplayImages& images_;
  IdPools pools_;
  std::map<std::string, std::string> projects_;  // label -> live id
  std::map<std::string, std::string> urlStandIns_;  // recorded URL -> this cassette's loopback URL
  std::map<std::string, std::string> sceneShapes_;  // a detection project's tag name -> the shape its scenes hold
  std::uint64_t nextSeries_ = 0;
};

}  // namespace cvmock::recording
