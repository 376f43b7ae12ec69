package vn.haiphong.dx.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@link ImportedPlanJourney} on the embedded H2 database, then what the plan does afterwards: an amendment changes
 * only what is not yet reported, and nothing a file says after issuance reaches what runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:dx-imported-plan;DB_CLOSE_DELAY=-1", "app.demo.enabled=false"})
@ActiveProfiles("test")
class ImportedPlanJourneyTests extends ImportedPlanJourney {

    @Autowired Plans plans;

    @Override
    String admin() {
        return "admin";
    }

    @Override
    String adminPassword() {
        return "admin";
    }

    @BeforeEach
    void freshPlan() {
        jdbc.sql("select code from dx_plan where code = ?").param(CODE).query(String.class).optional()
                .ifPresent(code -> fixtures.forget(CODE));
    }

    @Test
    void aNewAgencysPlanRunsFromItsFileAloneWithItsOwnMetricsCadenceAndTargets() {
        bringInAndIssue();
        assertThat(jdbc.sql("select count(*) from act_id_group where id_ like 'anbien-%'").query(Integer.class).single())
                .as("a group per unit and one for leadership").isEqualTo(8);
        everyUnitAcknowledges();

        String cameras = formOf("CAP", "6 tháng đầu năm 2026");
        assertThat(cameras).contains("\"key\":\"smartCameras\"", "Camera an ninh kết nối trung tâm giám sát của phường (camera)",
                "\"key\":\"residentsVneid\"", "\"max\":500").doesNotContain("postsPortal", "digitalSkillClasses", "loudspeakerItems");
        assertThat(formOf("TCNS", "6 tháng đầu năm 2026")).as("a metric the plan lists for the unit itself")
                .contains("\"key\":\"onlineApplicationsGuided\"", "\"key\":\"residentsVneid\"").doesNotContain("smartCameras");

        report("CAP", "6 tháng đầu năm 2026", Map.of("smartCameras", 6, "residentsVneid", 120));
        report("CAP", "6 tháng cuối năm 2026", Map.of("smartCameras", 7, "residentsVneid", 90));
        report("TCNS", "6 tháng đầu năm 2026", Map.of("residentsVneid", 80, "onlineApplicationsGuided", 40));
        assertThat(evaluation("CAP", "2026-H1")).containsEntry("CAMERAS_HALF", "6/5/true").containsEntry("VNEID_HALF", "120/100/true");
        assertThat(evaluation("CAP", "2026-H2")).as("from July the plan asks 8 cameras").containsEntry("CAMERAS_HALF", "7/8/false")
                .containsEntry("VNEID_HALF", "90/100/false");
        assertThat(evaluation("TCNS", "2026-H1")).containsOnlyKeys("VNEID_HALF").containsEntry("VNEID_HALF", "80/100/false");
        assertThat(jdbc.sql("select due_on from dx_report where plan_code = ? and unit_code = 'CAP' and period_code = '2026-H1'")
                .param(CODE).query(java.time.LocalDate.class).single()).as("due on the 15th of the following month").hasToString("2026-07-15");
        assertThat(jdbc.sql("select amount from dx_report_figure f join dx_report r on r.id = f.report_id "
                + "where r.plan_code = ? and r.unit_code = 'TCNS' and f.metric_code = 'onlineApplicationsGuided'").param(CODE)
                .query(Integer.class).single()).isEqualTo(40);
    }

    @Test
    void anAmendmentChangesOnlyWhatIsNotYetReported() {
        bringInAndIssue();
        everyUnitAcknowledges();
        report("CAP", "6 tháng đầu năm 2026", Map.of("smartCameras", 6, "residentsVneid", 120));

        String office = user("anbien-vhxh");
        String leadership = user("anbien-lanhdao");
        String amended = file("    min: 5\n    schedule:\n      - from: 2026-07-01\n        min: 8\n", "    min: 4\n",
                "  - code: TCNS\n", "  - code: TRUONG\n    name: \"Các trường học trên địa bàn phường\"\n  - code: TCNS\n",
                "    appliesTo: [TDP, DTN]", "    appliesTo: [TDP, DTN, TRUONG]");
        ResponseEntity<Map> drafted = put(office, USER_PASSWORD, "/api/plans/" + CODE + "/draft", amended);
        assertThat(drafted.getStatusCode()).as(String.valueOf(drafted.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(drafted.getBody()).containsEntry("version", 2).containsEntry("amendment", true);
        assertThat(plans.runningVersion(CODE)).as("the issued version runs until the amendment is issued").isEqualTo(1);

        complete(office, waitForTask(office, "anbien-vhxh", "PlanReviewProcess"), Map.of("draftNote", text("Kính trình kế hoạch điều chỉnh")));
        Map<String, Object> review = waitForTask(leadership, "anbien-lanhdao", "PlanReviewProcess");
        assertThat((String) review.get("name")).contains("điều chỉnh lần 1");
        assertThat(variable(leadership, review, "planChanges")).contains("Đơn vị thêm: TRUONG – Các trường học trên địa bàn phường",
                "Chỉ tiêu sửa: CAMERAS_HALF", "tối thiểu: 5 → 4");
        complete(leadership, review, Map.of("reviewDecision", text("APPROVE")));
        complete(office, waitForTask(office, "anbien-vhxh", "PlanReviewProcess"), Map.of("documentNumber", text("13/KH-UBND"),
                "issuedOn", text("2026-07-02")));
        fixtures.executeJobs();
        assertThat(plans.runningVersion(CODE)).isEqualTo(2);

        assertThat(evaluation("CAP", "2026-H1")).as("what was reported stays as it was").containsEntry("CAMERAS_HALF", "6/5/true");
        assertThat(formOf("CAP", "6 tháng cuối năm 2026")).contains("periodicReport-" + CODE + "-v2-cap");
        report("CAP", "6 tháng cuối năm 2026", Map.of("smartCameras", 7, "residentsVneid", 150));
        assertThat(evaluation("CAP", "2026-H2")).as("the open half-year follows the amendment: 4 cameras").containsEntry("CAMERAS_HALF", "7/4/true");
        assertThat(jdbc.sql("select plan_version from dx_report where plan_code = ? and unit_code = 'CAP' order by period_code")
                .param(CODE).query(Integer.class).list()).containsExactly(1, 2);

        String school = user("anbien-truong");
        assertThat((String) waitForTask(school, "anbien-truong", "UnitPlanProcess").get("name"))
                .as("the unit the amendment adds gets its part of the plan").startsWith("Tiếp nhận kế hoạch");
        assertThat(jdbc.sql("select unit_count from dx_plan where code = ?").param(CODE).query(Integer.class).single()).isEqualTo(8);
    }
}
