#include "modelreference.h"

#include "gpt2folder.h"
#include "jsonread.h"
#include "jsonwriter.h"
#include "modeledit.h"
#include "nametable.h"
#include "sessionjson.h"

#include <cmath>
#include <filesystem>

namespace attn {
namespace {

// The edits' "matrix" names: the session v2 field each matrix has.
constexpr NameTable<ModelMatrix, 23> kMatrixNames{{
    {ModelMatrix::TokenEmbeddings, "token_embeddings"},
    {ModelMatrix::LearnedPositions, "positional_encoding"},
    {ModelMatrix::WQ, "W_Q"},
    {ModelMatrix::WK, "W_K"},
    {ModelMatrix::WV, "W_V"},
    {ModelMatrix::BQ, "b_Q"},
    {ModelMatrix::BK, "b_K"},
    {ModelMatrix::BV, "b_V"},
    {ModelMatrix::WO, "W_O"},
    {ModelMatrix::BO, "b_O"},
    {ModelMatrix::Ln1Gain, "ln1.gain"},
    {ModelMatrix::Ln1Bias, "ln1.bias"},
    {ModelMatrix::Ln2Gain, "ln2.gain"},
    {ModelMatrix::Ln2Bias, "ln2.bias"},
    {ModelMatrix::W1, "W_1"},
    {ModelMatrix::B1, "b_1"},
    {ModelMatrix::W2, "W_2"},
    {ModelMatrix::B2, "b_2"},
    {ModelMatrix::FinalGain, "final_norm.gain"},
    {ModelMatrix::FinalBias, "final_norm.bias"},
    {ModelMatrix::Unembedding, "unembedding"},
    {ModelMatrix::UnembeddingBias, "b_U"},
    {ModelMatrix::AdditiveW, "additive_w"},
}};

bool perHead(ModelMatrix kind)
{
    return kind == ModelMatrix::WQ || kind == ModelMatrix::WK || kind == ModelMatrix::WV ||
           kind == ModelMatrix::BQ || kind == ModelMatrix::BK || kind == ModelMatrix::BV;
}

bool perBlock(ModelMatrix kind)
{
    return kind >= ModelMatrix::WQ && kind <= ModelMatrix::B2; // AdditiveW among them
}

void applyEdit(Model& m, const Json& e, const std::string& field)
{
    requireObject(e, field);
    const std::string name =
        readString(e.contains("matrix") ? e["matrix"] : Json(), field + ".matrix");
    const auto kind = kindOf(kMatrixNames, name);
    if (!kind)
        throw SessionError(field + ".matrix", "unknown matrix \"" + name + "\"");
    ModelMatrixRef ref{*kind, 0, 0};
    const auto integer = [&](const char* key, long long hi) {
        return static_cast<int>(
            readInteger(e.contains(key) ? e[key] : Json(), field + "." + key, 0, hi));
    };
    if (perBlock(*kind))
        ref.block = integer("block", m.layerCount() - 1);
    if (perHead(*kind))
        ref.head = integer("head", m.heads() - 1);
    if (!hasMatrix(m, ref))
        throw SessionError(field + ".matrix", "the model has no " + name);
    MatrixMap matrix = modelMatrix(m, ref);
    const int row = integer("row", matrix.rows() - 1);
    const int col = integer("col", matrix.cols() - 1);
    const Real value = readNumber(e.contains("value") ? e["value"] : Json(), field + ".value");
    if (!std::isfinite(value))
        throw SessionError(field + ".value", "expected a finite number");
    matrix(row, col) = value;
}

/// What a folder fixes and a reference cannot record: blocks, norms, residuals, FFNs.
bool sameStructure(const Model& a, const Model& b)
{
    if (a.layerCount() != b.layerCount() || a.unembedding != b.unembedding)
        return false;
    for (int l = 0; l < a.layerCount(); ++l) {
        const Block &x = a.layers[l], &y = b.layers[l];
        if (x.norm != y.norm || x.residual != y.residual ||
            x.ffn.has_value() != y.ffn.has_value() ||
            (x.ffn && (x.ffn->width() != y.ffn->width() || x.ffn->activation != y.ffn->activation)))
            return false;
    }
    return true;
}

} // namespace

bool refersToModelFolder(std::string_view text)
{
    const Json doc = Json::parse(text, nullptr, /*allow_exceptions=*/false);
    return doc.is_object() && doc.contains("model");
}

Model readModelReference(std::string_view text, const std::string& sessionPath)
{
    try {
        const Json doc = Json::parse(text, nullptr, /*allow_exceptions=*/false);
        if (doc.is_discarded() || !doc.is_object())
            throw SessionError("", "not a JSON object");
        const Json& ref = requireObject(doc["model"], "model");
        const std::string path =
            readString(ref.contains("path") ? ref["path"] : Json(), "model.path");
        // Normalised before it is opened, as the writer computed it: lexically, so that
        // "a/link/../models" means what it says in the file.
        const std::filesystem::path folder =
            (std::filesystem::path(sessionPath).parent_path() / std::filesystem::path(path))
                .lexically_normal();
        std::error_code error;
        if (!std::filesystem::is_directory(folder, error))
            throw SessionError("model.path", "the model folder " +
                                                 folder.lexically_normal().string() +
                                                 " has gone (moved or deleted)");
        const std::string words = doc.contains("text") ? readString(doc["text"], "text") : "";
        Model m;
        try {
            // The window keeps the first n_positions tokens of a longer text; so does this.
            m = readGpt2Folder(folder.string(), words, TextLimit::Truncate);
        } catch (const SessionError& e) {
            throw SessionError("model.path", e.what());
        }
        if (doc.contains("title"))
            m.settings.title = readString(doc["title"], "title");
        if (doc.contains("ablate")) {
            const Json& pairs = requireArray(doc["ablate"], "ablate");
            for (std::size_t i = 0; i < pairs.size(); ++i) {
                const Json& p = requireArray(pairs[i], indexed("ablate", i));
                if (p.size() != 2)
                    throw SessionError(indexed("ablate", i), "expected [block, head]");
                m.ablate.emplace_back(
                    static_cast<int>(
                        readInteger(p[0], indexed(indexed("ablate", i), 0), 0, m.layerCount() - 1)),
                    static_cast<int>(
                        readInteger(p[1], indexed(indexed("ablate", i), 1), 0, m.heads() - 1)));
            }
        }
        if (doc.contains("edits")) {
            const Json& edits = requireArray(doc["edits"], "edits");
            for (std::size_t i = 0; i < edits.size(); ++i)
                applyEdit(m, edits[i], indexed("edits", i));
        }
        return m;
    } catch (const SessionError& e) {
        throw e.withSource(sessionPath);
    }
}

std::string writeModelReference(const Model& model, const std::string& sessionDir)
{
    const Model original = readGpt2Folder(model.folder, ""); // only its weights are compared
    if (!sameStructure(model, original))
        throw SessionError("layers", "a model opened from a folder saves its text, ablations "
                                     "and weight edits; its blocks, norms and FFNs are the "
                                     "folder's");
    std::filesystem::path path(model.folder);
    if (!sessionDir.empty())
        path = std::filesystem::path(model.folder).lexically_relative(sessionDir);
    Json doc = Json::object();
    doc["format"] = kSessionFormat;
    doc["version"] = kModelVersion;
    doc["title"] = model.settings.title;
    doc["model"] = {{"path", path.empty() ? model.folder : path.generic_string()}};
    doc["text"] = model.text;
    Json ablate = Json::array();
    for (const auto& [block, head] : model.ablate)
        ablate.push_back({block, head});
    doc["ablate"] = ablate;
    Json edits = Json::array();
    for (const ModelMatrixRef& ref : modelMatrices(model)) {
        const auto name = nameOf(kMatrixNames, ref.kind);
        if (!hasMatrix(original, ref))
            continue;
        const ConstMatrixMap now = modelMatrix(model, ref), was = modelMatrix(original, ref);
        for (Eigen::Index c = 0; c < now.cols(); ++c)
            for (Eigen::Index r = 0; r < now.rows(); ++r)
                if (now(r, c) != was(r, c)) {
                    if (name.empty()) // never for a folder's model: it has a vocabulary
                        throw SessionError("edits", "this matrix cannot be recorded");
                    Json e = {{"matrix", name}};
                    if (perBlock(ref.kind))
                        e["block"] = ref.block;
                    if (perHead(ref.kind))
                        e["head"] = ref.head;
                    e["row"] = r;
                    e["col"] = c;
                    e["value"] = now(r, c);
                    edits.push_back(std::move(e));
                }
    }
    doc["edits"] = edits;
    return pretty(doc);
}

} // namespace attn
