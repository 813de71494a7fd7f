#include "sessionreader.h"

#include "sessionedit.h"
#include "sessionerror.h"
#include "jsonread.h"
#include "sessionjson.h"

#include <cmath>
#include <string>

namespace attn {
namespace {

/// The heads' matrices of one kind, read from the file or derived from the seed.
void readHeadMatrices(const Json& weights, const char* name, MatrixKind kind, Session& s)
{
    if (!weights.contains(name))
        return deriveMissing(s, kind);
    const std::string field = std::string("weights.") + name;
    const Json& j = requireArray(weights[name], field);
    std::vector<Matrix>& heads = headMatrices(s, kind);
    heads.clear();
    for (std::size_t h = 0; h < j.size(); ++h)
        heads.push_back(readMatrix(j[h], indexed(field, h), s.dK()));
}

} // namespace

int checkFormat(const Json& doc)
{
    if (!doc.is_object())
        throw SessionError("", std::string("not a session: expected a JSON object, got ") +
                                   typeName(doc));
    if (!doc.contains("format"))
        throw SessionError("format", "missing (not an AttnViz session)");
    if (readString(doc["format"], "format") != kSessionFormat)
        throw SessionError("format", "expected \"" + std::string(kSessionFormat) + "\", got \"" +
                                         doc["format"].get<std::string>() + "\"");
    if (!doc.contains("version"))
        throw SessionError("version", "missing (required)");
    const long long version = readInteger(doc["version"], "version", 0, 1LL << 40);
    if (version != kVersion && version != kModelVersion)
        throw SessionError("version", "version " + std::to_string(version) +
                                          " is not supported (this program reads versions " +
                                          std::to_string(kVersion) + " and " +
                                          std::to_string(kModelVersion) + ")");
    return static_cast<int>(version);
}

void readSettings(const Json& doc, Session& s, bool readLearned)
{
    for (const char* required : {"tokens", "d_model", "heads"})
        if (!doc.contains(required))
            throw SessionError(required, "missing (required)");
    s.title = doc.contains("title") ? readString(doc["title"], "title") : "";
    const Json& tokens = requireArray(doc["tokens"], "tokens");
    if (tokens.size() > static_cast<std::size_t>(kMaxTokens))
        throw SessionError("tokens", std::to_string(tokens.size()) +
                                         " tokens, more than the limit of " +
                                         std::to_string(kMaxTokens));
    for (std::size_t i = 0; i < tokens.size(); ++i)
        s.tokens.push_back(readString(tokens[i], indexed("tokens", i)));
    s.dModel = static_cast<int>(readInteger(doc["d_model"], "d_model", 1, kMaxDModel));
    s.heads = static_cast<int>(readInteger(doc["heads"], "heads", 1, kMaxDModel));
    if (s.dModel % s.heads != 0)
        throw SessionError("heads", "d_model " + std::to_string(s.dModel) +
                                        " is not divisible by heads " + std::to_string(s.heads));
    if (doc.contains("seed")) {
        const Json& seed = doc["seed"];
        if (!seed.is_number_unsigned() && !(seed.is_number_integer() && seed.get<long long>() >= 0))
            throw SessionError("seed", "expected a whole number ≥ 0");
        s.seed = seed.get<std::uint64_t>();
    }
    if (doc.contains("positional_encoding")) {
        const Json& pe = doc["positional_encoding"];
        if (!pe.is_object())
            throw SessionError("positional_encoding", "expected an object");
        if (!pe.contains("kind"))
            throw SessionError("positional_encoding.kind", "missing");
        s.positional.kind = readKind<PeKind>(pe["kind"], "positional_encoding.kind", parsePeKind);
        if (pe.contains("base"))
            s.positional.base = readNumber(pe["base"], "positional_encoding.base");
        // A matrix is kept even while another kind is in use, so that switching back finds it.
        if (pe.contains("matrix") && readLearned)
            s.positional.learned = readMatrix(pe["matrix"], "positional_encoding.matrix", s.dModel);
        else if (!pe.contains("matrix") && s.positional.kind == PeKind::Learned)
            throw SessionError("positional_encoding.matrix", "missing (required for learned)");
    }
    if (doc.contains("score"))
        s.score = readKind<ScoreKind>(doc["score"], "score", parseScoreKind);
    if (doc.contains("temperature"))
        s.temperature = readNumber(doc["temperature"], "temperature");
    if (doc.contains("normalizer"))
        s.normalizer =
            readKind<NormalizerKind>(doc["normalizer"], "normalizer", parseNormalizerKind);
    if (doc.contains("mask")) {
        const Json& mask = doc["mask"];
        if (!mask.is_object())
            throw SessionError("mask", "expected an object");
        if (!mask.contains("kind"))
            throw SessionError("mask.kind", "missing");
        s.mask.kind = readKind<MaskKind>(mask["kind"], "mask.kind", parseMaskKind);
        if (mask.contains("radius"))
            s.mask.radius =
                static_cast<int>(readInteger(mask["radius"], "mask.radius", 0, 1 << 30));
        if (mask.contains("matrix"))
            s.mask.custom = readMask(mask["matrix"], "mask.matrix", s.n());
        else if (s.mask.kind == MaskKind::Custom)
            throw SessionError("mask.matrix", "missing (required for custom)");
    }
}

Session sessionFromJson(const Json& doc)
{
    if (checkFormat(doc) != kVersion)
        throw SessionError("version", "a version 2 session (a whole transformer) is opened "
                                      "with --headless in this version; the window shows "
                                      "version 1");
    Session s;
    readSettings(doc, s, true);
    if (doc.contains("embeddings"))
        s.embeddings = readMatrix(doc["embeddings"], "embeddings", s.dModel);
    else
        deriveMissing(s, MatrixKind::Embeddings);

    const Json weights = doc.contains("weights") ? doc["weights"] : Json::object();
    if (!weights.is_object())
        throw SessionError("weights", "expected an object");
    readHeadMatrices(weights, "W_Q", MatrixKind::WQ, s);
    readHeadMatrices(weights, "W_K", MatrixKind::WK, s);
    readHeadMatrices(weights, "W_V", MatrixKind::WV, s);
    if (weights.contains("W_O"))
        s.wo = readMatrix(weights["W_O"], "weights.W_O", s.dModel);
    else
        deriveMissing(s, MatrixKind::WO);
    if (weights.contains("additive_w")) {
        // A list of heads vectors in the file, one heads × d_k matrix in memory.
        const Json& list = requireArray(weights["additive_w"], "weights.additive_w");
        if (list.size() != static_cast<std::size_t>(s.heads))
            throw SessionError("weights.additive_w", "expected " + std::to_string(s.heads) +
                                                         " vectors, got " +
                                                         std::to_string(list.size()));
        s.additiveW.resize(s.heads, s.dK());
        for (std::size_t h = 0; h < list.size(); ++h) {
            const Vector w = readVector(list[h], indexed("weights.additive_w", h));
            if (w.size() != s.dK())
                throw SessionError(indexed("weights.additive_w", h),
                                   "expected " + std::to_string(s.dK()) + " numbers, got " +
                                       std::to_string(w.size()));
            s.additiveW.row(h) = w.transpose();
        }
    } else {
        deriveMissing(s, MatrixKind::AdditiveW);
    }
    validate(s);
    return s;
}

Json parseDocument(std::string_view text)
{
    if (text.size() > kMaxSessionBytes)
        throw SessionError("", "file too large (" + std::to_string(text.size() >> 20) +
                                   " MB; sessions are at most " +
                                   std::to_string(kMaxSessionBytes >> 20) + " MB)");
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
        throw SessionError("", "empty file, not a session");
    Json doc;
    JsonPath path;
    try {
        doc = Json::parse(text, [&path](int, Json::parse_event_t event, Json& parsed) {
            path.track(event, parsed);
            return true;
        });
    } catch (const Json::out_of_range& e) {
        // nlohmann refuses numbers beyond a double's range (1e400) while parsing.
        throw SessionError(path.text(), "not a finite number");
    } catch (const Json::exception& e) {
        std::string why = e.what();
        if (const auto pos = why.find("] "); pos != std::string::npos)
            why = why.substr(pos + 2);
        throw SessionError("", "not valid JSON (" + why + ")");
    }
    return doc;
}

Session readSession(std::string_view text, const std::string& source, const SessionOverrides& o)
{
    try {
        Json doc = parseDocument(text);
        if (doc.is_object())
            applyOverrides(doc, o);
        return sessionFromJson(doc);
    } catch (const SessionError& e) {
        throw e.withSource(source);
    }
}

} // namespace attn
