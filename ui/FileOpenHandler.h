#pragma once

#include <QObject>
#include <QUrl>

namespace lockstep::ui {

// Turns the operating system's "open this" requests into signals. On macOS a
// click on a lockstep:// link or a video opened with Lockstep arrives as a
// QFileOpenEvent sent to the application, not on the command line.
class FileOpenHandler : public QObject
{
    Q_OBJECT

public:
    explicit FileOpenHandler(QObject *parent = nullptr);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

signals:
    void inviteLinkOpened(const QString &link);
    void mediaOpened(const QUrl &url);
};

} // namespace lockstep::ui
