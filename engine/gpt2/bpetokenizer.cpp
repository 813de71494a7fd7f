#include "bpetokenizer.h"
