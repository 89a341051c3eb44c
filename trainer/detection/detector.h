// A trained object detector: the boxes of an image, each with a tag and a probability; serialisable.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "trainer/detection/box.h"

namespace cvmock::trainer::detection {

struct Detection {
  int tag = 0;  // index into the tags of the training data (see DetectorTrainingData)
  Box box;      // inside [0, 1] x [0, 1]
  float probability = 0;
};

class DetectorModel;  // the fitted parts; defined in detector_model.h, private to the library

class Detector {
 public:
  Detector();
  explicit Detector(std::shared_ptr<const DetectorModel> model);

  // The tag indices this detector can report, increasing (the selected tags that had regions).
  const std::vector<int>& tags() const;

  // Detections in an encoded image, highest probability first (ties in a fixed order): for each proposal and
  // tag, the probability the classifier gives that tag and the box refined for it; then, per tag,
  // non-maximum suppression at IoU 0.3, and no detection below 0.01 or past the first 200. The same detector
  // and bytes always give the same detections, in the same order. Runs on the calling thread only (CPU for a
  // 640 x 480 JPEG: about 10 ms on a plain scene, 20-30 ms on a textured photograph, which yields more
  // proposals) and may be called from many threads at once. Throws DecodeError
  // (trainer/decode.h) for bytes that are not an image, std::logic_error on a default-constructed Detector.
  std::vector<Detection> detect(std::string_view imageBytes) const;

  // A self-describing binary form (magic, version, tags, the settings of detector_settings.h, the classifier
  // and the box regressor; float32 little-endian): what an iteration stores and an export carries.
  // deserialize(serialize()) detects exactly the same boxes and probabilities.
  std::string serialize() const;
  // Throws std::runtime_error on bytes that serialize() did not produce (wrong magic or version, truncated,
  // inconsistent sizes, non-finite numbers) and on a detector recorded with settings other than this
  // library's kDetectorSettings (it would detect other boxes).
  static Detector deserialize(std::string_view bytes);

  // The fitted parts, for the training and tests inside the library.
  const DetectorModel& model() const;

 private:
  std::shared_ptr<const DetectorModel> model_;  // immutable, so copies of a Detector share it safely
};

}  // namespace cvmock::trainer::detection
