// The target that makes core/Precompiled.h's precompiled header for all others.
#include "Precompiled.h"
