// Finding projects, iterations and tags by the id or the name a user typed.
#pragma once

#include <optional>
#include <string>

#include "client/training_client.h"

namespace cvmock::cvctl {

// True for text shaped like a lower- or upper-case GUID, the form of every Custom Vision id.
bool looksLikeId(const std::string& text);

// The project whose id or name is idOrName; throws std::runtime_error when there is none.
client::Project findProject(client::TrainingClient& training, const std::string& idOrName);

// The project's iteration whose id or name ("Iteration 1") is idOrName; throws std::runtime_error
// when there is none.
client::Iteration findIteration(client::TrainingClient& training, const std::string& projectId,
                                const std::string& idOrName);

// The project's tag named name, if any.
std::optional<client::Tag> findTagByName(client::TrainingClient& training,
                                         const std::string& projectId, const std::string& name);

// The project's tag whose id or name is idOrName; throws std::runtime_error when there is none.
client::Tag findTag(client::TrainingClient& training, const std::string& projectId, const std::string& idOrName);

// The General object-detection domain, the one `create-project --detection` and the detection demo use; throws
// std::runtime_error when the service lists none.
client::Domain findDetectionDomain(client::TrainingClient& training);

}  // namespace cvmock::cvctl
