#include "npzwriter.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <ctime>
#include <initializer_list>
#include <type_traits>
#include <utility>
#include <variant>
#include <zip.h>

namespace attn {

// The descr strings say little-endian ('<'), and the bytes are written as they are in memory.
static_assert(std::endian::native == std::endian::little, "NpzWriter writes little-endian bytes");

namespace {

/// The .npy 1.0 header: magic, version, the header length (uint16, little-endian), then the dict
/// padded with spaces and ended by '\n' so that the data starts at a multiple of 64 bytes, as
/// numpy >= 1.18 writes it (and so a reader that maps the file gets aligned arrays).
std::string npyHeader(const char* descr, bool fortranOrder, const std::string& shape)
{
    std::string dict = std::string("{'descr': '") + descr +
                       "', 'fortran_order': " + (fortranOrder ? "True" : "False") +
                       ", 'shape': " + shape + ", }";
    constexpr std::size_t prefixSize = 10; // "\x93NUMPY", 1, 0, uint16 length
    constexpr std::size_t align = 64;
    const std::size_t unpadded = prefixSize + dict.size() + 1;
    dict.append((align - unpadded % align) % align, ' ');
    dict.push_back('\n');
    // At most two numbers in the shape: far below the 65535 bytes that version 1.0 allows.
    const std::size_t length = dict.size();
    std::string header("\x93NUMPY\x01\x00", 8);
    header.push_back(static_cast<char>(length & 0xff));
    header.push_back(static_cast<char>(length >> 8));
    return header + dict;
}

/// Python's repr of the shape tuple: "(3, 4)", or "(5,)" for one dimension.
std::string shapeOf(std::initializer_list<std::uint64_t> dims)
{
    std::string shape = "(";
    for (const std::uint64_t d : dims) {
        if (shape.size() > 1)
            shape += ", ";
        shape += std::to_string(d);
    }
    shape += dims.size() == 1 ? ",)" : ")";
    return shape;
}

/// numpy's dtype string: little-endian ('<'), or '|' where a single byte has no order.
template <typename Scalar> constexpr const char* descrOf()
{
    if constexpr (std::is_same_v<Scalar, double>)
        return "<f8";
    else if constexpr (std::is_same_v<Scalar, float>)
        return "<f4";
    else if constexpr (std::is_same_v<Scalar, std::uint8_t>)
        return "|u1";
    else
        return "<i8";
}

std::string libzipMessage(int code)
{
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    return message;
}

} // namespace

NpzError::NpzError(const std::string& path, const std::string& why)
    : std::runtime_error(path + ": " + why), m_path(path)
{}

/// One NAME.npy. libzip pulls its bytes through callback() during zip_close: the header from
/// here, then the array's bytes from where they are (the caller's matrix, or owned's), so that
/// no matrix is copied into a buffer of its own.
struct NpzWriter::Entry
{
    std::string fileName; // NAME.npy
    std::string header;
    const char* data = nullptr;
    std::uint64_t dataSize = 0;
    /// An rvalue argument, moved here; data points into it.
    std::variant<std::monostate, Eigen::MatrixXd, Eigen::MatrixXf, MaskMatrix,
                 std::vector<std::int64_t>>
        owned;
    std::uint64_t position = 0; // of the next byte libzip reads, header included
    zip_error_t error;

    Entry() { zip_error_init(&error); }
    ~Entry() { zip_error_fini(&error); }
    Entry(const Entry&) = delete;
    Entry& operator=(const Entry&) = delete;

    template <typename Scalar> void describe(const Eigen::Matrix<Scalar, -1, -1>& m)
    {
        header = npyHeader(
            descrOf<Scalar>(), true,
            shapeOf({static_cast<std::uint64_t>(m.rows()), static_cast<std::uint64_t>(m.cols())}));
        data = reinterpret_cast<const char*>(m.data());
        dataSize = static_cast<std::uint64_t>(m.size()) * sizeof(Scalar);
    }

    void describe(const std::vector<std::int64_t>& v)
    {
        header = npyHeader(descrOf<std::int64_t>(), false, shapeOf({v.size()}));
        data = reinterpret_cast<const char*>(v.data());
        dataSize = v.size() * sizeof(std::int64_t);
    }

    std::uint64_t size() const { return header.size() + dataSize; }

    // The name is checked (newEntry) before an rvalue is moved from.
    template <typename T> static void borrow(NpzWriter& writer, const std::string& name, const T& x)
    {
        auto entry = writer.newEntry(name);
        entry->describe(x);
        writer.m_entries.push_back(std::move(entry));
    }

    template <typename T> static void own(NpzWriter& writer, const std::string& name, T&& x)
    {
        static_assert(!std::is_reference_v<T>);
        auto entry = writer.newEntry(name);
        entry->describe(entry->owned.template emplace<T>(std::move(x)));
        writer.m_entries.push_back(std::move(entry));
    }

    zip_int64_t read(char* out, std::uint64_t length)
    {
        std::uint64_t done = 0;
        if (position < header.size()) {
            const std::uint64_t n = std::min<std::uint64_t>(length, header.size() - position);
            std::memcpy(out, header.data() + position, n);
            done += n;
            position += n;
        }
        if (done < length && position < size()) {
            const std::uint64_t offset = position - header.size();
            const std::uint64_t n = std::min(length - done, dataSize - offset);
            std::memcpy(out + done, data + offset, n);
            done += n;
            position += n;
        }
        return static_cast<zip_int64_t>(done);
    }

