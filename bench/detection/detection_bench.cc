// Object detection on generated scenes: held-out quality (mAP), training time and memory, proposal and
// detection latency. See bench/README.md; figures in bench/REPORT.md.
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "bench/detection/box_drawing.h"
#include "bench/detection/photo_composites.h"
#include "fixtures/detection_scenes.h"
#include "trainer/detection/detection_metrics.h"
#include "trainer/detection/detector_training.h"
#include "trainer/detection/proposals.h"

namespace {

using namespace cvmock;
using namespace cvmock::trainer::detection;
using Clock = std::chrono::steady_clock;

double millisecondsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double cpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

double threadCpuMilliseconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

double peakRssMiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

struct Flags {
  std::string command;
  std::map<std::string, std::string> values;

  int number(const std::string& name, int fallback) const {
    const auto it = values.find(name);
    return it == values.end() ? fallback : std::stoi(it->second);
  }
  std::string text(const std::string& name) const {
    const auto it = values.find(name);
    return it == values.end() ? "" : it->second;
  }
};

Flags parseFlags(int argc, char** argv) {
  if (argc < 2) throw std::invalid_argument("a command is required");
  Flags flags{argv[1], {}};
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string_view flag = argv[i];
    if (!flag.starts_with("--")) throw std::invalid_argument("expected a --flag, got " + std::string(flag));
    flags.values[std::string(flag.substr(2))] = argv[i + 1];
  }
  return flags;
}

fixtures::DetectionSceneSpec sceneSpec(const Flags& flags, int images, std::uint64_t seed) {
  fixtures::DetectionSceneSpec spec;
  spec.images = images;
  spec.seed = seed;
  spec.minObjects = flags.number("min-objects", 1);
  spec.maxObjects = flags.number("max-objects", 4);
  return spec;
}

// The scenes as training data; their bytes are moved, not copied (the server holds them once, so does this).
DetectorTrainingData trainingData(std::vector<fixtures::DetectionScene>& scenes,
                                  const std::vector<std::string>& classes) {
  DetectorTrainingData data;
  data.tagCount = static_cast<int>(classes.size());
  for (auto& scene : scenes) {
    DetectionImage image{std::move(scene.bytes), {}};
    for (const auto& object : scene.objects) {
      const auto tag = std::find(classes.begin(), classes.end(), object.className) - classes.begin();
      image.regions.push_back({static_cast<int>(tag), {object.left, object.top, object.width, object.height}});
    }
    data.images.push_back(std::move(image));
  }
  return data;
}

std::size_t regionCount(const DetectorTrainingData& data) {
  std::size_t count = 0;
  for (const DetectionImage& image : data.images) count += image.regions.size();
  return count;
}

struct Percentiles {
  double least, p50, p99;
};

// On a machine shared with other work, the least of many calls is the nearest to an uncontended one.
Percentiles percentiles(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const auto at = [&](double q) {
    return values[static_cast<std::size_t>(q * static_cast<double>(values.size() - 1))];
  };
  return {values.front(), at(0.5), at(0.99)};
}

void printPerformance(const char* label, const cvmock::trainer::Performance& performance,
                      const std::vector<std::string>& classes) {
  std::printf("%s: mAP %.3f, precision %.3f, recall %.3f (threshold 0.5)\n", label,
              performance.overall.averagePrecision, performance.overall.precision, performance.overall.recall);
  for (std::size_t tag = 0; tag < classes.size(); ++tag) {
    const auto& p = performance.perTag[tag];
    std::printf("  %-10s AP %.3f  precision %.3f  recall %.3f\n", classes[tag].c_str(), p.averagePrecision, p.precision,
                p.recall);
  }
}

// The image with its regions in green and its detections of probability >= 0.5 in red, as NAME.png.
void writeDrawing(const std::string& directory, const std::string& name, const DetectionImage& image,
                  const std::vector<Detection>& detections) {
  std::vector<cvmock::bench::DrawnBox> boxes;
  for (const Region& region : image.regions) boxes.push_back({region.box, 0, 220, 0});
  for (const Detection& detection : detections) {
    if (detection.probability >= 0.5f) boxes.push_back({detection.box, 230, 0, 0});
  }
  std::filesystem::create_directories(directory);
  std::ofstream(std::filesystem::path(directory) / (name + ".png"), std::ios::binary)
      << cvmock::bench::drawBoxes(image.bytes, boxes);
}

