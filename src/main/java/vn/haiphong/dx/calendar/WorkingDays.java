package vn.haiphong.dx.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.haiphong.dx.form.InputRejectedException;
import vn.haiphong.dx.shared.Texts;

/**
 * Which days are working days in Vietnam: Monday to Friday, except public holidays and the government's announced days
 * off, plus the weekend days announced as working days in exchange ({@code dx_calendar_day}, which administrators
 * extend each year). Due dates that fall on a day off move to the next working day; escalation times count working
 * days only.
 */
@Service
public class WorkingDays {

    /** A day the calendar lists: off (a holiday) or a working weekend day. */
    public record Day(LocalDate day, boolean dayOff, String name) {}

    private final JdbcClient jdbc;
    /**
     * The listed days (a few dozen rows a year), read again after a change here and at least every minute, so that a
     * change made on another node of a cluster is seen soon.
     */
    private final AtomicReference<Map<LocalDate, Day>> days = new AtomicReference<>();
    private volatile long readAt;

    WorkingDays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isWorkingDay(LocalDate day) {
        Day listed = listed().get(day);
        if (listed != null) {
            return !listed.dayOff();
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The day itself if it is a working day, else the next working day: where a due date that falls on a day off goes. */
    public LocalDate onOrAfter(LocalDate day) {
        LocalDate d = day;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The working day that many working days after the day. */
    public LocalDate plusWorkingDays(LocalDate day, int workingDays) {
        LocalDate d = day;
        for (int left = workingDays; left > 0; ) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** Every listed day of a year, in date order. */
    public List<Day> year(int year) {
        return listed().values().stream().filter(d -> d.day().getYear() == year)
                .sorted(java.util.Comparator.comparing(Day::day)).toList();
    }

    /** Lists a day off or an exchanged working day (replacing what the day said before). */
    @Transactional
    public void set(LocalDate day, boolean dayOff, String name, String actor) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InputRejectedException("«Tên ngày nghỉ» là bắt buộc, tối đa 200 ký tự");
        }
        if (day.getYear() < 2000 || day.getYear() > 2100) {
            throw new InputRejectedException("Ngày " + Texts.DATE.format(day) + " nằm ngoài lịch của hệ thống");
        }
        jdbc.sql("delete from dx_calendar_day where calendar_date = ?").param(day).update();
        jdbc.sql("insert into dx_calendar_day (calendar_date, day_off, name, created_by, created_at) values (?, ?, ?, ?, ?)")
                .params(day, dayOff, name.strip(), actor, OffsetDateTime.now(ZoneOffset.UTC)).update();
        days.set(null);
    }

    @Transactional
    public void remove(LocalDate day) {
        jdbc.sql("delete from dx_calendar_day where calendar_date = ?").param(day).update();
        days.set(null);
    }

    private Map<LocalDate, Day> listed() {
        Map<LocalDate, Day> current = days.get();
        if (current == null || System.currentTimeMillis() - readAt > 60_000) {
            readAt = System.currentTimeMillis();
            current = jdbc.sql("select calendar_date, day_off, name from dx_calendar_day")
                    .query((rs, n) -> new Day(rs.getObject("calendar_date", LocalDate.class), rs.getBoolean("day_off"), rs.getString("name")))
                    .list().stream().collect(Collectors.toUnmodifiableMap(Day::day, d -> d));
            days.set(current);
        }
        return current;
    }
}
