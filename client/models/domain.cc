// Domain's JSON mapping.
#include "client/models/domain.h"

#include "client/models/fields.h"

namespace cvmock::client {

namespace {

using fields::field;

constexpr auto kDomain = std::make_tuple(field("id", &Domain::id), field("name", &Domain::name),
                                         field("type", &Domain::type), field("exportable", &Domain::exportable),
                                         field("enabled", &Domain::enabled));

}  // namespace

void from_json(const nlohmann::json& j, Domain& domain) { fields::read(j, domain, kDomain); }
void to_json(nlohmann::json& j, const Domain& domain) { fields::write(j, domain, kDomain); }

}  // namespace cvmock::client
