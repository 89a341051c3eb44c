// cpp-httplib for cvmock's sources: <httplib.h> pulls in <resolv.h>, whose `_res` macro breaks Eigen headers
// included after it, so it is undefined here (cvmock never uses the resolver state).
#pragma once

#include <httplib.h>
#undef _res
