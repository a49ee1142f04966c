#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace lockstep::ui {

class Settings;

// Edit > Preferences…: the language (the system's unless overridden) and the
// name others see in rooms.
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    PreferencesDialog(Settings &settings, QWidget *parent = nullptr);

    void accept() override;

private:
    void updateRestartHint();

    Settings &m_settings;
    QComboBox *m_language;
    QLineEdit *m_name;
    QLabel *m_restartHint;
    QString m_initialLanguage;
};

} // namespace lockstep::ui
