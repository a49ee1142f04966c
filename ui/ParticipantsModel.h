#pragma once

#include "protocol/Messages.h"

#include <QAbstractTableModel>
#include <QIcon>

namespace lockstep::ui {

// The room's participants in join order: name (with a badge for the host and
// "you" for oneself), whether they are ready, what their player is doing, how far they are from the
// room's timeline, their round trip to the server and, for a host that
// shares its file, what each guest streams from it.
class ParticipantsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        ReadyColumn,
        StateColumn,
        DriftColumn,
        RttColumn,
        UploadColumn,
        ColumnCount
    };
    enum Role { ClientIdRole = Qt::UserRole + 1, IsHostRole, IsReadyRole };

    explicit ParticipantsModel(QObject *parent = nullptr);

    void setParticipants(const QList<protocol::Participant> &participants);
    void setOwnClientId(const QString &clientId);
    // Bytes per second this host sends each guest's stream (by client id).
    void setUploadRates(const QHash<QString, double> &rates);
    const QList<protocol::Participant> &participants() const { return m_participants; }
    const protocol::Participant *participantAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant display(const protocol::Participant &p, int column) const;
    QVariant decoration(const protocol::Participant &p, int column) const;
    QVariant toolTip(const protocol::Participant &p, int column) const;

    QList<protocol::Participant> m_participants;
    QString m_ownClientId;
    QHash<QString, double> m_uploadRates;
    QIcon m_hostIcon;
};

} // namespace lockstep::ui
