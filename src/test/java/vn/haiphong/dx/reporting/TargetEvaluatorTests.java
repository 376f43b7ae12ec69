package vn.haiphong.dx.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.support.SeedPlans;
import vn.haiphong.dx.reporting.TargetEvaluator.Figures;
import vn.haiphong.dx.reporting.TargetEvaluator.Result;

/** The seeds' own targets against known figures. */
class TargetEvaluatorTests {

    private final PlanDefinition department = SeedPlans.get("snnmt-tt-cds-2025");
    private final PlanDefinition commune = SeedPlans.get("kesat-ncds-2025");

    @Test
    void periodsComeFromThePlanData() {
        List<ReportingPeriod> periods = ReportingPeriod.of(department);
        assertThat(periods).hasSize(13);
        assertThat(periods).filteredOn(p -> p.kind() == ReportingPeriod.Kind.MONTH).hasSize(12);
        ReportingPeriod october = period(department, "2025-10");
        assertThat(october.label()).isEqualTo("tháng 10/2025");
        assertThat(october.dueOn()).hasToString("2025-11-05");
        assertThat(period(department, "peak-oct").label()).isEqualTo("đợt cao điểm 01/10/2025 – 31/10/2025");
        assertThat(ReportingPeriod.of(commune)).extracting(ReportingPeriod::code).containsExactly("2025-10", "2025-11", "2025-12");
        assertThat(ReportingPeriod.finalReport(commune).dueOn()).hasToString("2026-01-10");
    }

    @Test
    void aMonthWithOnePostFailsTwoPostsAMonth() {
        List<Result> results = monthly(department, "TCCB", "2025-03", Map.of("postsPortal", 1));
        assertThat(result(results, "POSTS_MONTHLY")).extracting(Result::actual, Result::met).containsExactly(1, false);
        assertThat(result(results, "ACTIVITIES_MONTHLY").met()).isTrue();

        List<Result> enough = monthly(department, "TCCB", "2025-03", Map.of("postsPortal", 1, "postsZalo", 1));
        assertThat(result(enough, "POSTS_MONTHLY")).extracting(Result::actual, Result::met).containsExactly(2, true);
    }

    @Test
    void aMonthWithoutActivityFailsAndAgencyTargetsAreLeftToConsolidation() {
        List<Result> results = monthly(department, "TTKN", "2025-05", Map.of());
        assertThat(result(results, "ACTIVITIES_MONTHLY").met()).isFalse();
        assertThat(results).extracting(Result::targetCode)
                .containsExactlyInAnyOrder("POSTS_MONTHLY", "ACTIVITIES_MONTHLY")
                .doesNotContain("WORKSHOPS_QUARTER", "REPORTAGES_YEAR");
    }

    @Test
    void octoberPeakItemsAreMeasuredInThePeakReport() {
        ReportingPeriod peak = period(department, "peak-oct");
        List<Result> missing = TargetEvaluator.evaluate(department, "MT", new Figures(peak, Map.of("postsPortal", 3)), List.of());
        assertThat(missing).extracting(Result::targetCode)
                .containsExactlyInAnyOrder("POSTS_PEAK", "BANNERS_PEAK", "AVATAR_FRAMES_PEAK");
        assertThat(missing).allMatch(r -> !r.met());

        List<Result> done = TargetEvaluator.evaluate(department, "MT", new Figures(peak,
                Map.of("postsPortal", 2, "postsFanpage", 2, "bannersPosters", 3, "avatarFrames", 25)), List.of());
        assertThat(done).allMatch(Result::met);
        assertThat(monthly(department, "MT", "2025-10", Map.of())).extracting(Result::targetCode)
                .doesNotContain("POSTS_PEAK", "BANNERS_PEAK");
    }

    @Test
    void theFinalReportMeasuresPlanTargetsOverTheMonths() {
        ReportingPeriod finalReport = ReportingPeriod.finalReport(department);
        List<Figures> months = List.of(
                new Figures(period(department, "2025-01"), Map.of("staffParticipationPercent", 60, "portalSection", 1)),
                new Figures(period(department, "peak-oct"), Map.of("staffParticipationPercent", 10)),
                new Figures(period(department, "2025-12"), Map.of("staffParticipationPercent", 100, "modelsCommunicatedPercent", 80)));
        List<Result> results = TargetEvaluator.evaluate(department, "VP", new Figures(finalReport, Map.of()), months);
        assertThat(result(results, "STAFF_PARTICIPATION")).extracting(Result::actual, Result::met).containsExactly(100, true);
        assertThat(result(results, "MODELS_COMMUNICATED")).extracting(Result::actual, Result::met).containsExactly(80, false);
        assertThat(result(results, "PORTAL_SECTION").met()).isTrue();
        assertThat(TargetEvaluator.evaluate(department, "TCCB", new Figures(finalReport, Map.of()), months))
                .extracting(Result::targetCode).doesNotContain("PORTAL_SECTION");
    }

    @Test
    void communeTargetsApplyToTheUnitsTheyName() {
        assertThat(monthly(commune, "TTVH", "2025-11", Map.of("loudspeakerItems", 0))).extracting(Result::targetCode)
                .containsExactlyInAnyOrder("ACTIVITIES_MONTHLY", "LOUDSPEAKER_MONTHLY");
        assertThat(monthly(commune, "PKT", "2025-11", Map.of())).isEmpty();
        List<Result> police = monthly(commune, "CAX", "2025-10", Map.of("residentsVneid", 120));
        assertThat(result(police, "VNEID_MONTHLY")).extracting(Result::actual, Result::met).containsExactly(120, true);
        assertThat(result(police, "ACTIVITIES_MONTHLY").met()).as("guided residents are results, not activities").isFalse();
    }

    private static List<Result> monthly(PlanDefinition plan, String unit, String month, Map<String, Integer> figures) {
        return TargetEvaluator.evaluate(plan, unit, new Figures(period(plan, month), figures), List.of());
    }

    private static ReportingPeriod period(PlanDefinition plan, String code) {
        return ReportingPeriod.find(plan, code).orElseThrow();
    }

    private static Result result(List<Result> results, String code) {
        return results.stream().filter(r -> r.targetCode().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("target " + code + " not evaluated: " + results));
    }
}
