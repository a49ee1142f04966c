// Deliberately wrong: the server reaching into the client by a relative
// path. Only the core_layering_detects_relative_includes test reads this.
#pragma once
#include "../client/Thing.h"
