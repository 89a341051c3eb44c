// The detector fits one process shares, keyed by their whole inputs.
#include "mock_server/service/detector_fit_memo.h"

#include <cstring>

namespace cvmock::server {
namespace {

template <typename Number>
void appendNumber(std::string& key, Number value) {
  char bytes[sizeof(Number)];
  std::memcpy(bytes, &value, sizeof(Number));
  key.append(bytes, sizeof(Number));
}

// Every input trainDetector reads, each field length-prefixed or fixed-width so that distinct inputs never
// serialise alike.
std::string keyOf(const trainer::detection::DetectorTrainingData& data,
                  const trainer::detection::DetectorTrainingOptions& options) {
  std::string key;
  appendNumber(key, data.tagCount);
  appendNumber(key, options.seed);
  appendNumber(key, options.holdoutFraction);
  appendNumber(key, options.selectedTags.size());
  for (int tag : options.selectedTags) appendNumber(key, tag);
  appendNumber(key, data.images.size());
  for (const trainer::detection::DetectionImage& image : data.images) {
    appendNumber(key, image.bytes.size());
    key += image.bytes;
    appendNumber(key, image.regions.size());
    for (const trainer::detection::Region& r : image.regions) {
      appendNumber(key, r.tag);
      appendNumber(key, r.box.left);
      appendNumber(key, r.box.top);
      appendNumber(key, r.box.width);
      appendNumber(key, r.box.height);
    }
  }
  return key;
}

}  // namespace

DetectorFitMemo::Fit DetectorFitMemo::fit(const trainer::detection::DetectorTrainingData& data,
                                          const trainer::detection::DetectorTrainingOptions& options) {
  std::string key = keyOf(data, options);
  std::promise<Fit> promise;
  std::shared_future<Fit> shared;
  {
    std::lock_guard lock(mutex_);
    auto [slot, first] = fits_.try_emplace(std::move(key));
    if (first) {
      slot->second = promise.get_future().share();
      ++computed_;
    } else {
      shared = slot->second;
    }
  }
  if (shared.valid()) return shared.get();  // rethrows the first caller's failure
  try {
    Fit computed = std::make_shared<const trainer::detection::DetectorTrainingResult>(
        trainer::detection::trainDetector(data, options));
    promise.set_value(computed);
    return computed;
  } catch (...) {
    promise.set_exception(std::current_exception());
    throw;
  }
}

int DetectorFitMemo::fitsComputed() const {
  std::lock_guard lock(mutex_);
  return computed_;
}

}  // namespace cvmock::server
