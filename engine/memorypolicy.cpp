#include "memorypolicy.h"

#include <cstdlib> // defines __GLIBC__ (through <features.h>) when the C library is glibc

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace attn {

void keepFreedMemory()
{
#if defined(__GLIBC__)
    // Blocks up to glibc's largest mmap threshold (32 MiB on 64-bit: an n × n matrix of
    // doubles up to n ≈ 2040) come from the heap and are reused; the heap's free top is
    // given back only beyond 1 GiB.
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 1024 * 1024 * 1024);
#endif
}

} // namespace attn
