package vn.haiphong.dx.plan;

/** A plan data file that cannot be used; the message names the file and the field. */
public class PlanFileException extends RuntimeException {

    PlanFileException(String file, String field, String problem) {
        super("Tệp kế hoạch " + file + " không hợp lệ — trường '" + field + "': " + problem);
    }

    PlanFileException(String file, String problem, Throwable cause) {
        super("Tệp kế hoạch " + file + " không hợp lệ: " + problem, cause);
    }
}
