#include "demopasses.h"

#include <memory>

namespace av {

DemoPass::Request masksDemoPass(int radius, int head)
{
    return {[radius, head](const attn::Session& s) -> std::shared_ptr<const void> {
                return std::make_shared<const attn::MasksDemo>(attn::masksDemo(s, radius, head));
            },
            3};
}

DemoPass::Request shuffleDemoPass(std::vector<int> permutation, int head)
{
    return {[permutation = std::move(permutation),
             head](const attn::Session& s) -> std::shared_ptr<const void> {
                return std::make_shared<const attn::ShuffleDemo>(
                    attn::shuffleDemo(s, permutation, head));
            },
            4};
}

DemoPass::Request compareDemoPass(attn::ComparePreset preset, int head)
{
    return {[preset, head](const attn::Session& s) -> std::shared_ptr<const void> {
                return std::make_shared<const attn::CompareDemo>(
                    attn::compareDemo(s, preset, head));
            },
            2};
}

} // namespace av
