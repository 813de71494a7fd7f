#include "sessiondiff.h"

#include <cstring>

namespace attn {
namespace {

/// Bit for bit: -0.0 differs from 0.0, a NaN equals itself.
template <typename Scalar> bool sameScalar(Scalar a, Scalar b)
{
    if constexpr (std::is_floating_point_v<Scalar>)
        return std::memcmp(&a, &b, sizeof(Scalar)) == 0;
    else
        return a == b;
}

} // namespace

template <typename M> MatrixChange<M>::MatrixChange(const M& before, const M& after)
{
    if (before.rows() == after.rows() && before.cols() == after.cols()) {
        // Cells are kept only while they take less room than both matrices would.
        const std::size_t limit = 2 * sizeof(Scalar) * before.size() / sizeof(Cell);
        std::vector<Cell> cells;
        bool few = true;
        for (Eigen::Index i = 0; i < before.size(); ++i) {
            if (sameScalar(before.data()[i], after.data()[i]))
                continue;
            if (cells.size() >= limit) {
                few = false;
                break;
            }
            cells.push_back({i, before.data()[i], after.data()[i]});
        }
        if (few) {
            m_cells = std::move(cells);
            return;
        }
    }
    m_whole.emplace(before, after);
}

template <typename M> void MatrixChange<M>::apply(M& matrix) const
{
    if (m_whole)
        matrix = m_whole->second;
    for (const Cell& cell : m_cells)
        matrix.data()[cell.index] = cell.after;
}

template <typename M> void MatrixChange<M>::revert(M& matrix) const
{
    if (m_whole)
        matrix = m_whole->first;
    for (const Cell& cell : m_cells)
        matrix.data()[cell.index] = cell.before;
}

template <typename M> void MatrixChange<M>::append(const MatrixChange& next)
{
    if (next.empty())
        return;
    if (empty()) {
        *this = next;
        return;
    }
    if (!m_whole && !next.m_whole) {
        // Both kept the shape: merge the cells, before from this, after from next.
        std::vector<Cell> merged;
        merged.reserve(m_cells.size() + next.m_cells.size());
        auto a = m_cells.begin();
        auto b = next.m_cells.begin();
        while (a != m_cells.end() || b != next.m_cells.end()) {
            if (b == next.m_cells.end() || (a != m_cells.end() && a->index < b->index)) {
                merged.push_back(*a++);
            } else if (a == m_cells.end() || b->index < a->index) {
                merged.push_back(*b++);
            } else {
                if (!sameScalar(a->before, b->after))
                    merged.push_back({a->index, a->before, b->after});
                ++a;
                ++b;
            }
        }
        m_cells = std::move(merged);
        return;
    }
    // One of them is whole: rebuild both ends whole, then store them as cheaply as possible.
    M before;
    if (m_whole) {
        before = m_whole->first;
    } else {
        before = next.m_whole->first; // this change's after
        revert(before);
    }
    M after;
    if (next.m_whole) {
        after = next.m_whole->second;
    } else {
        after = m_whole->second; // next's before
        next.apply(after);
    }
    *this = MatrixChange(before, after);
}

template <typename M> std::size_t MatrixChange<M>::storedValues() const
{
    if (m_whole)
        return static_cast<std::size_t>(m_whole->first.size() + m_whole->second.size());
    return 2 * m_cells.size();
}

template class MatrixChange<Matrix>;
template class MatrixChange<MaskMatrix>;

HeadsChange::HeadsChange(const std::vector<Matrix>& before, const std::vector<Matrix>& after)
{
    if (before.size() != after.size()) {
        m_whole.emplace(before, after);
        return;
    }
    bool changed = false;
    m_heads.reserve(before.size());
    for (std::size_t h = 0; h < before.size(); ++h) {
        m_heads.emplace_back(before[h], after[h]);
        changed = changed || !m_heads.back().empty();
    }
    if (!changed)
        m_heads.clear();
}

void HeadsChange::apply(std::vector<Matrix>& heads) const
{
    if (m_whole)
        heads = m_whole->second;
    for (std::size_t h = 0; h < m_heads.size(); ++h)
        m_heads[h].apply(heads[h]);
}

void HeadsChange::revert(std::vector<Matrix>& heads) const
{
    if (m_whole)
        heads = m_whole->first;
    for (std::size_t h = 0; h < m_heads.size(); ++h)
        m_heads[h].revert(heads[h]);
}

void HeadsChange::append(const HeadsChange& next)
{
    if (next.empty())
        return;
    if (empty()) {
        *this = next;
        return;
    }
    if (!m_whole && !next.m_whole) { // the same number of heads throughout
        bool changed = false;
        for (std::size_t h = 0; h < m_heads.size(); ++h) {
            m_heads[h].append(next.m_heads[h]);
            changed = changed || !m_heads[h].empty();
        }
        if (!changed)
            m_heads.clear();
        return;
    }
    std::vector<Matrix> before;
    if (m_whole) {
        before = m_whole->first;
    } else {
        before = next.m_whole->first;
        revert(before);
    }
    std::vector<Matrix> after;
    if (next.m_whole) {
        after = next.m_whole->second;
    } else {
        after = m_whole->second;
        next.apply(after);
    }
    *this = HeadsChange(before, after);
}

std::size_t HeadsChange::storedValues() const
{
    std::size_t values = 0;
    if (m_whole)
        for (const auto* list : {&m_whole->first, &m_whole->second})
            for (const Matrix& m : *list)
                values += static_cast<std::size_t>(m.size());
    for (const MatrixChange<Matrix>& head : m_heads)
        values += head.storedValues();
    return values;
}

template <typename Fn> void SessionDiff::eachField(Fn&& fn)
{
    // Every field of Session, once: a field added to Session needs a line here.
    fn(
        &SessionDiff::m_title, [](auto& s) -> auto& { return s.title; });
    fn(
        &SessionDiff::m_tokens, [](auto& s) -> auto& { return s.tokens; });
    fn(
        &SessionDiff::m_dModel, [](auto& s) -> auto& { return s.dModel; });
    fn(
        &SessionDiff::m_heads, [](auto& s) -> auto& { return s.heads; });
    fn(
        &SessionDiff::m_seed, [](auto& s) -> auto& { return s.seed; });
    fn(
        &SessionDiff::m_embeddings, [](auto& s) -> auto& { return s.embeddings; });
    fn(
        &SessionDiff::m_peKind, [](auto& s) -> auto& { return s.positional.kind; });
    fn(
        &SessionDiff::m_peBase, [](auto& s) -> auto& { return s.positional.base; });
    fn(
        &SessionDiff::m_peLearned, [](auto& s) -> auto& { return s.positional.learned; });
    fn(
        &SessionDiff::m_score, [](auto& s) -> auto& { return s.score; });
    fn(
        &SessionDiff::m_temperature, [](auto& s) -> auto& { return s.temperature; });
    fn(
        &SessionDiff::m_maskKind, [](auto& s) -> auto& { return s.mask.kind; });
    fn(
        &SessionDiff::m_maskRadius, [](auto& s) -> auto& { return s.mask.radius; });
    fn(
        &SessionDiff::m_maskCustom, [](auto& s) -> auto& { return s.mask.custom; });
    fn(
        &SessionDiff::m_normalizer, [](auto& s) -> auto& { return s.normalizer; });
    fn(
        &SessionDiff::m_wq, [](auto& s) -> auto& { return s.wq; });
    fn(
        &SessionDiff::m_wk, [](auto& s) -> auto& { return s.wk; });
    fn(
        &SessionDiff::m_wv, [](auto& s) -> auto& { return s.wv; });
    fn(
        &SessionDiff::m_wo, [](auto& s) -> auto& { return s.wo; });
    fn(
        &SessionDiff::m_additiveW, [](auto& s) -> auto& { return s.additiveW; });
}

SessionDiff::SessionDiff(const Session& before, const Session& after)
{
    eachField([&](auto member, auto field) {
        this->*member =
            std::remove_reference_t<decltype(this->*member)>(field(before), field(after));
    });
}

bool SessionDiff::empty() const
{
    bool empty = true;
    eachField([&](auto member, auto) { empty = empty && (this->*member).empty(); });
    return empty;
}

void SessionDiff::apply(Session& session) const
{
    eachField([&](auto member, auto field) { (this->*member).apply(field(session)); });
}

void SessionDiff::revert(Session& session) const
{
    eachField([&](auto member, auto field) { (this->*member).revert(field(session)); });
}

void SessionDiff::append(const SessionDiff& next)
{
    eachField([&](auto member, auto) { (this->*member).append(next.*member); });
}

std::size_t SessionDiff::storedValues() const
{
    std::size_t values = 0;
    eachField([&](auto member, auto) { values += (this->*member).storedValues(); });
    return values;
}

} // namespace attn
