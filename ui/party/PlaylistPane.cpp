#include "PlaylistPane.h"

#include "OpenMediaDialogs.h"
#include "room/PlaylistController.h"
#include "room/RoomMedia.h"
#include "room/Settings.h"
#include "room/TimeFormat.h"

#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QIODevice>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMimeData>
#include <QPushButton>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

namespace lockstep::ui {

using namespace lockstep::room;

namespace {

const QString kRowMime = QStringLiteral("application/x-lockstep-playlist-row");

} // namespace

// ---------------------------------------------------------------- model

PlaylistModel::PlaylistModel(PlaylistController &playlist, QObject *parent)
    : QAbstractListModel(parent), m_playlist(playlist)
{
    connect(&playlist, &PlaylistController::changed, this, [this] {
        beginResetModel();
        endResetModel();
    });
}

int PlaylistModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_playlist.count();
}

QVariant PlaylistModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_playlist.count())
        return {};
    const int row = index.row();
    const protocol::PlaylistItem &item = m_playlist.playlist().items.at(row);
    const bool current = row == m_playlist.playlist().current;
    const RoomMedia media = RoomMedia::fromRoom(item.mediaUrl, item.media);
    switch (role) {
    case Qt::DisplayRole: {
        const QString title = item.title.isEmpty() ? media.displayName() : item.title;
        const double duration = item.media && item.media->duration ? *item.media->duration : 0.0;
        return duration > 0.0 ? tr("%1  (%2)").arg(title, formatMediaTime(duration)) : title;
    }
    case Qt::DecorationRole:
        if (current)
            return QApplication::style()->standardIcon(QStyle::SP_MediaPlay);
        return {};
    case Qt::FontRole:
        if (current) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        if (!m_playlist.isPlayable(row))
            return QApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::ToolTipRole: {
        if (media.isStream())
            return media.mediaUrl();
        const QString copy = m_playlist.localCopy(row);
        if (copy.isEmpty())
            return tr("%1\nYou have no copy of this file yet: right-click to choose yours.")
                .arg(media.describe());
        return tr("%1\nYour copy: %2").arg(media.describe(), QDir::toNativeSeparators(copy));
    }
    case ItemIdRole:
        return item.id;
    case IsCurrentRole:
        return current;
    case IsPlayableRole:
        return m_playlist.isPlayable(row);
    default:
        return {};
    }
}

Qt::ItemFlags PlaylistModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractListModel::flags(index);
    if (m_playlist.canEdit())
        flags |= index.isValid() ? Qt::ItemIsDragEnabled : Qt::ItemIsDropEnabled;
    return flags;
}

Qt::DropActions PlaylistModel::supportedDropActions() const
{
    return Qt::MoveAction | Qt::CopyAction;
}

QStringList PlaylistModel::mimeTypes() const
{
    return {kRowMime, QStringLiteral("text/uri-list")};
}

QMimeData *PlaylistModel::mimeData(const QModelIndexList &indexes) const
{
    if (indexes.isEmpty())
        return nullptr;
    auto *data = new QMimeData;
    data->setData(kRowMime, QByteArray::number(indexes.first().row()));
    return data;
}

bool PlaylistModel::canDropMimeData(const QMimeData *data, Qt::DropAction, int, int,
                                    const QModelIndex &) const
{
    return m_playlist.canEdit() && (data->hasFormat(kRowMime) || data->hasUrls());
}

bool PlaylistModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                 const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    // Dropped on an item: before it; below the last: at the end.
    int at = row >= 0 ? row : (parent.isValid() ? parent.row() : m_playlist.count());
    if (data->hasFormat(kRowMime)) {
        bool ok = false;
        const int from = data->data(kRowMime).toInt(&ok);
        if (!ok)
            return false;
        if (at > from)
            --at;
        at = std::clamp(at, 0, std::max(m_playlist.count() - 1, 0));
        m_playlist.move(from, at);
        // The list changes when the room confirms; nothing to remove here.
        return false;
    }
    m_playlist.add(data->urls(), at);
    return true;
}

