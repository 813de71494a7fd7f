#include "demopass.h"

#include "document.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>
#include <exception>

namespace av {

struct DemoPass::Job
{
    std::uint64_t generation = 0;
    attn::Session session;
    std::shared_ptr<const void> result; ///< null when the computation threw
};

DemoPass::DemoPass(Document* document, QObject* parent)
    : QObject(parent), m_document(document), m_job(new QFutureWatcher<Job>(this))
{
    connect(m_job, &QFutureWatcher<Job>::finished, this, &DemoPass::jobFinished);
}

// The job owns copies of everything it reads: waiting only keeps the thread pool tidy.
DemoPass::~DemoPass()
{
    m_job->waitForFinished();
}

void DemoPass::request(Request request)
{
    m_request = std::move(request);
    m_stale = true;
    ++m_generation;
    schedule();
}

void DemoPass::setActive(bool active)
{
    m_active = active;
    schedule();
}

void DemoPass::schedule()
{
    if (!m_active || !m_stale || !m_request.compute)
        return;
    const attn::Session& session = m_document->session();
    if (attn::passFlops(session) * m_request.passes >= m_document->backgroundFlops()) {
        startJob();
        return;
    }
    ++m_computations;
    m_result = m_request.compute(session);
    m_session = session;
    m_stale = false;
    emit ready();
}

void DemoPass::startJob()
{
    if (m_jobGeneration != 0)
        return; // one at a time: jobFinished() starts the next if this one is stale
    m_jobGeneration = m_generation;
    ++m_computations;
    m_job->setFuture(QtConcurrent::run(
        [compute = m_request.compute, session = m_document->session(), generation = m_generation] {
            Job job;
            job.generation = generation;
            try {
                job.result = compute(session);
            } catch (const std::exception&) { // out of memory at the largest sizes
            }
            job.session = session;
            return job;
        }));
}

void DemoPass::jobFinished()
{
    if (m_jobGeneration == 0 || !m_job->isFinished())
        return; // already handled by waitUntilComputed()
    m_jobGeneration = 0;
    Job job = m_job->future().takeResult();
    m_job->setFuture(QFuture<Job>());
    if (job.generation != m_generation) {
        schedule(); // stale: compute the latest instead
        return;
    }
    if (!job.result)
        return; // the demonstration keeps what it showed; the next change tries again
    m_result = std::move(job.result);
    m_session = std::move(job.session);
    m_stale = false;
    emit ready();
}

void DemoPass::waitUntilComputed()
{
    while (m_jobGeneration != 0) {
        m_job->waitForFinished();
        jobFinished();
    }
}

} // namespace av
