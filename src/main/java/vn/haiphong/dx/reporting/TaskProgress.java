package vn.haiphong.dx.reporting;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a unit stands on one plan task it leads or coordinates, as it says with a periodic report: the status and a
 * short note. The report form asks it per task ({@link #statusKey(String)}, {@link #noteKey(String)}).
 */
public record TaskProgress(String taskCode, Status status, String note) {

    public enum Status {
        NOT_STARTED("Chưa triển khai"), IN_PROGRESS("Đang triển khai"), DONE("Hoàn thành"), DELAYED("Chậm tiến độ");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Optional<Status> of(Object value) {
            return Arrays.stream(values()).filter(s -> s.name().equals(value)).findFirst();
        }
    }

    /** The longest note the form and the table take. */
    public static final int MAX_NOTE = 500;
    /** What every progress field's key starts with; metric codes may not. */
    public static final String PREFIX = "progress";

    /** The form field (and variable) of a task's status. */
    public static String statusKey(String taskCode) {
        return PREFIX + "_" + taskCode;
    }

    /** The form field (and variable) of a task's note. */
    public static String noteKey(String taskCode) {
        return PREFIX + "Note_" + taskCode;
    }
}
