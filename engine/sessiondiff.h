#pragma once
// The change from one session to another, field by field: what an undo step keeps instead
// of two whole sessions. A temperature change keeps two numbers; a toggled mask cell keeps
// that cell; only a field whose shape changed keeps both of its values whole. Comparisons
// are bit for bit (-0.0 is not 0.0), so that revert() gives back exactly the session before.

#include "session.h"

#include <bit>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace attn {

/// One value's change (a number, a kind, a title, the token list): both values, or none
/// when it is unchanged.
template <typename T> class ValueChange
{
public:
    ValueChange() = default;
    ValueChange(const T& before, const T& after)
    {
        if (!same(before, after))
            m_values.emplace(before, after);
    }

    bool empty() const { return !m_values; }
    void apply(T& value) const
    {
        if (m_values)
            value = m_values->second;
    }
    void revert(T& value) const
    {
        if (m_values)
            value = m_values->first;
    }
    /// This change followed by next, which starts where this one ends.
    void append(const ValueChange& next)
    {
        if (!next.m_values)
            return;
        if (!m_values) {
            m_values = next.m_values;
            return;
        }
        m_values->second = next.m_values->second;
        if (same(m_values->first, m_values->second))
            m_values.reset();
    }
    /// Values kept: 2 for a changed scalar or string, both lists' lengths for the tokens.
    std::size_t storedValues() const
    {
        if (!m_values)
            return 0;
        if constexpr (std::is_same_v<T, std::vector<std::string>>)
            return m_values->first.size() + m_values->second.size();
        else
            return 2;
    }

private:
    static bool same(const T& a, const T& b)
    {
        if constexpr (std::is_floating_point_v<T>)
            return std::bit_cast<std::uint64_t>(static_cast<double>(a)) ==
                   std::bit_cast<std::uint64_t>(static_cast<double>(b));
        else
            return a == b;
    }

    std::optional<std::pair<T, T>> m_values; ///< before, after
};

/// A matrix's change (Matrix or MaskMatrix): the cells that differ while the shape is kept
/// and storing them is smaller than both matrices, otherwise both matrices whole.
template <typename M> class MatrixChange
{
public:
    MatrixChange() = default;
    MatrixChange(const M& before, const M& after);

    bool empty() const { return m_cells.empty() && !m_whole; }
    void apply(M& matrix) const;
    void revert(M& matrix) const;
    void append(const MatrixChange& next);
    /// Numbers kept: two per changed cell, or the sizes of both matrices.
    std::size_t storedValues() const;

private:
    using Scalar = typename M::Scalar;
    struct Cell
    {
        Eigen::Index index; ///< column-major, as M::data()
        Scalar before, after;
    };

    std::vector<Cell> m_cells; ///< sorted by index; the shape is kept
    std::optional<std::pair<M, M>> m_whole;
};

/// The per-head matrices (W_Q, W_K or W_V): one matrix change per head while the number of
/// heads is kept, otherwise both lists whole.
class HeadsChange
{
public:
    HeadsChange() = default;
    HeadsChange(const std::vector<Matrix>& before, const std::vector<Matrix>& after);

    bool empty() const { return m_heads.empty() && !m_whole; }
    void apply(std::vector<Matrix>& heads) const;
    void revert(std::vector<Matrix>& heads) const;
    void append(const HeadsChange& next);
    std::size_t storedValues() const;

private:
    std::vector<MatrixChange<Matrix>> m_heads; ///< one per head, or none when unchanged
    std::optional<std::pair<std::vector<Matrix>, std::vector<Matrix>>> m_whole;
};

class SessionDiff
{
public:
    SessionDiff() = default;
    /// Every field of Session in which after differs from before, with both values.
    SessionDiff(const Session& before, const Session& after);

    bool empty() const;
    /// Turns the session `before` into `after`, bit for bit.
    void apply(Session& session) const;
    /// Turns the session `after` into `before`, bit for bit.
    void revert(Session& session) const;
    /// This change followed by next, which starts where this one ends (a gesture's later
    /// edit): before is this one's, after is next's. Empty if the two cancel out.
    void append(const SessionDiff& next);
    /// The numbers, kinds and strings kept (a matrix counts its cells): what the change
    /// costs in memory, to compare with the session's size.
    std::size_t storedValues() const;

private:
    /// Calls fn(&SessionDiff::member, field) for every field of Session, where field(session)
    /// returns that field of a session: the one list that every operation walks.
    template <typename Fn> static void eachField(Fn&& fn);

    ValueChange<std::string> m_title;
    ValueChange<std::vector<std::string>> m_tokens;
    ValueChange<int> m_dModel;
    ValueChange<int> m_heads;
    ValueChange<std::uint64_t> m_seed;
    MatrixChange<Matrix> m_embeddings;
    ValueChange<PeKind> m_peKind;
    ValueChange<Real> m_peBase;
    MatrixChange<Matrix> m_peLearned;
    ValueChange<ScoreKind> m_score;
    ValueChange<Real> m_temperature;
    ValueChange<MaskKind> m_maskKind;
    ValueChange<int> m_maskRadius;
    MatrixChange<MaskMatrix> m_maskCustom;
    ValueChange<NormalizerKind> m_normalizer;
    HeadsChange m_wq, m_wk, m_wv;
    MatrixChange<Matrix> m_wo;
    MatrixChange<Matrix> m_additiveW;
};

} // namespace attn
