// Deliberately wrong: see A.h.
#pragma once
#include "protocol/A.h"
