package vn.haiphong.dx.plan;

/**
 * A plan file that cannot be used, in Vietnamese: the file as it was given, the line, the field and what is wrong.
 * Thrown at start-up (a file in {@code app.plans.location}) and on import or revision (an upload); nothing of the
 * file is registered.
 */
public class PlanFileException extends RuntimeException implements vn.haiphong.dx.shared.UserRefusal {

    private final String file;
    private final Integer line;
    private final String field;
    private final String problem;

    PlanFileException(String file, Integer line, String field, String problem) {
        super("Tệp kế hoạch «" + file + "» không hợp lệ" + (line == null ? "" : ", dòng " + line)
                + (field == null ? "" : ", trường «" + field + "»") + ": " + problem);
        this.file = file;
        this.line = line;
        this.field = field;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    /** The line of the file (from 1), when known. */
    public Integer line() {
        return line;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
