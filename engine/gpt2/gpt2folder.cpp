#include "gpt2folder.h"

#include "bpetokenizer.h"
#include "safetensors.h"
#include "sessionerror.h"
#include "textfile.h"

#include <filesystem>
#include <nlohmann/json.hpp>

namespace attn {
namespace {

using Json = nlohmann::json;
using FloatMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

/// A whole number in lo … hi.
int configInt(const Json& j, const char* name, int lo, int hi)
{
    if (!j.contains(name))
        throw SessionError(name, "missing");
    const Json& v = j[name];
    if (!v.is_number_integer() || (v.is_number_unsigned() && v.get<std::uint64_t>() > 1u << 30) ||
        v.get<std::int64_t>() < lo || v.get<std::int64_t>() > hi)
        throw SessionError(name, "expected a whole number from " + std::to_string(lo) + " to " +
                                     std::to_string(hi) + ", got " + v.dump());
    return static_cast<int>(v.get<std::int64_t>());
}

std::string shapeText(const std::vector<std::int64_t>& shape)
{
    std::string text;
    for (std::size_t i = 0; i < shape.size(); ++i)
        text += (i ? "×" : "") + std::to_string(shape[i]);
    return shape.empty() ? "a scalar" : text;
}

/// The checkpoint's tensors by their names without "transformer.", checked against the
/// shapes config.json implies before any data is read.
class Tensors
{
public:
    explicit Tensors(const std::string& path) : m_file(path) {}

    const TensorInfo& get(const std::string& name, std::vector<std::int64_t> shape,
                          const std::string& why) const
    {
        const TensorInfo* t = m_file.find("transformer." + name);
        if (!t)
            t = m_file.find(name);
        if (!t)
            throw SessionError(name, "missing (" + why + ")").withSource(m_file.path());
        if (t->shape != shape)
            throw SessionError(t->name, "expected " + shapeText(shape) + " (" + why + "), got " +
                                            shapeText(t->shape))
                .withSource(m_file.path());
        return *t;
    }

    const std::string& path() const { return m_file.path(); }

    bool has(const std::string& name) const
    {
        return m_file.find("transformer." + name) || m_file.find(name);
    }

    /// rows × cols, stored row-major (x · W: in × out), as the engine's double.
    Matrix matrix(const TensorInfo& t, Eigen::Index rows, Eigen::Index cols) const
    {
        FloatMatrix values(rows, cols);
        m_file.read(t, values.data());
        return values.cast<Real>();
    }

