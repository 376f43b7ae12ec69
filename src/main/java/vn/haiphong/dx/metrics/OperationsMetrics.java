package vn.haiphong.dx.metrics;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.haiphong.dx.escalation.DifficultyProcess;

/**
 * The engine's and the plans' figures as gauges ({@code /actuator/prometheus}, README "Metrics"). The figures are
 * read at most once per {@code app.metrics.cache} (30 s), however often and by however many scrapers they are
 * asked for: every gauge of a scrape reads the same figures.
 */
@Component
class OperationsMetrics implements MeterBinder {

    private final OperationalFiguresReader reader;
    private final Duration cache;
    private final Set<String> processes = ConcurrentHashMap.newKeySet();
    private MeterRegistry registry;
    private OperationalFigures figures;
    private long readAt;

    OperationsMetrics(OperationalFiguresReader reader, @Value("${app.metrics.cache:30s}") Duration cache) {
        this.reader = reader;
        this.cache = cache;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        gauge("dx.jobs.executable", "Jobs due to run now: the job executor's backlog", OperationalFigures::executableJobs);
        gauge("dx.jobs.failed", "Jobs whose last run failed, retrying or out of retries", OperationalFigures::failedJobs);
        gauge("dx.incidents.open", "Open incidents in Cockpit, each failure counted once", OperationalFigures::openIncidents);
        gauge("dx.reports.overdue", "Open periodic report tasks past their due date", OperationalFigures::overdueReports);
        gauge("dx.acknowledgements.overdue", "Open acknowledgement tasks past their due date",
                OperationalFigures::overdueAcknowledgements);
        for (DifficultyProcess.Status stage : DifficultyProcess.Status.values()) {
            if (stage != DifficultyProcess.Status.CONFIRMED) {
                gauge("dx.difficulties.open", "Difficulties not yet confirmed solved, by stage", Tags.of("stage", stage.name()),
                        f -> f.openDifficulties().getOrDefault(stage, 0L));
            }
        }
        String dispatch = "Consolidated reports whose dispatch failed: to be tried again, or out of tries (an incident)";
        gauge("dx.dispatch.failures", dispatch, Tags.of("state", "retrying"), OperationalFigures::dispatchesRetrying);
        gauge("dx.dispatch.failures", dispatch, Tags.of("state", "incident"), OperationalFigures::dispatchIncidents);
        registerProcesses(figures());
    }

    /** The figures of the last read, read again once they are older than the cache interval. */
    synchronized OperationalFigures figures() {
        long now = System.nanoTime();
        if (figures == null || now - readAt >= cache.toNanos()) {
            figures = reader.read();
            readAt = now;
            registerProcesses(figures);
        }
        return figures;
    }

    /** A series per deployed process; one deployed later gets its own from the next read on. */
    private void registerProcesses(OperationalFigures read) {
        for (String process : read.openTasks().keySet()) {
            if (processes.add(process)) {
                gauge("dx.tasks.open", "Open tasks by process", Tags.of("process", process),
                        f -> f.openTasks().getOrDefault(process, 0L));
            }
        }
    }

    private void gauge(String name, String description, ToLongFunction<OperationalFigures> value) {
        gauge(name, description, Tags.empty(), value);
    }

    private void gauge(String name, String description, Tags tags, ToLongFunction<OperationalFigures> value) {
        Gauge.builder(name, this, m -> value.applyAsLong(m.figures())).description(description).tags(tags).register(registry);
    }
}
