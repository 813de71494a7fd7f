#include "dumpwriter.h"

#include "jsonwriter.h"
#include "sessionjson.h"

namespace attn {

std::string writeDump(const Session& s, const ForwardResult& r)
{
    // Every number goes through matrixJson or vectorJson, which refuse ±∞ and NaN by their
    // path: a dump never holds null where a number should be (see dumpwriter.h). Built in
    // the file's order, so that the number named is the first one a reader would meet.
    Json doc = Json::object();
    doc["format"] = kDumpFormat;
    doc["version"] = kVersion;
    doc["tokens"] = s.tokens;
    doc["n"] = s.n();
    doc["d_model"] = s.dModel;
    doc["heads"] = s.heads;
    doc["d_k"] = s.dK();
    doc["X"] = matrixJson(r.x, "X");
    doc["P"] = matrixJson(r.p, "P");
    doc["X_in"] = matrixJson(r.xIn, "X_in");
    doc["mask"] = matrixJson(r.mask.cast<int>(), "mask");
    Json heads = Json::array();
    for (std::size_t i = 0; i < r.heads.size(); ++i) {
        const HeadResult& h = r.heads[i];
        const std::string field = indexed("head_results", i) + ".";
        heads.push_back({{"Q", matrixJson(h.q, field + "Q")},
                         {"K", matrixJson(h.k, field + "K")},
                         {"V", matrixJson(h.v, field + "V")},
                         {"raw_scores", matrixJson(h.rawScores, field + "raw_scores")},
                         {"scores", matrixJson(h.scores, field + "scores")},
                         {"weights", matrixJson(h.weights, field + "weights")},
                         {"output", matrixJson(h.output, field + "output")},
                         {"row_max", vectorJson(h.rowMax, field + "row_max")},
                         {"row_sum", vectorJson(h.rowSum, field + "row_sum")},
                         {"entropy", vectorJson(h.entropy, field + "entropy")},
                         {"mean_distance", vectorJson(h.meanDistance, field + "mean_distance")}});
    }
    doc["head_results"] = heads;
    doc["concat"] = matrixJson(r.concat, "concat");
    doc["W_O"] = matrixJson(s.wo, "W_O");
    doc["output"] = matrixJson(r.output, "output");
    return pretty(doc);
}

} // namespace attn
