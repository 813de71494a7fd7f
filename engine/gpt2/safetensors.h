#pragma once
// Reading a safetensors file (the format the Hugging Face hub publishes weights in):
// 8 bytes of little-endian header length, a JSON header of name → {dtype, shape,
// data_offsets}, then the raw little-endian data. The file is mapped, never read whole, and
// every offset, length and shape is checked against the file's size before data is touched.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace attn {

enum class TensorType
{
    F32,
    F16,
    BF16
};

struct TensorInfo
{
    std::string name;
    TensorType type = TensorType::F32;
    std::vector<std::int64_t> shape;
    std::uint64_t begin = 0; ///< byte offset in the data section (after the header)
    std::uint64_t end = 0;   ///< one past the last byte

    std::int64_t count() const; ///< the product of shape (1 for a scalar)
};

/// Parses and checks a header: JSON object; every entry but "__metadata__" has a known
/// dtype, a shape of non-negative integers, and data_offsets [begin, end] with begin ≤ end ≤
/// dataSize and end − begin = count × the dtype's size; no two tensors overlap. Throws
/// SessionError("header" or the tensor's name (with ".dtype", ".shape", ".data_offsets"),
/// problem). Tensors in the order of their offsets.
std::vector<TensorInfo> parseSafetensorsHeader(std::string_view header, std::uint64_t dataSize);

/// A mapped safetensors file. Errors throw SessionError with the path as source
/// ("DIR/model.safetensors: h.0.attn.c_attn.weight.data_offsets: …").
class SafetensorsFile
{
public:
    explicit SafetensorsFile(const std::string& path);
    ~SafetensorsFile();
    SafetensorsFile(SafetensorsFile&& other) noexcept;
    SafetensorsFile& operator=(SafetensorsFile&& other) noexcept;
    SafetensorsFile(const SafetensorsFile&) = delete;
    SafetensorsFile& operator=(const SafetensorsFile&) = delete;

    const std::string& path() const { return m_path; }
    const std::vector<TensorInfo>& tensors() const { return m_tensors; }
    /// The tensor of that name, or nullptr.
    const TensorInfo* find(std::string_view name) const;
    /// The tensor's values as float32 in stored (row-major) order, converted from F16 or
    /// BF16. out must hold count() floats.
    void read(const TensorInfo& tensor, float* out) const;

private:
    std::string m_path;
    std::vector<TensorInfo> m_tensors;
    const unsigned char* m_data = nullptr; ///< the mapping's first byte
    std::uint64_t m_size = 0;              ///< the mapping's length
    std::uint64_t m_dataStart = 0;         ///< 8 + header length
};

} // namespace attn