    RowVector vector(const TensorInfo& t) const { return matrix(t, 1, t.count()); }

private:
    SafetensorsFile m_file;
};

Activation activationOf(const Json& config)
{
    if (!config.contains("activation_function") || config["activation_function"].is_null())
        return Activation::GeluTanh; // GPT-2's default, "gelu_new"
    const Json& a = config["activation_function"];
    const std::string name = a.is_string() ? a.get<std::string>() : a.dump();
    if (name == "gelu_new" || name == "gelu_pytorch_tanh" || name == "gelu_fast")
        return Activation::GeluTanh;
    if (name == "gelu")
        return Activation::Gelu;
    if (name == "relu")
        return Activation::Relu;
    throw SessionError("activation_function",
                       "expected gelu_new, gelu or relu, got \"" + name + "\"");
}

LayerNormParams readNorm(const Tensors& t, const std::string& name, int d, Real eps,
                         const std::string& why)
{
    return {t.vector(t.get(name + ".weight", {d}, why)), t.vector(t.get(name + ".bias", {d}, why)),
            eps};
}

Block readBlock(const Tensors& t, const Gpt2Config& c, int l)
{
    const int d = c.dModel, dk = d / c.heads;
    const std::string h = "h." + std::to_string(l) + ".";
    if (!t.has(h + "ln_1.weight"))
        throw SessionError(h + "ln_1.weight", "missing: config.json's n_layer is " +
                                                  std::to_string(c.layers) + ", the file has " +
                                                  std::to_string(l) + " blocks")
            .withSource(t.path());
    const std::string why = "config.json: n_embd " + std::to_string(d);
    const std::string whyFf = why + ", d_ff " + std::to_string(c.dFf);
    Block b;
    b.residual = true;
    b.norm = NormPlacement::Pre;
    b.ln1 = readNorm(t, h + "ln_1", d, c.eps, why);
    b.ln2 = readNorm(t, h + "ln_2", d, c.eps, why);
    // c_attn: d × 3d, the columns Q, then K, then V; head k's are k·d_k … (k+1)·d_k − 1.
    const Matrix qkv = t.matrix(t.get(h + "attn.c_attn.weight", {d, 3 * d}, why), d, 3 * d);
    const RowVector qkvBias = t.vector(t.get(h + "attn.c_attn.bias", {3 * d}, why));
    AttentionWeights& a = b.attention;
    for (int k = 0; k < c.heads; ++k) {
        a.wq.push_back(qkv.middleCols(k * dk, dk));
        a.wk.push_back(qkv.middleCols(d + k * dk, dk));
        a.wv.push_back(qkv.middleCols(2 * d + k * dk, dk));
        a.bq.push_back(qkvBias.segment(k * dk, dk));
        a.bk.push_back(qkvBias.segment(d + k * dk, dk));
        a.bv.push_back(qkvBias.segment(2 * d + k * dk, dk));
    }
    a.wo = t.matrix(t.get(h + "attn.c_proj.weight", {d, d}, why), d, d);
    a.bo = t.vector(t.get(h + "attn.c_proj.bias", {d}, why));
    a.additiveW = Matrix::Zero(c.heads, dk); // unused: GPT-2 scores by scaled dot product
    FeedForward f;
    f.w1 = t.matrix(t.get(h + "mlp.c_fc.weight", {d, c.dFf}, whyFf), d, c.dFf);
    f.b1 = t.vector(t.get(h + "mlp.c_fc.bias", {c.dFf}, whyFf));
    f.w2 = t.matrix(t.get(h + "mlp.c_proj.weight", {c.dFf, d}, whyFf), c.dFf, d);
    f.b2 = t.vector(t.get(h + "mlp.c_proj.bias", {d}, why));
    f.activation = c.activation;
    b.ffn = std::move(f);
    return b;
}

} // namespace

Gpt2Config parseGpt2Config(std::string_view text, const std::string& source)
{
    try {
        const Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
        if (j.is_discarded())
            throw SessionError("", "not JSON");
        if (!j.is_object())
            throw SessionError("", "expected a JSON object");
        if (!j.contains("model_type") || j["model_type"] != "gpt2")
            throw SessionError("model_type",
                               "expected \"gpt2\", got " +
                                   (j.contains("model_type") ? j["model_type"].dump() : "nothing"));
        Gpt2Config c;
        c.layers = configInt(j, "n_layer", 1, kMaxLayers);
        c.heads = configInt(j, "n_head", 1, kMaxDModel);
        c.dModel = configInt(j, "n_embd", 1, kMaxDModel);
        c.positions = j.contains("n_positions") ? configInt(j, "n_positions", 1, 1 << 20)
                                                : configInt(j, "n_ctx", 1, 1 << 20);
        c.vocabulary = configInt(j, "vocab_size", 1, kMaxVocabulary);
        if (c.dModel % c.heads != 0)
            throw SessionError("n_embd", std::to_string(c.dModel) +
                                             " is not divisible by n_head (" +
                                             std::to_string(c.heads) + ")");
        c.dFf = j.contains("n_inner") && !j["n_inner"].is_null()
                    ? configInt(j, "n_inner", 1, 16 * kMaxDModel)
                    : 4 * c.dModel;
        if (j.contains("layer_norm_epsilon")) {
            const Json& e = j["layer_norm_epsilon"];
            if (!e.is_number() || !(e.get<double>() > 0) || e.get<double>() >= 1)
                throw SessionError("layer_norm_epsilon",
                                   "expected a number in (0, 1), got " + e.dump());
            c.eps = e.get<double>();
        }
        c.activation = activationOf(j);
        return c;
    } catch (const SessionError& e) {
        throw e.withSource(source);
    }
}

Model readGpt2Folder(const std::string& dir, std::string_view text, TextLimit limit)
{
    const std::filesystem::path folder(dir);
    const std::string configPath = (folder / "config.json").string();
    const Gpt2Config c = parseGpt2Config(readTextFile(configPath), configPath);
    const BpeTokenizer tokenizer = BpeTokenizer::fromFolder(dir);
    if (tokenizer.size() != c.vocabulary)
        throw SessionError("", std::to_string(tokenizer.size()) +
                                   " tokens, but config.json's "
                                   "vocab_size is " +
                                   std::to_string(c.vocabulary))
            .withSource((folder / "vocab.json").string());
    std::vector<int> ids = tokenizer.encode(text);
    if (static_cast<int>(ids.size()) > c.positions && limit == TextLimit::Truncate)
        ids.resize(static_cast<std::size_t>(c.positions));
    if (static_cast<int>(ids.size()) > c.positions)
        throw SessionError("text", std::to_string(ids.size()) + " tokens, more than the model's " +
                                       std::to_string(c.positions) +
                                       " positions (" + configPath + ": n_positions)");
    const Tensors t((folder / "model.safetensors").string());
    const int d = c.dModel;
    const std::string why =
        "config.json: vocab_size " + std::to_string(c.vocabulary) + ", n_embd " + std::to_string(d);

    Model m;
    std::error_code error; // absolute() of a path that exists fails only on a broken cwd
    m.folder = std::filesystem::absolute(folder, error).lexically_normal().string();
    if (error)
        m.folder = folder.lexically_normal().string();
    m.text = std::string(text);
    Session& s = m.settings;
    s.title = folder.filename().empty() ? folder.parent_path().filename().string()
                                        : folder.filename().string();
    s.dModel = d;
    s.heads = c.heads;
    s.positional.kind = PeKind::Learned;
    s.score = ScoreKind::ScaledDot;
    s.mask.kind = MaskKind::Causal;
    s.normalizer = NormalizerKind::Softmax;
    m.vocabulary = tokenizer.pieces();
    m.tokenText.reserve(m.vocabulary.size());
    for (const std::string& piece : m.vocabulary)
        m.tokenText.push_back(pieceText(piece));
    for (int id : ids)
        s.tokens.push_back(m.vocabulary[static_cast<std::size_t>(id)]);

    m.tokenEmbeddings = t.matrix(t.get("wte.weight", {c.vocabulary, d}, why), c.vocabulary, d);
    m.learnedPositions = t.matrix(t.get("wpe.weight", {c.positions, d},
                                        "config.json: n_positions " + std::to_string(c.positions) +
                                            ", n_embd " + std::to_string(d)),
                                  c.positions, d);
    for (int l = 0; l < c.layers; ++l)
        m.layers.push_back(readBlock(t, c, l));
    m.finalNorm = readNorm(t, "ln_f", d, c.eps, "config.json: n_embd " + std::to_string(d));
    m.unembedding = UnembeddingKind::Tied;
    m.unembeddingBias = RowVector::Zero(c.vocabulary);
    // GPT2LMHeadModel saves lm_head.weight (V × d) too; it is the tied unembedding unless it
    // differs from wte.
    if (t.has("lm_head.weight")) {
        const Matrix lm =
            t.matrix(t.get("lm_head.weight", {c.vocabulary, d}, why), c.vocabulary, d);
        if (lm != m.tokenEmbeddings) {
            m.unembedding = UnembeddingKind::Matrix;
            m.unembeddingMatrix = lm.transpose();
        }
    }
    validate(m);
    return m;
}

} // namespace attn
