#ifndef TARSIER_CZLIB_SHIM_H
#define TARSIER_CZLIB_SHIM_H
#include <zlib.h>

/// inflateInit2 is a macro in zlib.h; expose it as a function Swift can call.
static inline int czlib_inflate_init_gzip(z_stream *stream) {
    /* 15 + 32: maximum window, detect gzip or zlib header automatically (zlib manual). */
    return inflateInit2(stream, 15 + 32);
}
#endif