// Trains on --train scenes, reports the holdout's and a fresh test set's mAP, and the training's cost.
int quality(const Flags& flags) {
  const fixtures::DetectionSceneSpec trainSpec = sceneSpec(flags, flags.number("train", 200), flags.number("seed", 1));
  auto scenes = fixtures::generateDetectionScenes(trainSpec);
  const DetectorTrainingData data = trainingData(scenes, trainSpec.classes);
  const Clock::time_point start = Clock::now();
  const double cpuStart = cpuSeconds();
  const double mainThreadStart = threadCpuMilliseconds();
  const DetectorTrainingResult result = trainDetector(data, DetectorTrainingOptions{});
  const double trainingSeconds = millisecondsSince(start) / 1000;
  const double trainingCpu = cpuSeconds() - cpuStart;
  // The serial steps run on this thread only, and it takes its share of every parallel one: on idle cores its
  // CPU time is the wall time, whatever else shares the machine now.
  const double mainThreadCpu = (threadCpuMilliseconds() - mainThreadStart) / 1000;
  std::vector<std::vector<Region>> heldOutTruth;
  for (const int image : result.holdout) heldOutTruth.push_back(data.images[image].regions);
  std::printf(
      "trained on %zu scenes, %zu regions (%zu scenes held out) in %.2f s (CPU %.2f s, main thread %.2f s), "
      "peak RSS %.0f MiB, model %zu bytes\n",
      scenes.size(), regionCount(data), result.holdout.size(), trainingSeconds, trainingCpu, mainThreadCpu,
      peakRssMiB(), result.detector.serialize().size());
  const int tags = data.tagCount;
  printPerformance("holdout", evaluateDetections(result.holdoutDetections, heldOutTruth, tags, 0.5), trainSpec.classes);

  auto testScenes =
      fixtures::generateDetectionScenes(sceneSpec(flags, flags.number("test", 100), flags.number("seed", 1) + 1000));
  const DetectorTrainingData test = trainingData(testScenes, trainSpec.classes);
  std::vector<std::vector<Detection>> predicted;
  std::vector<std::vector<Region>> truth;
  for (std::size_t i = 0; i < testScenes.size(); ++i) {
    predicted.push_back(result.detector.detect(test.images[i].bytes));
    truth.push_back(test.images[i].regions);
    if (!flags.text("draw").empty() && i < 12)
      writeDrawing(flags.text("draw"), testScenes[i].fileName, test.images[i], predicted.back());
  }
  printPerformance("test set", evaluateDetections(predicted, truth, tags, 0.5, 0.5), trainSpec.classes);
  std::printf("test set mAP at overlap 0.3: %.3f, 0.7: %.3f\n",
              evaluateDetections(predicted, truth, tags, 0.5, 0.3).overall.averagePrecision,
              evaluateDetections(predicted, truth, tags, 0.5, 0.7).overall.averagePrecision);
  return 0;
}

// Share of the images with exactly one region whose most probable detection has its tag and IoU >= 0.5 with it.
std::pair<int, int> topDetectionHits(const std::vector<std::vector<Detection>>& predicted,
                                     const std::vector<std::vector<Region>>& truth) {
  int hits = 0, images = 0;
  for (std::size_t i = 0; i < truth.size(); ++i) {
    if (truth[i].size() != 1) continue;
    ++images;
    hits += !predicted[i].empty() && predicted[i][0].tag == truth[i][0].tag &&
            intersectionOverUnion(predicted[i][0].box, truth[i][0].box) >= 0.5f;
  }
  return {hits, images};
}

// Detects every image of `test`, prints its metrics, draws the first few when --draw is given.
void evaluateOn(const char* label, const Detector& detector, const DetectorTrainingData& test,
                const std::vector<std::string>& classes, const Flags& flags) {
  std::vector<std::vector<Detection>> predicted;
  std::vector<std::vector<Region>> truth;
  std::vector<double> detectCpu;
  for (std::size_t i = 0; i < test.images.size(); ++i) {
    const double cpu = threadCpuMilliseconds();
    predicted.push_back(detector.detect(test.images[i].bytes));
    detectCpu.push_back(threadCpuMilliseconds() - cpu);
    truth.push_back(test.images[i].regions);
    if (!flags.text("draw").empty() && i < 12) {
      writeDrawing(flags.text("draw"), std::string(label) + "_" + std::to_string(i), test.images[i], predicted.back());
    }
  }
  printPerformance(label, evaluateDetections(predicted, truth, test.tagCount, 0.5, 0.5), classes);
  const auto [hits, single] = topDetectionHits(predicted, truth);
  std::printf(
      "  mAP at overlap 0.3: %.3f, 0.7: %.3f; top detection right (tag, IoU >= 0.5) on %d of %d "
      "one-object images\n",
      evaluateDetections(predicted, truth, test.tagCount, 0.5, 0.3).overall.averagePrecision,
      evaluateDetections(predicted, truth, test.tagCount, 0.5, 0.7).overall.averagePrecision, hits, single);
  std::printf("  detect: CPU p50 %.2f ms, p99 %.2f ms per image\n", percentiles(detectCpu).p50,
              percentiles(detectCpu).p99);
}

