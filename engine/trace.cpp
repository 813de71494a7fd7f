#include "trace.h"

#include <cmath>

namespace attn {

WeightTrace traceWeight(const Session& s, const ForwardResult& r, int head, int i, int j)
{
    const HeadResult& h = r.heads.at(head);
    WeightTrace t;
    t.head = head;
    t.query = i;
    t.key = j;
    t.q = h.q.row(i);
    t.k = h.k.row(j);
    t.dot = t.q.dot(t.k);
    t.normQ = t.q.stableNorm();
    t.normK = t.k.stableNorm();
    t.sqrtDk = std::sqrt(static_cast<Real>(s.dK()));
    t.raw = h.rawScores(i, j);
    t.temperature = s.temperature;
    t.score = h.scores(i, j);
    t.allowed = r.mask(i, j) != 0;
    t.rowMax = h.rowMax(i);
    t.rowSum = h.rowSum(i);
    t.weight = h.weights(i, j);
    t.expValue = (t.allowed && s.normalizer == NormalizerKind::Softmax && t.rowSum > 0)
                     ? std::exp(t.score - t.rowMax)
                     : 0;
    return t;
}

} // namespace attn
