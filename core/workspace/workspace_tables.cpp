// Workspace: reads and writes of each table. Every write runs in a transaction().
#include "workspace/workspace.h"

#include "common/error.h"
#include "workspace/sqlite_statement.h"

#include <cstring>

namespace vaclip {

using detail::Statement;

// ---- datasets ------------------------------------------------------------------------------

int64_t Workspace::addDataset(const DatasetRecord& dataset)
{
    if (dataset.metaPath.empty())
        throw Error(ErrorCode::InvalidArgument, quoted(m_path) + ": a dataset needs a path");
    int64_t id = 0;
    transaction([&] {
        Statement st(m_db, m_path,
                     "INSERT INTO datasets (name, meta_path) VALUES (?1, ?2) "
                     "ON CONFLICT (meta_path) DO UPDATE SET name = excluded.name RETURNING id");
        st.bind(1, dataset.name);
        st.bind(2, dataset.metaPath);
        if (st.step())
            id = st.int64(0);
        st.run();
    });
    return id;
}

std::vector<DatasetRecord> Workspace::datasets() const
{
    std::vector<DatasetRecord> out;
    Statement st(m_db, m_path, "SELECT id, name, meta_path, added_at FROM datasets ORDER BY id");
    while (st.step())
        out.push_back({st.int64(0), st.text(1), st.text(2), st.text(3)});
    return out;
}

void Workspace::removeDataset(int64_t id)
{
    transaction([&] {
        Statement st(m_db, m_path, "DELETE FROM datasets WHERE id = ?1");
        st.bind(1, id);
        st.run();
    });
}

// ---- annotations ---------------------------------------------------------------------------

void Workspace::replaceAnnotations(const std::string& video, const std::vector<AnnotationRecord>& records)
{
    for (const AnnotationRecord& r : records)
        if (r.begin < 0 || r.end <= r.begin)
            throw Error(ErrorCode::InvalidArgument, quoted(m_path) + ": annotation of '" + video + "' [" +
                                                        std::to_string(r.begin) + ", " + std::to_string(r.end) +
                                                        ") is not a frame interval (0 <= begin < end)");
    transaction([&] {
        {
            Statement del(m_db, m_path, "DELETE FROM annotations WHERE video = ?1");
            del.bind(1, video);
            del.run();
        }
        Statement ins(m_db, m_path,
                      "INSERT INTO annotations (video, begin_frame, end_frame, category, note) "
                      "VALUES (?1, ?2, ?3, ?4, ?5)");
        for (const AnnotationRecord& r : records) {
            ins.reset();
            ins.bind(1, video);
            ins.bind(2, r.begin);
            ins.bind(3, r.end);
            ins.bind(4, r.category);
            ins.bind(5, r.note);
            ins.run();
        }
    });
}

std::vector<AnnotationRecord> Workspace::annotations(const std::string& video) const
{
    std::vector<AnnotationRecord> out;
    Statement st(m_db, m_path,
                 "SELECT id, video, begin_frame, end_frame, category, note FROM annotations "
                 "WHERE video = ?1 ORDER BY begin_frame, end_frame, id");
    st.bind(1, video);
    while (st.step())
        out.push_back({st.int64(0), st.text(1), st.int64(2), st.int64(3), st.text(4), st.text(5)});
    return out;
}

std::vector<std::string> Workspace::annotatedVideos() const
{
    std::vector<std::string> out;
    Statement st(m_db, m_path, "SELECT DISTINCT video FROM annotations ORDER BY video");
    while (st.step())
        out.push_back(st.text(0));
    return out;
}

// ---- prompt sets ---------------------------------------------------------------------------

int64_t Workspace::savePromptSet(const PromptSet& set)
{
    if (set.name.empty())
        throw Error(ErrorCode::InvalidArgument, quoted(m_path) + ": a prompt set needs a name");
    int64_t id = 0;
    transaction([&] {
        {
            Statement st(m_db, m_path,
                         "INSERT INTO prompt_sets (name) VALUES (?1) "
                         "ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id");
            st.bind(1, set.name);
            if (st.step())
                id = st.int64(0);
            st.run();
        }
        {
            Statement del(m_db, m_path, "DELETE FROM prompts WHERE set_id = ?1");
            del.bind(1, id);
            del.run();
        }
        Statement ins(m_db, m_path, "INSERT INTO prompts (set_id, position, text, enabled) VALUES (?1, ?2, ?3, ?4)");
        for (std::size_t i = 0; i < set.prompts.size(); ++i) {
            ins.reset();
            ins.bind(1, id);
            ins.bind(2, int64_t(i));
            ins.bind(3, set.prompts[i].text);
            ins.bind(4, int64_t(set.prompts[i].enabled ? 1 : 0));
            ins.run();
        }
    });
    return id;
}

std::vector<PromptSet> Workspace::promptSets() const
{
    std::vector<PromptSet> out;
    {
        Statement st(m_db, m_path, "SELECT id, name FROM prompt_sets ORDER BY name");
        while (st.step())
            out.push_back({st.int64(0), st.text(1), {}});
    }
    for (PromptSet& set : out) {
        Statement st(m_db, m_path, "SELECT text, enabled FROM prompts WHERE set_id = ?1 ORDER BY position");
        st.bind(1, set.id);
        while (st.step())
            set.prompts.push_back({st.text(0), st.int64(1) != 0});
    }
    return out;
}

std::optional<PromptSet> Workspace::promptSet(const std::string& name) const
{
    for (PromptSet& set : promptSets())
        if (set.name == name)
            return std::move(set);
    return std::nullopt;
}

void Workspace::removePromptSet(const std::string& name)
{
    transaction([&] {
        Statement st(m_db, m_path, "DELETE FROM prompt_sets WHERE name = ?1");
        st.bind(1, name);
        st.run();
    });
}

// ---- runs and score tracks -----------------------------------------------------------------

int64_t Workspace::addRun(const RunRecord& run)
{
    int64_t id = 0;
    transaction([&] {
        Statement st(m_db, m_path,
                     "INSERT INTO runs (name, config_yaml, checkpoint_path, metrics_json) VALUES (?1, ?2, ?3, ?4) "
                     "RETURNING id");
        st.bind(1, run.name);
        st.bind(2, run.configYaml);
        st.bind(3, run.checkpointPath);
        st.bind(4, run.metricsJson);
        if (st.step())
            id = st.int64(0);
        st.run();
    });
    return id;
}

void Workspace::setRunMetrics(int64_t runId, const std::string& metricsJson)
{
    transaction([&] {
        Statement st(m_db, m_path, "UPDATE runs SET metrics_json = ?2 WHERE id = ?1");
        st.bind(1, runId);
        st.bind(2, metricsJson);
        st.run();
        if (sqlite3_changes(m_db) == 0)
            throw Error(ErrorCode::NotFound, quoted(m_path) + ": no run " + std::to_string(runId));
    });
}

void Workspace::renameRun(int64_t runId, const std::string& name)
{
    transaction([&] {
        Statement st(m_db, m_path, "UPDATE runs SET name = ?2 WHERE id = ?1");
        st.bind(1, runId);
        st.bind(2, name);
        st.run();
        if (sqlite3_changes(m_db) == 0)
            throw Error(ErrorCode::NotFound, quoted(m_path) + ": no run " + std::to_string(runId));
    });
}

std::vector<RunRecord> Workspace::runs() const
{
    std::vector<RunRecord> out;
    Statement st(m_db, m_path,
                 "SELECT id, name, config_yaml, checkpoint_path, metrics_json, created_at FROM runs ORDER BY id");
    while (st.step())
        out.push_back({st.int64(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5)});
    return out;
}

std::optional<RunRecord> Workspace::run(int64_t runId) const
{
    Statement st(m_db, m_path,
                 "SELECT id, name, config_yaml, checkpoint_path, metrics_json, created_at FROM runs WHERE id = ?1");
    st.bind(1, runId);
    if (!st.step())
        return std::nullopt;
    return RunRecord{st.int64(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5)};
}

void Workspace::removeRun(int64_t runId)
{
    transaction([&] {
        Statement st(m_db, m_path, "DELETE FROM runs WHERE id = ?1");   // tracks cascade
        st.bind(1, runId);
        st.run();
    });
}

void Workspace::putScoreTrack(int64_t runId, const std::string& video, const std::vector<float>& scores)
{
    static_assert(sizeof(float) == 4, "float32 blobs");
    transaction([&] {
        if (!run(runId))
            throw Error(ErrorCode::NotFound, quoted(m_path) + ": no run " + std::to_string(runId) +
                                                 " for the score track of '" + video + "'");
        Statement st(m_db, m_path,
                     "INSERT OR REPLACE INTO score_tracks (run_id, video, frames, scores) VALUES (?1, ?2, ?3, ?4)");
        st.bind(1, runId);
        st.bind(2, video);
        st.bind(3, int64_t(scores.size()));
        // Native float32; the platforms this builds on are little endian, as .npy files are.
        st.bindBlob(4, scores.data(), scores.size() * sizeof(float));
        st.run();
    });
}

std::vector<float> Workspace::scoreTrack(int64_t runId, const std::string& video) const
{
    Statement st(m_db, m_path, "SELECT frames, scores FROM score_tracks WHERE run_id = ?1 AND video = ?2");
    st.bind(1, runId);
    st.bind(2, video);
    if (!st.step())
        throw Error(ErrorCode::NotFound, quoted(m_path) + ": run " + std::to_string(runId) + " has no scores for '" +
                                             video + "'");
    const int64_t frames = st.int64(0);
    const std::vector<uint8_t> bytes = st.blob(1);
    if (frames < 0 || bytes.size() != std::size_t(frames) * sizeof(float))
        fail("score track of '" + video + "' in run " + std::to_string(runId) + " holds " +
             std::to_string(bytes.size()) + " bytes for " + std::to_string(frames) + " frames");
    std::vector<float> out(static_cast<std::size_t>(frames));
    if (frames > 0)
        std::memcpy(out.data(), bytes.data(), bytes.size());
    return out;
}

std::vector<std::string> Workspace::scoreTrackVideos(int64_t runId) const
{
    std::vector<std::string> out;
    Statement st(m_db, m_path, "SELECT video FROM score_tracks WHERE run_id = ?1 ORDER BY video");
    st.bind(1, runId);
    while (st.step())
        out.push_back(st.text(0));
    return out;
}

// ---- settings and recent state -------------------------------------------------------------

void Workspace::setSetting(const std::string& key, const std::string& value)
{
    transaction([&] {
        Statement st(m_db, m_path, "INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)");
        st.bind(1, key);
        st.bind(2, value);
        st.run();
    });
}

std::optional<std::string> Workspace::setting(const std::string& key) const
{
    Statement st(m_db, m_path, "SELECT value FROM settings WHERE key = ?1");
    st.bind(1, key);
    if (!st.step())
        return std::nullopt;
    return st.text(0);
}

void Workspace::removeSetting(const std::string& key)
{
    transaction([&] {
        Statement st(m_db, m_path, "DELETE FROM settings WHERE key = ?1");
        st.bind(1, key);
        st.run();
    });
}

void Workspace::saveRecentState(const RecentState& state)
{
    transaction([&] {
        Statement st(m_db, m_path,
                     "INSERT OR REPLACE INTO recent_state (id, open_video, playhead, threshold) VALUES (1, ?1, ?2, ?3)");
        st.bind(1, state.openVideo);
        st.bind(2, state.playhead);
        st.bind(3, state.threshold);
        st.run();
    });
}

RecentState Workspace::recentState() const
{
    Statement st(m_db, m_path, "SELECT open_video, playhead, threshold FROM recent_state WHERE id = 1");
    if (!st.step())
        return {};
    return {st.text(0), st.int64(1), st.real(2)};
}

} // namespace vaclip
