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
    for (std::size_t i = 0; i < r.heads.size(); ++i)
        heads.push_back(headResultJson(r.heads[i], indexed("head_results", i) + ".", true));
    doc["head_results"] = heads;
    doc["concat"] = matrixJson(r.concat, "concat");
    doc["W_O"] = matrixJson(s.wo, "W_O");
    doc["output"] = matrixJson(r.output, "output");
    return pretty(doc);
}

} // namespace attn
