// ctest-labels: gui
// The Qt Test harness itself: a widget is created, shown offscreen and receives synthetic input.
#include <QLineEdit>
#include <QSignalSpy>
#include <QtTest>

class HarnessTest : public QObject {
    Q_OBJECT
private slots:
    void typesIntoALineEdit()
    {
        QLineEdit edit;
        edit.show();
        QVERIFY(QTest::qWaitForWindowExposed(&edit));
        QSignalSpy spy(&edit, &QLineEdit::textEdited);
        QTest::keyClicks(&edit, QStringLiteral("a person riding a bicycle"));
        QCOMPARE(edit.text(), QStringLiteral("a person riding a bicycle"));
        QCOMPARE(spy.count(), 25);
    }
};

QTEST_MAIN(HarnessTest)
#include "tst_harness.moc"
