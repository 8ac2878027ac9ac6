// ctest-labels: gui
// ctest-link: vaclip_studio_ui
// Annotation: intervals added through the panel (I/O keys, buttons) and the model API, undo/redo
// with Ctrl+Z / Ctrl+Shift+Z, merged drags, editing the category in the table, saving to a
// dataset's ground truth and reading it back with core/data, the workspace round trip, and the
// comparison view.
#include "annotate/annotation_model.h"
#include "annotate/annotation_panel.h"
#include "annotate/comparison_view.h"
#include "data/ground_truth.h"
#include "data/meta.h"
#include "test_support.h"
#include "workspace/workspace.h"

#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTreeWidget>
#include <QUndoStack>
#include <QtTest>

#include <cstdlib>

using namespace vaclip;
using namespace vaclip::studio;

namespace {

QString qs(const char* s)
{
    return QString::fromUtf8(s);
}

} // namespace

class AnnotationTest : public QObject {
    Q_OBJECT
private slots:
    void inOutPointsThroughTheApiAndUndo()
    {
        AnnotationModel model;
        model.setVideo(qs("v/a.mp4"), 100);
        model.setDefaultCategory(qs("bicycle"));
        QCOMPARE(model.setOutPoint(5), quint64(0));   // no in-point: nothing
        model.setInPoint(30);
        const quint64 id = model.setOutPoint(20);     // reversed: [20, 31)
        QVERIFY(id != 0);
        QCOMPARE(model.rowCount(), 1);
        const auto i = model.interval(id);
        QCOMPARE(i->begin, qint64(20));
        QCOMPARE(i->end, qint64(31));
        QCOMPARE(i->category, qs("bicycle"));
        QVERIFY(!model.inPoint());
        model.undoStack()->undo();
        QCOMPARE(model.rowCount(), 0);
        model.undoStack()->redo();
        QCOMPARE(model.rowCount(), 1);
        // Clamped to the video; empty after clamping is refused.
        QCOMPARE(model.addInterval(150, 200), quint64(0));
        const quint64 tail = model.addInterval(90, 500);
        QCOMPARE(model.interval(tail)->end, qint64(100));
        // Shown 1-based and inclusive: [90, 100) is frames 91 ... 100 on screen.
        QCOMPARE(model.index(1, AnnotationModel::BeginColumn).data().toLongLong(), qint64(91));
        QCOMPARE(model.index(1, AnnotationModel::EndColumn).data().toLongLong(), qint64(100));
        // Typed as shown: first frame 81 on screen is index 80.
        QVERIFY(model.setData(model.index(1, AnnotationModel::BeginColumn), 81));
        QCOMPARE(model.interval(tail)->begin, qint64(80));
        QVERIFY(model.setData(model.index(1, AnnotationModel::EndColumn), 95));
        QCOMPARE(model.interval(tail)->end, qint64(95));
    }

    void panelKeysAndCtrlZ()
    {
        AnnotationModel model;
        model.setVideo(qs("v/a.mp4"), 200);
        AnnotationPanel panel(&model);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.table()->setFocus();
        panel.setPlayhead(40);
        QTest::keyClick(panel.table(), Qt::Key_I);
        QCOMPARE(model.inPoint(), std::optional<qint64>(40));
        panel.setPlayhead(59);
        QTest::keyClick(panel.table(), Qt::Key_O);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.intervals().first().begin, qint64(40));
        QCOMPARE(model.intervals().first().end, qint64(60));

