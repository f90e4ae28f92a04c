#pragma once

// qcustomplot.h (2.1) spells `signals:` and `foreach`, which QT_NO_KEYWORDS (on for recforge_ui,
// because LibTorch headers use `slots`) switches off. Map them to the Q_ macros for this one
// include only, then take them away again. Include this instead of <qcustomplot.h>.
#ifndef signals
#define signals Q_SIGNALS
#define RECFORGE_QCP_UNDEF_SIGNALS
#endif
#ifndef foreach
#define foreach Q_FOREACH
#define RECFORGE_QCP_UNDEF_FOREACH
#endif

#include <qcustomplot.h>

#ifdef RECFORGE_QCP_UNDEF_SIGNALS
#undef signals
#undef RECFORGE_QCP_UNDEF_SIGNALS
#endif
#ifdef RECFORGE_QCP_UNDEF_FOREACH
#undef foreach
#undef RECFORGE_QCP_UNDEF_FOREACH
#endif
