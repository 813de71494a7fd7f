#include "language.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QProcess>
#include <QSettings>
#include <QTranslator>

namespace av {

QStringList supportedLanguages() { return {QStringLiteral("en"), QStringLiteral("zh_CN")}; }

QString chooseLanguage(const QString& commandLine)
{
    if (!commandLine.isEmpty())
        return commandLine;
    const QString saved = QSettings().value(QStringLiteral("language")).toString();
    if (supportedLanguages().contains(saved))
        return saved;
    return QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

bool installLanguage(const QString& language)
{
    if (!supportedLanguages().contains(language))
        return false;
    if (language == QLatin1String("en"))
        return true;
    auto* own = new QTranslator(QCoreApplication::instance());
    if (own->load(QStringLiteral(":/i18n/attnviz_%1.qm").arg(language)))
        QCoreApplication::installTranslator(own);
    auto* qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    QLocale::setDefault(QLocale(language));
    return true;
}

void addLanguageMenu(QMenu* menu, QWidget* window)
{
    auto* group = new QActionGroup(menu);
    const QString current = chooseLanguage({});
    const QStringList names{QStringLiteral("English"), QStringLiteral("简体中文")};
    for (int i = 0; i < supportedLanguages().size(); ++i) {
        const QString language = supportedLanguages()[i];
        QAction* action = menu->addAction(names[i]);
        action->setCheckable(true);
        action->setChecked(language == current);
        group->addAction(action);
        QObject::connect(action, &QAction::triggered, window, [window, language] {
            QSettings().setValue(QStringLiteral("language"), language);
            const auto answer = QMessageBox::question(
                window, QCoreApplication::translate("av::Language", "Language"),
                QCoreApplication::translate("av::Language",
                                            "The interface language changes when AttnViz starts again. Restart now?"),
                QMessageBox::Yes | QMessageBox::No);
            // Closing the window asks about unsaved changes first; only then restart.
            if (answer == QMessageBox::Yes && window->close()) {
                QStringList arguments = QCoreApplication::arguments().mid(1);
                const int lang = arguments.indexOf(QStringLiteral("--lang"));
                if (lang >= 0)
                    arguments.remove(lang, std::min<qsizetype>(2, arguments.size() - lang));
                QProcess::startDetached(QCoreApplication::applicationFilePath(), arguments);
            }
        });
    }
}

} // namespace av
