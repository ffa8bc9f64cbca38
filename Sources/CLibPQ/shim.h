// PostgreSQL's own client library (Debian: libpq-dev), for reading PostGIS sources.
#include <libpq-fe.h>
