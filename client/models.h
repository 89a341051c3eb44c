// Every wire model of the Training v3.3 and Prediction v3.0 specs, mirroring their definitions.
//
// One header per group under client/models/, each type with its to_json/from_json beside it. Field names are the
// spec's JSON names. A member is std::optional when the spec marks it x-nullable or the real service leaves it out
// in some states (recordings/README.md): absent and null both read as std::nullopt. Other members are read strictly:
// from_json throws nlohmann::json::exception when one is missing or of the wrong type (a few that the service
// omits in some states keep their default instead; each header says which). Timestamps stay as the text the service
// sent, because it writes two formats (with and without "Z") that callers may want verbatim. to_json writes every
// member that is set, so a model round-trips; request bodies carry only what the spec lets a client set.
#pragma once

#include "client/models/domain.h"
#include "client/models/enums.h"
#include "client/models/image.h"
#include "client/models/image_batches.h"
#include "client/models/iteration.h"
#include "client/models/performance.h"
#include "client/models/prediction.h"
#include "client/models/project.h"
#include "client/models/regions.h"
#include "client/models/suggestion.h"
#include "client/models/tag.h"
