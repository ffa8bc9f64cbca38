#include <proj.h>
// PROJ's bundled copy of Karney's geodesic routines (geod_init, geod_inverse, ...).
#include <geodesic.h>
