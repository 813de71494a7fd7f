#pragma once
// How the process's allocator treats the pass's large matrices.

namespace attn {

/// Asks glibc's malloc to keep freed memory for the next pass instead of giving every large
/// block back to the system: otherwise each pass pays a page fault per 4 KiB of its n × n
/// matrices again (≈ 15 µs each on a virtual machine; 64/128/4 took 2.1 ms instead of
/// 0.33 ms). The price: the resident size stays at its peak after a large session. Call once,
/// at start-up, before any pass. Does nothing where malloc is not glibc's. At 2048/256/4 a
/// pass takes 0.22 s instead of 1.2 s (docs/performance.md).
void keepFreedMemory();

} // namespace attn