// Fashion-MNIST product photos on crops of real photographs (--backgrounds DIR: scikit-image's data folder).
// Trains on composites over the first two thirds of the photos; tests on fresh composites with unseen items,
// over the same photos and over the last third.
int photos(const Flags& flags) {
  const std::vector<std::string> names = {
      "astronaut.png",       "brick.png",  "chelsea.png",           "coffee.png", "grass.png",  "gravel.png",
      "motorcycle_left.png", "rocket.jpg", "hubble_deep_field.jpg", "coins.png",  "camera.png", "motorcycle_right.png"};
  std::vector<std::string> seen, unseen;
  for (std::size_t i = 0; i < names.size(); ++i) {
    std::ifstream file(std::filesystem::path(flags.text("backgrounds")) / names[i], std::ios::binary);
    if (!file) throw std::runtime_error("missing background " + names[i] + " (see bench/README.md)");
    std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    (i < 8 ? seen : unseen).push_back(std::move(bytes));
  }
  const std::vector<std::string> classes = {"trouser", "sneaker", "bag"};
  cvmock::bench::CompositeSpec spec;
  spec.images = flags.number("train", 300);
  const DetectorTrainingData data =
      cvmock::bench::makeComposites(spec, seen, cvmock::bench::readFashionSplit("train", 500));
  const Clock::time_point start = Clock::now();
  const double cpuStart = cpuSeconds();
  const DetectorTrainingResult result = trainDetector(data, DetectorTrainingOptions{});
  std::printf("trained on %zu composites, %zu regions in %.2f s (CPU %.2f s)\n", data.images.size(), regionCount(data),
              millisecondsSince(start) / 1000, cpuSeconds() - cpuStart);
  std::vector<std::vector<Region>> heldOutTruth;
  for (const int image : result.holdout) heldOutTruth.push_back(data.images[image].regions);
  printPerformance("holdout", evaluateDetections(result.holdoutDetections, heldOutTruth, data.tagCount, 0.5), classes);
  const cvmock::bench::FashionSplit testItems = cvmock::bench::readFashionSplit("t10k", 200);
  spec.images = flags.number("test", 100);
  spec.seed = 2;
  evaluateOn("seen_photos", result.detector, cvmock::bench::makeComposites(spec, seen, testItems), classes, flags);
  spec.seed = 3;
  evaluateOn("unseen_photos", result.detector, cvmock::bench::makeComposites(spec, unseen, testItems), classes, flags);
  return 0;
}

// Proposals and detection on --images 640 x 480 JPEG scenes, one call at a time: wall and CPU time per call.
int speed(const Flags& flags) {
  fixtures::DetectionSceneSpec spec = sceneSpec(flags, flags.number("train", 100), 1);
  auto scenes = fixtures::generateDetectionScenes(spec);
  const DetectorTrainingResult trained = trainDetector(trainingData(scenes, spec.classes), DetectorTrainingOptions{});
  spec.images = flags.number("images", 200);
  spec.seed = 2;
  const auto probes = fixtures::generateDetectionScenes(spec);
  std::vector<double> proposalWall, proposalCpu, detectWall, detectCpu;
  std::size_t proposals = 0, detections = 0, bytes = 0;
  for (const auto& probe : probes) {
    Clock::time_point start = Clock::now();
    double cpu = threadCpuMilliseconds();
    proposals += proposeRegions(probe.bytes).size();
    proposalWall.push_back(millisecondsSince(start));
    proposalCpu.push_back(threadCpuMilliseconds() - cpu);
    start = Clock::now();
    cpu = threadCpuMilliseconds();
    detections += trained.detector.detect(probe.bytes).size();
    detectWall.push_back(millisecondsSince(start));
    detectCpu.push_back(threadCpuMilliseconds() - cpu);
    bytes += probe.bytes.size();
  }
  const double n = static_cast<double>(probes.size());
  const Percentiles proposal = percentiles(proposalWall);
  const Percentiles detect = percentiles(detectWall);
  std::printf("%zu JPEGs of %d x %d (mean %.0f bytes), one call at a time on one thread\n", probes.size(), spec.width,
              spec.height, static_cast<double>(bytes) / n);
  std::printf("proposals: wall p50 %.2f ms, p99 %.2f ms, least %.2f ms; CPU p50 %.2f ms; %.1f boxes per image\n",
              proposal.p50, proposal.p99, proposal.least, percentiles(proposalCpu).p50,
              static_cast<double>(proposals) / n);
  std::printf("detect:    wall p50 %.2f ms, p99 %.2f ms, least %.2f ms; CPU p50 %.2f ms; %.1f detections per image\n",
              detect.p50, detect.p99, detect.least, percentiles(detectCpu).p50, static_cast<double>(detections) / n);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const Flags flags = parseFlags(argc, argv);
    if (flags.command == "quality") return quality(flags);
    if (flags.command == "speed") return speed(flags);
    if (flags.command == "photos") return photos(flags);
    throw std::invalid_argument("unknown command " + flags.command);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "detection_bench: %s\n", error.what());
    return 2;
  }
}
