package vn.haiphong.dx.web.monitor;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.haiphong.dx.reporting.ReportingService;

/** The pages' per-task progress: what units gave with their periodic reports (reports returned for correction left out). */
@Component
class ReportedTaskProgress implements TaskProgress.Source {

    private final ReportingService reporting;

    ReportedTaskProgress(ReportingService reporting) {
        this.reporting = reporting;
    }

    @Override
    public List<TaskProgress.Entry> entries(String planCode) {
        return reporting.progressEntries(planCode).stream().map(e -> new TaskProgress.Entry(e.taskCode(), e.unitCode(), e.periodCode(),
                e.status(), e.note(), e.reportedAt())).toList();
    }
}
