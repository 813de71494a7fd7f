#pragma once
// The whole-transformer lessons (resources/lessons/transformers/, compiled in), read as
// the window reads them, for the tests of the model's views.

#include "sessionfile.h"

#include <QString>
#include <variant>

namespace av::test {

inline attn::Model transformerLesson(const char* name, const attn::SessionOverrides& overrides = {})
{
    return std::get<attn::Model>(readAnySessionFile(
        QStringLiteral(":/lessons/transformers/") + QLatin1String(name), overrides));
}

} // namespace av::test
