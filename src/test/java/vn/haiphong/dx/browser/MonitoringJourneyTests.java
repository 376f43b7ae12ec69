package vn.haiphong.dx.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import vn.haiphong.dx.support.MonitoringScenario;
import vn.haiphong.dx.support.VietnameseText;

/**
 * The monitoring pages as the Office, leadership and a unit use them, in headless Chromium at 1280 px and on a
 * 390 px phone, over Kẻ Sặt's plan in mid-November 2025 ({@link MonitoringScenario}). Screenshots of every step go to
 * {@code target/screenshots} ({@code monitoring-*}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:dx-monitoring-browser;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitoringJourneyTests {

    private static final String PLAN = "/monitor/plans/" + MonitoringScenario.PLAN;
    private static final int PHONE = 390;

    @LocalServerPort int port;
    @Autowired MonitoringScenario scenario;

    @BeforeAll
    void play() {
        scenario.play();
    }

    @AfterAll
    void reset() {
        scenario.reset();
    }

    @Test
    void theOfficeGoesFromItsPlanToAPeriodAndAUnit() throws Exception {
        try (Browser office = new Browser(port, "monitoring-office")) {
            office.login("kesat.vhxh", "demo");
            office.open("/monitor");
            office.waitForText("Theo dõi kế hoạch");
            office.click("Kế hoạch tổ chức các hoạt động hưởng ứng Ngày Chuyển đổi số quốc gia năm 2025 trên địa bàn xã Kẻ Sặt");
            office.waitForText("Tình hình nộp báo cáo theo kỳ");
            waitFor("both charts drawn under the page's Content-Security-Policy",
                    () -> ((Number) office.script("return document.querySelectorAll('[data-chart-drawn=true] svg').length;")).intValue() == 2);
            assertThat(office.script("return Array.from(document.querySelectorAll('tr[data-matrix-unit]')).map(r => r.dataset.matrixUnit).join(',');"))
                    .isEqualTo("THON,TRUONG,CAX,DTN,PKT,VHXH,TCNS,TTVH,MTTQ,VPUB");
            assertThat(office.text()).contains("Việc quá hạn", "Nộp báo cáo định kỳ tháng 10/2025 – Phòng Kinh tế",
                    "Chỉ tiêu chung toàn cơ quan", "Tiến độ các nhiệm vụ của Kế hoạch", "Phòng Văn hóa – Xã hội (đầu mối)");
            vietnamese(office);
            office.shot("dashboard");

            office.script("document.getElementById('unit').value = 'CAX'; document.getElementById('period').value = '2025-10';"
                    + " document.querySelector('form.filters').submit();");
            office.waitForText("Đang xem: Đơn vị Công an xã; kỳ tháng 10/2025");
            assertThat(office.script("return location.search;")).isEqualTo("?unit=CAX&period=2025-10&status=");
            assertThat(office.script("return document.querySelectorAll('tr[data-matrix-unit]').length;")).isEqualTo(1L);
            office.shot("dashboard-filtered");

            office.click("Bỏ lọc");
            office.waitForText("Đang xem: Tất cả đơn vị, tất cả kỳ báo cáo");
            office.click("T10/2025");
            office.waitForText("Báo cáo tháng 10/2025");
            assertThat(office.text()).contains("Đúng hạn: 5", "Nộp muộn: 1", "Chưa nộp: 4", "07/11/2025 09:00 · Cán bộ Đoàn Thanh niên xã");
            vietnamese(office);
            office.shot("period");

            office.click("Đoàn Thanh niên xã");
            office.waitForText("Nhiệm vụ của đơn vị trong Kế hoạch");
            assertThat(office.text()).contains("T14", "Lũy kế đến nay: 1 (yêu cầu ≥ 1) — Đạt");
            office.shot("unit");

            office.click("Khó khăn, vướng mắc");
            office.waitForText("Quá hạn xử lý: 1");
            vietnamese(office);
            office.shot("difficulties");
        }
        try (Browser phone = onPhone("monitoring-office-phone", "kesat.vhxh", new String[] {PLAN, "Tình hình nộp báo cáo theo kỳ", "dashboard"},
                new String[] {PLAN + "/periods/2025-10", "Báo cáo tháng 10/2025", "period"},
                new String[] {PLAN + "/difficulties", "Quá hạn xử lý", "difficulties"})) {
            phone.open(PLAN);
            phone.waitForText("Tình hình nộp báo cáo theo kỳ");
            waitFor("charts drawn on the phone",
                    () -> ((Number) phone.script("return document.querySelectorAll('[data-chart-drawn=true] svg').length;")).intValue() == 2);
            phone.script("document.getElementById('matrix').scrollIntoView();");
            noHorizontalScroll(phone, "the dashboard's matrix and charts");
            phone.shot("dashboard-matrix");
        }
    }

    @Test
    void leadershipSeesWhatAwaitsItsDecisionAndWhereThePlanIsBehind() throws Exception {
        try (Browser leader = new Browser(port, "monitoring-leadership")) {
            leader.login("kesat.lanhdao", "demo");
            leader.open("/monitor");
            leader.waitForText("Việc cần lãnh đạo quyết định");
            assertThat(leader.text()).contains("Phạm Thị Thu Hiền (Phó Chủ tịch)", "Phê duyệt báo cáo tổng hợp tháng 10/2025",
                    "Cho ý kiến chỉ đạo giải quyết khó khăn – Công an xã", "Tháng 10/2025: 6/10 đơn vị đã nộp báo cáo",
                    "1 khó khăn, vướng mắc quá hạn xử lý");
            vietnamese(leader);
            leader.shot("summary");
            leader.click("Phê duyệt báo cáo tổng hợp tháng 10/2025 – 29/KH-UBND");
            waitFor("the approval opened in Tasklist", () -> String.valueOf(leader.script("return location.href;")).contains("/camunda/app/tasklist/default/#/?task="));
            leader.waitForText("Phê duyệt báo cáo tổng hợp tháng 10/2025");
            leader.shot("approval-in-tasklist");
        }
        onPhone("monitoring-leadership-phone", "kesat.lanhdao", new String[] {"/monitor/leadership", "Kế hoạch đang chậm ở đâu", "summary"},
                new String[] {PLAN, "Tình hình nộp báo cáo theo kỳ", "dashboard"}).close();
    }

    @Test
    void aUnitFindsItsOwnPageAndNotTheOffices() throws Exception {
        try (Browser unit = new Browser(port, "monitoring-unit")) {
            unit.login("kesat.cax", "demo");
            unit.open("/monitor");
            unit.waitForText("Việc cần làm và hạn sắp tới");
            assertThat(unit.text()).contains("Công an xã", "Nộp báo cáo định kỳ tháng 11/2025 – Công an xã", "Chủ trì", "Phối hợp",
                    "T10/2025: 85 — Đạt", "Thiếu điện thoại thông minh", "Đơn vị của tôi").doesNotContain("Theo dõi kế hoạch", "kesat.cax");
            vietnamese(unit);
            unit.shot("own-page");
            unit.open(PLAN);
            unit.waitForText("Không có quyền truy cập");
            assertThat(unit.text()).contains("Chỉ đơn vị đầu mối và lãnh đạo của cơ quan ban hành được theo dõi kế hoạch này");
            unit.shot("office-dashboard-refused");
            unit.open(PLAN + "/units/DTN");
            unit.waitForText("Không có quyền truy cập");
            unit.shot("other-unit-refused");
        }
        onPhone("monitoring-unit-phone", "kesat.cax", new String[] {PLAN + "/units/CAX", "Việc cần làm và hạn sắp tới", "own-page"}).close();
    }

    /**
     * A phone's browser, logged in, that has opened each page (path, a text to wait for, the screenshot's name), checked
     * it for horizontal scroll and taken its screenshot; the caller closes it.
     */
    private Browser onPhone(String journey, String user, String[]... pages) throws Exception {
        Browser phone = new Browser(port, journey, PHONE, 1600);
        phone.login(user, "demo");
        for (String[] page : pages) {
            phone.open(page[0]);
            phone.waitForText(page[1]);
            noHorizontalScroll(phone, page[0]);
            phone.shot(page[2]);
        }
        return phone;
    }

    private static void noHorizontalScroll(Browser browser, String page) {
        Number overflow = (Number) browser.script(
                "return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth;");
        assertThat(overflow.intValue()).as("horizontal scroll on a %d px phone: %s", PHONE, page).isLessThanOrEqualTo(0);
        assertThat(browser.script("return window.innerWidth;")).isEqualTo((long) PHONE);
    }

    private static void vietnamese(Browser browser) {
        String text = browser.text();
        assertThat(VietnameseText.isVietnamese(text)).isTrue();
        assertThat(text).doesNotContain("null", "Error", "Exception", "kesat.");
    }

    private static void waitFor(String what, Supplier<Boolean> condition) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.get()) {
            assertThat(Instant.now()).as(what).isBefore(until);
            Thread.sleep(200);
        }
    }
}
