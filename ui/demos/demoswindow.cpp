#include "demoswindow.h"

#include "comparedemo.h"
#include "costdemo.h"
#include "demopass.h"
#include "masksdemo.h"
#include "relativepositiondemo.h"
#include "scalingdemo.h"
#include "shuffledemo.h"

#include <QTabWidget>
#include <QVBoxLayout>

namespace av {

DemosWindow::DemosWindow(Document* document, QWidget* parent)
    : QWidget(parent, Qt::Window), m_tabs(new QTabWidget), m_scaling(new ScalingDemo),
      m_shuffle(new ShuffleDemo(document)), m_relative(new RelativePositionDemo(document)),
      m_masks(new MasksDemo(document)), m_cost(new CostDemo(document)),
      m_compare(new CompareDemo(document))
{
    setWindowTitle(tr("Demonstrations — AttnViz"));
    setObjectName(QStringLiteral("DemosWindow"));
    m_tabs->addTab(m_scaling, tr("Why scale by √d_k"));
    m_tabs->addTab(m_shuffle, tr("Why positional encoding"));
    m_tabs->addTab(m_relative, tr("Relative position"));
    m_tabs->addTab(m_masks, tr("Masks"));
    m_tabs->addTab(m_cost, tr("Cost"));
    m_tabs->addTab(m_compare, tr("Compare"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    resize(1400, 900);
}

QStringList DemosWindow::demoNames()
{
    return {
        QStringLiteral("scaling"), QStringLiteral("shuffle"), QStringLiteral("relative-position"),
        QStringLiteral("masks"),   QStringLiteral("cost"),    QStringLiteral("compare")};
}

bool DemosWindow::showDemo(const QString& name)
{
    const int index = demoNames().indexOf(name);
    if (index < 0)
        return false;
    m_tabs->setCurrentIndex(index);
    return true;
}

void DemosWindow::waitUntilComputed()
{
    for (DemoPass* pass : {m_shuffle->pass(), m_masks->pass(), m_compare->pass()})
        pass->waitUntilComputed();
}

} // namespace av
