#include "ParticipantsModel.h"

#include "Icons.h"
#include "room/TimeFormat.h"

#include <QApplication>
#include <QFont>
#include <QLocale>
#include <QStyle>

namespace lockstep::ui {

using namespace lockstep::room;

namespace {

QIcon stateIcon(protocol::PlayState state)
{
    QStyle *style = QApplication::style();
    switch (state) {
    case protocol::PlayState::Playing:
        return QIcon::fromTheme(QStringLiteral("media-playback-start"),
                                style->standardIcon(QStyle::SP_MediaPlay));
    case protocol::PlayState::Paused:
        return QIcon::fromTheme(QStringLiteral("media-playback-pause"),
                                style->standardIcon(QStyle::SP_MediaPause));
    case protocol::PlayState::Buffering:
        return QIcon::fromTheme(QStringLiteral("content-loading-symbolic"),
                                style->standardIcon(QStyle::SP_BrowserReload));
    }
    return {};
}

} // namespace

ParticipantsModel::ParticipantsModel(QObject *parent)
    : QAbstractTableModel(parent), m_hostIcon(Icons::host())
{
}

void ParticipantsModel::setParticipants(const QList<protocol::Participant> &participants)
{
    const auto ids = [](const QList<protocol::Participant> &list) {
        QStringList result;
        for (const protocol::Participant &p : list)
            result << p.clientId;
        return result;
    };
    if (ids(participants) == ids(m_participants)) {
        // Same people: update in place so that the selection stays put.
        m_participants = participants;
        if (!m_participants.isEmpty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_participants = participants;
    endResetModel();
}

void ParticipantsModel::setOwnClientId(const QString &clientId)
{
    if (m_ownClientId == clientId)
        return;
    beginResetModel();
    m_ownClientId = clientId;
    endResetModel();
}

void ParticipantsModel::setUploadRates(const QHash<QString, double> &rates)
{
    if (rates == m_uploadRates)
        return;
    m_uploadRates = rates;
    if (!m_participants.isEmpty())
        emit dataChanged(index(0, UploadColumn), index(rowCount() - 1, UploadColumn));
}

const protocol::Participant *ParticipantsModel::participantAt(int row) const
{
    return row >= 0 && row < m_participants.size() ? &m_participants.at(row) : nullptr;
}

int ParticipantsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_participants.size());
}

int ParticipantsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ParticipantsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn:
            return tr("Name");
        case ReadyColumn:
            return tr("Ready");
        case StateColumn:
            return tr("Player");
        case DriftColumn:
            return tr("Drift");
        case RttColumn:
            return tr("RTT");
        case UploadColumn:
            return tr("Upload");
        default:
            break;
        }
    } else if (role == Qt::ToolTipRole) {
        switch (section) {
        case ReadyColumn:
            return tr("Who has said they are ready to start");
        case DriftColumn:
            return tr("How far each player is from the room's timeline (ahead is positive)");
        case RttColumn:
            return tr("Time for a message to reach the server and come back");
        case UploadColumn:
            return tr("How fast your computer sends your file to each guest streaming it");
        default:
            break;
        }
    } else if (role == Qt::TextAlignmentRole
               && (section == DriftColumn || section == RttColumn || section == UploadColumn)) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant ParticipantsModel::display(const protocol::Participant &p, int column) const
{
    switch (column) {
    case NameColumn:
        return p.clientId == m_ownClientId ? tr("%1 (you)").arg(p.name) : p.name;
    case ReadyColumn:
        return p.ready ? tr("Ready") : QString();
    case StateColumn:
        if (!p.playState)
            return tr("Joining…");
        switch (*p.playState) {
        case protocol::PlayState::Playing:
            return tr("Playing");
        case protocol::PlayState::Paused:
            return tr("Paused");
        case protocol::PlayState::Buffering:
            return tr("Buffering");
        }
        break;
    case DriftColumn:
        return p.driftMs ? formatMilliseconds(*p.driftMs) : QStringLiteral("–");
    case RttColumn:
        return p.rttMs ? formatMilliseconds(*p.rttMs, false) : QStringLiteral("–");
    case UploadColumn:
        if (const auto it = m_uploadRates.constFind(p.clientId); it != m_uploadRates.cend())
            return tr("%1/s").arg(QLocale().formattedDataSize(qint64(*it)));
        return QString();
    default:
        break;
    }
    return {};
}

QVariant ParticipantsModel::decoration(const protocol::Participant &p, int column) const
{
    if (column == NameColumn && p.isHost)
        return m_hostIcon;
    if (column == StateColumn && p.playState)
        return stateIcon(*p.playState);
    if (column == ReadyColumn && p.ready)
        return QApplication::style()->standardIcon(QStyle::SP_DialogApplyButton);
    return {};
}

QVariant ParticipantsModel::toolTip(const protocol::Participant &p, int column) const
{
    if (column == NameColumn) {
        if (p.isHost)
            return p.clientId == m_ownClientId ? tr("You are the host")
                                               : tr("%1 is the host").arg(p.name);
        return p.clientId == m_ownClientId ? tr("You") : p.name;
    }
    if (column == ReadyColumn) {
        if (p.clientId == m_ownClientId)
            return p.ready ? tr("You are ready") : tr("You have not said you are ready");
        return p.ready ? tr("%1 is ready").arg(p.name) : tr("%1 is not ready yet").arg(p.name);
    }
    if (column == DriftColumn && p.driftMs) {
        return *p.driftMs >= 0.0
            ? tr("%1 ahead of the room's timeline").arg(formatMilliseconds(*p.driftMs, false))
            : tr("%1 behind the room's timeline").arg(formatMilliseconds(-*p.driftMs, false));
    }
    return {};
}

QVariant ParticipantsModel::data(const QModelIndex &index, int role) const
{
    const protocol::Participant *p = participantAt(index.row());
    if (!p || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return display(*p, index.column());
    case Qt::DecorationRole:
        return decoration(*p, index.column());
    case Qt::ToolTipRole:
        return toolTip(*p, index.column());
    case Qt::FontRole:
        if (index.column() == NameColumn && p->isHost) {
            QFont font;
            font.setBold(true);
            return font;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == DriftColumn || index.column() == RttColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case ClientIdRole:
        return p->clientId;
    case IsHostRole:
        return p->isHost;
    case IsReadyRole:
        return p->ready;
    default:
        break;
    }
    return {};
}

} // namespace lockstep::ui