// ---------------------------------------------------------------- pane

PlaylistPane::PlaylistPane(PlaylistController &playlist, Settings &settings, QWidget *parent)
    : QWidget(parent), m_playlist(playlist), m_settings(settings),
      m_model(new PlaylistModel(playlist, this)), m_view(new QListView(this)),
      m_status(new QLabel(this)), m_addFiles(new QPushButton(tr("Add Files…"), this)),
      m_addAddress(new QPushButton(tr("Add Address…"), this)),
      m_remove(new QPushButton(tr("Remove"), this)),
      m_play(new QPushButton(tr("Play for Everyone"), this)), m_countdownTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("playlistPane"));
    m_view->setObjectName(QStringLiteral("playlistView"));
    m_view->setModel(m_model);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setDragDropMode(QAbstractItemView::DragDrop);
    m_view->setDefaultDropAction(Qt::MoveAction);
    m_view->setDragEnabled(true);
    m_view->setAcceptDrops(true);
    m_view->setDropIndicatorShown(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setUniformItemSizes(true);
    m_view->setFocusPolicy(Qt::ClickFocus); // Space stays the player's
    // Whoever may edit plays the item for everyone; the others choose their
    // copy of a file they do not have yet.
    connect(m_view, &QListView::doubleClicked, this, [this](const QModelIndex &index) {
        if (m_playlist.canEdit())
            m_playlist.play(index.row());
        else if (!m_playlist.isPlayable(index.row()))
            chooseCopy(index.row());
    });
    connect(m_view, &QListView::customContextMenuRequested, this, &PlaylistPane::showMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PlaylistPane::refresh);

    m_status->setObjectName(QStringLiteral("playlistStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);

    m_addFiles->setObjectName(QStringLiteral("playlistAddFiles"));
    m_addAddress->setObjectName(QStringLiteral("playlistAddAddress"));
    m_remove->setObjectName(QStringLiteral("playlistRemove"));
    m_play->setObjectName(QStringLiteral("playlistPlay"));
    connect(m_addFiles, &QPushButton::clicked, this, &PlaylistPane::addFiles);
    connect(m_addAddress, &QPushButton::clicked, this, &PlaylistPane::addAddress);
    connect(m_remove, &QPushButton::clicked, this, &PlaylistPane::removeSelected);
    connect(m_play, &QPushButton::clicked, this, &PlaylistPane::playSelected);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addFiles);
    buttons->addWidget(m_addAddress);
    buttons->addStretch(1);
    auto *itemButtons = new QHBoxLayout;
    itemButtons->addWidget(m_play);
    itemButtons->addWidget(m_remove);
    itemButtons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_status);
    layout->addWidget(m_view, 1);
    layout->addLayout(itemButtons);
    layout->addLayout(buttons);

    m_countdownTimer->setInterval(200);
    connect(m_countdownTimer, &QTimer::timeout, this, &PlaylistPane::updateCountdown);
    connect(&playlist, &PlaylistController::countdownStarted, this, [this] {
        m_countdownTimer->start();
        updateCountdown();
    });
    connect(&playlist, &PlaylistController::countdownEnded, this, &PlaylistPane::updateCountdown);
    connect(&playlist, &PlaylistController::changed, this, &PlaylistPane::refresh);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        // Keep the current item in view after the list changed.
        const int current = m_playlist.playlist().current;
        if (current >= 0)
            m_view->scrollTo(m_model->index(current));
    });
    refresh();
}

int PlaylistPane::selectedRow() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

void PlaylistPane::refresh()
{
    const bool edit = m_playlist.canEdit();
    const int row = selectedRow();
    m_addFiles->setEnabled(edit);
    m_addAddress->setEnabled(edit);
    m_remove->setEnabled(edit && row >= 0);
    m_play->setEnabled(edit && row >= 0);
    updateCountdown();
}

