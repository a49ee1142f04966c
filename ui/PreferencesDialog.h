#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace lockstep::ui {

class Settings;

// Edit > Preferences…: the language (the system's unless overridden), the
// theme (shown at once, put back on Cancel) and the name others see in rooms.
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    PreferencesDialog(Settings &settings, QWidget *parent = nullptr);

    void accept() override;
    void reject() override;

private:
    void updateRestartHint();

    Settings &m_settings;
    QComboBox *m_language;
    QComboBox *m_theme;
    QLineEdit *m_name;
    QLabel *m_restartHint;
    QString m_initialLanguage;
    QString m_initialTheme;
};

} // namespace lockstep::ui
