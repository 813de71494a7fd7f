// Renders the application icon (SVG) to the PNG sizes the hicolor theme expects:
//   attnviz-rendericons SVG OUTDIR    writes OUTDIR/<size>/<name>.png for each size
// Built only by the attnviz_icons target (cmake/Install.cmake); the PNGs are committed,
// so neither building nor installing AttnViz needs this tool.

#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QTextStream>

int main(int argc, char* argv[])
{
    // Rendering needs no display; the offscreen platform keeps the tool usable on CI.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QTextStream err(stderr);
    if (argc != 3) {
        err << "usage: attnviz-rendericons SVG OUTDIR\n";
        return 2;
    }
    const QString svgPath = QString::fromLocal8Bit(argv[1]);
    QSvgRenderer renderer(svgPath);
    if (!renderer.isValid()) {
        err << "attnviz-rendericons: cannot read " << svgPath << '\n';
        return 2;
    }
    const QString name = QFileInfo(svgPath).completeBaseName();
    for (const int size : {16, 32, 48, 64, 128, 256}) {
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        renderer.render(&painter);
        painter.end();
        const QString dir = QStringLiteral("%1/%2").arg(QString::fromLocal8Bit(argv[2])).arg(size);
        const QString path = QStringLiteral("%1/%2.png").arg(dir, name);
        if (!QDir().mkpath(dir) || !image.save(path)) {
            err << "attnviz-rendericons: cannot write " << path << '\n';
            return 1;
        }
    }
    return 0;
}
