package vn.haiphong.dx.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.plan.PlanReader;
import vn.haiphong.dx.reporting.ReportingPeriod;
import vn.haiphong.dx.reporting.ReportingService;

/** Due dates skip Vietnam's public holidays and the government's days off, as listed in the calendar table. */
@SpringBootTest
@ActiveProfiles("test")
class HolidayDueDatesTests {

    @Autowired WorkingDays workingDays;
    @Autowired ReportingService reporting;
    @Autowired PlanReader reader;

    @Test
    void aReportDueDuringTetIsDueOnTheFirstWorkingDayAfterIt() throws IOException {
        // The imported ward plan, reporting monthly by the 17th of the following month.
        String text;
        try (InputStream in = getClass().getResourceAsStream("/imports/phuong-an-bien-cds-2026.yaml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("cadence: HALF_YEARLY", "cadence: MONTHLY")
                    .replace("dueDayOfFollowingMonth: 15", "dueDayOfFollowingMonth: 17");
        }
        PlanDefinition plan = reader.read("phuong-an-bien-thang.yaml", text.getBytes(StandardCharsets.UTF_8)).plan();
        ReportingPeriod january = reporting.periodsOf(plan).stream().filter(p -> p.end().equals(LocalDate.of(2026, 1, 31)))
                .findFirst().orElseThrow();
        // 17/02/2026 is in Tết Bính Ngọ (16–20/02), then a weekend: the report is due Monday 23/02.
        assertThat(january.dueOn()).isEqualTo(LocalDate.of(2026, 2, 23));
        ReportingPeriod march = reporting.periodsOf(plan).stream().filter(p -> p.end().equals(LocalDate.of(2026, 3, 31)))
                .findFirst().orElseThrow();
        assertThat(march.dueOn()).as("an ordinary Friday stays").isEqualTo(LocalDate.of(2026, 4, 17));
    }

    @Test
    void workingDaysCountedForEscalationSkipTetAndWeekends() {
        assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 2, 18))).isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 2, 21))).as("a Saturday").isFalse();
        // Three working days after Friday 13/02/2026: Monday 23, Tuesday 24, Wednesday 25.
        assertThat(workingDays.plusWorkingDays(LocalDate.of(2026, 2, 13), 3)).isEqualTo(LocalDate.of(2026, 2, 25));
        // National Day 2025: Monday 01 and Tuesday 02/09 off.
        assertThat(workingDays.onOrAfter(LocalDate.of(2025, 9, 2))).isEqualTo(LocalDate.of(2025, 9, 3));
    }
}
