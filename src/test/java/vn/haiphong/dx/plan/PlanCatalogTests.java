package vn.haiphong.dx.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.haiphong.dx.plan.PlanDefinition.Role;
import vn.haiphong.dx.plan.PlanDefinition.TargetPer;

class PlanCatalogTests {

    private static final String SEEDS = "classpath*:plans/*.yaml";

    @TempDir
    Path dir;

    @Test
    void bothSeedPlansLoadWithTheirUnitsWindowsAndTargets() {
        Map<String, PlanDefinition> plans = PlanCatalog.load(SEEDS, new HashMap<>());
        assertThat(plans).containsOnlyKeys("snnmt-tt-cds-2025", "kesat-ncds-2025");

        PlanDefinition department = plans.get("snnmt-tt-cds-2025");
        assertThat(department.title()).isEqualTo("Kế hoạch Truyền thông về Chuyển đổi số năm 2025");
        assertThat(department.focal().name()).isEqualTo("Văn phòng Sở");
        assertThat(department.leadership().signerName()).isEqualTo("Lương Thị Kiểm");
        assertThat(department.period().start()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(department.windows()).anySatisfy(w -> {
            assertThat(w.kind()).isEqualTo(PlanDefinition.WindowKind.PEAK);
            assertThat(w.start()).isEqualTo(LocalDate.of(2025, 10, 1));
            assertThat(w.end()).isEqualTo(LocalDate.of(2025, 10, 31));
        });
        assertThat(department.targets()).anySatisfy(t -> {
            assertThat(t.metrics()).containsExactlyInAnyOrder("postsPortal", "postsFanpage", "postsZalo");
            assertThat(t.min()).isEqualTo(2);
            assertThat(t.per()).isEqualTo(TargetPer.MONTH);
        });
        assertThat(department.targets()).anySatisfy(t -> {
            assertThat(t.metrics()).containsExactly("unitsAcknowledgedPercent");
            assertThat(t.min()).isEqualTo(100);
        });
        assertThat(department.recipients()).extracting(PlanDefinition.Recipient::name)
                .contains("UBND thành phố", "Sở Khoa học và Công nghệ");

        PlanDefinition commune = plans.get("kesat-ncds-2025");
        assertThat(commune.focal().name()).isEqualTo("Phòng Văn hóa – Xã hội");
        assertThat(commune.units()).hasSize(10);
        assertThat(commune.period().start()).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(commune.windows()).anySatisfy(w -> {
            assertThat(w.name()).contains("Techfest");
            assertThat(w.start()).isEqualTo(LocalDate.of(2025, 10, 9));
            assertThat(w.end()).isEqualTo(LocalDate.of(2025, 10, 11));
        });
        PlanDefinition.Task doorToDoor = commune.tasks().stream()
                .filter(t -> t.title().contains("Đi từng ngõ")).findFirst().orElseThrow();
        assertThat(commune.roleOf("TCNS", doorToDoor)).contains(Role.LEAD);
        assertThat(commune.roleOf("CAX", doorToDoor)).contains(Role.COORDINATING);
        assertThat(commune.roleOf("PKT", doorToDoor)).isEmpty();
    }

    @Test
    void unknownFieldNamesFileAndField() throws IOException {
        String plan = seed().replaceFirst("\ntheme:", "\nthemes:");
        assertThatThrownBy(() -> loadOne(plan))
                .isInstanceOf(PlanFileException.class)
                .hasMessageContaining("plans/broken.yaml")
                .hasMessageContaining("'themes'");
    }

    @Test
    void missingFocalUnitIsRefused() throws IOException {
        String plan = seed().replaceFirst("\nfocalUnit: VP", "\nfocalUnit: XYZ");
        assertThatThrownBy(() -> loadOne(plan))
                .hasMessageContaining("plans/broken.yaml")
                .hasMessageContaining("trường 'focalUnit'")
                .hasMessageContaining("XYZ");
    }

    @Test
    void undeclaredUnitInATaskIsRefused() throws IOException {
        String plan = seed().replaceFirst("lead: \\[VP]", "lead: [NOPE]");
        assertThatThrownBy(() -> loadOne(plan))
                .hasMessageContaining("plans/broken.yaml")
                .hasMessageMatching("(?s).*trường 'tasks\\[\\d+]\\.lead\\[0]'.*NOPE.*");
    }

    @Test
    void wrongDateAndEnumAreRefusedWithTheirField() throws IOException {
        assertThatThrownBy(() -> loadOne(seed().replaceFirst("start: 2025-01-01", "start: 2025-13-01")))
                .hasMessageContaining("plans/broken.yaml").hasMessageContaining("period.start");
        assertThatThrownBy(() -> loadOne(seed().replaceFirst("cadence: MONTHLY", "cadence: WEEKLY")))
                .hasMessageContaining("plans/broken.yaml").hasMessageContaining("reporting.cadence");
    }

    @Test
    void windowOutsideThePlanPeriodIsRefused() throws IOException {
        assertThatThrownBy(() -> loadOne(seed().replaceFirst("end: 2025-10-31", "end: 2026-01-31")))
                .hasMessageContaining("plans/broken.yaml")
                .hasMessageContaining("windows[0]")
                .hasMessageContaining("ngoài thời gian thực hiện");
    }

    @Test
    void aMalformedPlanFileStopsTheApplicationsStartUp() throws IOException {
        Files.writeString(dir.resolve("broken.yaml"), seed().replaceFirst("\nfocalUnit: VP", "\nfocalUnit: XYZ"), StandardCharsets.UTF_8);
        var application = new org.springframework.boot.builder.SpringApplicationBuilder(vn.haiphong.dx.Application.class);
        assertThatThrownBy(() -> application.run("--app.plans.location=file:" + dir + "/*.yaml", "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:dx-broken;DB_CLOSE_DELAY=-1", "--camunda.bpm.job-execution.enabled=false").close())
                .rootCause().isInstanceOf(PlanFileException.class)
                .hasMessage("Tệp kế hoạch plans/broken.yaml không hợp lệ — trường 'focalUnit': "
                        + "không có đơn vị mã 'XYZ' trong danh sách units");
    }

    private String seed() throws IOException {
        try (var in = getClass().getResourceAsStream("/plans/snnmt-tt-cds-2025.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void loadOne(String content) throws IOException {
        Files.writeString(dir.resolve("broken.yaml"), content, StandardCharsets.UTF_8);
        PlanCatalog.load("file:" + dir + "/*.yaml", new HashMap<>());
    }
}
