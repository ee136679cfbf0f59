#include "ckernels.h"
#include <math.h>
#include <string.h>

#if defined(__x86_64__) && defined(__clang__) && defined(__linux__)
#define TK_CLONES \
    __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define TK_CLONES
#endif

// erf(x) for float as a rational function of x (odd degree-13 numerator, even degree-8
// denominator) on x clamped to [-4, 4], where erf is ±1 in float32 beyond. Coefficients from
// Eigen's generic_fast_erf_float / XLA's ErfImpl32; max abs error 6.5e-8 against math.erf
// (checked over [-6, 6]), i.e. within float32 rounding. Unlike libm erff it vectorises.
static inline float tk_erf(float a) {
    float x = a < -4.0f ? -4.0f : (a > 4.0f ? 4.0f : a);
    float x2 = x * x;
    float p = -2.72614225801306e-10f;
    p = p * x2 + 2.77068142495902e-08f;
    p = p * x2 - 2.10102402082508e-06f;
    p = p * x2 - 5.69250639462346e-05f;
    p = p * x2 - 7.34990630326855e-04f;
    p = p * x2 - 2.95459980854025e-03f;
    p = p * x2 - 1.60960333262415e-02f;
    p = p * x;
    float q = -1.45660718464996e-05f;
    q = q * x2 - 2.13374055278905e-04f;
    q = q * x2 - 1.68282697438203e-03f;
    q = q * x2 - 7.37332916720468e-03f;
    q = q * x2 - 1.42647390514189e-02f;
    return p / q;
}

float tk_erf_scalar(float x) { return tk_erf(x); }

TK_CLONES
void tk_bias_gelu(float *x, const float *bias, long rows, long cols) {
    const float inv_sqrt2 = 0.70710678118654752440f;
    for (long r = 0; r < rows; r++) {
        float *row = x + r * cols;
        for (long c = 0; c < cols; c++) {
            float v = row[c] + bias[c];
            row[c] = 0.5f * v * (1.0f + tk_erf(v * inv_sqrt2));
        }
    }
}

TK_CLONES
void tk_add_bias(float *x, const float *bias, long rows, long cols) {
    for (long r = 0; r < rows; r++) {
        float *row = x + r * cols;
        for (long c = 0; c < cols; c++) row[c] += bias[c];
    }
}

TK_CLONES
void tk_bias_residual_layernorm(const float *x, const float *bias, const float *residual,
                                const float *gamma, const float *beta, float *out,
                                long rows, long cols, float eps) {
    float tmp[cols];
    for (long r = 0; r < rows; r++) {
        const float *xr = x + r * cols;
        const float *rr = residual ? residual + r * cols : 0;
        float sum = 0.0f;
        for (long c = 0; c < cols; c++) {
            float v = xr[c];
            if (bias) v += bias[c];
            if (rr) v += rr[c];
            tmp[c] = v;
            sum += v;
        }
        float mean = sum / (float)cols;
        float var = 0.0f;
        for (long c = 0; c < cols; c++) {
            float d = tmp[c] - mean;
            var += d * d;
        }
        float inv = 1.0f / sqrtf(var / (float)cols + eps);
        float *o = out + r * cols;
        for (long c = 0; c < cols; c++) o[c] = (tmp[c] - mean) * inv * gamma[c] + beta[c];
    }
}

TK_CLONES
void tk_softmax_rows(float *s, long rows, long cols, long ld) {
    for (long r = 0; r < rows; r++) {
        float *row = s + r * ld;
        float m = row[0];
        for (long c = 1; c < cols; c++) m = row[c] > m ? row[c] : m;
        float sum = 0.0f;
        for (long c = 0; c < cols; c++) {
            float e = expf(row[c] - m);
            row[c] = e;
            sum += e;
        }
        float inv = 1.0f / sum;
        for (long c = 0; c < cols; c++) row[c] *= inv;
    }
}

static inline float half_to_float(unsigned short h) {
    unsigned int sign = (unsigned int)(h & 0x8000u) << 16;
    unsigned int exponent = (h >> 10) & 0x1Fu;
    unsigned int mantissa = h & 0x3FFu;
    unsigned int bits;
    if (exponent == 0) {
        if (mantissa == 0) {
            bits = sign;
        } else {  // subnormal half: renormalise
            int e = -1;
            do { e++; mantissa <<= 1; } while ((mantissa & 0x400u) == 0);
            bits = sign | ((unsigned int)(127 - 15 - e) << 23) | ((mantissa & 0x3FFu) << 13);
        }
    } else if (exponent == 31) {
        bits = sign | 0x7F800000u | (mantissa << 13);
    } else {
        bits = sign | ((exponent + 112u) << 23) | (mantissa << 13);
    }
    float f;
    memcpy(&f, &bits, sizeof f);
    return f;
}

void tk_f16_to_f32(const unsigned short *src, float *dst, long count) {
    for (long i = 0; i < count; i++) dst[i] = half_to_float(src[i]);
}
