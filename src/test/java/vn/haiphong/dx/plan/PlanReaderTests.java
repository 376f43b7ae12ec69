package vn.haiphong.dx.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.haiphong.dx.plan.PlanDefinition.Role;
import vn.haiphong.dx.plan.PlanDefinition.TargetPer;

/** Plan files as their authors write them: the seeds read, and every problem named by file, line and field in Vietnamese. */
class PlanReaderTests {

    private final PlanReader reader = new PlanReader(List.of());

    @Test
    void bothSeedPlansLoadWithTheirUnitsWindowsAndTargets() throws IOException {
        PlanDefinition department = read("snnmt-tt-cds-2025.yaml");
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
        assertThat(department.recipients()).extracting(PlanDefinition.Recipient::name)
                .contains("UBND thành phố", "Sở Khoa học và Công nghệ");

        PlanDefinition commune = read("kesat-ncds-2025.yaml");
        assertThat(commune.focal().name()).isEqualTo("Phòng Văn hóa – Xã hội");
        assertThat(commune.units()).hasSize(10);
        PlanDefinition.Task doorToDoor = commune.tasks().stream().filter(t -> t.title().contains("Đi từng ngõ")).findFirst().orElseThrow();
        assertThat(commune.roleOf("TCNS", doorToDoor)).contains(Role.LEAD);
        assertThat(commune.roleOf("CAX", doorToDoor)).contains(Role.COORDINATING);
        assertThat(commune.roleOf("PKT", doorToDoor)).isEmpty();
        assertThat(commune.metricsOf("CAX")).extracting(PlanDefinition.Metric::code)
                .as("the activity total asks every activity metric; its own target asks VNeID; agency targets theirs")
                .contains("residentsVneid", "postsPortal", "loudspeakerItems").doesNotContain("residentsVssid");
        assertThat(commune.metricsOf("TCNS")).extracting(PlanDefinition.Metric::code).contains("residentsVssid", "onlinePaymentsGuided");
    }

    @Test
    void unknownFieldNamesFileLineAndFieldInVietnamese() throws IOException {
        String plan = seed().replaceFirst("\ntheme:", "\nthemes:");
        assertThatThrownBy(() -> reader.read("phuong-moi.yaml", bytes(plan)))
                .isInstanceOf(PlanFileException.class)
                .hasMessageStartingWith("Tệp kế hoạch «phuong-moi.yaml» không hợp lệ, dòng " + lineOf(plan, "themes:"))
                .hasMessageContaining("trường «themes» không có trong cấu trúc tệp kế hoạch");
    }

    @Test
    void missingFocalUnitIsRefusedWithItsLine() throws IOException {
        String plan = seed().replaceFirst("\nfocalUnit: VP", "\nfocalUnit: XYZ");
        assertThatThrownBy(() -> reader.read("broken.yaml", bytes(plan)))
                .hasMessage("Tệp kế hoạch «broken.yaml» không hợp lệ, dòng " + lineOf(plan, "focalUnit: XYZ")
                        + ", trường «focalUnit»: không có đơn vị mã 'XYZ' trong danh sách units");
    }

    @Test
    void undeclaredUnitInATaskIsRefused() throws IOException {
        String plan = seed().replaceFirst("lead: \\[VP]", "lead: [NOPE]");
        assertThatThrownBy(() -> reader.read("broken.yaml", bytes(plan)))
                .hasMessageMatching("(?s).*trường «tasks\\[\\d+]\\.lead\\[0]».*NOPE.*");
    }

    @Test
    void wrongDateAndEnumAreExplainedInVietnamese() throws IOException {
        String badDate = seed().replaceFirst("start: 2025-01-01", "start: 2025-13-01");
        assertThatThrownBy(() -> reader.read("broken.yaml", bytes(badDate)))
                .hasMessageContaining("dòng " + lineOf(badDate, "start: 2025-13-01"))
                .hasMessageContaining("trường «period.start»: «2025-13-01» không phải ngày hợp lệ (viết năm-tháng-ngày, ví dụ 2025-10-01)");
        assertThatThrownBy(() -> reader.read("broken.yaml", bytes(seed().replaceFirst("cadence: MONTHLY", "cadence: WEEKLY"))))
                .hasMessageContaining("trường «reporting.cadence»: «WEEKLY» không phải giá trị cho phép; chọn một trong: "
                        + "MONTHLY, QUARTERLY, HALF_YEARLY, YEARLY");
    }

    @Test
    void windowOutsideThePlanPeriodIsRefused() throws IOException {
        assertThatThrownBy(() -> reader.read("broken.yaml", bytes(seed().replaceFirst("end: 2025-10-31", "end: 2026-01-31"))))
                .hasMessageContaining("windows[0]")
                .hasMessageContaining("ngoài thời gian thực hiện");
    }

    @Test
    void aMetricNoUnitReportsIsRefusedRatherThanCountedAsZero() throws IOException {
        String plan = seed().replaceFirst("metrics:\n", "metrics:\n  - code: khongAiBaoCao\n    label: \"Chỉ số không ai báo cáo\"\n    kind: RESULT\n");
        assertThatThrownBy(() -> reader.read("broken.yaml", bytes(plan)))
                .hasMessageContaining("trường «metrics[0].code»: không đơn vị nào được yêu cầu báo cáo chỉ số «khongAiBaoCao»");
    }

    @Test
    void aTargetPerMonthInAQuarterlyPlanWouldNeverBeEvaluated() throws IOException {
        assertThatThrownBy(() -> reader.read("broken.yaml", bytes(seed().replaceFirst("cadence: MONTHLY", "cadence: QUARTERLY"))))
                .hasMessageContaining("chỉ tiêu sẽ không bao giờ được đánh giá");
    }

    @Test
    void textThatIsNotUtf8OrNotYamlIsRefused() {
        assertThatThrownBy(() -> reader.read("latin1.yaml", new byte[] {'c', 'o', 'd', 'e', ':', ' ', (byte) 0xE9}))
                .hasMessageContaining("không phải văn bản mã hóa UTF-8");
        assertThatThrownBy(() -> reader.read("bad.yaml", bytes("code: \"abc\ntitle: x")))
                .hasMessageContaining("sai cú pháp YAML");
        assertThatThrownBy(() -> reader.read("empty.yaml", new byte[0])).hasMessageContaining("tệp trống");
    }

    private PlanDefinition read(String file) throws IOException {
        try (var in = getClass().getResourceAsStream("/plans/" + file)) {
            return reader.read("plans/" + file, in.readAllBytes()).plan();
        }
    }

    static String seed() throws IOException {
        try (var in = PlanReaderTests.class.getResourceAsStream("/plans/snnmt-tt-cds-2025.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static int lineOf(String text, String fragment) {
        return text.substring(0, text.indexOf(fragment)).split("\n", -1).length;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
