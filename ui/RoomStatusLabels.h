#pragma once

#include <QObject>

class QLabel;
class QStatusBar;

namespace lockstep::room {
class StatusController;
} // namespace lockstep::room

namespace lockstep::ui {

using namespace lockstep::room;

// The status bar's permanent labels (connection, round trip, clock offset,
// drift, what the sync engine does), showing what StatusController says.
class RoomStatusLabels : public QObject
{
    Q_OBJECT

public:
    RoomStatusLabels(QStatusBar &statusBar, const StatusController &status);

private:
    QLabel *addLabel(QStatusBar &statusBar, const char *name, const QString &toolTip);

    QLabel *m_activity;
    QLabel *m_drift;
    QLabel *m_rtt;
    QLabel *m_offset;
    QLabel *m_connection;
    QLabel *m_speed;
    QLabel *m_audioDelay;
};

} // namespace lockstep::ui
