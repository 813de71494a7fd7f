#include "jsonwriter.h"

namespace attn {
namespace {

bool isMatrixJson(const Json& j)
{
    return j.is_array() && !j.empty() && j[0].is_array() && !j[0].empty() && !j[0][0].is_array();
}

/// Readable and still compact: one key per line, one matrix row per line.
void writePretty(const Json& j, std::string& out, int indent)
{
    const std::string pad(indent, ' ');
    const std::string inner(indent + 2, ' ');
    if (j.is_object() && !j.empty()) {
        out += "{\n";
        bool first = true;
        for (const auto& [key, value] : j.items()) {
            out += (first ? "" : ",\n") + inner + Json(key).dump() + ": ";
            writePretty(value, out, indent + 2);
            first = false;
        }
        out += "\n" + pad + "}";
    } else if (j.is_array() && !j.empty() &&
               (isMatrixJson(j) || isMatrixJson(j[0]) || j[0].is_object())) {
        out += "[\n";
        for (std::size_t i = 0; i < j.size(); ++i) {
            out += (i ? ",\n" : "") + inner;
            if (j[i].is_array() && !isMatrixJson(j[i]))
                out += j[i].dump();
            else
                writePretty(j[i], out, indent + 2);
        }
        out += "\n" + pad + "]";
    } else {
        out += j.dump(-1, ' ', false);
    }
}

} // namespace

std::string notFiniteProblem(Real value, const std::string& field)
{
    const std::string what = std::isnan(value) ? "NaN" : value > 0 ? "+inf" : "-inf";
    const bool scores = field.ends_with(".scores") || field.ends_with(".row_max");
    return what + ", which a JSON file cannot hold (" +
           (scores ? "raw_scores / temperature overflows a double: use a larger temperature)"
                   : "the pass overflowed a double: use smaller inputs or weights)");
}

Json matricesJson(const std::vector<Matrix>& list, const std::string& field)
{
    Json out = Json::array();
    for (std::size_t i = 0; i < list.size(); ++i)
        out.push_back(matrixJson(list[i], indexed(field, i)));
    return out;
}

template <typename Scalar> Json vectorJson(const VectorOf<Scalar>& v, const std::string& field)
{
    for (Eigen::Index i = 0; i < v.size(); ++i)
        if (!std::isfinite(v(i)))
            throw SessionError(indexed(field, i), notFiniteProblem(v(i), field));
    return Json(std::vector<Real>(v.data(), v.data() + v.size()));
}

template <typename Scalar>
Json headResultJson(const BasicHeadResult<Scalar>& h, const std::string& field, bool statistics)
{
    Json out = {{"Q", matrixJson(h.q, field + "Q")},
                {"K", matrixJson(h.k, field + "K")},
                {"V", matrixJson(h.v, field + "V")},
                {"raw_scores", matrixJson(h.rawScores, field + "raw_scores")},
                {"scores", matrixJson(h.scores, field + "scores")},
                {"weights", matrixJson(h.weights, field + "weights")},
                {"output", matrixJson(h.output, field + "output")}};
    if (statistics) {
        out["row_max"] = vectorJson(h.rowMax, field + "row_max");
        out["row_sum"] = vectorJson(h.rowSum, field + "row_sum");
        out["entropy"] = vectorJson(h.entropy, field + "entropy");
        out["mean_distance"] = vectorJson(h.meanDistance, field + "mean_distance");
    }
    return out;
}

template Json vectorJson(const VectorOf<double>&, const std::string&);
template Json vectorJson(const VectorOf<float>&, const std::string&);
template Json headResultJson(const BasicHeadResult<double>&, const std::string&, bool);
template Json headResultJson(const BasicHeadResult<float>&, const std::string&, bool);

std::string pretty(const Json& j)
{
    std::string out;
    writePretty(j, out, 0);
    return out + "\n";
}

} // namespace attn
