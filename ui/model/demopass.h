#pragma once
// A demonstration's computation, scheduled like the document's own pass: only while the
// demonstration is shown, at once for a small session and on a worker thread for a large
// one, and a result computed for an older session or older settings is dropped. The
// demonstration widgets show result(); they never compute.

#include "session.h"

#include <QObject>
#include <cstdint>
#include <functional>
#include <memory>

template <typename T> class QFutureWatcher;

namespace av {

class Document;

class DemoPass : public QObject
{
    Q_OBJECT

public:
    /// What to compute from the document's session: an engine function with the
    /// demonstration's settings bound (demopasses.h), and how many forward passes it
    /// costs, which decides whether it runs in the background.
    struct Request
    {
        std::function<std::shared_ptr<const void>(const attn::Session&)> compute;
        int passes = 1;
    };

    DemoPass(Document* document, QObject* parent);
    ~DemoPass() override;

    /// New settings or a new session (the demonstration asks on every document change):
    /// computed now when active, else when it next becomes active.
    void request(Request request);
    /// A demonstration computes only while it is shown (showEvent / hideEvent).
    void setActive(bool active);
    bool isActive() const { return m_active; }

    /// The latest finished result, of type T as the request's compute returns it, or null.
    template <typename T> const T* result() const { return static_cast<const T*>(m_result.get()); }
    /// The session result() was computed from.
    const attn::Session& session() const { return m_session; }
    /// How many computations have run (finished or dropped): what the tests count.
    int computations() const { return m_computations; }
    /// Blocks until result() is of the latest session and request (headless rendering).
    void waitUntilComputed();

signals:
    /// result() changed.
    void ready();

private:
    struct Job;
    void schedule();
    void startJob();
    void jobFinished();

    Document* m_document;
    Request m_request;
    bool m_active = false;
    bool m_stale = true;               ///< the result is not of the latest session and request
    std::uint64_t m_generation = 0;    ///< counts requests and sessions: older jobs are stale
    std::uint64_t m_jobGeneration = 0; ///< the running job's, 0 when none runs
    std::shared_ptr<const void> m_result;
    attn::Session m_session;
    int m_computations = 0;
    QFutureWatcher<Job>* m_job;
};

} // namespace av
