#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace lockstep::room {
class Settings;
} // namespace lockstep::room

namespace lockstep::ui {

using namespace lockstep::room;

// Edit > Preferences…: the language (the system's unless overridden), the
// theme and the subtitles' size and height (shown at once, put back on
// Cancel) and the name others see in rooms.
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    PreferencesDialog(Settings &settings, QWidget *parent = nullptr);

    void accept() override;
    void reject() override;

signals:
    // The subtitle settings changed; whoever draws subtitles applies them.
    void subtitleStyleChanged();

private:
    void updateRestartHint();

    Settings &m_settings;
    QComboBox *m_language;
    QComboBox *m_theme;
    QLineEdit *m_name;
    QLabel *m_restartHint;
    QSpinBox *m_subtitleScale;
    QSpinBox *m_subtitlePosition;
    QString m_initialLanguage;
    QString m_initialTheme;
    int m_initialSubtitleScale;
    int m_initialSubtitlePosition;
};

} // namespace lockstep::ui
