// Compiler hints for the per-pixel loops of the feature extractors.
#pragma once

// Before a loop whose stores never alias its loads (separate output arrays filled from an image plane),
// which the compiler cannot prove: lets g++ vectorise without run-time overlap checks. Empty for clang,
// which builds only the sanitizer and fuzz trees here and warns that it cannot vectorise instrumented loops.
#if defined(__GNUC__) && !defined(__clang__)
#define CVMOCK_LOOP_WITHOUT_ALIASING _Pragma("GCC ivdep")
#else
#define CVMOCK_LOOP_WITHOUT_ALIASING
#endif
