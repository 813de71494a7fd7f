#include "safetensors.h"

#include "sessionerror.h"

#include <Eigen/Core>
#include <algorithm>
#include <bit>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <limits>
#include <nlohmann/json.hpp>
#include <sys/mman.h>
#include <sys/stat.h>
#include <system_error>
#include <tuple>
#include <unistd.h>
#include <utility>

namespace attn {
namespace {

using Json = nlohmann::json;

// The data section is little-endian and F32 tensors are copied as they lie.
static_assert(std::endian::native == std::endian::little,
              "safetensors.cpp copies little-endian data without swapping bytes");

struct TypeEntry
{
    TensorType type;
    const char* name;
    std::size_t size;
    bool readable;
};

constexpr TypeEntry kTypes[] = {
    {TensorType::F32, "F32", 4, true},          {TensorType::F16, "F16", 2, true},
    {TensorType::BF16, "BF16", 2, true},        {TensorType::F64, "F64", 8, true},
    {TensorType::F8_E4M3, "F8_E4M3", 1, false}, {TensorType::F8_E5M2, "F8_E5M2", 1, false},
    {TensorType::BOOL, "BOOL", 1, false},       {TensorType::U8, "U8", 1, false},
    {TensorType::I8, "I8", 1, false},           {TensorType::U16, "U16", 2, false},
    {TensorType::I16, "I16", 2, false},         {TensorType::U32, "U32", 4, false},
    {TensorType::I32, "I32", 4, false},         {TensorType::U64, "U64", 8, false},
    {TensorType::I64, "I64", 8, false},
};

/// The entry of type, or nullptr for a value outside the enum (a cast integer).
const TypeEntry* entryOf(TensorType type)
{
    for (const TypeEntry& e : kTypes)
        if (e.type == type)
            return &e;
    return nullptr;
}

/// The format's reference implementation refuses headers above 100 MB; so do we, before
/// handing a huge text to the JSON parser.
constexpr std::uint64_t kMaxHeader = 100'000'000;

/// A JSON value for a message: numbers as written, strings quoted and cut at 40 bytes (on a
/// UTF-8 boundary), anything else by its kind.
std::string describe(const Json& j)
{
    if (j.is_number())
        return j.dump();
    if (j.is_string()) {
        std::string s = j.get<std::string>();
        if (s.size() > 40) {
            std::size_t cut = 40;
            while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80)
                --cut;
            s = s.substr(0, cut) + "…";
        }
        return Json(s).dump(-1, ' ', false, Json::error_handler_t::replace);
    }
    const std::string kind = j.type_name(); // "null", "boolean", "array", "object", …
    return (kind[0] == 'a' || kind[0] == 'o' ? "an " : "a ") + kind;
}

/// "[2, 3, 4]", with at most eight dimensions spelled out.
std::string shapeText(const std::vector<std::int64_t>& shape)
{
    std::string s = "[";
    for (std::size_t i = 0; i < shape.size(); ++i) {
        if (i == 8) {
            s += ", … (" + std::to_string(shape.size()) + " dimensions)";
            break;
        }
        s += (i ? ", " : "") + std::to_string(shape[i]);
    }
    return s + "]";
}

std::string rangeText(std::uint64_t begin, std::uint64_t end)
{
    // Appended piece by piece: GCC 12 warns (-Wrestrict, falsely) about "[" + std::string.
    std::string s = "[";
    s += std::to_string(begin);
    s += ", ";
    s += std::to_string(end);
    return s + "]";
}

/// j as a non-negative integer that fits 64 bits; otherwise why not ("is negative", …).
bool readUnsigned(const Json& j, std::uint64_t& value, std::string& why)
{
    if (j.is_number_unsigned()) {
        value = j.get<std::uint64_t>();
        return true;
    }
    if (j.is_number_integer()) { // a signed one: nlohmann reads "-0" so, and negatives
        const std::int64_t v = j.get<std::int64_t>();
        if (v >= 0) {
            value = static_cast<std::uint64_t>(v);
            return true;
        }
        why = "is negative";
    } else if (j.is_number()) {
        // A fraction, or an integer beyond 2^64 − 1, which nlohmann keeps as a double.
        why = "is not an integer of at most 64 bits";
    } else {
        why = "is not an integer";
    }
    return false;
}

/// A header entry's dtype.
TensorType readType(const Json& entry, const std::string& name)
{
    const std::string field = name + ".dtype";
    const auto it = entry.find("dtype");
    if (it == entry.end())
        throw SessionError(field, "missing");
    if (!it->is_string())
        throw SessionError(field, "expected a string such as \"F32\", got " + describe(*it));
    const std::string& text = it->get_ref<const std::string&>();
    for (const TypeEntry& e : kTypes)
        if (text == e.name)
            return e.type;
    std::string known;
    for (const TypeEntry& e : kTypes)
        known += std::string(known.empty() ? "" : ", ") + e.name;
    throw SessionError(field, "unknown dtype " + describe(*it) + " (known: " + known + ")");
}

/// A header entry's shape, and the product of its dimensions in count.
std::vector<std::int64_t> readShape(const Json& entry, const std::string& name,
                                    std::uint64_t& count)
{
    const std::string field = name + ".shape";
    const auto it = entry.find("shape");
    if (it == entry.end())
        throw SessionError(field, "missing");
    if (!it->is_array())
        throw SessionError(field, "expected a list of non-negative integers, got " + describe(*it));
    std::vector<std::int64_t> shape;
    shape.reserve(it->size());
    bool anyZero = false;
    for (std::size_t i = 0; i < it->size(); ++i) {
        const Json& d = (*it)[i];
        std::uint64_t v = 0;
        std::string why;
        if (!readUnsigned(d, v, why))
            throw SessionError(field,
                               "dimension " + std::to_string(i) + " (" + describe(d) + ") " + why);
        if (v > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            throw SessionError(field, "dimension " + std::to_string(i) + " (" + std::to_string(v) +
                                          ") is above 2^63 − 1");
        shape.push_back(static_cast<std::int64_t>(v));
        anyZero = anyZero || v == 0;
    }
    // A zero anywhere makes the tensor empty, however large the other dimensions.
    count = anyZero ? 0 : 1;
    if (!anyZero)
        for (const std::int64_t d : shape)
            if (__builtin_mul_overflow(count, static_cast<std::uint64_t>(d), &count) ||
                count > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
                throw SessionError(field, shapeText(shape) + " has more than 2^63 − 1 elements");
    return shape;
}

/// A header entry's data_offsets, checked against the data section and the tensor's size.
void readOffsets(const Json& entry, TensorInfo& info, std::uint64_t count, std::uint64_t dataSize)
{
    const std::string field = info.name + ".data_offsets";
    const auto it = entry.find("data_offsets");
    if (it == entry.end())
        throw SessionError(field, "missing");
    if (!it->is_array() || it->size() != 2)
        throw SessionError(field, "expected [begin, end], two non-negative integers, got " +
                                      (it->is_array() ? "a list of " + std::to_string(it->size())
                                                      : describe(*it)));
    std::uint64_t bounds[2] = {0, 0};
    for (std::size_t i = 0; i < 2; ++i) {
        std::string why;
        if (!readUnsigned((*it)[i], bounds[i], why))
            throw SessionError(field, std::string(i == 0 ? "begin" : "end") + " (" +
                                          describe((*it)[i]) + ") " + why);
    }
    const auto [begin, end] = bounds;
    const std::string range = rangeText(begin, end);
    if (begin > end)
        throw SessionError(field, range + " begins after it ends");
    if (end > dataSize)
        throw SessionError(field,
                           range + " ends past the data (" + std::to_string(dataSize) + " bytes)");
    const TypeEntry& type = *entryOf(info.type);
    std::uint64_t bytes = 0;
    const bool tooMany = __builtin_mul_overflow(count, std::uint64_t{type.size}, &bytes);
    if (tooMany || end - begin != bytes)
        throw SessionError(field, range + " holds " + std::to_string(end - begin) + " bytes, but " +
                                      shapeText(info.shape) + " of " + type.name + " needs " +
                                      (tooMany ? "more than 2^64" : std::to_string(bytes)));
    info.begin = begin;
    info.end = end;
}

/// What nlohmann says without its "[json.exception.parse_error.101] " prefix.
std::string jsonProblem(const Json::exception& e)
{
    const std::string what = e.what();
    const std::size_t close = what.find("] ");
    return close == std::string::npos ? what : what.substr(close + 2);
}

/// F64 → float as IEEE rounding does it (to nearest, ±infinity past the largest float) but
/// without the out-of-range cast that C++ leaves undefined.
float narrow(double d)
{
    constexpr double kMax = std::numeric_limits<float>::max();
    // Halfway between the largest float and the next power of two: it and above round to
    // infinity (the largest float's last bit is odd, so the tie goes up).
    constexpr double kOverflow = kMax + 0x1p103;
    const double magnitude = std::fabs(d);
    if (magnitude >= kOverflow) // also the infinities; NaN fails every comparison
        return d > 0 ? std::numeric_limits<float>::infinity()
                     : -std::numeric_limits<float>::infinity();
    if (magnitude > kMax)
        return d > 0 ? std::numeric_limits<float>::max() : -std::numeric_limits<float>::max();
    return static_cast<float>(d);
}

} // namespace

const char* tensorTypeName(TensorType type)
{
    const TypeEntry* e = entryOf(type);
    return e ? e->name : "?";
}

std::size_t tensorTypeSize(TensorType type)
{
    const TypeEntry* e = entryOf(type);
    return e ? e->size : 0;
}

bool isReadable(TensorType type)
{
    const TypeEntry* e = entryOf(type);
    return e && e->readable;
}

std::int64_t TensorInfo::count() const
{
    if (std::find(shape.begin(), shape.end(), 0) != shape.end())
        return 0;
    std::int64_t n = 1;
    for (const std::int64_t d : shape)
        if (d < 0 || __builtin_mul_overflow(n, d, &n))
            return -1;
    return n;
}

std::vector<TensorInfo> parseSafetensorsHeader(std::string_view header, std::uint64_t dataSize)
{
    Json doc;
    try {
        doc = Json::parse(header.begin(), header.end());
    } catch (const Json::exception& e) {
        throw SessionError("header", "not JSON: " + jsonProblem(e));
    }
    if (!doc.is_object())
        throw SessionError("header", "expected a JSON object of tensor name → {dtype, shape, "
                                     "data_offsets}, got " +
                                         describe(doc));
    std::vector<TensorInfo> tensors;
    tensors.reserve(doc.size());
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        if (it.key() == "__metadata__")
            continue; // free-form strings about the file (its format, its writer)
        const Json& entry = it.value();
        TensorInfo info;
        info.name = it.key();
        if (!entry.is_object())
            throw SessionError(info.name, "expected an object of dtype, shape and data_offsets, "
                                          "got " +
                                              describe(entry));
        info.type = readType(entry, info.name);
        std::uint64_t count = 0;
        info.shape = readShape(entry, info.name, count);
        readOffsets(entry, info, count, dataSize);
        tensors.push_back(std::move(info));
    }
    std::sort(tensors.begin(), tensors.end(), [](const TensorInfo& a, const TensorInfo& b) {
        return std::tie(a.begin, a.end, a.name) < std::tie(b.begin, b.end, b.name);
    });
    // Sorted by begin, a tensor overlaps an earlier one iff it begins before the furthest end
    // so far. Empty tensors hold no bytes and overlap nothing.
    const TensorInfo* furthest = nullptr;
    for (const TensorInfo& t : tensors) {
        if (t.begin == t.end)
            continue;
        if (furthest && t.begin < furthest->end)
            throw SessionError(t.name + ".data_offsets",
                               rangeText(t.begin, t.end) + " overlaps " + furthest->name + "'s " +
                                   rangeText(furthest->begin, furthest->end));
        if (!furthest || t.end > furthest->end)
            furthest = &t;
    }
    return tensors;
}

SafetensorsParts splitSafetensors(std::string_view image)
{
    if (image.size() < 8)
        throw SessionError("header length", "the file has " + std::to_string(image.size()) +
                                                " bytes, fewer than the 8 that give the "
                                                "header's length");
    std::uint64_t length = 0;
    for (int i = 7; i >= 0; --i)
        length = length << 8 | static_cast<unsigned char>(image[i]);
    const std::uint64_t rest = image.size() - 8;
    if (length > rest)
        throw SessionError("header length", std::to_string(length) +
                                                " bytes runs past the end of the file (" +
                                                std::to_string(rest) + " bytes follow the length)");
    if (length > kMaxHeader)
        throw SessionError("header length",
                           std::to_string(length) + " bytes is more than the format's 100 MB");
    const std::size_t n = static_cast<std::size_t>(length);
    return {image.substr(8, n), image.substr(8 + n)};
}

void readTensor(std::string_view data, const TensorInfo& tensor, float* out)
{
    if (!isReadable(tensor.type))
        throw SessionError(tensor.name + ".dtype",
                           std::string(tensorTypeName(tensor.type)) +
                               " is not read: only F32, F16, BF16 and F64 tensors are");
    // Checked again because a TensorInfo is plain data: it may come from another file.
    const std::int64_t count = tensor.count();
    const std::size_t size = tensorTypeSize(tensor.type);
    std::uint64_t bytes = 0;
    if (count < 0 ||
        __builtin_mul_overflow(static_cast<std::uint64_t>(count), std::uint64_t{size}, &bytes) ||
        tensor.begin > tensor.end || tensor.end > data.size() || tensor.end - tensor.begin != bytes)
        throw SessionError(tensor.name + ".data_offsets",
                           rangeText(tensor.begin, tensor.end) + " does not hold " +
                               shapeText(tensor.shape) + " of " + tensorTypeName(tensor.type) +
                               " within the data (" + std::to_string(data.size()) + " bytes)");
    if (count == 0)
        return;
    const std::size_t n = static_cast<std::size_t>(count);
    // memcpy for every element: the data section starts wherever the header ends, so the
    // values need not be aligned.
    const char* src = data.data() + tensor.begin;
    switch (tensor.type) {
    case TensorType::F32:
        std::memcpy(out, src, n * 4);
        break;
    case TensorType::F16:
        for (std::size_t i = 0; i < n; ++i) {
            std::uint16_t bits = 0;
            std::memcpy(&bits, src + 2 * i, 2);
            out[i] = static_cast<float>(Eigen::numext::bit_cast<Eigen::half>(bits));
        }
        break;
    case TensorType::BF16:
        for (std::size_t i = 0; i < n; ++i) {
            std::uint16_t bits = 0;
            std::memcpy(&bits, src + 2 * i, 2);
            out[i] = static_cast<float>(Eigen::numext::bit_cast<Eigen::bfloat16>(bits));
        }
        break;
    case TensorType::F64:
        for (std::size_t i = 0; i < n; ++i) {
            double d = 0;
            std::memcpy(&d, src + 8 * i, 8);
            out[i] = narrow(d);
        }
        break;
    default:
        break; // not readable, refused above
    }
}

SafetensorsFile::SafetensorsFile(const std::string& path) : m_path(path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        throw SessionError("", "cannot be opened (" + std::generic_category().message(errno) + ")")
            .withSource(path);
    struct stat st = {};
    const bool statted = ::fstat(fd, &st) == 0;
    const int statErrno = errno;
    if (!statted || !S_ISREG(st.st_mode) || st.st_size < 0) {
        ::close(fd);
        throw SessionError("", "cannot be read (" +
                                   (statted ? std::string("not a regular file")
                                            : std::generic_category().message(statErrno)) +
                                   ")")
            .withSource(path);
    }
    m_size = static_cast<std::uint64_t>(st.st_size);
    if (m_size > 0) { // mmap refuses a length of 0; the empty file is refused below
        void* map = ::mmap(nullptr, m_size, PROT_READ, MAP_PRIVATE, fd, 0);
        const int mapErrno = errno;
        ::close(fd);
        if (map == MAP_FAILED) {
            m_size = 0;
            throw SessionError("", "cannot be mapped (" +
                                       std::generic_category().message(mapErrno) + ")")
                .withSource(path);
        }
        m_data = static_cast<const unsigned char*>(map);
    } else {
        ::close(fd);
    }
    try {
        const SafetensorsParts parts =
            splitSafetensors(std::string_view(reinterpret_cast<const char*>(m_data), m_size));
        m_tensors = parseSafetensorsHeader(parts.header, parts.data.size());
        m_dataStart = 8 + parts.header.size();
        m_byName.resize(m_tensors.size());
        for (std::size_t i = 0; i < m_byName.size(); ++i)
            m_byName[i] = i;
        std::sort(m_byName.begin(), m_byName.end(), [&](std::size_t a, std::size_t b) {
            return m_tensors[a].name < m_tensors[b].name;
        });
    } catch (const SessionError& e) {
        unmap();
        throw e.withSource(path);
    } catch (...) {
        unmap();
        throw;
    }
}

SafetensorsFile::~SafetensorsFile()
{
    unmap();
}

SafetensorsFile::SafetensorsFile(SafetensorsFile&& other) noexcept
    : m_path(std::move(other.m_path)), m_tensors(std::move(other.m_tensors)),
      m_byName(std::move(other.m_byName)), m_data(std::exchange(other.m_data, nullptr)),
      m_size(std::exchange(other.m_size, 0)), m_dataStart(std::exchange(other.m_dataStart, 0))
{}

SafetensorsFile& SafetensorsFile::operator=(SafetensorsFile&& other) noexcept
{
    if (this != &other) {
        unmap();
        m_path = std::move(other.m_path);
        m_tensors = std::move(other.m_tensors);
        m_byName = std::move(other.m_byName);
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
        m_dataStart = std::exchange(other.m_dataStart, 0);
    }
    return *this;
}

void SafetensorsFile::unmap() noexcept
{
    if (m_data)
        ::munmap(const_cast<unsigned char*>(m_data), m_size);
    m_data = nullptr;
    m_size = 0;
    m_dataStart = 0;
}

const TensorInfo* SafetensorsFile::find(std::string_view name) const
{
    const auto it = std::lower_bound(
        m_byName.begin(), m_byName.end(), name,
        [&](std::size_t i, std::string_view key) { return m_tensors[i].name < key; });
    if (it != m_byName.end() && m_tensors[*it].name == name)
        return &m_tensors[*it];
    return nullptr;
}

void SafetensorsFile::read(const TensorInfo& tensor, float* out) const
{
    const std::string_view data(reinterpret_cast<const char*>(m_data) + m_dataStart,
                                m_size - m_dataStart);
    try {
        readTensor(data, tensor, out);
    } catch (const SessionError& e) {
        throw e.withSource(m_path);
    }
}

} // namespace attn
