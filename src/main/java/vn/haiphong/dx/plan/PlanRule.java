package vn.haiphong.dx.plan;

/**
 * A rule that another capability sets for every plan file, checked with the plan's own rules when a file is read
 * (e.g. reporting: a metric may not take the name of a variable its report process owns).
 */
public interface PlanRule {

    /** Throws {@link #problem} for the first thing wrong. */
    void check(PlanDefinition plan);

    /** What is wrong with a field of the plan (its path, e.g. {@code metrics[2].code}), in Vietnamese. */
    static RuntimeException problem(String field, String message) {
        return new PlanValidator.Problem(field, message);
    }
}
