#pragma once
// Session v1 and dump v1 files (docs/file-formats.md), read and written with nlohmann/json
// (the only place that knows the files' field names), and what comes with them: the
// command-line overrides and the tokenisation of a typed sentence.

#include "attention.h"
#include "dumpwriter.h"
#include "attentionview.h"
#include "model.h"
#include "modelforward.h"
#include "modelreader.h"
#include "modelwriter.h"
#include "session.h"
#include "sessionoverrides.h"
#include "sessionreader.h"
#include "sessionwriter.h"
#include "tokenisation.h"
