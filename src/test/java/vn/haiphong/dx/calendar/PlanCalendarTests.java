package vn.haiphong.dx.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.support.SeedPlans;
import vn.haiphong.dx.plan.PlanService;

class PlanCalendarTests {

    private final PlanDefinition plan = SeedPlans.get("snnmt-tt-cds-2025");
    /** The exact calendar never asks the database when a plan was issued: without a repository it still works. */
    private final PlanCalendar exact = new PlanCalendar(PlanCalendar.Mode.EXACT, 6, null);

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void exactCalendarPlanDaysAreDaysInHaiPhong() {
        assertThat(exact.startOf(plan, LocalDate.of(2025, 10, 1)))
                .isEqualTo(Date.from(ZonedDateTime.of(2025, 10, 1, 0, 0, 0, 0, PlanService.ZONE).toInstant()));
        assertThat(exact.endOf(plan, LocalDate.of(2025, 11, 5)))
                .isEqualTo(Date.from(ZonedDateTime.of(2025, 11, 5, 23, 59, 59, 0, PlanService.ZONE).toInstant()));
        // 18:30 UTC on 31 October is already 1 November in Hải Phòng (UTC+7).
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2025, 10, 31, 18, 30, 0, 0, java.time.ZoneOffset.UTC).toInstant()));
        assertThat(exact.today(plan)).isEqualTo(LocalDate.of(2025, 11, 1));
    }
}
