// Detector fits shared by the services of one process (cvmock verify's in-process cvmocks): a fit is a pure
// function of its inputs, so a service training byte-identical inputs takes the fit another one computed.
#pragma once

#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "trainer/detection/detector_training.h"

namespace cvmock::server {

// Thread-safe. Only the fit is shared: each service still snapshots, stores and serves its own iteration.
// Keys are the inputs themselves (every image's bytes, regions, tag count, seed, holdout fraction, selected
// tags), compared whole, so two fits share only when trainDetector would compute the same result for both.
// Holds every fit (and its inputs' bytes as the key) for its lifetime: give it to short-lived servers only.
class DetectorFitMemo {
 public:
  using Fit = std::shared_ptr<const trainer::detection::DetectorTrainingResult>;

  // trainDetector(data, options), computed by the first caller with these inputs; a caller with the same inputs
  // while it runs waits for it. Throws what trainDetector throws, to that caller and to every later one.
  Fit fit(const trainer::detection::DetectorTrainingData& data,
          const trainer::detection::DetectorTrainingOptions& options);
  // How many calls computed a fit (the others took one computed before), for tests.
  int fitsComputed() const;

 private:
  mutable std::mutex mutex_;  // guards fits_ and computed_; never held while fitting
  std::map<std::string, std::shared_future<Fit>> fits_;  // by the inputs, serialised
  int computed_ = 0;
};

}  // namespace cvmock::server
