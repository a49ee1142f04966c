#pragma once

#include <QVideoFrame>
#include <QtGlobal>

#if QT_VERSION >= QT_VERSION_CHECK(6, 7, 0)
#include <qtvideo.h>
#endif

namespace lockstep::ui {

// A frame's rotation in degrees (0, 90, 180, 270), on every Qt: Qt 6.7 moved
// it from QVideoFrame::RotationAngle to QtVideo::Rotation.
inline int frameRotation(const QVideoFrame &frame)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 7, 0)
    return int(frame.rotation());
#else
    return int(frame.rotationAngle());
#endif
}

inline void setFrameRotation(QVideoFrame &frame, int degrees)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 7, 0)
    frame.setRotation(QtVideo::Rotation(degrees));
#else
    frame.setRotationAngle(QVideoFrame::RotationAngle(degrees));
#endif
}

} // namespace lockstep::ui
