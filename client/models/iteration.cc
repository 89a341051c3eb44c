// The JSON mapping of iterations, training parameters and exports.
#include "client/models/iteration.h"

#include "client/models/fields.h"

namespace cvmock::client {

namespace {

using fields::defaulted;
using fields::field;
using fields::sparse;

constexpr auto kWritable = std::make_tuple(field("name", &Iteration::name));
constexpr auto kReadOnly = std::make_tuple(
    field("id", &Iteration::id), field("status", &Iteration::status), field("created", &Iteration::created),
    field("lastModified", &Iteration::lastModified), field("trainedAt", &Iteration::trainedAt),
    field("projectId", &Iteration::projectId), defaulted("exportable", &Iteration::exportable),
    field("exportableTo", &Iteration::exportableTo), field("domainId", &Iteration::domainId),
    field("classificationType", &Iteration::classificationType), defaulted("trainingType", &Iteration::trainingType),
    defaulted("reservedBudgetInHours", &Iteration::reservedBudgetInHours),
    field("trainingTimeInMinutes", &Iteration::trainingTimeInMinutes), field("publishName", &Iteration::publishName),
    field("originalPublishResourceId", &Iteration::originalPublishResourceId));
constexpr auto kParameters = std::make_tuple(sparse("selectedTags", &TrainingParameters::selectedTags));
constexpr auto kExport = std::make_tuple(field("platform", &Export::platform), field("status", &Export::status),
                                         field("downloadUri", &Export::downloadUri), field("flavor", &Export::flavor),
                                         defaulted("newerVersionAvailable", &Export::newerVersionAvailable));

}  // namespace

void from_json(const nlohmann::json& j, Iteration& iteration) {
  fields::read(j, iteration, kWritable);
  fields::read(j, iteration, kReadOnly);
}
void to_json(nlohmann::json& j, const Iteration& iteration) {
  fields::write(j, iteration, kWritable);
  fields::write(j, iteration, kReadOnly);
}

nlohmann::json updateBody(const Iteration& iteration) {
  nlohmann::json body;
  fields::write(body, iteration, kWritable);
  return body;
}

void from_json(const nlohmann::json& j, TrainingParameters& parameters) { fields::read(j, parameters, kParameters); }
void to_json(nlohmann::json& j, const TrainingParameters& parameters) { fields::write(j, parameters, kParameters); }
void from_json(const nlohmann::json& j, Export& exported) { fields::read(j, exported, kExport); }
void to_json(nlohmann::json& j, const Export& exported) { fields::write(j, exported, kExport); }

}  // namespace cvmock::client
