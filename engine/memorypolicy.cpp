#include "memorypolicy.h"

#include <cstdlib> // defines __GLIBC__ (through <features.h>) when the C library is glibc

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace attn {

void keepFreedMemory()
{
#if defined(__GLIBC__)
    // Every block comes from the heap and is reused, however large: no threshold can be set
    // above 32 MiB, and an n × n matrix of doubles is larger from n = 2048 on, so mapping
    // is turned off rather than raised. One arena for every thread: the passes run on
    // worker threads, and a thread's own arena maps blocks over 64 MiB whatever M_MMAP_MAX
    // says and unmaps its heaps once they are free (3000/256/4 on a worker: 3.3 s instead
    // of 0.46 s). The heap's free top is given back only beyond 1 GiB.
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
    mallopt(M_MMAP_MAX, 0);
    mallopt(M_ARENA_MAX, 1);
    mallopt(M_TRIM_THRESHOLD, 1024 * 1024 * 1024);
#endif
}

} // namespace attn
