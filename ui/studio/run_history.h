#pragma once
// The studio's run history: every scoring result worth keeping — a training job evaluated on the
// test set, a test pass (Run > Reload test set), or a snapshot of the live prompt scoring
// ("Keep as run") — with its configuration, checkpoint, prompts, metrics and per-video score
// tracks. The history lives in memory until the workspace is saved; saving writes it into the
// workspace's runs and score_tracks tables (core/workspace/workspace.h) inside the caller's
// transaction, opening reads it back.
//
//   RunHistory history;
//   StudioRun run = RunHistory::fromScores(RunKind::Live, "bicycles", *session.scores(),
//                                          *session.testSet(), yamlText, checkpoint);
//   qint64 key = history.add(run);                 // changed() follows
//   history.rename(key, "bicycles v2");
//   // saving, inside ws.transaction([&] { ... }):
//   RunHistory::StoreResult r = history.writeTo(ws, sameFileAsLastTime, keepRunId);
//   history.markStored(path, r);                   // after the transaction committed
//
// In the workspace a run's kind, prompts, creation time and metrics are one JSON object in
// runs.metrics_json: {"kind": "live", "prompts": [...], "created_at": "...", "micro_auc": 0.91,
// "micro_ap": ..., "macro_auc": ..., "macro_ap": ..., "video_auc": ..., "video_ap": ...};
// a metric that is not defined is null or missing (NaN in metric()).
// Thread affinity: GUI thread (plain data; nothing is scored here).

#include "studio/scoring_engine.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace vaclip {
class Workspace;
}

namespace vaclip::studio {

/// Stored in metrics_json as "live", "test", "training" or "session" (older workspaces).
enum class RunKind { Live, Test, Training, Session };

struct StudioRun {
    qint64 key = 0;              ///< unique in this history (set by add())
    qint64 storedId = 0;         ///< its id in the workspace file it was last stored in; 0 = never
    QString storedName;          ///< its name there (a rename is written on the next save)
    QString name;
    RunKind kind = RunKind::Live;
    QString createdAt;           ///< UTC ISO-8601
    QString configYaml;          ///< the configuration as run
    QString checkpoint;          ///< "" = zero-shot
    QStringList prompts;
    QJsonObject metrics;         ///< the numbers only (keys as in the header comment)
    QHash<QString, std::vector<float>> tracks;  ///< per-frame scores by video key

    /// NaN when the metric is missing or not defined.
    double metric(const QString& name) const;
    /// "live", "test", "training", "session".
    static QString kindId(RunKind kind);
    static RunKind kindFromId(const QString& id);
    /// Translated, for display.
    static QString kindName(RunKind kind);
};

class RunHistory : public QObject {
    Q_OBJECT
public:
    /// What writeTo() stored: key -> workspace id, to hand to markStored().
    struct StoreResult {
        QHash<qint64, qint64> ids;
    };

    explicit RunHistory(QObject* parent = nullptr);

    const QList<StudioRun>& runs() const { return m_runs; }
    const StudioRun* find(qint64 key) const;
    /// Adds a run (a new key; createdAt set when empty). Returns the key.
    qint64 add(StudioRun run);
    bool rename(qint64 key, const QString& name);
    bool remove(qint64 key);
    void clear();

    /// Reads every run of `ws` except `skipRunId` (the workspace's hidden session run), with
    /// their score tracks. Throws what the workspace throws (vaclip::Error).
    static QList<StudioRun> read(const vaclip::Workspace& ws, int64_t skipRunId);
    /// Replaces the history by runs read from the workspace file `path`.
    void replace(const QList<StudioRun>& runs, const QString& path);
    /// Writes the history into `ws` — call it inside a transaction. `sameFile`: `ws` is the file
    /// the history was last stored in or read from (its stored ids are valid there); runs of `ws`
    /// that are not in the history are removed, except `keepRunId`.
    StoreResult writeTo(vaclip::Workspace& ws, bool sameFile, int64_t keepRunId) const;
    /// After the transaction of writeTo() committed.
    void markStored(const QString& path, const StoreResult& result);
    /// The file the stored ids refer to ("" = none).
    QString storedIn() const { return m_storedIn; }

    /// A run of the current scores: metrics from the update's evaluation, one track per video.
    static StudioRun fromScores(RunKind kind, const QString& name, const ScoreUpdate& scores, const TestSetInfo& testSet,
                                const QString& configYaml, const QString& checkpoint);
    /// The metrics JSON of an evaluation (prompts added by the caller).
    static QJsonObject metricsOf(const ScoreUpdate& scores);
    static QJsonObject metricsOf(const vaclip::eval::EvaluationResult& evaluation);
    /// The metric keys shown, in order, and their translated labels.
    static QStringList metricKeys();
    static QString metricLabel(const QString& key);
    /// A readable description of one run (metrics, prompts, checkpoint, config), plain text.
    static QString describe(const StudioRun& run);
    /// Metric by metric: a, b and b - a, plain text.
    static QString compare(const StudioRun& a, const StudioRun& b);

signals:
    void changed();

private:
    QList<StudioRun> m_runs;
    qint64 m_nextKey = 1;
    QString m_storedIn;
};

} // namespace vaclip::studio
