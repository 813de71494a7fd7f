// attn::keepFreedMemory must reach glibc: the pass's matrices then come from the heap and are
// reused by the next pass, instead of being mapped (and page-faulted) afresh every time.

#include "memorypolicy.h"

#include <cstdlib>
#include <gtest/gtest.h>

#if defined(__SANITIZE_ADDRESS__)
#define ATTNVIZ_OWN_MALLOC 1 // the sanitizer's allocator stands in for glibc's
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ATTNVIZ_OWN_MALLOC 1
#endif
#endif

#if defined(__GLIBC__) && !defined(ATTNVIZ_OWN_MALLOC) && __GLIBC_PREREQ(2, 33) // mallinfo2
#include <malloc.h>
#include <thread>

namespace {

/// How many blocks glibc has mapped while a block of bytes is held, on this thread.
std::size_t mappedBlocksWhileHolding(std::size_t bytes)
{
    void* block = std::malloc(bytes);
    if (!block)
        return ~std::size_t{0};
    static_cast<volatile char*>(block)[bytes - 1] = 1; // keeps the pair from being elided
    const std::size_t mapped = mallinfo2().hblks;
    std::free(block);
    return mapped;
}

std::size_t mappedBlocksWhileHoldingOnAnotherThread(std::size_t bytes)
{
    std::size_t mapped = 0;
    std::thread([&] { mapped = mappedBlocksWhileHolding(bytes); }).join();
    return mapped;
}

/// glibc's defaults, for the control and for what runs after this test in the process.
void useGlibcDefaults()
{
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
    mallopt(M_MMAP_MAX, 65536);
    mallopt(M_TRIM_THRESHOLD, 128 * 1024);
    mallopt(M_ARENA_MAX, 0); // 0: glibc's own limit (8 × cores)
}

} // namespace

TEST(MemoryPolicy, PassSizedMatricesComeFromTheHeap)
{
    const std::size_t before = mallinfo2().hblks;
    // The control, so that this test can fail: glibc's default settings map a block larger
    // than any free one in the heap (256 MiB; only its last page is touched). An allocator
    // that stands in for glibc's (a sanitizer, valgrind) maps nothing that glibc counts.
    useGlibcDefaults();
    if (mappedBlocksWhileHolding(256u << 20) != before + 1)
        GTEST_SKIP() << "malloc is not glibc's here: mallinfo2 does not count its blocks";

    attn::keepFreedMemory();
    // One head's 512 × 512 scores (the GPT-2 layer size), a 24 MiB block, and one head's
    // 2048 × 2048 scores (32 MiB, above any threshold glibc accepts).
    EXPECT_EQ(mappedBlocksWhileHolding(512 * 512 * sizeof(double)), before);
    EXPECT_EQ(mappedBlocksWhileHolding(24u << 20), before);
    EXPECT_EQ(mappedBlocksWhileHolding(2048 * 2048 * sizeof(double)), before);
    // The passes run on worker threads; a thread's own arena would map a block over 64 MiB
    // (a 3000 × 3000 matrix) whatever M_MMAP_MAX says.
    EXPECT_EQ(mappedBlocksWhileHoldingOnAnotherThread(3000 * 3000 * sizeof(double)), before);
    useGlibcDefaults();
}
#endif
