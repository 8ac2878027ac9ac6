#pragma once
// The studio's workspace file: one SQLite database holding everything a user did — datasets,
// annotations, prompt sets, runs (config, checkpoint, metrics) with their score tracks, settings
// and the recent state (open video, playhead, threshold) — so that reopening restores the session.
//
//   vaclip::Workspace ws("/home/me/ped2.vaclip");                  // created when missing
//   int64_t d = ws.addDataset({0, "ped2", "/data/ped2/meta.json"});
//   ws.replaceAnnotations("Test/Test001", {{0, "Test/Test001", 60, 180, "bicycle", ""}});
//   ws.savePromptSet({0, "vehicles", {{"a person riding a bicycle", true}, {"a car", false}}});
//   int64_t run = ws.addRun({0, "zero-shot", yamlText, "", metricsJsonText});
//   ws.putScoreTrack(run, "Test/Test001", scores);                 // float32 per frame
//   ws.setSetting("theme", "dark");
//   ws.saveRecentState({"Test/Test001", 120, 0.42});
//   ws.transaction([&] { ws.addDataset(a); ws.addDataset(b); });  // both or neither
//
// Durability: the file is opened in WAL mode with synchronous=FULL and every write runs inside a
// transaction (a SAVEPOINT, so transactions nest), so a crash or a failed write leaves the file
// as it was before that write. The journal files "<path>-wal"/"<path>-shm" exist while it is open
// and are folded back into the file when the last connection closes.
//
// Identity and versions: the database carries application_id 0x56414357 ("VACW") and its schema
// version in user_version. Opening runs the migrations from the file's version up to
// kSchemaVersion in one transaction. Errors (vaclip::Error, each naming the file):
//   - not an SQLite file, or a damaged one (quick_check fails)           -> Format
//   - an SQLite database of another application (foreign tables, other id) -> Format
//   - a workspace written by a newer version (user_version > kSchemaVersion) -> Unsupported
//   - OpenMode::Existing and no file                                      -> NotFound
//
// Units: frames are 0-based indices, intervals half-open [begin, end). Times are UTC ISO-8601
// strings ("2026-11-25T17:49:50Z") set by the database.
// Thread safety: one Workspace object per thread (the connection is not shared); several
// objects (threads or processes) may open the same file (WAL; writers wait up to 5 s).

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace vaclip {

struct DatasetRecord {
    int64_t id = 0;              ///< set by the workspace (0 when adding)
    std::string name;            ///< display name
    std::string metaPath;        ///< absolute path of meta.json (or a dataset root); unique
    std::string addedAt;         ///< set by the workspace
};

struct AnnotationRecord {
    int64_t id = 0;              ///< set by the workspace
    std::string video;           ///< the video's key (meta.json video_path as written, or a file path)
    int64_t begin = 0;           ///< first anomalous frame
    int64_t end = 0;             ///< one past the last (begin < end)
    std::string category;        ///< anomaly category, e.g. "bicycle"; may be empty
    std::string note;
};

struct Prompt {
    std::string text;
    bool enabled = true;
    bool operator==(const Prompt& o) const { return text == o.text && enabled == o.enabled; }
};

struct PromptSet {
    int64_t id = 0;
    std::string name;            ///< unique
    std::vector<Prompt> prompts; ///< in order
};

struct RunRecord {
    int64_t id = 0;
    std::string name;
    std::string configYaml;      ///< the YAML config as run
    std::string checkpointPath;  ///< "" for zero-shot runs
    std::string metricsJson;     ///< metrics.json text ("" before evaluation)
    std::string createdAt;       ///< set by the workspace
};

struct RecentState {
    std::string openVideo;       ///< "" when none
    int64_t playhead = 0;        ///< frame
    double threshold = 0.5;
};

class Workspace {
public:
    static constexpr int kSchemaVersion = 1;
    static constexpr int32_t kApplicationId = 0x56414357;  // "VACW"

    enum class OpenMode { OpenOrCreate, Existing };

    explicit Workspace(const std::string& path, OpenMode mode = OpenMode::OpenOrCreate);
    ~Workspace();
    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;

    const std::string& path() const { return m_path; }
    /// The schema version of the open file (== kSchemaVersion after opening).
    int schemaVersion() const;

    /// Runs `body` in a transaction: committed when it returns, rolled back (and the exception
    /// rethrown) when it throws. Nests: an inner failure rolls back only the inner part if caught.
    void transaction(const std::function<void()>& body);

    // ---- datasets ------------------------------------------------------------------------
    /// Adds a dataset, or renames the one with the same metaPath. Returns its id.
    int64_t addDataset(const DatasetRecord& dataset);
    std::vector<DatasetRecord> datasets() const;   ///< in the order added
    void removeDataset(int64_t id);

    // ---- annotations ---------------------------------------------------------------------
    /// Replaces every annotation of `video` with `records` (their ids and video fields are
    /// ignored). Throws InvalidArgument for begin < 0 or end <= begin (nothing is written).
    void replaceAnnotations(const std::string& video, const std::vector<AnnotationRecord>& records);
    /// The annotations of `video` ordered by begin, end.
    std::vector<AnnotationRecord> annotations(const std::string& video) const;
    /// Every video with at least one annotation, sorted.
    std::vector<std::string> annotatedVideos() const;

    // ---- prompt sets ---------------------------------------------------------------------
    /// Saves a prompt set, replacing the one with the same name. Returns its id.
    int64_t savePromptSet(const PromptSet& set);
    std::vector<PromptSet> promptSets() const;     ///< sorted by name
    std::optional<PromptSet> promptSet(const std::string& name) const;
    void removePromptSet(const std::string& name);

    // ---- runs and score tracks -----------------------------------------------------------
    int64_t addRun(const RunRecord& run);
    void setRunMetrics(int64_t runId, const std::string& metricsJson);
    /// NotFound for an unknown run.
    void renameRun(int64_t runId, const std::string& name);
    std::vector<RunRecord> runs() const;           ///< oldest first
    std::optional<RunRecord> run(int64_t runId) const;
    /// Removes the run and its score tracks.
    void removeRun(int64_t runId);
    /// Stores (replaces) the per-frame scores of one video of a run, as float32. NotFound for an
    /// unknown run.
    void putScoreTrack(int64_t runId, const std::string& video, const std::vector<float>& scores);
    /// Throws NotFound when the run has no track for `video`; Format for a damaged blob.
    std::vector<float> scoreTrack(int64_t runId, const std::string& video) const;
    std::vector<std::string> scoreTrackVideos(int64_t runId) const;   ///< sorted

    // ---- settings and recent state -------------------------------------------------------
    void setSetting(const std::string& key, const std::string& value);
    std::optional<std::string> setting(const std::string& key) const;
    void removeSetting(const std::string& key);
    void saveRecentState(const RecentState& state);
    /// The saved state, or defaults when none was saved.
    RecentState recentState() const;

    /// The raw connection, for tests and maintenance tools only.
    sqlite3* handle() const { return m_db; }

private:
    void openFile(OpenMode mode);
    void checkIdentity();
    void migrate();
    void exec(const char* sql) const;
    [[noreturn]] void fail(const std::string& what) const;

    std::string m_path;
    sqlite3* m_db = nullptr;
    int m_savepointDepth = 0;
};

} // namespace vaclip
