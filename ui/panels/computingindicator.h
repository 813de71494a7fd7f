#pragma once
// The status bar's "Computing…" with a busy bar, shown while a large pass runs in the
// background for longer than a moment (a quick one would only flicker).

#include <QWidget>

class QTimer;

namespace av {

class Document;

class ComputingIndicator : public QWidget
{
    Q_OBJECT

public:
    /// Passes shorter than this many ms show nothing.
    static constexpr int kDelayMs = 250;

    explicit ComputingIndicator(Document* document, QWidget* parent = nullptr);

private:
    void computingChanged(bool computing);

    QTimer* m_delay;
};

} // namespace av
