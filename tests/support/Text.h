#pragma once

#include <QString>

namespace lockstep::test {

// Test tables are full of ids and names; QT_NO_CAST_FROM_ASCII wants each
// spelled out, this keeps them short.
inline QString id(const char *text)
{
    return QString::fromUtf8(text);
}

} // namespace lockstep::test
