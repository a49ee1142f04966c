#pragma once

#include <QAbstractListModel>
#include <QWidget>

class QLabel;
class QListView;
class QPushButton;
class QTimer;

namespace lockstep::room {
class PlaylistController;
class Settings;
} // namespace lockstep::room

namespace lockstep::ui {

using namespace lockstep::room;

// The shared playlist as a list model: one row per item, the current one
// marked, items this player has no copy of yet greyed out. Rows are moved by
// drag and drop inside the list, and files and addresses dropped on it are
// added where they land.
class PlaylistModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { ItemIdRole = Qt::UserRole + 1, IsCurrentRole, IsPlayableRole };

    explicit PlaylistModel(PlaylistController &playlist, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    Qt::DropActions supportedDropActions() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

private:
    PlaylistController &m_playlist;
};

// The playlist in the room panel: the list, buttons to add files and
// addresses, remove and play an item for everyone, the matching of items to
// this user's own copies, and the countdown to the next item.
class PlaylistPane : public QWidget
{
    Q_OBJECT

public:
    PlaylistPane(PlaylistController &playlist, Settings &settings, QWidget *parent = nullptr);

    QListView *view() const { return m_view; }
    PlaylistModel *model() const { return m_model; }
    QString statusText() const;

    void addFiles();
    void addAddress();
    void removeSelected();
    void playSelected();
    void chooseCopy(int row);

signals:
    // The countdown to the next item, as a sentence (empty when none runs).
    void countdownText(const QString &text);

private:
    int selectedRow() const;
    void refresh();
    void updateCountdown();
    void showMenu(const QPoint &position);

    PlaylistController &m_playlist;
    Settings &m_settings;
    PlaylistModel *m_model;
    QListView *m_view;
    QLabel *m_status;
    QPushButton *m_addFiles;
    QPushButton *m_addAddress;
    QPushButton *m_remove;
    QPushButton *m_play;
    QTimer *m_countdownTimer;
};

} // namespace lockstep::ui