        QTest::keyClick(panel.table(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(model.rowCount(), 0);
        QTest::keyClick(panel.table(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(model.rowCount(), 1);

        // Delete the selected row with the Delete key, and bring it back.
        panel.selectInterval(model.idAt(0));
        QCOMPARE(panel.selectedIds().size(), 1);
        QTest::keyClick(panel.table(), Qt::Key_Delete);
        QCOMPARE(model.rowCount(), 0);
        QTest::keyClick(panel.table(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(panel.undoAction()->isEnabled());
        if (const char* preview = std::getenv("VACLIP_PANEL_PREVIEW")) {   // for looking at it
            model.addInterval(100, 130, qs("person running"));
            model.setInPoint(150);
            panel.resize(460, 260);
            panel.grab().save(QString::fromLocal8Bit(preview));
        }
    }

    void categoryEditedInTheTable()
    {
        AnnotationModel model;
        model.setVideo(qs("v/a.mp4"), 50);
        AnnotationPanel panel(&model);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const quint64 id = model.addInterval(5, 10, qs("old"));
        const QModelIndex cell = model.index(0, AnnotationModel::CategoryColumn);
        panel.table()->setCurrentIndex(cell);
        panel.table()->edit(cell);
        auto* editor = qobject_cast<QLineEdit*>(QApplication::focusWidget());
        QVERIFY(editor);
        editor->selectAll();
        QTest::keyClicks(editor, qs("person running"));
        QTest::keyClick(editor, Qt::Key_Return);   // the delegate commits on the next event-loop pass
        QTRY_COMPARE(model.interval(id)->category, qs("person running"));
        model.undoStack()->undo();
        QCOMPARE(model.interval(id)->category, qs("old"));
    }

    void dragMovesMergeIntoOneUndoStep()
    {
        AnnotationModel model;
        model.setVideo(qs("v"), 100);
        const quint64 id = model.addInterval(10, 20);
        const int before = model.undoStack()->count();
        for (int b = 11; b <= 15; ++b)
            QVERIFY(model.setIntervalBounds(id, b, 20, true));
        model.endDrag();
        QCOMPARE(model.undoStack()->count(), before + 1);
        QCOMPARE(model.interval(id)->begin, qint64(15));
        // A second drag is its own step.
        QVERIFY(model.setIntervalBounds(id, 15, 30, true));
        model.endDrag();
        QCOMPARE(model.undoStack()->count(), before + 2);
        model.undoStack()->undo();
        QCOMPARE(model.interval(id)->end, qint64(20));
        model.undoStack()->undo();
        QCOMPARE(model.interval(id)->begin, qint64(10));
    }

    void drawnIntervalSlotAndSorting()
    {
        AnnotationModel model;
        model.setVideo(qs("v"), 100);
        QSignalSpy changed(&model, &AnnotationModel::intervalsChanged);
        model.addDrawnInterval(50, 60);
        model.addDrawnInterval(10, 20);
        QCOMPARE(changed.count(), 2);
        QCOMPARE(model.index(0, AnnotationModel::BeginColumn).data().toLongLong(), qint64(11));  // 1-based
        // Moving the first after the second reorders rows, ids stay.
        const quint64 first = model.idAt(0);
        model.editInterval(first, 70, 80, qs("c"), QString());
        QCOMPARE(model.idAt(1), first);
        QCOMPARE(model.rowOf(first), 1);
        // Other videos keep their intervals.
        model.setVideo(qs("w"), 10);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.videos(), QStringList{qs("v")});
    }

    void savesToGroundTruthAndReadsBack()
    {
        vaclip::test::TempDir dir;
        vaclip::test::writeText(dir.file("videos/a.mp4"), "");
        vaclip::test::writeText(dir.file("meta.json"), R"({"train": {}, "test": {"walk": [
            {"video_path": "videos/a.mp4", "anomaly": 0, "gt_path": "", "frame_count": 30}]}})");
        DatasetMeta meta = loadMeta(dir.file("meta.json"));
        AnnotationModel model;
        model.setVideo(qs("videos/a.mp4"), 30);
        model.addInterval(3, 6, qs("bicycle"));
        model.addInterval(20, 30, qs("skater"));
        model.saveToGroundTruth(meta, QString::fromStdString(dir.file("meta.json")));

        // core/data reads it through meta.json like `vaclip evaluate` would.
        const DatasetMeta again = loadMeta(dir.file("meta.json"));
        QVERIFY(again.test[0].anomaly);
        const std::vector<uint8_t> labels = loadFrameLabels(again.test[0]);
        QCOMPARE(int(labels.size()), 30);
        std::vector<uint8_t> expected(30, 0);
        for (int t : {3, 4, 5})
            expected[std::size_t(t)] = 1;
        for (int t = 20; t < 30; ++t)
            expected[std::size_t(t)] = 1;
        QVERIFY(labels == expected);

        AnnotationModel loaded;
        loaded.loadFromGroundTruth(again, qs("videos/a.mp4"));
        const auto list = loaded.intervals(qs("videos/a.mp4"));
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[0].category, qs("bicycle"));
        QCOMPARE(list[1].begin, qint64(20));
        QCOMPARE(list[1].end, qint64(30));
        QCOMPARE(list[1].category, qs("skater"));
    }

    void workspaceRoundTrip()
    {
        vaclip::test::TempDir dir;
        const std::string path = dir.file("studio.vaclip");
        AnnotationModel model;
        model.setVideo(qs("a"), 100);
        model.addInterval(1, 5, qs("x"));
        model.setVideo(qs("b"), 100);
        const quint64 gone = model.addInterval(7, 9, qs("y"));
        {
            Workspace ws(path);
            model.saveToWorkspace(ws);
            model.removeInterval(gone);   // all of b deleted: cleared in the workspace too
            model.saveToWorkspace(ws);
        }
        Workspace ws(path);
        AnnotationModel loaded;
        loaded.loadFromWorkspace(ws);
        QCOMPARE(loaded.videos(), QStringList{qs("a")});
        QCOMPARE(loaded.intervals(qs("a")).first().category, qs("x"));
        QCOMPARE(loaded.undoStack()->count(), 0);
    }

    void comparisonViewListsFalsePositivesAndMisses()
    {
        AnnotationModel model;
        model.setVideo(qs("v"), 20);
        model.addInterval(10, 14);   // detected
        model.addInterval(16, 18);   // missed
        ComparisonView view;
        std::vector<double> scores(20, 0.0);
        scores[3] = 0.8;
        scores[4] = 0.9;   // false positive [3, 5)
        scores[12] = 0.6;
        view.setScores(scores);
        view.trackModel(&model);
        view.setThreshold(0.5);
        QCOMPARE(view.list()->topLevelItemCount(), 2);
        QCOMPARE(view.list()->topLevelItem(0)->text(1), qs("4"));    // frame 3, shown 1-based
        QCOMPARE(view.list()->topLevelItem(0)->text(2), qs("5"));    // last frame 4, inclusive
        QCOMPARE(view.list()->topLevelItem(1)->text(1), qs("17"));
        QSignalSpy jump(&view, &ComparisonView::jumpRequested);
        emit view.list()->itemActivated(view.list()->topLevelItem(1), 0);
        QCOMPARE(jump.count(), 1);
        QCOMPARE(jump.first().first().toLongLong(), qint64(16));
        if (const char* preview = std::getenv("VACLIP_COMPARISON_PREVIEW")) {
            view.resize(460, 200);
            view.grab().save(QString::fromLocal8Bit(preview));
        }
        // Deleting the missed interval updates the view; a higher threshold hides the FP.
        model.removeInterval(model.idAt(1));
        view.setThreshold(0.95);
        QCOMPARE(view.comparison().falsePositives.size(), std::size_t(0));
        QCOMPARE(view.comparison().missed.size(), std::size_t(1));   // [10, 14) now missed
    }
};

QTEST_MAIN(AnnotationTest)
#include "tst_annotation.moc"
