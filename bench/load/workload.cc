// Generated images, concurrent uploads and percentiles for the load generator's modes.
#include "bench/load/workload.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <thread>

#include "bench/load/api_calls.h"
#include "fixtures/generator.h"

namespace cvmock::bench {

std::vector<std::vector<std::string>> imagesByTag(int tags, int perTag, int side) {
  const std::vector<std::string> shapes = cvmock::fixtures::availableClasses();
  std::vector<std::vector<std::string>> out(tags);
  for (int tag = 0; tag < tags; ++tag) {
    cvmock::fixtures::FixtureSpec spec;
    spec.classes = {shapes[tag % shapes.size()]};
    spec.imagesPerClass = perTag * 2;  // every other image is a PNG; keep the JPEGs
    spec.width = spec.height = side;
    spec.seed = static_cast<std::uint64_t>(tag) + 1;
    for (cvmock::fixtures::FixtureImage& image : cvmock::fixtures::generateFixtureSet(spec)) {
      if (image.encoding == cvmock::fixtures::Encoding::Jpeg) out[tag].push_back(std::move(image.bytes));
    }
  }
  return out;
}

std::pair<std::string, std::vector<std::string>> uploadAll(const std::string& endpoint,
                                                           const std::vector<std::vector<std::string>>& images,
                                                           int threads) {
  ApiCalls calls(endpoint);
  const std::string projectId = calls.createProject("bench");
  std::vector<std::string> tagIds;
  for (std::size_t tag = 0; tag < images.size(); ++tag) {
    std::string name = "t";
    name += std::to_string(tag);
    tagIds.push_back(calls.createTag(projectId, name));
  }
  struct Batch {
    std::size_t tag, start;
  };
  std::vector<Batch> batches;
  for (std::size_t tag = 0; tag < images.size(); ++tag) {
    for (std::size_t start = 0; start < images[tag].size(); start += 64) batches.push_back({tag, start});
  }
  std::atomic<std::size_t> next{0};
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&] {
      ApiCalls own(endpoint);
      for (std::size_t i = next++; i < batches.size(); i = next++) {
        const auto& all = images[batches[i].tag];
        const auto first = all.begin() + static_cast<std::ptrdiff_t>(batches[i].start);
        const auto last = all.begin() + static_cast<std::ptrdiff_t>(std::min(all.size(), batches[i].start + 64));
        own.uploadBatch(projectId, tagIds[batches[i].tag], std::vector<std::string>(first, last));
      }
    });
  }
  for (std::thread& worker : workers) worker.join();
  return {projectId, tagIds};
}

double percentile(std::vector<double>& values, double p) {
  if (values.empty()) return 0;
  const std::size_t at = std::min(values.size() - 1, static_cast<std::size_t>(p * static_cast<double>(values.size())));
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(at), values.end());
  return values[at];
}

}  // namespace cvmock::bench