QString PlaylistPane::statusText() const
{
    return m_status->text();
}

void PlaylistPane::updateCountdown()
{
    QString text;
    const std::optional<double> left = m_playlist.countdown();
    const protocol::Playlist &list = m_playlist.playlist();
    if (left && list.current >= 0 && list.current < list.items.size()) {
        const QString title = list.items.at(list.current).title;
        text = tr("Next: %1 starts in %n s", "", int(std::ceil(*left))).arg(title);
    } else {
        m_countdownTimer->stop();
    }
    emit countdownText(text);
    if (text.isEmpty()) {
        if (m_playlist.pendingCount() > 0)
            text = m_playlist.pendingCount() == 1
                ? tr("Reading one file…")
                : tr("Reading %n files…", "", m_playlist.pendingCount());
        else if (m_playlist.count() == 0)
            text = m_playlist.canEdit()
                ? tr("Add files or web addresses, or drop them here, to watch one after another.")
                : tr("The playlist is empty.");
        else if (!m_playlist.canEdit())
            text = tr("Only the host changes the playlist in this room.");
    }
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

void PlaylistPane::addFiles()
{
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Add to the Playlist"),
                                                            m_settings.browseDirectory(),
                                                            OpenMediaDialogs::fileFilter());
    if (paths.isEmpty())
        return;
    m_settings.setLastDirectory(QFileInfo(paths.first()).absolutePath());
    QList<QUrl> urls;
    for (const QString &path : paths)
        urls << QUrl::fromLocalFile(path);
    m_playlist.add(urls, -1);
}

void PlaylistPane::addAddress()
{
    QString link;
    const QUrl url = OpenMediaDialogs::askForAddress(this, &link);
    if (!url.isEmpty())
        m_playlist.add({url}, -1);
}

void PlaylistPane::removeSelected()
{
    const int row = selectedRow();
    if (row >= 0)
        m_playlist.remove(row);
}

void PlaylistPane::playSelected()
{
    const int row = selectedRow();
    if (row >= 0)
        m_playlist.play(row);
}

void PlaylistPane::chooseCopy(int row)
{
    if (row < 0 || row >= m_playlist.count())
        return;
    const protocol::PlaylistItem &item = m_playlist.playlist().items.at(row);
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Choose Your Copy of %1").arg(item.title), m_settings.browseDirectory(),
        OpenMediaDialogs::fileFilter());
    if (path.isEmpty())
        return;
    m_settings.setLastDirectory(QFileInfo(path).absolutePath());
    m_playlist.chooseLocalCopy(row, path);
}

void PlaylistPane::showMenu(const QPoint &position)
{
    const QModelIndex index = m_view->indexAt(position);
    QMenu menu(this);
    if (index.isValid()) {
        m_view->setCurrentIndex(index);
        const int row = index.row();
        QAction *play = menu.addAction(tr("Play for Everyone"), this, &PlaylistPane::playSelected);
        play->setEnabled(m_playlist.canEdit());
        const protocol::PlaylistItem &item = m_playlist.playlist().items.at(row);
        if (RoomMedia::fromRoom(item.mediaUrl, item.media).isLocalFile())
            menu.addAction(tr("Choose My Copy…"), this, [this, row] { chooseCopy(row); });
        menu.addSeparator();
        QAction *remove = menu.addAction(tr("Remove"), this, &PlaylistPane::removeSelected);
        remove->setEnabled(m_playlist.canEdit());
    } else {
        menu.addAction(tr("Add Files…"), this, &PlaylistPane::addFiles)
            ->setEnabled(m_playlist.canEdit());
        menu.addAction(tr("Add Address…"), this, &PlaylistPane::addAddress)
            ->setEnabled(m_playlist.canEdit());
    }
    menu.exec(m_view->viewport()->mapToGlobal(position));
}

} // namespace lockstep::ui
