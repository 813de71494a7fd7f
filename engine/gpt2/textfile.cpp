#include "textfile.h"

#include "sessionerror.h"

#include <fstream>
#include <sstream>

namespace attn {

std::string readTextFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw SessionError(path, "cannot open the file");
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) // a folder opens as a stream, then fails to read
        throw SessionError(path, "cannot read the file");
    return text.str();
}

} // namespace attn
