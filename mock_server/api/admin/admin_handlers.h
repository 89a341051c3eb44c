// The admin API's handlers, one per route of admin_routes.cc.
#pragma once

#include "mock_server/api/admin/admin_routes.h"

namespace cvmock::server::admin {

void getHealth(AdminCall& call);
void getReady(AdminCall& call);
void postReset(AdminCall& call);
void getConfig(AdminCall& call);
void putTier(AdminCall& call);
void getJournal(AdminCall& call);
void deleteJournal(AdminCall& call);
void putClock(AdminCall& call);
void postClockAdvance(AdminCall& call);
void getTraining(AdminCall& call);
void putTraining(AdminCall& call);
void postTrainingNext(AdminCall& call);
void postTrainingAdvance(AdminCall& call);
void getFaults(AdminCall& call);
void postFault(AdminCall& call);
void deleteFaults(AdminCall& call);
void deleteFault(AdminCall& call);

}  // namespace cvmock::server::admin
