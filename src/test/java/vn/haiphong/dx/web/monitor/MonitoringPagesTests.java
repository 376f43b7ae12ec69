package vn.haiphong.dx.web.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.util.HtmlUtils;

import vn.haiphong.dx.plan.PlanReader;
import vn.haiphong.dx.plan.PlanService;
import vn.haiphong.dx.support.MonitoringScenario;
import vn.haiphong.dx.support.PlanFixtures;
import vn.haiphong.dx.support.VietnameseText;

/**
 * The monitoring pages over Kẻ Sặt's plan in mid-November 2025 ({@link MonitoringScenario}), read over HTTP as each
 * person would: what each sees and may not see, the filters, Vietnamese order, and the Excel export against the page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:dx-monitoring-pages;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitoringPagesTests {

    private static final String DASHBOARD = "/monitor/plans/" + MonitoringScenario.PLAN;
    private static final Pattern MATRIX_ROW = Pattern.compile("<tr data-matrix-unit=\"([A-Z]+)\">(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern TARGET_ROW = Pattern.compile("<tr data-target-unit=\"([A-Z]+)\">(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL_STATE = Pattern.compile("data-state=\"([A-Z_]+)\"[^>]*>\\s*<a class=\"state[^\"]*\"[^>]*>([^<]*)</a>");
    private static final Pattern UNIT_NAME = Pattern.compile("<td class=\"unit\"><a href=\"[^\"]+\">([^<]*)</a>");
    private static final Pattern CELL = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL);

    @LocalServerPort int port;
    @Autowired MonitoringScenario scenario;
    @Autowired PlanService plans;
    @Autowired PlanReader reader;
    @Autowired PlanFixtures fixtures;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    void play() {
        scenario.play();
    }

    @AfterAll
    void reset() {
        scenario.reset();
    }

    @Test
    void theOfficeSeesEveryUnitAndPeriodInVietnameseOrder() throws Exception {
        HttpResponse<String> page = get("kesat.vhxh", DASHBOARD);
        assertThat(page.statusCode()).isEqualTo(200);
        Map<String, List<String>> matrix = states(page.body());
        assertThat(new ArrayList<>(matrix.keySet())).as("rows by unit name, the Vietnamese way (Đ after D, Ủ after T)")
                .containsExactly("THON", "TRUONG", "CAX", "DTN", "PKT", "VHXH", "TCNS", "TTVH", "MTTQ", "VPUB");
        MonitoringScenario.ON_TIME.forEach(unit -> assertThat(matrix.get(unit)).containsExactly("ON_TIME", "OPEN", "UPCOMING", "UPCOMING"));
        assertThat(matrix.get("DTN")).containsExactly("LATE", "OPEN", "UPCOMING", "UPCOMING");
        MonitoringScenario.MISSING.forEach(unit -> assertThat(matrix.get(unit)).first().isEqualTo("OVERDUE"));

        String text = text(page.body());
        assertThat(text).contains("Tình hình nộp báo cáo theo kỳ", "Đúng hạn", "nộp sau hạn", "Trả lại", "Được miễn",
                "Chỉ tiêu của từng đơn vị", "Chỉ tiêu chung toàn cơ quan", "Khó khăn, vướng mắc đang xử lý",
                "Tiến độ các nhiệm vụ của Kế hoạch", "Chưa có báo cáo tiến độ", "Đã tiếp nhận: 9/10 đơn vị", "Cán bộ Công an xã")
                .doesNotContain("kesat.cax", "kesat.vhxh");
        // Overdue first: the reports due on 05/11 before leadership's approval due on 10/11; the villages have no task.
        String overdue = section(page.body(), "overdue");
        assertThat(text(overdue)).contains("Nộp báo cáo định kỳ tháng 10/2025 – Phòng Kinh tế",
                "Báo cáo tháng 10/2025 – Các thôn trên địa bàn xã (chưa có công việc nộp báo cáo: đơn vị chưa tiếp nhận kế hoạch)");
        assertThat(text(overdue).indexOf("Phòng Kinh tế")).isLessThan(text(overdue).indexOf("Phê duyệt báo cáo tổng hợp tháng 10/2025"));
        // Difficulties by stage and urgency: the schools' is overdue at the Office, Công an xã's urgent one at leadership.
        String difficulties = text(section(page.body(), "difficulties"));
        assertThat(difficulties).contains("Đang xử lý: 2", "Quá hạn xử lý: 1", "Đơn vị đầu mối đang xử lý", "Trình lãnh đạo", "Khẩn");
        assertThat(difficulties.indexOf("Chưa có máy chiếu")).as("overdue first").isLessThan(difficulties.indexOf("Thiếu điện thoại"));

        JsonNode chart = new ObjectMapper().readTree(HtmlUtils.htmlUnescape(attribute(page.body(), "chart-reports", "data-chart")));
        assertThat(chart.get("categories").get(0).asText()).isEqualTo("T10/2025");
        Map<String, Integer> october = new LinkedHashMap<>();
        chart.get("series").forEach(s -> october.put(s.get("name").asText(), s.get("values").get(0).asInt()));
        assertThat(october).as("the chart counts what the matrix shows").containsEntry("Đúng hạn", 5).containsEntry("Nộp muộn", 1)
                .containsEntry("Chưa nộp", 4);
    }

    @Test
    void filtersAreAppliedByTheServer() throws Exception {
        assertThat(states(get("kesat.vhxh", DASHBOARD + "?unit=CAX").body())).containsOnlyKeys("CAX");
        assertThat(states(get("kesat.vhxh", DASHBOARD + "?status=OVERDUE").body()).keySet())
                .containsExactlyInAnyOrderElementsOf(MonitoringScenario.MISSING);
        Map<String, List<String>> october = states(get("kesat.vhxh", DASHBOARD + "?period=2025-10&status=LATE").body());
        assertThat(october).containsOnlyKeys("DTN").containsEntry("DTN", List.of("LATE"));
        String filtered = get("kesat.vhxh", DASHBOARD + "?unit=CAX&period=2025-10").body();
        assertThat(filtered).contains("/export.xlsx?unit=CAX&amp;period=2025-10");
        assertThat(text(filtered)).contains("Đang xem: Đơn vị Công an xã; kỳ tháng 10/2025");
        assertThat(TARGET_ROW.matcher(filtered).results().map(m -> m.group(1)).distinct().toList()).containsExactly("CAX");
        assertThat(states(get("kesat.vhxh", DASHBOARD + "?unit=KHONGCO&status=SAI").body())).as("unknown values are ignored").hasSize(10);
    }

    @Test
    void eachSeesOnlyWhatIsTheirs() throws Exception {
        HttpResponse<String> unitOnDashboard = get("kesat.cax", DASHBOARD);
        assertThat(unitOnDashboard.statusCode()).isEqualTo(403);
        assertThat(unitOnDashboard.body()).contains("<h1>Không có quyền truy cập</h1>",
                "Chỉ đơn vị đầu mối và lãnh đạo của cơ quan ban hành được theo dõi kế hoạch này");
        assertThat(get("kesat.cax", DASHBOARD + "/export.xlsx").statusCode()).isEqualTo(403);
        assertThat(get("kesat.cax", DASHBOARD + "/periods/2025-10").statusCode()).isEqualTo(403);
        assertThat(get("kesat.cax", "/monitor/leadership").statusCode()).isEqualTo(403);
        assertThat(get("kesat.cax", DASHBOARD + "/units/DTN").statusCode()).as("another unit's page").isEqualTo(403);
        assertThat(get("kesat.cax", DASHBOARD + "/units/CAX").statusCode()).isEqualTo(200);
        assertThat(get("kesat.vhxh", DASHBOARD + "/units/DTN").statusCode()).as("the Office opens every unit's page").isEqualTo(200);
        assertThat(get("kesat.lanhdao", DASHBOARD + "/units/DTN").statusCode()).isEqualTo(200);

        HttpResponse<String> otherAgency = get("snnmt.vp", DASHBOARD);
        assertThat(otherAgency.statusCode()).as("another agency's Office").isEqualTo(403);
        assertThat(get("snnmt.lanhdao", DASHBOARD + "/units/CAX").statusCode()).isEqualTo(403);
        assertThat(get("snnmt.lanhdao", DASHBOARD + "/difficulties").statusCode()).isEqualTo(403);
        assertThat(text(get("snnmt.lanhdao", "/monitor/leadership").body())).contains("Kế hoạch Truyền thông về Chuyển đổi số năm 2025")
                .doesNotContain("Kẻ Sặt");

        assertThat(get("kesat.cax", "/monitor").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/monitor/unit"));
        assertThat(get("kesat.cax", "/monitor/unit").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith(DASHBOARD + "/units/CAX"));
        assertThat(get("kesat.cax", "/monitor/plans").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/monitor/unit"));
        assertThat(get("kesat.lanhdao", "/monitor").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/monitor/leadership"));
        assertThat(get("kesat.vhxh", "/monitor").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/monitor/plans"));
        assertThat(text(get("kesat.cax", DASHBOARD + "/units/CAX").body())).as("a unit's menu")
                .contains("Đơn vị của tôi").doesNotContain("Theo dõi kế hoạch");
    }

    @Test
    void theUnitPageShowsItsPlanWork() throws Exception {
        String page = text(get("kesat.cax", DASHBOARD + "/units/CAX").body());
        assertThat(page).contains("Công an xã", "Cán bộ Công an xã",
                "Nộp báo cáo định kỳ tháng 11/2025 – Công an xã", "Báo cáo kết quả thực hiện kế hoạch (quý IV/2025) (mở ngày 01/01/2026)",
                "T11 Tuyên truyền, hướng dẫn người dân cài đặt, kích hoạt tài khoản định danh điện tử (VNeID)", "Chủ trì",
                "T04", "Phối hợp", "T10/2025: 85 — Đạt", "Tháng 10/2025 Đúng hạn", "03/11/2025 09:00 · Cán bộ Công an xã",
                "Thiếu điện thoại thông minh", "Trình lãnh đạo")
                .doesNotContain("kesat.cax");
        assertThat(page.indexOf("Nộp báo cáo định kỳ tháng 11/2025")).as("deadlines come first")
                .isLessThan(page.indexOf("Nhiệm vụ của đơn vị trong Kế hoạch"));
        String schools = text(get("kesat.truong", DASHBOARD + "/units/TRUONG").body());
        assertThat(schools).contains("Tháng 10/2025 Chưa nộp", "Nộp báo cáo định kỳ tháng 10/2025 – Các trường học trên địa bàn xã",
                "Chưa có máy chiếu để tuyên truyền trong giờ chào cờ", "Đơn vị đầu mối đang xử lý");
        String youth = text(get("kesat.dtn", DASHBOARD + "/units/DTN").body());
        assertThat(youth).as("a whole-plan target before the final report: its result so far")
                .contains("Lũy kế đến nay: 1 (yêu cầu ≥ 1) — Đạt", "Tháng 10/2025 Nộp muộn", "1 lần");
    }

    @Test
    void leadershipSeesWhatAwaitsItsDecisionAndWhereThePlanIsBehind() throws Exception {
        HttpResponse<String> response = get("kesat.lanhdao", "/monitor/leadership");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("/camunda/app/tasklist/default/#/?task=");
        String page = text(response.body());
        assertThat(page).contains("Phạm Thị Thu Hiền (Phó Chủ tịch)", "Việc cần lãnh đạo quyết định",
                "Phê duyệt báo cáo tổng hợp tháng 10/2025", "Cho ý kiến chỉ đạo giải quyết khó khăn – Công an xã",
                "Tháng 10/2025: 6/10 đơn vị đã nộp báo cáo",
                "Tháng 10/2025: 4 đơn vị chưa nộp báo cáo (Các thôn trên địa bàn xã, Các trường học trên địa bàn xã, Phòng Kinh tế, "
                        + "Ủy ban MTTQ Việt Nam xã và các đoàn thể chính trị – xã hội)",
                "1 khó khăn, vướng mắc quá hạn xử lý", "1 khó khăn, vướng mắc đang chờ lãnh đạo cho ý kiến",
                // Overdue: the villages' acknowledgement (due 09/10) among them.
                "1 đơn vị chưa tiếp nhận kế hoạch: Các thôn trên địa bàn xã", "Việc quá hạn: 7")
                .as("another agency's plan").doesNotContain("Kế hoạch Truyền thông về Chuyển đổi số năm 2025")
                .doesNotContain("Phó chủ tịch");
        assertThat(page.indexOf("Phê duyệt báo cáo tổng hợp")).as("the overdue approval before the decision due later")
                .isLessThan(page.indexOf("Cho ý kiến chỉ đạo"));
    }

    @Test
    void theExcelExportHoldsThePagesValuesUnderVietnameseHeaders() throws Exception {
        String page = get("kesat.vhxh", DASHBOARD).body();
        HttpResponse<byte[]> export = client.send(request("kesat.vhxh", DASHBOARD + "/export.xlsx").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValue(PlanPages.XLSX.toString());
        assertThat(export.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains("theo-doi-kesat-ncds-2025.xlsx"));
        DataFormatter format = new DataFormatter();
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(export.body()))) {
            assertThat(List.of(book.getSheetAt(0).getSheetName(), book.getSheetAt(1).getSheetName(), book.getSheetAt(2).getSheetName(),
                    book.getSheetAt(3).getSheetName())).containsExactly("Tình hình nộp báo cáo", "Chỉ tiêu của đơn vị", "Chỉ tiêu chung",
                    "Tiến độ nhiệm vụ");

            Sheet matrix = book.getSheet(DashboardWorkbook.MATRIX);
            assertThat(values(matrix.getRow(DashboardWorkbook.HEADER_ROW), format)).containsExactly("TT", "Đơn vị", "Tháng 10/2025",
                    "Tháng 11/2025", "Tháng 12/2025", "Báo cáo kết quả thực hiện kế hoạch (quý IV/2025)");
            List<List<String>> pageMatrix = new ArrayList<>();
            Matcher row = MATRIX_ROW.matcher(page);
            while (row.find()) {
                List<String> values = new ArrayList<>();
                values.add(String.valueOf(pageMatrix.size() + 1));
                Matcher name = UNIT_NAME.matcher(row.group(2));
                assertThat(name.find()).isTrue();
                values.add(HtmlUtils.htmlUnescape(name.group(1)));
                CELL_STATE.matcher(row.group(2)).results().forEach(m -> values.add(HtmlUtils.htmlUnescape(m.group(2))));
                pageMatrix.add(values);
            }
            assertThat(pageMatrix).hasSize(10);
            assertThat(rows(matrix, format)).as("the export's matrix is the page's").isEqualTo(pageMatrix);

            Sheet targets = book.getSheet(DashboardWorkbook.UNIT_TARGETS);
            assertThat(values(targets.getRow(DashboardWorkbook.HEADER_ROW), format)).containsExactly("TT", "Đơn vị", "Chỉ tiêu", "Yêu cầu",
                    "Số lần đánh giá", "Số lần đạt", "Kết quả gần nhất", "Đánh giá", "Tỷ lệ đạt (%)");
            List<List<String>> pageTargets = new ArrayList<>();
            TARGET_ROW.matcher(page).results().forEach(m -> {
                List<String> cells = CELL.matcher(m.group(2)).results().map(c -> text(c.group(1))).toList();
                // Page: unit, target, requirement, "met/evaluated" with its bar, latest, verdict.
                String[] counts = cells.get(3).split("/");
                pageTargets.add(List.of(String.valueOf(pageTargets.size() + 1), cells.get(0), cells.get(1), cells.get(2), counts[1], counts[0],
                        cells.get(4), cells.get(5)));
            });
            assertThat(rows(targets, format).stream().map(r -> r.subList(0, 8)).toList()).isEqualTo(pageTargets).isNotEmpty();

            assertThat(values(book.getSheet(DashboardWorkbook.AGENCY_TARGETS).getRow(DashboardWorkbook.HEADER_ROW), format))
                    .containsExactly("TT", "Chỉ tiêu", "Kỳ", "Yêu cầu", "Kết quả", "Mức hoàn thành (%)", "Đánh giá");
            Sheet tasks = book.getSheet(DashboardWorkbook.TASKS);
            assertThat(values(tasks.getRow(DashboardWorkbook.HEADER_ROW), format)).containsExactly("TT", "Mã nhiệm vụ", "Nhiệm vụ",
                    "Thời gian", "Đơn vị", "Vai trò", "Tình trạng", "Kỳ báo cáo", "Ghi chú");
            assertThat(rows(tasks, format)).as("every task with each unit that leads or coordinates it, and the status it reported")
                    .anySatisfy(r -> assertThat(r.subList(1, 7)).containsExactly("T11",
                            "Tuyên truyền, hướng dẫn người dân cài đặt, kích hoạt tài khoản định danh điện tử (VNeID)",
                            "01/10/2025 – 31/12/2025", "Công an xã", "Chủ trì", "Đang triển khai"))
                    .anySatisfy(r -> assertThat(r.subList(4, 7)).containsExactly("Các thôn trên địa bàn xã", "Phối hợp",
                            "Chưa có báo cáo tiến độ"));
        }

        HttpResponse<byte[]> filtered = client.send(request("kesat.vhxh", DASHBOARD + "/export.xlsx?unit=CAX&period=2025-10").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(filtered.body()))) {
            List<List<String>> rows = rows(book.getSheet(DashboardWorkbook.MATRIX), format);
            assertThat(rows).containsExactly(List.of("1", "Công an xã", "Đúng hạn"));
            assertThat(format.formatCellValue(book.getSheet(DashboardWorkbook.MATRIX).getRow(1).getCell(0)))
                    .contains("UBND xã Kẻ Sặt", "Đơn vị Công an xã; kỳ tháng 10/2025");
        }
    }

    @Test
    void unitListsOfAPlanWithEveryVietnameseLetterAreInVietnameseOrder() throws Exception {
        List<String> names = List.of("Thôn Ưng", "Thôn Ơn", "Thôn Ông", "Thôn Ê", "Thôn Đông", "Thôn Dương", "Thôn Bà", "Thôn Ba",
                "Thôn Ân", "Thôn Ăn");
        String yaml = new String(getClass().getResourceAsStream("/plans/" + PlanFixtures.KESAT + ".yaml").readAllBytes(), StandardCharsets.UTF_8)
                .replace("code: kesat-ncds-2025", "code: sap-xep-2025").replace("  code: KESAT", "  code: SAPXEP");
        String partners = yaml.substring(yaml.indexOf("\npartners:"));
        Matcher unitName = Pattern.compile("(?m)^(  - code: [A-Z]+\\n    name: )\"[^\"]*\"").matcher(yaml.substring(0, yaml.indexOf("\npartners:")));
        StringBuilder renamed = new StringBuilder();
        int i = 0;
        while (unitName.find()) {
            unitName.appendReplacement(renamed, Matcher.quoteReplacement(unitName.group(1) + "\"" + names.get(i++) + "\""));
        }
        unitName.appendTail(renamed).append(partners);
        assertThat(i).isEqualTo(10);
        plans.register(reader.read("sap-xep-2025.yaml", renamed.toString().getBytes(StandardCharsets.UTF_8)), "sap-xep-2025.yaml", "admin");

        String page = get("admin", "/monitor/plans/sap-xep-2025").body();
        List<String> expected = List.of("Thôn Ăn", "Thôn Ân", "Thôn Ba", "Thôn Bà", "Thôn Dương", "Thôn Đông", "Thôn Ê", "Thôn Ông",
                "Thôn Ơn", "Thôn Ưng");
        List<String> rows = MATRIX_ROW.matcher(page).results().map(m -> {
            Matcher name = UNIT_NAME.matcher(m.group(2));
            return name.find() ? HtmlUtils.htmlUnescape(name.group(1)) : "";
        }).toList();
        assertThat(rows).as("matrix rows").containsExactlyElementsOf(expected);
        String select = page.substring(page.indexOf("<select id=\"unit\""), page.indexOf("</select>", page.indexOf("<select id=\"unit\"")));
        assertThat(Pattern.compile("<option value=\"[A-Z]+\">([^<]*)</option>").matcher(select).results()
                .map(m -> HtmlUtils.htmlUnescape(m.group(1))).toList()).as("the unit filter").containsExactlyElementsOf(expected);
        assertThat(Pattern.compile("(?s)<tr data-matrix-unit[^>]*>.*?data-state=\"([A-Z_]+)\"").matcher(page).results()
                .map(m -> m.group(1)).distinct().toList()).as("a draft asks no report yet").containsExactly("NOT_ASKED");
    }

    @Test
    void everyPageSpeaksVietnameseRunsNoInlineScriptAndNamesPeople() throws Exception {
        for (String[] visit : List.of(new String[] {"kesat.vhxh", "/monitor/plans"}, new String[] {"kesat.vhxh", DASHBOARD},
                new String[] {"kesat.vhxh", DASHBOARD + "/periods/2025-10"}, new String[] {"kesat.vhxh", DASHBOARD + "/periods/FINAL"},
                new String[] {"kesat.lanhdao", DASHBOARD + "/difficulties"}, new String[] {"kesat.cax", DASHBOARD + "/difficulties"},
                new String[] {"kesat.cax", DASHBOARD + "/units/CAX"}, new String[] {"kesat.lanhdao", "/monitor/leadership"})) {
            HttpResponse<String> response = get(visit[0], visit[1]);
            assertThat(response.statusCode()).as(visit[1]).isEqualTo(200);
            String text = text(response.body());
            assertThat(VietnameseText.isVietnamese(text)).as(visit[1]).isTrue();
            assertThat(text).as(visit[1]).doesNotContain("null", "kesat.", "Exception", "Error", "true", "false");
            String policy = response.headers().firstValue("Content-Security-Policy").orElseThrow();
            String scripts = policy.substring(policy.indexOf("script-src"), policy.indexOf(';', policy.indexOf("script-src")));
            assertThat(scripts).as(visit[1]).contains("'nonce-", "'strict-dynamic'").doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(response.body()).as("no inline script").doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>");
        }
        HttpResponse<String> dashboard = get("kesat.vhxh", DASHBOARD);
        String policy = dashboard.headers().firstValue("Content-Security-Policy").orElseThrow();
        String nonce = policy.substring(policy.indexOf("'nonce-") + 7, policy.indexOf('\'', policy.indexOf("'nonce-") + 7));
        assertThat(dashboard.body()).as("each script carries the response's nonce")
                .contains("src=\"/webjars/echarts/5.3.1/dist/echarts.common.min.js\" nonce=\"" + nonce + "\"",
                        "src=\"/js/charts.js\" nonce=\"" + nonce + "\"");
        assertThat(get("kesat.vhxh", DASHBOARD).headers().firstValue("Content-Security-Policy").orElseThrow())
                .as("a new nonce per response").doesNotContain(nonce);
        HttpResponse<String> library = client.send(HttpRequest.newBuilder(URI.create(base() + "/webjars/echarts/5.3.1/dist/echarts.common.min.js")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(library.statusCode()).as("the chart library is served by the application").isEqualTo(200);

        String period = text(get("kesat.vhxh", DASHBOARD + "/periods/2025-10").body());
        assertThat(period).contains("Báo cáo tháng 10/2025", "Đúng hạn: 5", "Nộp muộn: 1", "Chưa nộp: 4", "1 lần",
                "07/11/2025 09:00 · Cán bộ Đoàn Thanh niên xã", "Tháng 11/2025 →");
    }

    private Map<String, List<String>> states(String page) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        Matcher row = MATRIX_ROW.matcher(page);
        while (row.find()) {
            rows.put(row.group(1), CELL_STATE.matcher(row.group(2)).results().map(m -> m.group(1)).toList());
        }
        return rows;
    }

    private static List<String> values(Row row, DataFormatter format) {
        List<String> values = new ArrayList<>();
        row.forEach(cell -> values.add(format.formatCellValue(cell)));
        return values;
    }

    private static List<List<String>> rows(Sheet sheet, DataFormatter format) {
        List<List<String>> rows = new ArrayList<>();
        for (int r = DashboardWorkbook.HEADER_ROW + 1; r <= sheet.getLastRowNum(); r++) {
            rows.add(values(sheet.getRow(r), format));
        }
        return rows;
    }

    /** The part of a page in the section with that id. */
    private static String section(String page, String id) {
        int start = page.indexOf("<section id=\"" + id + "\"");
        return page.substring(start, page.indexOf("</section>", start));
    }

    private static String attribute(String page, String id, String name) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*" + name + "=\"([^\"]*)\"").matcher(page);
        assertThat(m.find()).as(id + " " + name).isTrue();
        return m.group(1);
    }

    /** What a person reads: the page without its head and tags; block elements apart, inline ones run on. */
    static String text(String html) {
        String body = html.replaceAll("(?s)<head>.*?</head>", "")
                .replaceAll("(?s)</?(span|strong|a|small|em|b|code)(\\s[^>]*)?>", "")
                .replaceAll("(?s)<[^>]+>", " ");
        return HtmlUtils.htmlUnescape(body).replaceAll("\\s+", " ").trim();
    }

    private HttpResponse<String> get(String user, String path) throws IOException, InterruptedException {
        return client.send(request(user, path).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String user, String path) {
        String password = "admin".equals(user) ? "admin" : "demo";
        return HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
