#include "attentionview.h"

namespace attn {

AttentionView attentionView(const Model& m, const ModelResult& r, int l)
{
    const Block& b = m.layers[l];
    const BlockResult& br = r.blocks[l];
    AttentionView view;
    Session& s = view.session;
    s = m.settings;
    s.embeddings = br.input;
    if (m.settings.positional.kind == PeKind::Learned)
        s.positional.learned = m.learnedPositions.topRows(m.n());
    s.wq = b.attention.wq;
    s.wk = b.attention.wk;
    s.wv = b.attention.wv;
    s.wo = b.attention.wo;
    s.additiveW = b.attention.additiveW;
    ForwardResult& f = view.result;
    // Block 1 reads X + P; a later block reads H_l, to which no encoding is added.
    f.x = l == 0 ? r.x : br.input;
    f.p = l == 0 ? r.p : Matrix::Zero(m.n(), m.dModel());
    f.xIn = b.norm == NormPlacement::Pre ? br.ln1.output : br.input;
    f.mask = r.mask;
    f.heads = br.heads;
    f.concat = br.concat;
    f.output = br.attentionOutput;
    return view;
}

} // namespace attn
