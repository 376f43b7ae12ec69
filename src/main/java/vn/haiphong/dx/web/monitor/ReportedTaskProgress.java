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
                switch (e.status()) {
                    case NOT_STARTED -> TaskProgress.Status.NOT_STARTED;
                    case IN_PROGRESS -> TaskProgress.Status.IN_PROGRESS;
                    case DONE -> TaskProgress.Status.DONE;
                    case DELAYED -> TaskProgress.Status.BEHIND;
                }, e.note(), e.reportedAt())).toList();
    }
}
