#pragma once
// `vaclip demo` as a studio job (core/demo/demo.h): renders the demo worlds, extracts features,
// trains on campus and tests on walkway into a workspace folder, which the studio then opens.
//
//   auto job = std::make_shared<DemoJob>(QString());     // "" = demo::defaultDemoRoot()
//   connect(job.get(), &Job::finished, this, [=](Job::State s, const QString&) {
//       if (s == Job::State::Succeeded) window->openDemo(job->walkwayConfig(), job->campusConfig()); });
//   session.jobs()->enqueue(job);
//
// Cancellation: runDemo's callback returns false within about a second.

#include "jobs/job.h"

#include <QPair>
#include <QString>

namespace vaclip::studio {

class DemoJob : public Job {
    Q_OBJECT
public:
    /// root "" = defaultDemoRoot(); quick = the smaller world (about a third of the work).
    explicit DemoJob(QString root, bool quick = false, QObject* parent = nullptr);
    QString walkwayConfig() const;   ///< the test configuration of the workspace
    QString campusConfig() const;    ///< the training configuration

    /// The demo workspace's (test, training) configurations when it is complete, else empty.
    static QPair<QString, QString> existingDemo(const QString& root = {});

protected:
    void execute() override;

private:
    QString m_root;
    bool m_quick;
};

} // namespace vaclip::studio
