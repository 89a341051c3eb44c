// Micro benchmarks of the trainer's hot path: decode, preprocess, features, prediction and one training fit.
//
//   ./build/bench/micro_benchmarks [--benchmark_filter=REGEX]
//
// Inputs are generated fixture images (fixtures/) at 256 x 256 and 1024 x 768, as JPEG and as PNG.
#include <benchmark/benchmark.h>

#include <map>
#include <string>

#include "fixtures/generator.h"
#include "trainer/features.h"
#include "trainer/preprocess.h"
#include "trainer/reduced_decode.h"
#include "trainer/training.h"

namespace {

using cvmock::fixtures::Encoding;
using cvmock::fixtures::FixtureImage;

// The first image of the given encoding from a one-class fixture set of that size.
const std::string& sampleImage(int width, int height, Encoding encoding) {
  static std::map<std::tuple<int, int, Encoding>, std::string> cache;
  const auto key = std::make_tuple(width, height, encoding);
  auto it = cache.find(key);
  if (it != cache.end()) return it->second;
  cvmock::fixtures::FixtureSpec spec;
  spec.classes = {"circle"};
  spec.imagesPerClass = 2;
  spec.width = width;
  spec.height = height;
  for (const FixtureImage& image : cvmock::fixtures::generateFixtureSet(spec)) {
    if (image.encoding == encoding) return cache.emplace(key, image.bytes).first->second;
  }
  throw std::logic_error("the fixture set alternates encodings");
}

// Benchmark arguments: width, height, encoding (0 JPEG, 1 PNG).
const std::string& argumentImage(const benchmark::State& state) {
  return sampleImage(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)),
                     state.range(2) == 0 ? Encoding::Jpeg : Encoding::Png);
}

void imageArguments(benchmark::internal::Benchmark* bench) {
  bench->ArgNames({"width", "height", "png"});
  for (int png : {0, 1}) {
    bench->Args({256, 256, png});
    bench->Args({1024, 768, png});
  }
  bench->Unit(benchmark::kMicrosecond);
}

void BM_Decode(benchmark::State& state) {
  const std::string& bytes = argumentImage(state);
  for (auto _ : state) benchmark::DoNotOptimize(cvmock::trainer::decodeImage(bytes));
  state.SetLabel(std::to_string(bytes.size()) + " bytes");
}
BENCHMARK(BM_Decode)->Apply(imageArguments);

// What the feature path decodes: JPEG through libjpeg-turbo at a reduced DCT scale (at least 128 px a side).
void BM_DecodeForFeatures(benchmark::State& state) {
  const std::string& bytes = argumentImage(state);
  for (auto _ : state) benchmark::DoNotOptimize(cvmock::trainer::decodeForFeatures(bytes, 2 * cvmock::trainer::kWorkingSize));
}
BENCHMARK(BM_DecodeForFeatures)->Apply(imageArguments);

void BM_Preprocess(benchmark::State& state) {
  const cvmock::trainer::RgbImage image = cvmock::trainer::decodeImage(argumentImage(state));
  for (auto _ : state) benchmark::DoNotOptimize(cvmock::trainer::toWorkingImage(image));
}
BENCHMARK(BM_Preprocess)->Apply(imageArguments);

void BM_Features(benchmark::State& state) {
  const cvmock::trainer::RgbImage image = cvmock::trainer::decodeImage(argumentImage(state));
  for (auto _ : state) benchmark::DoNotOptimize(cvmock::trainer::extractFeatures(image));
}
BENCHMARK(BM_Features)->Apply(imageArguments);

// The whole per-request work of a prediction: decode, features, the model's forward pass.
void BM_DecodeFeaturesPredict(benchmark::State& state) {
  const std::string& bytes = argumentImage(state);
  const cvmock::trainer::FeatureVector features = cvmock::trainer::featuresFromBytes(bytes);
  const Eigen::Index dimension = features.size();
  const cvmock::trainer::Model model(cvmock::trainer::ClassificationType::Multiclass, Eigen::VectorXf::Zero(dimension),
                                     Eigen::VectorXf::Ones(dimension), Eigen::MatrixXf::Random(dimension, 5),
                                     Eigen::VectorXf::Zero(5));
  for (auto _ : state) benchmark::DoNotOptimize(model.predict(cvmock::trainer::featuresFromBytes(bytes)));
}
BENCHMARK(BM_DecodeFeaturesPredict)->Apply(imageArguments);

void BM_Predict(benchmark::State& state) {
  const Eigen::Index dimension = cvmock::trainer::featureDimension();
  const cvmock::trainer::Model model(cvmock::trainer::ClassificationType::Multiclass, Eigen::VectorXf::Zero(dimension),
                                     Eigen::VectorXf::Ones(dimension), Eigen::MatrixXf::Random(dimension, 5),
                                     Eigen::VectorXf::Zero(5));
  const cvmock::trainer::FeatureVector features = Eigen::VectorXf::Random(dimension);
  for (auto _ : state) benchmark::DoNotOptimize(model.predict(features));
  state.SetLabel("5 tags");
}
BENCHMARK(BM_Predict)->Unit(benchmark::kMicrosecond);

// One train() (holdout fit + final fit) on rows images x 5 tags of real fixture features.
void BM_Train(benchmark::State& state) {
  const int rows = static_cast<int>(state.range(0));
  cvmock::fixtures::FixtureSpec spec;
  spec.classes = {"circle", "square", "triangle", "star", "cross"};
  spec.imagesPerClass = 20;
  spec.width = spec.height = 128;
  const std::vector<FixtureImage> images = cvmock::fixtures::generateFixtureSet(spec);
  cvmock::trainer::TrainingData data;
  data.tagCount = 5;
  data.features.resize(rows, cvmock::trainer::featureDimension());
  for (int row = 0; row < rows; ++row) {
    const int source = row % static_cast<int>(images.size());
    data.features.row(row) = cvmock::trainer::featuresFromBytes(images[source].bytes).transpose();
    data.labels.push_back({source / spec.imagesPerClass});
  }
  cvmock::trainer::TrainingOptions options;
  options.featureWeights = cvmock::trainer::featureBlockWeights();
  for (auto _ : state) benchmark::DoNotOptimize(cvmock::trainer::train(data, options));
}
BENCHMARK(BM_Train)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
