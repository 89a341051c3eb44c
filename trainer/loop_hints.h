// Compiler hints for the per-pixel loops of the feature extractors.
#pragma once

// Before a loop whose stores never alias its loads (separate output arrays filled from an image plane),
// which the compiler cannot prove: lets it vectorise without run-time overlap checks.
#if defined(__clang__)
#define CVMOCK_LOOP_WITHOUT_ALIASING _Pragma("clang loop vectorize(assume_safety)")
#elif defined(__GNUC__)
#define CVMOCK_LOOP_WITHOUT_ALIASING _Pragma("GCC ivdep")
#else
#define CVMOCK_LOOP_WITHOUT_ALIASING
#endif
