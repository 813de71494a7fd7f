#include "imagetokens.h"

#include "initializers.h"
#include "jsonwriter.h"
#include "session.h"
#include "sessionerror.h"

namespace attn {

ImageTokens imageTokens(const RgbImage& image, int patch, std::optional<int> dModel,
                        std::uint64_t seed, const std::string& source)
{
    if (patch < 1)
        throw SessionError(source,
                           "--patch: expected a whole number ≥ 1, got " + std::to_string(patch));
    ImageTokens t;
    t.patch = patch;
    t.cols = image.width / patch;
    t.rows = image.height / patch;
    if (t.cols == 0 || t.rows == 0)
        throw SessionError(source, "the image (" + std::to_string(image.width) + " × " +
                                       std::to_string(image.height) +
                                       " pixels) is smaller than one patch of " +
                                       std::to_string(patch) + " × " + std::to_string(patch));
    if (t.n() > kMaxTokens)
        throw SessionError(source, std::to_string(t.cols) + " × " + std::to_string(t.rows) + " = " +
                                       std::to_string(t.n()) + " patches, at most " +
                                       std::to_string(kMaxTokens) +
                                       " tokens: use a larger --patch or a smaller image");
    const int width = 3 * patch * patch;
    if (width > kMaxDModel)
        throw SessionError(source, "--patch " + std::to_string(patch) +
                                       ": 3 · P² = " + std::to_string(width) +
                                       " numbers a patch, at most " + std::to_string(kMaxDModel));
    if (dModel && (*dModel < 1 || *dModel > kMaxDModel))
        throw SessionError(source, "--d-model: expected 1 to " + std::to_string(kMaxDModel) +
                                       ", got " + std::to_string(*dModel));
    t.patches.resize(t.n(), width);
    for (int pr = 0; pr < t.rows; ++pr)
        for (int pc = 0; pc < t.cols; ++pc) {
            const int k = pr * t.cols + pc;
            t.tokens.push_back("r" + std::to_string(pr + 1) + "c" + std::to_string(pc + 1));
            for (int y = 0; y < patch; ++y)
                for (int x = 0; x < patch; ++x)
                    for (int c = 0; c < 3; ++c)
                        t.patches(k, (y * patch + x) * 3 + c) =
                            image.at(pc * patch + x, pr * patch + y, c);
        }
    if (dModel) {
        // Seeded as the session's own weights are: the same image and seed, the same tokens.
        t.projection =
            initialise(InitKind::XavierUniform, width, *dModel, seed, "image_projection");
        t.embeddings = t.patches * t.projection;
    } else {
        t.embeddings = t.patches;
    }
    return t;
}

std::string imageSessionText(const ImageTokens& tokens, int heads, std::uint64_t seed,
                             const std::string& title)
{
    Json doc = Json::object();
    doc["format"] = "attnviz-session";
    doc["version"] = 1;
    doc["title"] = title;
    doc["tokens"] = tokens.tokens;
    doc["d_model"] = tokens.embeddings.cols();
    doc["heads"] = heads;
    doc["seed"] = seed;
    doc["embeddings"] = matrixJson(tokens.embeddings, "embeddings");
    return pretty(doc);
}

} // namespace attn
