#include "npzdump.h"

#include "headroles.h"
#include "npzwriter.h"
#include "rollout.h"
#include "sessionerror.h"

#include <cmath>

namespace attn {
namespace {

/// Refuses NaN by its name, as the JSON dump does (±∞ is kept: NumPy has it).
class CheckedNpz
{
public:
    explicit CheckedNpz(const std::string& path) : m_npz(path) {}

    /// The writer reads m at commit(): it must outlive it (the pass's matrices do).
    template <typename M> void add(const std::string& name, const M& m)
    {
        check(name, m);
        m_npz.add(name, m);
    }
    /// A matrix made for the archive (rollout, head roles): the writer keeps it.
    template <typename M> void addOwned(const std::string& name, M m)
    {
        check(name, m);
        m_npz.add(name, std::move(m));
    }
    void add(const std::string& name, const std::vector<std::int64_t>& v) { m_npz.add(name, v); }
    void commit() { m_npz.commit(); }

private:
    template <typename M> static void check(const std::string& name, const M& m)
    {
        for (Eigen::Index c = 0; c < m.cols(); ++c)
            for (Eigen::Index r = 0; r < m.rows(); ++r)
                if (std::isnan(static_cast<double>(m(r, c))))
                    throw SessionError(
                        name + "[" + std::to_string(r) + "][" + std::to_string(c) + "]",
                        "NaN (the pass overflowed a double: use smaller inputs or weights)");
    }

    NpzWriter m_npz;
};

std::string key(const std::string& prefix, const char* name)
{
    return prefix + name;
}

template <typename Scalar>
void addHeads(CheckedNpz& npz, const std::string& prefix,
              const std::vector<BasicHeadResult<Scalar>>& heads, const char* name = "head_results.")
{
    for (std::size_t h = 0; h < heads.size(); ++h) {
        const std::string p = prefix + name + std::to_string(h) + ".";
        const BasicHeadResult<Scalar>& r = heads[h];
        npz.add(key(p, "Q"), r.q);
        npz.add(key(p, "K"), r.k);
        npz.add(key(p, "V"), r.v);
        npz.add(key(p, "raw_scores"), r.rawScores);
        npz.add(key(p, "scores"), r.scores);
        npz.add(key(p, "weights"), r.weights);
        npz.add(key(p, "output"), r.output);
    }
}

/// The embeddings, blocks and final state of a pass; prefix "encoder." for an encoder's.
/// ids must outlive the archive's commit().
template <typename Scalar>
void addPass(CheckedNpz& npz, const BasicModelResult<Scalar>& r, const std::string& prefix,
             const std::vector<std::int64_t>& ids)
{
    if (!ids.empty())
        npz.add(prefix + "ids", ids);
    npz.add(prefix + "X", r.x);
    npz.add(prefix + "P", r.p);
    npz.add(prefix + "H_0", r.h0);
    npz.add(prefix + "mask", r.mask);
    for (std::size_t l = 0; l < r.blocks.size(); ++l) {
        const BasicBlockResult<Scalar>& b = r.blocks[l];
        const std::string p = prefix + "layers." + std::to_string(l) + ".";
        npz.add(key(p, "input"), b.input);
        if (!b.ln1.empty())
            npz.add(key(p, "ln1"), b.ln1.output);
        addHeads(npz, p, b.heads);
        npz.add(key(p, "concat"), b.concat);
        npz.add(key(p, "attention_output"), b.attentionOutput);
        npz.add(key(p, "after_attention"), b.afterAttention);
        if (!b.cross.empty()) {
            if (!b.cross.ln.empty())
                npz.add(key(p, "ln_cross"), b.cross.ln.output);
            addHeads(npz, p, b.cross.heads, "cross_head_results.");
            npz.add(key(p, "cross_concat"), b.cross.concat);
            npz.add(key(p, "cross_output"), b.cross.output);
            npz.add(key(p, "after_cross"), b.cross.after);
        }
        if (!b.ln2.empty())
            npz.add(key(p, "ln2"), b.ln2.output);
        if (b.ffnHidden.size() > 0 || b.ffnOutput.size() > 0) {
            npz.add(key(p, "ffn_hidden"), b.ffnHidden);
            npz.add(key(p, "ffn_output"), b.ffnOutput);
        }
        npz.add(key(p, "output"), b.output);
    }
    npz.add(prefix + "final", r.final);
}

std::vector<std::int64_t> idsOf(const std::vector<int>& ids)
{
    return {ids.begin(), ids.end()};
}

} // namespace

template <typename Scalar>
void writeModelNpz(const std::string& path, const BasicModel<Scalar>& m,
                   const BasicModelResult<Scalar>& r)
{
    CheckedNpz npz(path);
    const std::vector<std::int64_t> ids = idsOf(m.tokenIds()); // alive until commit()
    addPass(npz, r, "", ids);
    const std::vector<std::int64_t> sourceIds =
        m.hasEncoder() ? idsOf(m.encoder.front().tokenIds()) : std::vector<std::int64_t>{};
    if (m.hasEncoder() && !r.encoder.empty())
        addPass(npz, r.encoder.front(), "encoder.", sourceIds);
    if (r.logits.size() > 0)
        npz.add("logits", r.logits);
    // Rollout (computed in double, stored in the pass's scalar as every array) and the
    // head roles as blocks × heads arrays.
    npz.addOwned("rollout",
                 MatrixOf<Scalar>(attentionRollout(m, r).rollout.template cast<Scalar>()));
    const std::vector<HeadRole> roles = headRoles(m, r);
    const int blocks = int(r.blocks.size()), heads = m.heads();
    if (int(roles.size()) == blocks * heads && blocks > 0) {
        MatrixOf<Scalar> previous(blocks, heads), sink(blocks, heads), induction(blocks, heads),
            distance(blocks, heads), entropy(blocks, heads);
        MaskMatrix ablated(blocks, heads);
        bool repeats = false;
        for (const HeadRole& role : roles) {
            previous(role.block, role.head) = Scalar(role.previousToken);
            sink(role.block, role.head) = Scalar(role.sink);
            induction(role.block, role.head) = Scalar(role.prefixMatching);
            distance(role.block, role.head) = Scalar(role.meanDistance);
            entropy(role.block, role.head) = Scalar(role.entropy);
            ablated(role.block, role.head) = role.ablated ? 1 : 0;
            repeats = repeats || role.hasPrefixMatching;
        }
        npz.addOwned("head_roles.previous", std::move(previous));
        npz.addOwned("head_roles.sink", std::move(sink));
        if (repeats)
            npz.addOwned("head_roles.induction", std::move(induction));
        npz.addOwned("head_roles.distance", std::move(distance));
        npz.addOwned("head_roles.entropy", std::move(entropy));
        npz.addOwned("head_roles.ablated", std::move(ablated));
    }
    npz.commit();
}

template void writeModelNpz(const std::string&, const Model&, const ModelResult&);
template void writeModelNpz(const std::string&, const FloatModel&, const FloatModelResult&);

void writeSessionNpz(const std::string& path, const Session& s, const ForwardResult& r)
{
    CheckedNpz npz(path);
    npz.add("X", r.x);
    npz.add("P", r.p);
    npz.add("X_in", r.xIn);
    npz.add("mask", r.mask);
    addHeads(npz, "", r.heads);
    npz.add("concat", r.concat);
    npz.add("W_O", s.wo);
    npz.add("output", r.output);
    npz.commit();
}

} // namespace attn
