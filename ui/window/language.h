#pragma once
// The interface language: English or Simplified Chinese, chosen by --lang, then the
// setting (View ▸ Language), then the system locale.

#include <QString>
#include <QStringList>

class QMenu;
class QWidget;

namespace av {

/// The languages the interface speaks, as locale names: "en", "zh_CN".
QStringList supportedLanguages();

/// commandLine (--lang) if given, else the saved setting, else the system locale's
/// language if supported, else English.
QString chooseLanguage(const QString& commandLine);

/// Installs the translators for language (AttnViz's own and Qt's). Returns false when
/// language is not one of supportedLanguages().
bool installLanguage(const QString& language);

/// Adds the language choice to menu; choosing saves the setting and offers a restart.
void addLanguageMenu(QMenu* menu, QWidget* window);

} // namespace av
