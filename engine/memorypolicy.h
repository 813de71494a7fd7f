#pragma once
// How the process's allocator treats the pass's large matrices.

namespace attn {

/// Asks glibc's malloc to keep freed memory for the next pass instead of giving every large
/// block back to the system: otherwise each pass pays a page fault per 4 KiB of its n × n
/// matrices again (≈ 15 µs each on a virtual machine; 64/128/4 took 2.1 ms instead of
/// 0.33 ms). The price: the resident size stays at its peak after a large session. Call once,
/// at start-up, before any pass. Does nothing where malloc is not glibc's. Larger passes
/// (512/768/12 and up) still fault their pages again on every pass unless the process starts
/// with GLIBC_TUNABLES=glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=4294967295
/// (70 ms instead of 410 ms at 512/768/12, one thread); set this way at run time it does
/// not have that effect, for reasons not yet found (docs/performance.md).
void keepFreedMemory();

} // namespace attn
