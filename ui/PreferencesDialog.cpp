#include "PreferencesDialog.h"

#include "Theme.h"
#include "Translations.h"
#include "room/Settings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace lockstep::ui {

using namespace lockstep::room;

PreferencesDialog::PreferencesDialog(Settings &settings, QWidget *parent)
    : QDialog(parent), m_settings(settings), m_language(new QComboBox(this)),
      m_theme(new QComboBox(this)), m_name(new QLineEdit(this)), m_restartHint(new QLabel(this)),
      m_subtitleScale(new QSpinBox(this)), m_subtitlePosition(new QSpinBox(this)),
      m_initialLanguage(settings.language()), m_initialTheme(settings.theme()),
      m_initialSubtitleScale(settings.subtitleScale()),
      m_initialSubtitlePosition(settings.subtitlePosition())
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));

    for (const Translations::Language &language : Translations::available())
        m_language->addItem(language.nativeName, language.code);
    const int current = m_language->findData(m_initialLanguage);
    m_language->setCurrentIndex(current >= 0 ? current : 0);
    m_language->setObjectName(QStringLiteral("preferencesLanguage"));

    m_theme->setObjectName(QStringLiteral("preferencesTheme"));
    m_theme->addItem(tr("Same as the system"), Theme::toSetting(Theme::Choice::System));
    m_theme->addItem(tr("Light"), Theme::toSetting(Theme::Choice::Light));
    m_theme->addItem(tr("Dark"), Theme::toSetting(Theme::Choice::Dark));
    m_theme->setCurrentIndex(
        std::max(0, m_theme->findData(Theme::toSetting(Theme::fromSetting(m_initialTheme)))));
    // Shown at once; Cancel puts the old one back.
    connect(m_theme, &QComboBox::currentIndexChanged, this,
            [this] { Theme::apply(Theme::fromSetting(m_theme->currentData().toString())); });

    m_name->setText(settings.displayName());
    m_name->setMaxLength(64);
    m_name->setObjectName(QStringLiteral("preferencesName"));
    m_name->setToolTip(tr("The name the others in a room see"));

    m_subtitleScale->setObjectName(QStringLiteral("preferencesSubtitleScale"));
    m_subtitleScale->setRange(50, 200);
    m_subtitleScale->setSingleStep(10);
    m_subtitleScale->setSuffix(tr(" %"));
    m_subtitleScale->setValue(m_initialSubtitleScale);
    m_subtitleScale->setToolTip(tr("The subtitles' size, in percent of their normal size"));
    m_subtitlePosition->setObjectName(QStringLiteral("preferencesSubtitlePosition"));
    m_subtitlePosition->setRange(0, 90);
    m_subtitlePosition->setSingleStep(5);
    m_subtitlePosition->setSuffix(tr(" %"));
    m_subtitlePosition->setValue(m_initialSubtitlePosition);
    m_subtitlePosition->setToolTip(
        tr("How far above the bottom of the picture subtitles sit, in percent of its height"));
    // Shown at once, on the picture behind the dialog; Cancel puts them back.
    const auto subtitleStyle = [this] {
        m_settings.setSubtitleScale(m_subtitleScale->value());
        m_settings.setSubtitlePosition(m_subtitlePosition->value());
        emit subtitleStyleChanged();
    };
    connect(m_subtitleScale, &QSpinBox::valueChanged, this, subtitleStyle);
    connect(m_subtitlePosition, &QSpinBox::valueChanged, this, subtitleStyle);

    m_restartHint->setWordWrap(true);
    m_restartHint->setText(tr("Lockstep will use the new language the next time it starts."));
    m_restartHint->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    form->addRow(tr("&Theme:"), m_theme);
    form->addRow(tr("Your &name:"), m_name);
    form->addRow(tr("Subtitle &size:"), m_subtitleScale);
    form->addRow(tr("Subtitle &height:"), m_subtitlePosition);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);
    connect(m_language, &QComboBox::currentIndexChanged, this,
            &PreferencesDialog::updateRestartHint);

    auto *layout = new QVBoxLayout(this);
    // Grow when a hidden line (an error, a hint) appears, rather than clip it.
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    layout->addLayout(form);
    layout->addWidget(m_restartHint);
    layout->addStretch(1);
    layout->addWidget(buttons);
}

void PreferencesDialog::updateRestartHint()
{
    m_restartHint->setVisible(m_language->currentData().toString() != m_initialLanguage);
}

void PreferencesDialog::accept()
{
    m_settings.setLanguage(m_language->currentData().toString());
    m_settings.setTheme(m_theme->currentData().toString());
    if (!m_name->text().trimmed().isEmpty())
        m_settings.setDisplayName(m_name->text());
    QDialog::accept();
}

void PreferencesDialog::reject()
{
    if (m_theme->currentData().toString() != Theme::toSetting(Theme::fromSetting(m_initialTheme)))
        Theme::apply(Theme::fromSetting(m_initialTheme));
    if (m_subtitleScale->value() != m_initialSubtitleScale
        || m_subtitlePosition->value() != m_initialSubtitlePosition) {
        m_settings.setSubtitleScale(m_initialSubtitleScale);
        m_settings.setSubtitlePosition(m_initialSubtitlePosition);
        emit subtitleStyleChanged();
    }
    QDialog::reject();
}

} // namespace lockstep::ui
