#pragma once
// The question at start-up whether to restore the work a crashed instance left behind
// (Recovery, in ui/model/, finds it).

#include <QCoreApplication>

class QString;
class QWidget;

namespace av {

class Autosave;
class Document;

class RecoveryDialog
{
    // The messages keep the context they were translated in.
    Q_DECLARE_TR_FUNCTIONS(av::Recovery)

public:
    /// For each pending entry, newest first, asks whether to restore it. Restore loads it
    /// (and, given the instance's autosave, writes it to that instance's recovery file
    /// before the old one is removed) and stops; Discard removes it; closing the question
    /// keeps it for the next start. An unreadable entry is reported and removed.
    /// Returns whether something was restored.
    static bool offer(QWidget* parent, Document* document, const QString& folder,
                      Autosave* autosave = nullptr);
};

} // namespace av
