// Deliberately wrong: the protocol layer using Widgets. Only the
// core_layering_detects_violations test reads this file.
#pragma once
#include <QWidget>
