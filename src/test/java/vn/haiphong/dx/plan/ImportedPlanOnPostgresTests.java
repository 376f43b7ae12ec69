package vn.haiphong.dx.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import vn.haiphong.dx.support.EmbeddedPostgresConfiguration;

/** {@link ImportedPlanJourney} in production's profile on a real PostgreSQL server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "app.admin.id=dxadmin", "app.admin.password=QuanTri-HaiPhong-2025", "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("postgres")
@Import(EmbeddedPostgresConfiguration.class)
@DirtiesContext
class ImportedPlanOnPostgresTests extends ImportedPlanJourney {

    @Override
    String admin() {
        return "dxadmin";
    }

    @Override
    String adminPassword() {
        return "QuanTri-HaiPhong-2025";
    }

    @Test
    void aNewAgencysPlanRunsFromItsFileAloneOnPostgres() {
        assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
        bringInAndIssue();
        everyUnitAcknowledges();
        report("CAP", "6 tháng đầu năm 2026", Map.of("smartCameras", 6, "residentsVneid", 120));
        report("CAP", "6 tháng cuối năm 2026", Map.of("smartCameras", 7, "residentsVneid", 90));
        assertThat(evaluation("CAP", "2026-H1")).containsEntry("CAMERAS_HALF", "6/5/true").containsEntry("VNEID_HALF", "120/100/true");
        assertThat(evaluation("CAP", "2026-H2")).containsEntry("CAMERAS_HALF", "7/8/false");
    }
}
