#include "recoverydialog.h"

#include "autosave.h"
#include "recovery.h"

#include <QLocale>
#include <QMessageBox>
#include <QPushButton>

namespace av {
bool RecoveryDialog::offer(QWidget* parent, Document* document, const QString& folder,
                           Autosave* autosave)
{
    for (const RecoveryEntry& entry : Recovery::pending(folder)) {
        if (!entry.error.isEmpty()) {
            Recovery::discard(entry);
            QMessageBox::warning(parent, tr("Recovery file discarded"),
                                 tr("Unsaved work from a previous run could not be read and was "
                                    "discarded:\n%1")
                                     .arg(entry.error));
            continue;
        }
        QMessageBox box(
            QMessageBox::Question, tr("Restore unsaved work"),
            tr("AttnViz did not close properly. Restore the unsaved work from %1 (%2)?")
                .arg(QLocale().toString(entry.savedAt.toLocalTime(), QLocale::ShortFormat),
                     entry.displayName()),
            QMessageBox::NoButton, parent);
        QPushButton* restoreButton = box.addButton(tr("Restore"), QMessageBox::AcceptRole);
        QPushButton* discardButton = box.addButton(tr("Discard"), QMessageBox::DestructiveRole);
        box.setDefaultButton(restoreButton);
        box.exec();
        if (box.clickedButton() == discardButton) {
            Recovery::discard(entry);
        } else if (box.clickedButton() == restoreButton) {
            Recovery::restore(document, entry);
            // The old files go only once this instance's own hold the work.
            if (!autosave || autosave->saveNow())
                Recovery::discard(entry);
            return true;
        }
        // Closed without an answer: the entry stays for the next start.
    }
    return false;
}

} // namespace av
