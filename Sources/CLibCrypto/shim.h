// OpenSSL's libcrypto (Debian: libssl-dev, which libpq-dev brings too), for the content
// hashes' SHA-256: the system's maintained implementation, with no BoringSSL to compile.
#include <openssl/evp.h>
