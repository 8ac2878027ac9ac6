#include "jobs/demo_job.h"

#include "demo/demo.h"

#include <QFileInfo>
#include <QPair>

#include <algorithm>

namespace vaclip::studio {

using namespace vaclip;

namespace {
std::string rootOf(const QString& root)
{
    return root.isEmpty() ? demo::defaultDemoRoot() : root.toStdString();
}
} // namespace

DemoJob::DemoJob(QString root, bool quick, QObject* parent)
    : Job(tr("Build the demo workspace"), parent), m_root(std::move(root)), m_quick(quick)
{
}

QString DemoJob::walkwayConfig() const
{
    return QString::fromStdString(demo::demoLayout(rootOf(m_root)).walkwayConfig);
}

QString DemoJob::campusConfig() const
{
    return QString::fromStdString(demo::demoLayout(rootOf(m_root)).campusConfig);
}

QPair<QString, QString> DemoJob::existingDemo(const QString& root)
{
    const demo::DemoLayout l = demo::demoLayout(rootOf(root));
    const QString test = QString::fromStdString(l.walkwayConfig), train = QString::fromStdString(l.campusConfig);
    // demo.json is written last: its presence means every stage finished.
    if (QFileInfo::exists(QString::fromStdString(l.summary)) && QFileInfo::exists(test) && QFileInfo::exists(train))
        return {test, train};
    return {};
}

void DemoJob::execute()
{
    demo::DemoOptions o;
    o.root = rootOf(m_root);
    o.quick = m_quick;
    log(tr("demo workspace: %1").arg(QString::fromStdString(o.root)));
    const demo::DemoResult r = demo::runDemo(o, [this](const demo::DemoProgress& p) {
        const double overall = (p.stageIndex + std::clamp(p.fraction, 0.0, 1.0)) / std::max(1, p.stageCount);
        reportProgress(overall, tr("%1 (%2/%3): %4")
                                    .arg(QString::fromLatin1(demo::stageName(p.stage)))
                                    .arg(p.stageIndex + 1)
                                    .arg(p.stageCount)
                                    .arg(QString::fromStdString(p.detail)));
        if (p.stageDone)
            log(tr("%1 done after %2 s").arg(QString::fromLatin1(demo::stageName(p.stage))).arg(p.elapsedSeconds, 0, 'f', 1));
        return !isCancelRequested();
    });
    for (const auto& m : r.modes)
        log(tr("%1: frame AUC %2, AP %3").arg(QString::fromStdString(m.name)).arg(m.frameAuc, 0, 'f', 3).arg(m.frameAp, 0, 'f', 3));
}

} // namespace vaclip::studio
