#pragma once
// Combo boxes of an enum's kinds, by their translated names (names.h), the kind as the
// item's data.

#include "names.h"

#include <QComboBox>
#include <initializer_list>

namespace av {

template <typename Kind> void fillKinds(QComboBox* box, std::initializer_list<Kind> kinds)
{
    for (Kind kind : kinds)
        box->addItem(kindName(kind), static_cast<int>(kind));
}

template <typename Kind> void selectKind(QComboBox* box, Kind kind)
{
    box->setCurrentIndex(box->findData(static_cast<int>(kind)));
}

template <typename Kind> Kind currentKind(const QComboBox* box)
{
    return static_cast<Kind>(box->currentData().toInt());
}

} // namespace av
