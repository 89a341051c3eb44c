// The iteration export archive: a manifest describing the model and its inputs, the labels, the model, a README.
#include "mock_server/service/export_archive.h"

#include <nlohmann/json.hpp>

#include "mock_server/base/ids.h"
#include "mock_server/base/text.h"
#include "mock_server/service/domains.h"
#include "mock_server/service/export_zip.h"
#include "trainer/colour_features.h"
#include "trainer/features.h"
#include "trainer/gradient_features.h"
#include "trainer/model.h"
#include "trainer/preprocess.h"
#include "trainer/texture_features.h"

namespace cvmock::server {
namespace {

// Objects keep insertion order, so the manifest reads in the order docs/EXPORT.md describes it.
using Json = nlohmann::ordered_json;

// How bytes become the model's input: the trainer's one path from bytes to features, with its parameters,
// so a user (or a port to another language) knows exactly what the model expects.
Json featurePipeline() {
  return {{"entryPoint", "cvmock::trainer::featuresFromBytes (trainer/features.h)"},
          {"decode", "JPEG, PNG, BMP or GIF; EXIF orientation applied; RGB"},
          {"resize", {{"width", trainer::kWorkingSize},
                      {"height", trainer::kWorkingSize},
                      {"method", "stretch to the square working size, separable tent filter"}}},
          {"featureDimension", trainer::featureDimension()},
          {"families",
           {{{"name", "gradient"}, {"count", trainer::kGradientFeatureCount},
             {"grid", trainer::kGradientGrid}, {"orientationBins", trainer::kOrientationBins}},
            {{"name", "texture"}, {"count", trainer::kTextureFeatureCount}, {"patterns", trainer::kTexturePatterns}},
            {{"name", "colour"}, {"count", trainer::kColourFeatureCount},
             {"hueBins", trainer::kHueBins}, {"saturationBins", trainer::kSaturationBins},
             {"valueBins", trainer::kValueBins}, {"weightedHueBins", trainer::kWeightedHueBins},
             {"brightnessGrid", trainer::kBrightnessGrid}, {"chromaGrid", trainer::kChromaGrid}}}},
          {"standardisation", "inside the model: (features - mean) * scale, statistics of the training set"}};
}

Json manifest(const ProjectRecord& project, const IterationRecord& iteration,
                    const IterationExportRecord& exportRecord, const trainer::Model& model) {
  const Domain* domain = findDomain(iteration.domainId);
  Json tags = Json::array();
  for (std::size_t i = 0; i < iteration.tags.size(); ++i) {
    const TrainedTag& tag = iteration.tags[i];
    tags.push_back({{"index", i}, {"id", tag.id}, {"name", tag.name}, {"type", tag.type}});
  }
  const bool multiclass = iteration.classificationType == ClassificationType::Multiclass;
  return {{"formatVersion", kExportFormatVersion},
          {"producer", "cvmock"},
          {"platform", exportRecord.platform},
          {"flavor", exportRecord.flavor.empty() ? Json(nullptr) : Json(exportRecord.flavor)},
          {"project", {{"id", project.id}, {"name", project.name}}},
          {"iteration",
           {{"id", iteration.id},
            {"name", iteration.name},
            {"trainedAt", iteration.trainedAt ? Json(formatServiceTime(*iteration.trainedAt)) : Json()}}},
          {"domain", {{"id", iteration.domainId}, {"name", domain ? domain->name : ""}}},
          {"classificationType", iteration.classificationType},
          {"tags", std::move(tags)},
          {"model",
           {{"file", kExportModelEntry},
            {"format", "cvmock linear model (trainer::Model::serialize)"},
            {"featureCount", model.featureCount()},
            {"tagCount", model.tagCount()},
            {"output", multiclass ? "softmax over the tags" : "one logistic probability per tag"}}},
          {"featurePipeline", featurePipeline()}};
}

std::string labels(const IterationRecord& iteration) {
  std::string out;
  for (const TrainedTag& tag : iteration.tags) out += tag.name + "\n";
  return out;
}

std::string readme(const ProjectRecord& project, const IterationRecord& iteration,
                   const IterationExportRecord& exportRecord) {
  return "# " + project.name + " / " + iteration.name + " (cvmock export, " + exportRecord.platform +
         (exportRecord.flavor.empty() ? "" : " " + exportRecord.flavor) +
         ")\n\n"
         "cvmock emulates Custom Vision offline: whatever platform was asked for, this archive holds cvmock's own\n"
         "model, not a " + exportRecord.platform + " graph.\n\n"
         "- manifest.json: the project, iteration, domain, classification type, the tags in output order and the\n"
         "  feature pipeline (how image bytes become the model's input) with its parameters.\n"
         "- labels.txt: one tag name per line, in output order.\n"
         "- model.cvmock: the trained model exactly as the server keeps it.\n\n"
         "To predict, link cvmock's trainer library and run:\n\n"
         "    auto model = cvmock::trainer::Model::deserialize(modelBytes);\n"
         "    Eigen::VectorXf p = model.predict(cvmock::trainer::featuresFromBytes(imageBytes));\n\n"
         "p[i] is the probability of line i of labels.txt; it equals what ClassifyImage answers for this\n"
         "iteration. See docs/EXPORT.md in the cvmock sources.\n";
}

}  // namespace

std::string buildExportArchive(const ProjectRecord& project, const IterationRecord& iteration,
                               const IterationExportRecord& exportRecord) {
  const trainer::Model model = trainer::Model::deserialize(iteration.model);
  return writeStoredZip({
      {kExportManifestEntry, manifest(project, iteration, exportRecord, model).dump(2) + "\n"},
      {kExportLabelsEntry, labels(iteration)},
      {kExportModelEntry, iteration.model},
      {kExportReadmeEntry, readme(project, iteration, exportRecord)},
  });
}

}  // namespace cvmock::server
