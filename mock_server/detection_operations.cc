// TrainingService: the object-detection operations, refused until detection is built.
#include "mock_server/errors.h"
#include "mock_server/training_service.h"

namespace cvmock::server {

void TrainingService::refuseDetection(const std::string& projectId, const std::optional<std::string>& publishedName,
                                      const std::string& operationId) const {
  std::shared_lock lock(rules_);
  requireProject(projectId);
  if (publishedName && !store_->publishedIterationId(projectId, *publishedName)) throw errors::notFoundIteration();
  throw errors::detectionNotSupported(operationId);
}

}  // namespace cvmock::server
