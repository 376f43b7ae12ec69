package vn.haiphong.dx.web.monitor;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Progress of the plan's own tasks (T01, T02 …) as units report it with each periodic report: the pages and the export
 * have a place for it; the data comes from a {@link Source} bean, none until per-task reporting exists.
 */
final class TaskProgress {

    private TaskProgress() {
    }

    enum Status {
        NOT_STARTED("Chưa triển khai", "not-started"), IN_PROGRESS("Đang triển khai", "in-progress"),
        DONE("Hoàn thành", "done"), BEHIND("Chậm tiến độ", "behind");

        private final String label;
        private final String css;

        Status(String label, String css) {
            this.label = label;
            this.css = css;
        }

        String label() {
            return label;
        }

        String css() {
            return css;
        }
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
