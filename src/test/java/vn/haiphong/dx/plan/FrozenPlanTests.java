package vn.haiphong.dx.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.haiphong.dx.consolidation.ConsolidatedReportProcess;
import vn.haiphong.dx.consolidation.ReportDocuments;

/**
 * What was signed is what runs: a plan brought in from a file in a second plans folder, issued, reported on and
 * consolidated; then its file is changed (targets, signer, recipients) and deleted, and the application reads its
 * plan folders again as at a restart. Nothing that runs changes: the plan, the evaluations, the approved report's
 * document, and the evaluation of a later report.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:dx-frozen-plan;DB_CLOSE_DELAY=-1", "app.demo.enabled=false"})
@ActiveProfiles("test")
class FrozenPlanTests extends ImportedPlanJourney {

    static final Path FOLDER = folder();

    @Autowired PlanBootstrap bootstrap;
    @Autowired Plans plans;
    @Autowired TaskService tasks;
    @Autowired ReportDocuments documents;

    @DynamicPropertySource
    static void locations(DynamicPropertyRegistry registry) {
        registry.add("app.plans.location", () -> "classpath*:plans/*.yaml, file:" + FOLDER + "/*.yaml");
    }

    @Override
    String admin() {
        return "admin";
    }

    @Override
    String adminPassword() {
        return "admin";
    }

    @Test
    void changingOrDeletingTheFileAfterIssuanceChangesNothingThatRuns() throws IOException {
        assertThat(plans.exists(CODE)).as("brought in from the second plans folder at start-up").isTrue();
        reviseReviewAndIssue();
        everyUnitAcknowledges();
        report("CAP", "6 tháng đầu năm 2026", Map.of("smartCameras", 6, "residentsVneid", 120));
        long consolidated = approveFirstHalfYearsReport();
        String document = text(consolidated);
        assertThat(document).contains("Đỗ Thị Ánh Tuyết", "Đảng ủy phường An Biên");
        Map<String, String> evaluated = evaluation("CAP", "2026-H1");

        Path file = FOLDER.resolve("phuong-an-bien.yaml");
        Files.writeString(file, file("signerName: \"Đỗ Thị Ánh Tuyết\"", "signerName: \"Người Khác\"", "    min: 5\n", "    min: 50\n",
                "  - name: \"Đảng ủy phường An Biên\"", "  - name: \"Nơi nhận khác\""), StandardCharsets.UTF_8);
        bootstrap.run(null);
        Files.delete(file);
        bootstrap.run(null);

        assertThat(plans.get(CODE).leadership().signerName()).isEqualTo("Đỗ Thị Ánh Tuyết");
        assertThat(plans.get(CODE).targets().get(0).min()).isEqualTo(5);
        assertThat(evaluation("CAP", "2026-H1")).isEqualTo(evaluated);
        assertThat(text(consolidated)).as("the approved report's document").isEqualTo(document);
        report("CAP", "6 tháng cuối năm 2026", Map.of("smartCameras", 9, "residentsVneid", 100));
        assertThat(evaluation("CAP", "2026-H2")).as("a later report by the issued version").containsEntry("CAMERAS_HALF", "9/8/true");
    }

    /** The first half-year's consolidated report, compiled by the Office and approved by leadership. */
    private long approveFirstHalfYearsReport() {
        String office = user("anbien-vhxh");
        String leadership = user("anbien-lanhdao");
        fixtures.executeJobs();
        Task compile = waitFor(() -> tasks.createTaskQuery().processInstanceBusinessKey(CODE)
                .taskDefinitionKey(ConsolidatedReportProcess.Activities.COMPILE_REPORT).list().stream().findFirst().orElse(null));
        long id = ((Number) tasks.getVariable(compile.getId(), ConsolidatedReportProcess.Vars.REPORT_ID)).longValue();
        complete(office, Map.of("id", compile.getId()), Map.of(ConsolidatedReportProcess.Vars.REPORT_SUMMARY, text("Tình hình chung."),
                ConsolidatedReportProcess.Vars.REPORT_ASSESSMENT, text("Đánh giá.")));
        Task approve = tasks.createTaskQuery().processInstanceBusinessKey(CODE)
                .taskDefinitionKey(ConsolidatedReportProcess.Activities.APPROVE_REPORT).singleResult();
        complete(leadership, Map.of("id", approve.getId()), Map.of(ConsolidatedReportProcess.Vars.APPROVAL_DECISION, text("APPROVE")));
        fixtures.executeJobs();
        return id;
    }

    private String text(long reportId) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(documents.render(reportId, ReportDocuments.Format.PDF).content())) {
            return new PDFTextStripper().getText(pdf);
        }
    }

    private static Path folder() {
        try {
            Path folder = Files.createTempDirectory("dx-plans");
            Files.writeString(folder.resolve("phuong-an-bien.yaml"), file(), StandardCharsets.UTF_8);
            return folder;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
