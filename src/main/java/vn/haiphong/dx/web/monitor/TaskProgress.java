package vn.haiphong.dx.web.monitor;

import java.time.OffsetDateTime;
import java.util.List;

import vn.haiphong.dx.reporting.TaskProgress.Status;

/**
 * Progress of the plan's own tasks (T01, T02 …) as units report it with each periodic report (the statuses are the
 * reporting's own, {@link Status}); the pages read it from a {@link Source} bean.
 */
final class TaskProgress {

    private TaskProgress() {
    }

    /** The style a status is shown in on the pages. */
    static String css(Status status) {
        return switch (status) {
            case NOT_STARTED -> "not-started";
            case IN_PROGRESS -> "in-progress";
            case DONE -> "done";
            case DELAYED -> "behind";
        };
    }

    /** One unit's word on one task in one period's report. */
    record Entry(String taskCode, String unitCode, String periodCode, Status status, String note, OffsetDateTime reportedAt) {}

    /** Where per-task progress comes from; the pages use the newest entry per task and unit. */
    interface Source {
        List<Entry> entries(String planCode);
    }

    /** What the pages show when no per-task progress is reported (or no source is wired). */
    static final String NONE = "Chưa có báo cáo tiến độ";
}
