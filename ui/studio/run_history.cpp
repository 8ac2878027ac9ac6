#include "studio/run_history.h"

#include "workspace/workspace.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSet>

#include <cmath>
#include <limits>

namespace vaclip::studio {

namespace {
QString q(const std::string& s) { return QString::fromStdString(s); }
std::string s(const QString& q) { return q.toStdString(); }

QString number(double v) { return std::isfinite(v) ? QLocale().toString(v, 'f', 4) : QStringLiteral("—"); }

std::string metricsJson(const StudioRun& run)
{
    QJsonObject o = run.metrics;
    o.insert(QStringLiteral("kind"), StudioRun::kindId(run.kind));
    o.insert(QStringLiteral("prompts"), QJsonArray::fromStringList(run.prompts));
    o.insert(QStringLiteral("created_at"), run.createdAt);
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}
} // namespace

double StudioRun::metric(const QString& key) const
{
    const QJsonValue v = metrics.value(key);
    return v.isDouble() ? v.toDouble() : std::numeric_limits<double>::quiet_NaN();
}

QString StudioRun::kindId(RunKind kind)
{
    switch (kind) {
    case RunKind::Live: return QStringLiteral("live");
    case RunKind::Test: return QStringLiteral("test");
    case RunKind::Training: return QStringLiteral("training");
    case RunKind::Session: break;
    }
    return QStringLiteral("session");
}

RunKind StudioRun::kindFromId(const QString& id)
{
    if (id == QStringLiteral("live"))
        return RunKind::Live;
    if (id == QStringLiteral("test"))
        return RunKind::Test;
    if (id == QStringLiteral("training"))
        return RunKind::Training;
    return RunKind::Session;
}

QString StudioRun::kindName(RunKind kind)
{
    switch (kind) {
    case RunKind::Live: return RunHistory::tr("live prompts");
    case RunKind::Test: return RunHistory::tr("test");
    case RunKind::Training: return RunHistory::tr("training");
    case RunKind::Session: break;
    }
    return RunHistory::tr("session");
}

RunHistory::RunHistory(QObject* parent) : QObject(parent) {}

const StudioRun* RunHistory::find(qint64 key) const
{
    for (const StudioRun& r : m_runs)
        if (r.key == key)
            return &r;
    return nullptr;
}

qint64 RunHistory::add(StudioRun run)
{
    run.key = m_nextKey++;
    run.storedId = 0;
    run.storedName.clear();
    if (run.createdAt.isEmpty())
        run.createdAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    m_runs.append(std::move(run));
    emit changed();
    return m_runs.back().key;
}

bool RunHistory::rename(qint64 key, const QString& name)
{
    for (StudioRun& r : m_runs)
        if (r.key == key) {
            if (r.name == name)
                return true;
            r.name = name;
            emit changed();
            return true;
        }
    return false;
}

bool RunHistory::remove(qint64 key)
{
    for (qsizetype i = 0; i < m_runs.size(); ++i)
        if (m_runs[i].key == key) {
            m_runs.removeAt(i);
            emit changed();
            return true;
        }
    return false;
}

void RunHistory::clear()
{
    m_runs.clear();
    m_storedIn.clear();
    emit changed();
}

QList<StudioRun> RunHistory::read(const vaclip::Workspace& ws, int64_t skipRunId)
{
    QList<StudioRun> out;
    for (const vaclip::RunRecord& rec : ws.runs()) {
        if (rec.id == skipRunId)
            continue;
        StudioRun r;
        r.storedId = rec.id;
        r.name = r.storedName = q(rec.name);
        r.configYaml = q(rec.configYaml);
        r.checkpoint = q(rec.checkpointPath);
        QJsonObject m = QJsonDocument::fromJson(QByteArray::fromStdString(rec.metricsJson)).object();
        r.kind = StudioRun::kindFromId(m.take(QStringLiteral("kind")).toString());
        for (const QJsonValue& p : m.take(QStringLiteral("prompts")).toArray())
            r.prompts << p.toString();
        r.createdAt = m.take(QStringLiteral("created_at")).toString();
        if (r.createdAt.isEmpty())
            r.createdAt = q(rec.createdAt);
        r.metrics = m;
        for (const std::string& video : ws.scoreTrackVideos(rec.id))
            r.tracks.insert(q(video), ws.scoreTrack(rec.id, video));
        out.append(std::move(r));
    }
    return out;
}

void RunHistory::replace(const QList<StudioRun>& runs, const QString& path)
{
    m_runs.clear();
    for (StudioRun r : runs) {
        r.key = m_nextKey++;
        m_runs.append(std::move(r));
    }
    m_storedIn = path;
    emit changed();
}

RunHistory::StoreResult RunHistory::writeTo(vaclip::Workspace& ws, bool sameFile, int64_t keepRunId) const
{
    StoreResult result;
    QSet<qint64> kept;
    if (sameFile)
        for (const StudioRun& r : m_runs)
            if (r.storedId != 0)
                kept.insert(r.storedId);
    for (const vaclip::RunRecord& rec : ws.runs())
        if (rec.id != keepRunId && !kept.contains(rec.id))
            ws.removeRun(rec.id);
    for (const StudioRun& r : m_runs) {
        if (sameFile && r.storedId != 0 && ws.run(r.storedId)) {
            if (r.name != r.storedName)
                ws.renameRun(r.storedId, s(r.name));
            result.ids.insert(r.key, r.storedId);
            continue;
        }
        const int64_t id = ws.addRun({0, s(r.name), s(r.configYaml), s(r.checkpoint), metricsJson(r), {}});
        for (auto it = r.tracks.cbegin(); it != r.tracks.cend(); ++it)
            ws.putScoreTrack(id, s(it.key()), it.value());
        result.ids.insert(r.key, id);
    }
    return result;
}

void RunHistory::markStored(const QString& path, const StoreResult& result)
{
    for (StudioRun& r : m_runs) {
        r.storedId = result.ids.value(r.key, 0);
        r.storedName = r.name;
    }
    m_storedIn = path;
}

QJsonObject RunHistory::metricsOf(const ScoreUpdate& scores)
{
    return scores.evaluation ? metricsOf(*scores.evaluation) : QJsonObject();
}

QJsonObject RunHistory::metricsOf(const vaclip::eval::EvaluationResult& evaluation)
{
    QJsonObject m;
    const auto* e = &evaluation;
    auto put = [&m](const char* key, double v) {
        if (std::isfinite(v))
            m.insert(QLatin1String(key), v);
    };
    put("micro_auc", e->micro.auc);
    put("micro_ap", e->micro.ap(e->options.ap));
    put("macro_auc", e->macro.auc);
    put("macro_ap", e->macro.ap);
    if (e->videoLevel.defined) {
        put("video_auc", e->videoLevel.auc);
        put("video_ap", e->videoLevel.ap(e->options.ap));
    }
    if (e->micro.defined)
        put("best_f1_threshold", e->micro.bestF1.threshold);
    return m;
}

StudioRun RunHistory::fromScores(RunKind kind, const QString& name, const ScoreUpdate& scores, const TestSetInfo& testSet,
                                 const QString& configYaml, const QString& checkpoint)
{
    StudioRun r;
    r.kind = kind;
    r.name = name;
    r.configYaml = configYaml;
    r.checkpoint = checkpoint;
    r.prompts = scores.prompts;
    r.metrics = metricsOf(scores);
    const auto& off = scores.scores.videoOffsets;
    if (off.size() == std::size_t(testSet.videos.size()) + 1)
        for (qsizetype i = 0; i < testSet.videos.size(); ++i)
            r.tracks.insert(testSet.videos[i], std::vector<float>(scores.scores.scores.begin() + off[std::size_t(i)],
                                                                 scores.scores.scores.begin() + off[std::size_t(i) + 1]));
    return r;
}

QStringList RunHistory::metricKeys()
{
    return {QStringLiteral("micro_auc"), QStringLiteral("micro_ap"), QStringLiteral("macro_auc"),
            QStringLiteral("macro_ap"),  QStringLiteral("video_auc"), QStringLiteral("video_ap")};
}

QString RunHistory::metricLabel(const QString& key)
{
    if (key == QStringLiteral("micro_auc"))
        return tr("Frame AUC (micro)");
    if (key == QStringLiteral("micro_ap"))
        return tr("Frame AP (micro)");
    if (key == QStringLiteral("macro_auc"))
        return tr("Frame AUC (macro)");
    if (key == QStringLiteral("macro_ap"))
        return tr("Frame AP (macro)");
    if (key == QStringLiteral("video_auc"))
        return tr("Video AUC");
    if (key == QStringLiteral("video_ap"))
        return tr("Video AP");
    return key;
}

QString RunHistory::describe(const StudioRun& run)
{
    QStringList lines;
    lines << tr("%1 — %2, %3").arg(run.name, StudioRun::kindName(run.kind),
                                    QLocale().toString(QDateTime::fromString(run.createdAt, Qt::ISODate).toLocalTime(), QLocale::ShortFormat));
    for (const QString& key : metricKeys())
        lines << QStringLiteral("  %1: %2").arg(metricLabel(key), number(run.metric(key)));
    lines << tr("Prompts: %1").arg(run.prompts.isEmpty() ? tr("(the configuration's)") : run.prompts.join(QStringLiteral("; ")));
    lines << tr("Checkpoint: %1").arg(run.checkpoint.isEmpty() ? tr("none (zero-shot)") : run.checkpoint);
    lines << tr("%n video score track(s)", nullptr, int(run.tracks.size()));
    if (!run.configYaml.trimmed().isEmpty())
        lines << QString() << tr("Configuration:") << run.configYaml.trimmed();
    return lines.join(QLatin1Char('\n'));
}

QString RunHistory::compare(const StudioRun& a, const StudioRun& b)
{
    QStringList lines;
    lines << tr("A: %1\nB: %2").arg(a.name, b.name) << QString();
    lines << QStringLiteral("%1\t%2\t%3\t%4").arg(tr("Metric"), QStringLiteral("A"), QStringLiteral("B"), tr("B − A"));
    for (const QString& key : metricKeys()) {
        const double va = a.metric(key), vb = b.metric(key);
        const QString delta = std::isfinite(va) && std::isfinite(vb)
                                  ? (vb - va >= 0 ? QStringLiteral("+") : QString()) + QLocale().toString(vb - va, 'f', 4)
                                  : QStringLiteral("—");
        lines << QStringLiteral("%1\t%2\t%3\t%4").arg(metricLabel(key), number(va), number(vb), delta);
    }
    if (a.prompts != b.prompts)
        lines << QString() << tr("Prompts A: %1").arg(a.prompts.join(QStringLiteral("; ")))
              << tr("Prompts B: %1").arg(b.prompts.join(QStringLiteral("; ")));
    if (a.checkpoint != b.checkpoint)
        lines << tr("Checkpoint A: %1").arg(a.checkpoint.isEmpty() ? tr("none (zero-shot)") : a.checkpoint)
              << tr("Checkpoint B: %1").arg(b.checkpoint.isEmpty() ? tr("none (zero-shot)") : b.checkpoint);
    return lines.join(QLatin1Char('\n'));
}

} // namespace vaclip::studio
