// Deliberately wrong: a window file reaching the protocol client instead of
// going through room/. Only the ui_layering_detects_violations test reads it.
#include "client/SessionClient.h"
