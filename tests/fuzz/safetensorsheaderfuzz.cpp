// libFuzzer target: arbitrary bytes as a whole safetensors file (8-byte length, header,
// data). Refusing them with a SessionError is the expected outcome; a crash, another
// exception, a leak or a hang is a bug. An accepted header must keep what
// parseSafetensorsHeader promises (every tensor within the data, of the size its shape and
// dtype give, in offset order, none overlapping), and its readable tensors must convert.

#include "safetensors.h"
#include "sessionerror.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string_view>
#include <vector>

namespace {

[[noreturn]] void fail(const attn::TensorInfo& t, const char* why)
{
    std::fprintf(stderr, "safetensors_header_fuzz: %s: %s\n", t.name.c_str(), why);
    std::abort();
}

void checkAccepted(const std::vector<attn::TensorInfo>& tensors, std::string_view data)
{
    std::set<std::string_view> names;
    const attn::TensorInfo* previous = nullptr;
    std::uint64_t furthest = 0; // the end of the non-empty tensors so far
    for (const attn::TensorInfo& t : tensors) {
        if (t.name == "__metadata__")
            fail(t, "the metadata taken for a tensor");
        if (!names.insert(t.name).second)
            fail(t, "a name twice");
        if (t.begin > t.end || t.end > data.size())
            fail(t, "offsets outside the data");
        for (const std::int64_t d : t.shape)
            if (d < 0)
                fail(t, "a negative dimension");
        const std::int64_t count = t.count();
        if (count < 0)
            fail(t, "a shape whose product overflows");
        std::uint64_t bytes = 0;
        if (__builtin_mul_overflow(static_cast<std::uint64_t>(count),
                                   std::uint64_t{attn::tensorTypeSize(t.type)}, &bytes) ||
            bytes != t.end - t.begin)
            fail(t, "offsets that do not match shape × dtype size");
        if (previous && previous->begin > t.begin)
            fail(t, "tensors out of offset order");
        if (t.begin != t.end) {
            if (t.begin < furthest)
                fail(t, "overlapping tensors");
            furthest = t.end;
        }
        previous = &t;
        // Within the data, so at most max_len bytes: cheap to convert.
        if (attn::isReadable(t.type)) {
            std::vector<float> out(static_cast<std::size_t>(count));
            attn::readTensor(data, t, out.data());
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view image(reinterpret_cast<const char*>(data), size);
    attn::SafetensorsParts parts;
    std::vector<attn::TensorInfo> tensors;
    try {
        parts = attn::splitSafetensors(image);
        tensors = attn::parseSafetensorsHeader(parts.header, parts.data.size());
    } catch (const attn::SessionError&) {
        return 0; // refused with a message: what a bad file should get
    }
    checkAccepted(tensors, parts.data);
    return 0;
}
