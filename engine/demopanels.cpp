// What the demonstration panels show (declared in demos.h): masks, shuffle, compare.

#include "demos.h"

#include <algorithm>
#include <tuple>

namespace attn {
namespace {

int clampedHead(const Session& session, int head)
{
    return std::clamp(head, 0, std::max(session.heads - 1, 0));
}

Real largestWeight(const Matrix& weights)
{
    return weights.size() ? weights.maxCoeff() : 0;
}

} // namespace

MasksDemo masksDemo(const Session& session, int radius, int head)
{
    MasksDemo demo;
    demo.head = clampedHead(session, head);
    demo.radius = std::max(radius, 0);
    demo.pairs = session.n() * session.n();
    const MaskKind kinds[3] = {MaskKind::None, MaskKind::Causal, MaskKind::Window};
    for (std::size_t i = 0; i < demo.panels.size(); ++i) {
        MaskDemoPanel& panel = demo.panels[i];
        panel.kind = kinds[i];
        panel.session = withMask(session, kinds[i], demo.radius);
        panel.mask = buildMask(panel.session);
        panel.weights = headWeights(panel.session, demo.head);
        panel.allowedPairs = allowedPairs(panel.mask);
    }
    return demo;
}

ShuffleDemo shuffleDemo(const Session& session, const std::vector<int>& perm, int head)
{
    ShuffleDemo demo;
    demo.head = clampedHead(session, head);
    demo.permutation = perm;
    for (int old : perm)
        demo.shuffledTokens.push_back(session.tokens.at(std::size_t(old)));
    demo.normalizer = session.normalizer;
    const Session without = shuffleBaseSession(session, false);
    const Session with = shuffleBaseSession(session, true);
    demo.encoding = with.positional.kind;
    demo.withoutEncoding = checkShuffle(without, perm, demo.head);
    demo.withEncoding = checkShuffle(with, perm, demo.head);
    return demo;
}

CompareDemo compareDemo(const Session& session, ComparePreset preset, int head)
{
    CompareDemo demo;
    demo.preset = preset;
    demo.head = clampedHead(session, head);
    std::tie(demo.first, demo.second) = comparePair(session, preset);
    demo.firstWeights = headWeights(demo.first, demo.head);
    demo.secondWeights = headWeights(demo.second, demo.head);
    demo.difference = demo.firstWeights - demo.secondWeights;
    demo.maxDifference = demo.difference.size() ? demo.difference.cwiseAbs().maxCoeff() : 0;
    demo.colourTop =
        std::max({Real(1), largestWeight(demo.firstWeights), largestWeight(demo.secondWeights)});
    return demo;
}

} // namespace attn
