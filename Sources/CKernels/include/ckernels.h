#ifndef TARSIER_CKERNELS_H
#define TARSIER_CKERNELS_H
// Elementwise kernels for the transformer, vectorised (glibc libmvec expf; a rational erf).
// Each function is compiled for AVX-512, AVX2+FMA and baseline x86-64 and picked at load
// time (GCC/Clang target_clones), so the binary runs on any x86-64 CPU. No BLAS here.

/// x[r][c] = gelu(x[r][c] + bias[c]) with the exact erf GELU, 0.5·v·(1 + erf(v/√2))
/// (Hendrycks & Gimpel 2016; PyTorch nn.GELU(approximate='none')).
void tk_bias_gelu(float *x, const float *bias, long rows, long cols);

/// erf(x) by the rational approximation the GELU kernel uses (exposed for tests).
float tk_erf_scalar(float x);

/// x[r][c] += bias[c].
void tk_add_bias(float *x, const float *bias, long rows, long cols);

/// out[r] = LayerNorm(x[r] + bias + residual[r]) · gamma + beta, biased variance, eps inside sqrt
/// (Ba et al. 2016; PyTorch nn.LayerNorm). bias and residual may be NULL. out may alias residual.
void tk_bias_residual_layernorm(const float *x, const float *bias, const float *residual,
                                const float *gamma, const float *beta, float *out,
                                long rows, long cols, float eps);

/// Row-wise softmax in place: s[r][c] = exp(s[r][c] - max_r) / Σ exp(...).
void tk_softmax_rows(float *s, long rows, long cols, long ld);

/// Converts a half-precision (IEEE binary16) array converted to float: dst[i] = (float)src[i].
void tk_f16_to_f32(const unsigned short *src, float *dst, long count);

#endif
