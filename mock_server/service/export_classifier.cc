// An exported classifier: the manifest's model and feature pipeline, and how to run it.
#include "mock_server/service/export_archive.h"
#include "mock_server/service/export_model_description.h"
#include "trainer/colour_features.h"
#include "trainer/features.h"
#include "trainer/gradient_features.h"
#include "trainer/model.h"
#include "trainer/preprocess.h"
#include "trainer/texture_features.h"

namespace cvmock::server {
namespace {

// How bytes become the model's input: the trainer's one path from bytes to features, with its parameters,
// so a user (or a port to another language) knows exactly what the model expects.
ManifestJson featurePipeline() {
  return {{"entryPoint", "cvmock::trainer::featuresFromBytes (trainer/features.h)"},
          {"decode", "JPEG, PNG, BMP or GIF; EXIF orientation applied; RGB"},
          {"resize", {{"width", trainer::kWorkingSize},
                      {"height", trainer::kWorkingSize},
                      {"method", "stretch to the square working size, separable tent filter"}}},
          {"featureDimension", trainer::featureDimension()},
          {"families", featureFamilies()},
          {"standardisation", "inside the model: (features - mean) * scale, statistics of the training set"}};
}

}  // namespace

ManifestJson featureFamilies() {
  return {{{"name", "gradient"}, {"count", trainer::kGradientFeatureCount},
           {"grid", trainer::kGradientGrid}, {"orientationBins", trainer::kOrientationBins}},
          {{"name", "texture"}, {"count", trainer::kTextureFeatureCount}, {"patterns", trainer::kTexturePatterns}},
          {{"name", "colour"}, {"count", trainer::kColourFeatureCount},
           {"hueBins", trainer::kHueBins}, {"saturationBins", trainer::kSaturationBins},
           {"valueBins", trainer::kValueBins}, {"weightedHueBins", trainer::kWeightedHueBins},
           {"brightnessGrid", trainer::kBrightnessGrid}, {"chromaGrid", trainer::kChromaGrid}}};
}

ExportedModelDescription describeClassifier(const IterationRecord& iteration) {
  const trainer::Model model = trainer::Model::deserialize(iteration.model);
  const bool multiclass = iteration.classificationType == ClassificationType::Multiclass;
  ExportedModelDescription description;
  description.model = {{"file", kExportModelEntry},
                       {"format", "cvmock linear model (trainer::Model::serialize)"},
                       {"featureCount", model.featureCount()},
                       {"tagCount", model.tagCount()},
                       {"output", multiclass ? "softmax over the tags" : "one logistic probability per tag"}};
  description.pipeline = featurePipeline();
  description.pipelineKey = "featurePipeline";
  description.usage =
      "To predict, link cvmock's trainer library and run:\n\n"
      "    auto model = cvmock::trainer::Model::deserialize(modelBytes);\n"
      "    Eigen::VectorXf p = model.predict(cvmock::trainer::featuresFromBytes(imageBytes));\n\n"
      "p[i] is the probability of line i of labels.txt; it equals what ClassifyImage answers for this\n"
      "iteration.";
  return description;
}

}  // namespace cvmock::server
