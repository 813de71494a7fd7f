#pragma once
// NumPy .npz archives (numpy.savez's format), written with libzip: matrices for other programs
// without a text round trip of every digit.

#include "types.h"

#include <Eigen/Dense>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace attn {

/// An archive that could not be written. what() is "PATH: why"; path() is PATH.
class NpzError : public std::runtime_error
{
public:
    NpzError(const std::string& path, const std::string& why);

    const std::string& path() const { return m_path; }

private:
    std::string m_path;
};

/// Writes one .npz file: each array is the entry NAME.npy, stored uncompressed as numpy.savez
/// does (so numpy.load(path)[NAME] gives it back, and a reader may map it), in .npy format 1.0
/// with a header padded to a multiple of 64 bytes. Matrices keep Eigen's column-major layout
/// ('fortran_order': True), so their bytes are written as they are, never transposed. Archives
/// past 4 GB become Zip64 by themselves (libzip).
///
/// Nothing touches the disk before commit(): libzip writes the whole archive to a temporary
/// file beside PATH and renames it over PATH, so a failed commit() leaves no partial file and
/// an existing PATH as it was.
///
/// Memory: the data is read only in commit(). An lvalue argument is borrowed, not copied (a
/// 2048 × 2048 float64 is 32 MB): it must stay alive and unchanged until commit() returns or
/// the writer is destroyed. An rvalue (std::move(m), or Eigen::MatrixXd(expression)) is moved
/// into the writer, which then owns it. Eigen::Ref parameters would have hidden the difference:
/// Ref silently evaluates a row-major matrix or an expression into a temporary that dies when
/// add() returns, and its strided blocks are not contiguous bytes.
///
/// One writer, one file: add() the arrays, then commit() once. Names must be non-empty, without
/// NUL, and distinct (a name may hold '/', which numpy keeps in the key): add() throws NpzError
/// for any other, before it moves from an rvalue, and std::logic_error after commit().
class NpzWriter
{
public:
    /// PATH: the archive to create or replace (numpy.savez adds no ".npz" here either).
    explicit NpzWriter(std::string path);
    ~NpzWriter();
    NpzWriter(NpzWriter&&) noexcept;
    NpzWriter& operator=(NpzWriter&&) noexcept;
    NpzWriter(const NpzWriter&) = delete;
    NpzWriter& operator=(const NpzWriter&) = delete;

    /// rows × cols float64, '<f8'.
    void add(const std::string& name, const Eigen::MatrixXd& m);
    void add(const std::string& name, Eigen::MatrixXd&& m);
    /// rows × cols float32, '<f4'.
    void add(const std::string& name, const Eigen::MatrixXf& m);
    void add(const std::string& name, Eigen::MatrixXf&& m);
    /// rows × cols uint8 (a MaskMatrix: 1 where query i may attend to key j), '|u1'.
    void add(const std::string& name, const MaskMatrix& m);
    void add(const std::string& name, MaskMatrix&& m);
    /// n int64 (token ids), 1-D, '<i8'.
    void add(const std::string& name, const std::vector<std::int64_t>& v);
    void add(const std::string& name, std::vector<std::int64_t>&& v);

    /// Writes the archive. Throws NpzError (PATH untouched) when libzip cannot, e.g. its folder
    /// does not exist or the disk is full, and when there is no array: libzip deletes PATH
    /// rather than write an empty archive. Throws std::logic_error when called again after it
    /// succeeded; after a failure it may be called again.
    void commit();

    const std::string& path() const { return m_path; }

private:
    struct Entry; // one NAME.npy: its header, its bytes, what owns them (npzwriter.cpp)

    /// A new entry for NAME; throws (nothing moved from the caller yet) if NAME is refused.
    std::unique_ptr<Entry> newEntry(const std::string& name) const;

    std::string m_path;
    std::vector<std::unique_ptr<Entry>> m_entries;
    bool m_committed = false;
};

} // namespace attn
