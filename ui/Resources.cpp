#include "Resources.h"

#include <QIcon>
#include <QString>

// Q_INIT_RESOURCE must be used at global scope.
static void initLockstepResources()
{
    Q_INIT_RESOURCE(lockstep);
}

namespace lockstep::ui {

void Resources::init()
{
    static const bool done = [] {
        initLockstepResources();
        return true;
    }();
    Q_UNUSED(done);
}

QIcon Resources::appIcon()
{
    init();
    QIcon icon;
    icon.addFile(QStringLiteral(":/icons/lockstep.svg"));
    icon.addFile(QStringLiteral(":/icons/lockstep-256.png"), QSize(256, 256));
    return icon;
}

} // namespace lockstep::ui
