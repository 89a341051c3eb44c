// Everything an application of the client needs, in one include.
#pragma once

#include "client/batch_upload.h"
#include "client/client_options.h"
#include "client/download.h"
#include "client/errors.h"
#include "client/image_source.h"
#include "client/models.h"
#include "client/prediction_client.h"
#include "client/training_client.h"
#include "client/training_wait.h"
#include "client/version.h"
