// Headers nearly every translation unit of the project parses: precompiled
// once (LOCKSTEP_PCH, see the top-level CMakeLists.txt) and reused by every
// target. Only what every target can see (Qt Core, nlohmann/json, the
// standard library): the precompiled header must be valid for all of them.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QLoggingCategory>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QUrl>
#include <QVariant>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>
