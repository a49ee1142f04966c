// Deliberately wrong: A.h and B.h include each other. Only the
// core_layering_detects_cycles test reads these files.
#pragma once
#include "B.h"
