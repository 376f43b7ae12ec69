package vn.haiphong.dx.reporting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

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

    PlanCalendar(@Value("${app.calendar.mode:exact}") Mode mode,
                 @Value("${app.calendar.seconds-per-day:6}") double secondsPerDay) {
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

    /** When a plan day begins. {@code planStart} and {@code issuedAt} anchor the compressed calendar. */
    public Date startOf(LocalDate day, LocalDate planStart, Instant issuedAt) {
        if (mode == Mode.EXACT) {
            return Date.from(day.atStartOfDay(PlanService.ZONE).toInstant());
        }
        long planSeconds = Duration.between(planStart.atStartOfDay(), day.atStartOfDay()).toSeconds();
        return Date.from(issuedAt.plusMillis(Math.round(planSeconds / 86_400.0 * secondsPerDay * 1000)));
    }

    /** The last moment of a plan day: a report due on that day is late after it. */
    public Date endOf(LocalDate day, LocalDate planStart, Instant issuedAt) {
        return new Date(startOf(day.plusDays(1), planStart, issuedAt).getTime() - 1000);
    }

    /** The plan day it is now (for "already past" and for dates people enter). */
    public LocalDate today(LocalDate planStart, Instant issuedAt) {
        if (mode == Mode.EXACT) {
            return ZonedDateTime.ofInstant(now(), PlanService.ZONE).toLocalDate();
        }
        double days = Duration.between(issuedAt, now()).toMillis() / 1000.0 / secondsPerDay;
        return planStart.plusDays((long) Math.floor(Math.max(0, days)));
    }
}
