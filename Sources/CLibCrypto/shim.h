#ifndef KONTOR_CLIBCRYPTO_SHIM_H
#define KONTOR_CLIBCRYPTO_SHIM_H
#include <openssl/evp.h>
#endif
