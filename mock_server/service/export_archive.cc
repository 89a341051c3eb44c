// The iteration export archive: a manifest describing the model and its inputs, the labels, the model, a README.
#include "mock_server/service/export_archive.h"

#include "mock_server/base/ids.h"
#include "mock_server/base/text.h"
#include "mock_server/service/domains.h"
#include "mock_server/service/export_model_description.h"
#include "mock_server/service/export_zip.h"
#include "mock_server/service/region_rules.h"

namespace cvmock::server {
namespace {

ManifestJson manifest(const ProjectRecord& project, const IterationRecord& iteration,
                      const IterationExportRecord& exportRecord, ExportedModelDescription description) {
  const Domain* domain = findDomain(iteration.domainId);
  ManifestJson tags = ManifestJson::array();
  for (std::size_t i = 0; i < iteration.tags.size(); ++i) {
    const TrainedTag& tag = iteration.tags[i];
    tags.push_back({{"index", i}, {"id", tag.id}, {"name", tag.name}, {"type", tag.type}});
  }
  return {{"formatVersion", kExportFormatVersion},
          {"producer", "cvmock"},
          {"platform", exportRecord.platform},
          {"flavor", exportRecord.flavor.empty() ? ManifestJson(nullptr) : ManifestJson(exportRecord.flavor)},
          {"project", {{"id", project.id}, {"name", project.name}}},
          {"iteration",
           {{"id", iteration.id},
            {"name", iteration.name},
            {"trainedAt", iteration.trainedAt ? ManifestJson(formatServiceTime(*iteration.trainedAt)) : ManifestJson()}}},
          {"domain", {{"id", iteration.domainId},
                      {"name", domain ? domain->name : ""},
                      {"type", domain ? name(domain->type) : ""}}},
          {"classificationType", detectsObjects(iteration.domainId) ? ManifestJson(nullptr) : ManifestJson(iteration.classificationType)},
          {"tags", std::move(tags)},
          {"model", std::move(description.model)},
          {description.pipelineKey, std::move(description.pipeline)}};
}

std::string labels(const IterationRecord& iteration) {
  std::string out;
  for (const TrainedTag& tag : iteration.tags) out += tag.name + "\n";
  return out;
}

std::string readme(const ProjectRecord& project, const IterationRecord& iteration,
                   const IterationExportRecord& exportRecord, const ExportedModelDescription& description) {
  return "# " + project.name + " / " + iteration.name + " (cvmock export, " + exportRecord.platform +
         (exportRecord.flavor.empty() ? "" : " " + exportRecord.flavor) +
         ")\n\n"
         "cvmock emulates Custom Vision offline: whatever platform was asked for, this archive holds cvmock's own\n"
         "model, not a " + exportRecord.platform + " graph.\n\n"
         "- manifest.json: the project, iteration, domain, classification type, the tags in output order and\n"
         "  the " + description.pipelineKey + " (how image bytes become the model's output) with its parameters.\n"
         "- labels.txt: one tag name per line, in output order.\n"
         "- model.cvmock: the trained model exactly as the server keeps it.\n\n" +
         description.usage + " See docs/EXPORT.md in the cvmock sources.\n";
}

}  // namespace

std::string buildExportArchive(const ProjectRecord& project, const IterationRecord& iteration,
                               const IterationExportRecord& exportRecord) {
  ExportedModelDescription description = detectsObjects(iteration.domainId) ? describeDetector(iteration) : describeClassifier(iteration);
  const std::string about = readme(project, iteration, exportRecord, description);
  return writeStoredZip({
      {kExportManifestEntry, manifest(project, iteration, exportRecord, std::move(description)).dump(2) + "\n"},
      {kExportLabelsEntry, labels(iteration)},
      {kExportModelEntry, iteration.model},
      {kExportReadmeEntry, about},
  });
}

}  // namespace cvmock::server
