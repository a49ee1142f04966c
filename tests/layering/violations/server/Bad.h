// Deliberately wrong: the server reaching into the client. Only the
// core_layering_detects_violations test reads this file.
#pragma once
#include "client/SessionClient.h"
