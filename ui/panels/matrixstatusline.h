#pragma once
// The line under a MatrixEditor: a refused input in red until the next edit (or Escape in
// the cell editor), since clicking away from a typo closes the editor and the reason must
// stay readable; otherwise what the editor says about its current cell.

#include <QLabel>

namespace av {

class MatrixStatusLine : public QLabel
{
public:
    explicit MatrixStatusLine(int margin, QWidget* parent = nullptr);

    void setError(const QString& message);
    void clearError();
    /// Shown while there is no error.
    void setInfo(const QString& text);

private:
    void refresh();

    QString m_error;
    QString m_info;
};

} // namespace av
