// parseNumber, the cells' formatting and tint, and the table model behind MatrixEditor.

#include "matrixeditortesting.h"
#include "matrixmodel.h"
#include "numberparser.h"

using namespace av::test;

class NumberParserTest : public MatrixEditorFixture
{
    Q_OBJECT

private slots:
    void cleanup() { resetEditor(); }

    void parseAccepts_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("expected");
        QTest::newRow("decimal") << "0.5" << 0.5;
        QTest::newRow("leading point") << ".5" << 0.5;
        QTest::newRow("trailing point") << "5." << 5.0;
        QTest::newRow("exponent") << "-1e-3" << -1e-3;
        QTest::newRow("capital exponent") << "2.5E+2" << 250.0;
        QTest::newRow("spaces") << "  2 " << 2.0;
        QTest::newRow("plus") << "+3" << 3.0;
        QTest::newRow("decimal comma") << "0,5" << 0.5;
        QTest::newRow("negative comma") << "-0,25" << -0.25;
        QTest::newRow("lone comma is decimal") << "1,000" << 1.0;
        QTest::newRow("full-width") << QStringLiteral("０．５") << 0.5;
        QTest::newRow("full-width comma") << QStringLiteral("－１，５") << -1.5;
        QTest::newRow("ideographic full stop") << QStringLiteral("0。5") << 0.5;
        QTest::newRow("minus sign") << QStringLiteral("−2") << -2.0;
        QTest::newRow("no-break space") << QStringLiteral("\u00a03\u00a0") << 3.0;
        QTest::newRow("negative zero") << "-0" << 0.0;
        QTest::newRow("largest double") << "1.7976931348623157e308" << 1.7976931348623157e308;
        QTest::newRow("underflow rounds to 0") << "1e-400" << 0.0;
        QTest::newRow("subnormal") << "4e-320" << 4e-320;
    }

    void parseAccepts()
    {
        QFETCH(QString, text);
        QFETCH(double, expected);
        const av::ParsedNumber parsed = av::parseNumber(text);
        QVERIFY2(parsed.value.has_value(), qPrintable(parsed.error));
        QCOMPARE(*parsed.value, expected);
        QVERIFY(!std::signbit(*parsed.value) || expected < 0);
        QVERIFY(parsed.error.isEmpty());
    }

    void parseRefuses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << ""
                               << "Type a number (the input is empty)";
        QTest::newRow("blank") << "   "
                               << "Type a number (the input is empty)";
        QTest::newRow("text") << "abc"
                              << "\"abc\" is not a number";
        QTest::newRow("trimmed in message") << " abc "
                                            << "\"abc\" is not a number";
        QTest::newRow("nan") << "nan"
                             << "\"nan\" is not a finite number";
        QTest::newRow("NaN") << "NaN"
                             << "\"NaN\" is not a finite number";
        QTest::newRow("inf") << "inf"
                             << "\"inf\" is not a finite number";
        QTest::newRow("-inf") << "-inf"
                              << "\"-inf\" is not a finite number";
        QTest::newRow("Infinity") << "+Infinity"
                                  << "\"+Infinity\" is not a finite number";
        QTest::newRow("overflow") << "1e400"
                                  << "\"1e400\" is too large (a double holds at most ±1.8e308)";
        QTest::newRow("negative overflow")
            << "-1e400"
            << "\"-1e400\" is too large (a double holds at most ±1.8e308)";
        QTest::newRow("long overflow") << "2" + QString(400, u'0')
                                       << "\"20000000000000000000000…\" is too large (a double "
                                          "holds at most ±1.8e308)";
        QTest::newRow("huge exponent")
            << "1e99999999999999999999"
            << "\"1e99999999999999999999\" is too large (a double holds at most ±1.8e308)";
        QTest::newRow("grouping") << "1,000.5"
                                  << "\"1,000.5\" is not a number: use one decimal separator, "
                                     "as in 0.5 or 0,5";
        QTest::newRow("two commas") << "1,2,3"
                                    << "\"1,2,3\" is not a number: use one decimal separator, "
                                       "as in 0.5 or 0,5";
        QTest::newRow("two points") << "1.2.3"
                                    << "\"1.2.3\" is not a number";
        QTest::newRow("space inside") << "1 000"
                                      << "\"1 000\" is not a number";
        QTest::newRow("hex") << "0x10"
                             << "\"0x10\" is not a number";
        QTest::newRow("bare exponent") << "1e"
                                       << "\"1e\" is not a number";
        QTest::newRow("no digits") << "-."
                                   << "\"-.\" is not a number";
        QTest::newRow("double sign") << "--1"
                                     << "\"--1\" is not a number";
        QTest::newRow("arabic digits")
            << QStringLiteral("٣") << QStringLiteral("\"٣\" is not a number");
    }

    void parseRefuses()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        const av::ParsedNumber parsed = av::parseNumber(text);
        QVERIFY(!parsed.value.has_value());
        QCOMPARE(parsed.error, message);
    }

    void formatsCells()
    {
        QCOMPARE(av::formatShort(0.123456789), QStringLiteral("0.1235"));
        QCOMPARE(av::formatShort(-0.0), QStringLiteral("0"));
        QCOMPARE(av::formatShort(12345.678), QStringLiteral("1.235e+04"));
        QCOMPARE(av::formatExact(0.1), QStringLiteral("0.1"));
        QCOMPARE(av::formatExact(0.123456789), QStringLiteral("0.123456789"));
        QCOMPARE(av::formatShort(-std::numeric_limits<double>::infinity()), QStringLiteral("−∞"));
        QCOMPARE(av::tintFor(0.0, 2.0), QColor(Qt::white));
        QCOMPARE(av::tintFor(2.0, 2.0), QColor(0xb2, 0x18, 0x2b));
        QCOMPARE(av::tintFor(-2.0, 2.0), QColor(0x21, 0x66, 0xac));
        const QColor halfRed = av::tintFor(1.0, 2.0);
        QVERIFY(halfRed.red() > halfRed.blue() && halfRed.blue() > 0x2b);

        av::MatrixModel model;
        model.setMatrix(sample(), {QStringLiteral("I")}, {});
        QCOMPARE(model.headerData(0, Qt::Vertical).toString(), QStringLiteral("I"));
        QCOMPARE(model.headerData(1, Qt::Vertical).toString(), QStringLiteral("2"));
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("1"));
        const QModelIndex cell = model.index(1, 1);
        QCOMPARE(model.data(cell).toString(), QStringLiteral("0.1235"));
        QVERIFY(model.data(cell, Qt::ToolTipRole).toString().contains("0.123456789"));
        QCOMPARE(model.data(cell, Qt::EditRole).toString(), QStringLiteral("0.123456789"));
        QVERIFY(model.flags(cell) & Qt::ItemIsEditable);
        QVERIFY(model.data(cell, Qt::ToolTipRole).toString().contains("Alt+wheel scrolls"));
        model.setReadOnly(true);
        QVERIFY(!(model.flags(cell) & Qt::ItemIsEditable));
        QVERIFY(!model.data(cell, Qt::ToolTipRole).toString().contains("wheel"));
    }
};

QTEST_MAIN(NumberParserTest)
#include "numberparser_test.moc"
