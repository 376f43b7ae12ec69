package vn.haiphong.dx.form;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import vn.haiphong.dx.consolidation.ConsolidatedReportProcess;
import vn.haiphong.dx.escalation.DifficultyProcess;
import vn.haiphong.dx.plan.PlanReviewProcess;
import vn.haiphong.dx.reporting.PeriodicReportProcess;

/**
 * The fields of each form (by form id) that the server's code reads and refuses a completion without. A form an
 * administrator deploys may reword, rearrange, add fields and tighten rules, but not drop one of these: the task
 * could no longer be completed (see {@link DeployedFormsPlugin}).
 *
 * <p>Derived from the forms shipped with the application ({@code forms/}, on the classpath): the fields they mark
 * required, which the delegates read and check again. Added to those, the fields a delegate requires for one
 * answer only, which the forms cannot mark required; each names the service that refuses without it.
 */
final class ServerRequiredFields {

    /** Fields required for some answers: the forms leave them optional, the services refuse those answers without. */
    static final Map<String, Set<String>> FOR_SOME_ANSWERS = Map.of(
            // PlanService.review: a draft returned needs the leadership's comments.
            "reviewPlanDraft", Set.of(PlanReviewProcess.Vars.REVIEW_COMMENTS),
            // ConsolidationService.decide: a report returned needs the leadership's comment.
            "approveConsolidatedReport", Set.of(ConsolidatedReportProcess.Vars.LEADERSHIP_COMMENT),
            // ReportingService.submit: a report with a difficulty needs its description (the template of every
            // plan's report forms, reporting.ReportForms).
            "periodicReportTemplate", Set.of(PeriodicReportProcess.Vars.DIFFICULTY_DESCRIPTION),
            // DifficultyService: each of the Office's, leadership's and the unit's decisions needs its text.
            "handleDifficulty", Set.of(DifficultyProcess.Vars.OFFICE_ANSWER, DifficultyProcess.Vars.INFORMATION_REQUEST,
                    DifficultyProcess.Vars.OFFICE_ADVICE),
            "decideDifficulty", Set.of(DifficultyProcess.Vars.LEADERSHIP_ANSWER),
            "confirmResolution", Set.of(DifficultyProcess.Vars.UNIT_FEEDBACK));

    /** Where the shipped forms are: the resource pattern the application deploys them with. */
    static final String SHIPPED_FORMS = "classpath*:**/*.form";

    private final Map<String, Set<String>> byForm;

    private ServerRequiredFields(Map<String, Set<String>> byForm) {
        this.byForm = byForm;
    }

    /** From the shipped forms on the classpath. */
    static ServerRequiredFields shipped() {
        Map<String, Set<String>> byForm = new HashMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(SHIPPED_FORMS)) {
                try (InputStream in = resource.getInputStream()) {
                    FormSchema form = FormSchema.parse(in);
                    Set<String> fields = new LinkedHashSet<>();
                    form.fields().stream().filter(f -> f.required() && f.userEditable()).forEach(f -> fields.add(f.key()));
                    fields.addAll(FOR_SOME_ANSWERS.getOrDefault(form.id(), Set.of()));
                    byForm.putIfAbsent(form.id(), Set.copyOf(fields));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ServerRequiredFields(Map.copyOf(byForm));
    }

    /** The fields the server needs in the form with this id; none for a form it does not know (e.g. one per plan). */
    Set<String> of(String formId) {
        return byForm.getOrDefault(formId, Set.of());
    }
}
