#pragma once

#include <QWidget>

class QLabel;
class QTimer;
class QVBoxLayout;

namespace lockstep::ui {

// Short notices floating over the top of the video ("Bob joined", "Alice
// paused at 12:34"): up to a few at once, each fading out after a few
// seconds. The video is drawn in a native window that ordinary child widgets
// cannot cover, so this is a small frameless tool-tip window of its own,
// kept over its anchor and shown only while the app is in front.
class Toast : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kMaxVisible = 4;

    explicit Toast(QWidget *anchor);

    void showMessage(const QString &text, bool warning = false);
    QStringList messages() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    struct Entry {
        QWidget *row = nullptr;
        qint64 expiresAt = 0; // ms since epoch
    };

    void prune();
    void dropOldest();
    void updateVisibility();
    void reposition();
    bool anchorShowing() const;
    bool shouldShow() const;

    QWidget *m_anchor;
    QVBoxLayout *m_layout;
    QList<Entry> m_entries;
    QTimer *m_timer;
};

} // namespace lockstep::ui
