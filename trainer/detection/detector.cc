// The public face of a trained detector: decode, detect, and the fitted parts shared between copies.
#include "trainer/detection/detector.h"

#include <stdexcept>
#include <utility>

#include "trainer/detection/detector_model.h"

namespace cvmock::trainer::detection {

Detector::Detector() = default;

Detector::Detector(std::shared_ptr<const DetectorModel> model) : model_(std::move(model)) {}

const DetectorModel& Detector::model() const {
  if (!model_) throw std::logic_error("the detector has not been trained or loaded");
  return *model_;
}

const std::vector<int>& Detector::tags() const { return model().tags(); }

std::vector<Detection> Detector::detect(std::string_view imageBytes) const {
  const DetectorModel& fitted = model();
  return fitted.detect(decodeScene(imageBytes));
}

}  // namespace cvmock::trainer::detection
