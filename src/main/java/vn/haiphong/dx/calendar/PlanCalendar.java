package vn.haiphong.dx.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.plan.PlanRepository;
import vn.haiphong.dx.plan.PlanService;

/**
 * Turns the plan's calendar dates into the engine's time. {@code exact} (production): a plan day is that
 * day in Asia/Ho_Chi_Minh. {@code compressed} (demo, training): the plan's first day begins when the plan
 * is issued and every plan day lasts {@code app.calendar.seconds-per-day} seconds, so a reporting year
 * with its reminders and urging plays out within an hour.
 */
@Component
public class PlanCalendar {

    public enum Mode { EXACT, COMPRESSED }

    private final Mode mode;
    private final double secondsPerDay;
    private final PlanRepository plans;

    PlanCalendar(@Value("${app.calendar.mode:exact}") Mode mode,
                 @Value("${app.calendar.seconds-per-day:6}") double secondsPerDay, PlanRepository plans) {
        this.plans = plans;
        if (mode == Mode.COMPRESSED && secondsPerDay <= 0) {
            throw new IllegalStateException("app.calendar.seconds-per-day phải lớn hơn 0");
        }
        this.mode = mode;
        this.secondsPerDay = secondsPerDay;
    }

    public Mode mode() {
        return mode;
    }

    /** The engine's current time (tests move it; timers follow it). */
    public Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** When a day of the plan begins. */
    public Date startOf(PlanDefinition plan, LocalDate day) {
        if (mode == Mode.EXACT) {
            return Date.from(day.atStartOfDay(PlanService.ZONE).toInstant());
        }
        return startOf(day, plan.period().start(), issuedAt(plan));
    }

    /** The last moment of a day of the plan: what is due on that day is late after it. */
    public Date endOf(PlanDefinition plan, LocalDate day) {
        return new Date(startOf(plan, day.plusDays(1)).getTime() - 1000);
    }

    /** The day of the plan it is now. */
    public LocalDate today(PlanDefinition plan) {
        if (mode == Mode.EXACT) {
            return ZonedDateTime.ofInstant(now(), PlanService.ZONE).toLocalDate();
        }
        return today(plan.period().start(), issuedAt(plan));
    }

    /**
     * The compressed calendar starts the plan's first day when the plan was issued (now, if not yet). Only
     * the compressed calendar reads it: the exact one needs no database round trip per date.
     */
    private Instant issuedAt(PlanDefinition plan) {
        return plans.find(plan.code()).map(PlanRepository.PlanRow::issuedAt).map(OffsetDateTime::toInstant)
                .orElseGet(this::now);
    }

    private Date startOf(LocalDate day, LocalDate planStart, Instant issuedAt) {
        long planSeconds = Duration.between(planStart.atStartOfDay(), day.atStartOfDay()).toSeconds();
        return Date.from(issuedAt.plusMillis(Math.round(planSeconds / 86_400.0 * secondsPerDay * 1000)));
    }

    private LocalDate today(LocalDate planStart, Instant issuedAt) {
        double days = Duration.between(issuedAt, now()).toMillis() / 1000.0 / secondsPerDay;
        return planStart.plusDays((long) Math.floor(Math.max(0, days)));
    }
}
