#include "RoomStatusLabels.h"

#include "room/StatusController.h"

#include <QLabel>
#include <QStatusBar>

namespace lockstep::ui {

using namespace lockstep::room;

RoomStatusLabels::RoomStatusLabels(QStatusBar &statusBar, const StatusController &status)
    : QObject(&statusBar),
      m_activity(addLabel(statusBar, "activityStatus", tr("What the sync engine is doing"))),
      m_drift(addLabel(statusBar, "driftStatus",
                       tr("How far your player is from the room's timeline "
                          "(ahead is positive)"))),
      m_rtt(addLabel(statusBar, "rttStatus", tr("Round trip to the server"))),
      m_offset(addLabel(statusBar, "offsetStatus",
                        tr("Difference between this computer's clock and "
                           "the server's"))),
      m_connection(addLabel(statusBar, "connectionStatus", tr("Connection to the room"))),
      m_speed(
          addLabel(statusBar, "speedStatus", tr("The room's playback speed ([ and ] change it)"))),
      m_audioDelay(addLabel(statusBar, "audioDelayStatus",
                            tr("Your player runs this far ahead so that your late sound is in "
                               "step with the room (Playback > Audio Delay)")))
{
    const auto show = [this](const StatusController::Status &s) {
        m_connection->setText(s.connection);
        m_rtt->setText(s.rtt);
        m_offset->setText(s.offset);
        m_drift->setText(s.drift);
        m_activity->setText(s.activity);
        m_speed->setText(s.speed);
        m_audioDelay->setText(s.audioDelay);
        m_speed->setVisible(!s.speed.isEmpty());
        m_audioDelay->setVisible(!s.audioDelay.isEmpty());
        m_rtt->setVisible(s.inRoom);
        m_offset->setVisible(s.inRoom);
        m_drift->setVisible(s.showDrift);
        m_activity->setVisible(s.inRoom);
    };
    connect(&status, &StatusController::changed, this, show);
    show(status.status());
}

QLabel *RoomStatusLabels::addLabel(QStatusBar &statusBar, const char *name, const QString &toolTip)
{
    auto *label = new QLabel(&statusBar);
    label->setObjectName(QString::fromLatin1(name));
    label->setToolTip(toolTip);
    label->setTextFormat(Qt::PlainText);
    statusBar.addPermanentWidget(label);
    return label;
}

} // namespace lockstep::ui
