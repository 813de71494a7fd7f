#pragma once
// Reading a safetensors file (the format the Hugging Face hub publishes weights in):
// 8 bytes of little-endian header length, a JSON header of name → {dtype, shape,
// data_offsets}, then the raw little-endian data. The file is mapped, never read whole, and
// every offset, length and shape is checked against the file's size before data is touched.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace attn {

/// The dtypes of the format. Only the floating ones are read (read converts them to float32);
/// the others are known so that a file holding, say, an I64 buffer or a U8 mask still opens
/// and has its sizes checked.
enum class TensorType
{
    F32,
    F16,
    BF16,
    F64,
    F8_E4M3,
    F8_E5M2,
    BOOL,
    U8,
    I8,
    U16,
    I16,
    U32,
    I32,
    U64,
    I64
};

/// The header's spelling of the dtype: "F32", "BF16", "I64", …
const char* tensorTypeName(TensorType type);
/// Bytes per element: 4 for F32, 2 for F16 and BF16, 1 for BOOL, …
std::size_t tensorTypeSize(TensorType type);
/// Whether read converts it: F32, F16, BF16 and F64 (the F8 formats are not read).
bool isReadable(TensorType type);

struct TensorInfo
{
    std::string name;
    TensorType type = TensorType::F32;
    std::vector<std::int64_t> shape;
    std::uint64_t begin = 0; ///< byte offset in the data section (after the header)
    std::uint64_t end = 0;   ///< one past the last byte

    /// The product of shape (1 for a scalar, 0 when a dimension is 0). A parsed shape's
    /// product always fits; for a hand-made shape that overflows or has a negative
    /// dimension, −1.
    std::int64_t count() const;
};

/// Parses and checks a header: JSON object; every entry but "__metadata__" has a known
/// dtype, a shape of non-negative integers, and data_offsets [begin, end] with begin ≤ end ≤
/// dataSize and end − begin = count × the dtype's size; no two tensors overlap. Throws
/// SessionError("header" or the tensor's name (with ".dtype", ".shape", ".data_offsets"),
/// problem). Tensors in the order of their offsets. "__metadata__" is skipped whatever it
/// holds; empty tensors overlap nothing; unlike the reference implementation, gaps between
/// tensors are allowed. A key given twice keeps its last entry (nlohmann's choice).
std::vector<TensorInfo> parseSafetensorsHeader(std::string_view header, std::uint64_t dataSize);

/// A whole file image cut in its two parts: the header's text and the data section.
struct SafetensorsParts
{
    std::string_view header;
    std::string_view data;
};

/// Splits a file image (8-byte length, header, data). Throws SessionError("header length",
/// …) when the image is shorter than 8 bytes, the length runs past its end or is above the
/// 100 MB the reference implementation allows.
SafetensorsParts splitSafetensors(std::string_view image);

/// tensor's values from data (the data section) as float32, in stored (row-major) order; out
/// must hold count() floats. Throws SessionError naming the tensor when its dtype is not
/// readable or its offsets do not fit data (a TensorInfo that did not come from this data).
void readTensor(std::string_view data, const TensorInfo& tensor, float* out);

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
    /// The tensor of that name, or nullptr (a binary search).
    const TensorInfo* find(std::string_view name) const;
    /// The tensor's values as float32 in stored (row-major) order, converted from F16, BF16
    /// or F64 straight into out, which must hold count() floats. A tensor of another dtype
    /// (an integer buffer) is refused, naming it.
    void read(const TensorInfo& tensor, float* out) const;

private:
    void unmap() noexcept;

    std::string m_path;
    std::vector<TensorInfo> m_tensors;
    std::vector<std::size_t> m_byName;     ///< indices into m_tensors in the order of their names
    const unsigned char* m_data = nullptr; ///< the mapping's first byte
    std::uint64_t m_size = 0;              ///< the mapping's length
    std::uint64_t m_dataStart = 0;         ///< 8 + header length
};

} // namespace attn
