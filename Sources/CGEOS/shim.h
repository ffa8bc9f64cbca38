// Only the reentrant (_r) GEOS API is visible: every call takes an explicit context,
// so Swift code can keep one context per thread.
#define GEOS_USE_ONLY_R_API
#include <geos_c.h>
