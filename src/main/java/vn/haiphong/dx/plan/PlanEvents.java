package vn.haiphong.dx.plan;

/**
 * What happens to plans that other capabilities act on, published inside the transaction that did it (so that a
 * listener's failure rolls the whole step back).
 */
public final class PlanEvents {

    private PlanEvents() {
    }

    /**
     * A plan was brought in or a draft of it saved: its agency's groups, authorizations, Tasklist filters and (in the
     * demo) users must exist for the plan's units.
     */
    public record Registered(PlanDefinition plan) {}

    /** A version of a plan was issued: from now on it is the plan that runs (its report forms are generated now). */
    public record VersionIssued(PlanDefinition plan, int version) {}

    /**
     * An issued amendment comes into force for what is running: new units get their part, periods not yet open follow
     * its calendar, reports not yet submitted its forms and targets. What was reported stays as it was.
     */
    public record AmendmentInForce(PlanDefinition plan, int version) {}
}