    /// A readable, not seekable, libzip source; nothing to free, the writer owns the entry.
    static zip_int64_t callback(void* self, void* data, zip_uint64_t length, zip_source_cmd_t cmd)
    {
        auto* entry = static_cast<Entry*>(self);
        switch (cmd) {
        case ZIP_SOURCE_OPEN:
            entry->position = 0;
            return 0;
        case ZIP_SOURCE_READ:
            return entry->read(static_cast<char*>(data), length);
        case ZIP_SOURCE_CLOSE:
        case ZIP_SOURCE_FREE:
            return 0;
        case ZIP_SOURCE_STAT: {
            auto* st = ZIP_SOURCE_GET_ARGS(zip_stat_t, data, length, &entry->error);
            if (st == nullptr)
                return -1;
            zip_stat_init(st);
            st->size = entry->size();
            st->comp_size = entry->size();
            st->comp_method = ZIP_CM_STORE;
            st->encryption_method = ZIP_EM_NONE;
            st->mtime = std::time(nullptr);
            st->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD |
                        ZIP_STAT_ENCRYPTION_METHOD | ZIP_STAT_MTIME;
            return sizeof(zip_stat_t);
        }
        case ZIP_SOURCE_ERROR:
            return zip_error_to_data(&entry->error, data, length);
        case ZIP_SOURCE_SUPPORTS:
            return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ,
                                                  ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
                                                  ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
        default:
            zip_error_set(&entry->error, ZIP_ER_OPNOTSUPP, 0);
            return -1;
        }
    }
};

NpzWriter::NpzWriter(std::string path) : m_path(std::move(path)) {}
NpzWriter::~NpzWriter() = default;
NpzWriter::NpzWriter(NpzWriter&&) noexcept = default;
NpzWriter& NpzWriter::operator=(NpzWriter&&) noexcept = default;

std::unique_ptr<NpzWriter::Entry> NpzWriter::newEntry(const std::string& name) const
{
    if (m_committed)
        throw std::logic_error("NpzWriter: " + m_path + " is already written");
    if (name.empty())
        throw NpzError(m_path, "an array needs a name");
    if (name.find('\0') != std::string::npos)
        throw NpzError(m_path, "the array name holds a NUL character");
    auto entry = std::make_unique<Entry>();
    entry->fileName = name + ".npy";
    for (const auto& other : m_entries) {
        if (other->fileName == entry->fileName)
            throw NpzError(m_path, "two arrays are named '" + name + "'");
    }
    return entry;
}

void NpzWriter::add(const std::string& name, const Eigen::MatrixXd& m)
{
    Entry::borrow(*this, name, m);
}
void NpzWriter::add(const std::string& name, Eigen::MatrixXd&& m)
{
    Entry::own(*this, name, std::move(m));
}
void NpzWriter::add(const std::string& name, const Eigen::MatrixXf& m)
{
    Entry::borrow(*this, name, m);
}
void NpzWriter::add(const std::string& name, Eigen::MatrixXf&& m)
{
    Entry::own(*this, name, std::move(m));
}
void NpzWriter::add(const std::string& name, const MaskMatrix& m)
{
    Entry::borrow(*this, name, m);
}
void NpzWriter::add(const std::string& name, MaskMatrix&& m)
{
    Entry::own(*this, name, std::move(m));
}
void NpzWriter::add(const std::string& name, const std::vector<std::int64_t>& v)
{
    Entry::borrow(*this, name, v);
}
void NpzWriter::add(const std::string& name, std::vector<std::int64_t>&& v)
{
    Entry::own(*this, name, std::move(v));
}

void NpzWriter::commit()
{
    if (m_committed)
        throw std::logic_error("NpzWriter: " + m_path + " is already written");
    if (m_entries.empty())
        throw NpzError(m_path, "no array to write");

    // ZIP_TRUNCATE: PATH's old content is neither read nor kept; libzip replaces PATH only when
    // zip_close() has written the whole new archive to its temporary file.
    int code = 0;
    zip_t* archive = zip_open(m_path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
    if (archive == nullptr)
        throw NpzError(m_path, "cannot open the archive: " + libzipMessage(code));
    // zip_discard() frees the archive and its sources without writing anything.
    const auto fail = [&](const std::string& what) {
        std::string why = what + ": " + zip_strerror(archive);
        zip_discard(archive);
        throw NpzError(m_path, why);
    };
    for (const auto& entry : m_entries) {
        zip_source_t* source = zip_source_function(archive, &Entry::callback, entry.get());
        if (source == nullptr)
            fail("cannot add " + entry->fileName);
        const zip_int64_t index =
            zip_file_add(archive, entry->fileName.c_str(), source, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(source); // not the archive's until zip_file_add() succeeds
            fail("cannot add " + entry->fileName);
        }
        if (zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0) <
            0)
            fail("cannot store " + entry->fileName + " uncompressed");
    }
    if (zip_close(archive) < 0)
        fail("cannot write the archive");
    m_committed = true;
    m_entries.clear(); // the borrowed matrices may go now; the owned ones are freed
}

} // namespace attn
