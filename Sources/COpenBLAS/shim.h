#ifndef TARSIER_COPENBLAS_SHIM_H
#define TARSIER_COPENBLAS_SHIM_H
// Debian's libopenblas-dev installs cblas.h on the default multiarch include path
// (/usr/include/x86_64-linux-gnu/cblas.h -> openblas-pthread/cblas.h).
#include <cblas.h>
#endif
