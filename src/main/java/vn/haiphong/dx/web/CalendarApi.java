package vn.haiphong.dx.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import vn.haiphong.dx.calendar.WorkingDays;
import vn.haiphong.dx.security.AppUser;

/**
 * The holiday calendar due dates follow: anyone signed in reads a year's listed days; administrators add the days the
 * government announces each year (a day off, or a weekend day worked in exchange) and remove a listed day.
 */
@RestController
class CalendarApi {

    record Day(Boolean dayOff, String name) {}

    private final WorkingDays workingDays;

    CalendarApi(WorkingDays workingDays) {
        this.workingDays = workingDays;
    }

    @GetMapping("/api/calendar/{year}")
    List<WorkingDays.Day> year(@PathVariable int year) {
        return workingDays.year(year);
    }

    @PutMapping("/api/admin/calendar/{date}")
    Map<String, Object> set(@PathVariable String date, @RequestBody Day day, HttpServletRequest request) {
        AppUser user = admin(request);
        LocalDate on = date(date);
        workingDays.set(on, day.dayOff() == null || day.dayOff(), day.name(), user.id());
        return Map.of("status", 200, "message", "Đã ghi ngày " + vn.haiphong.dx.shared.Texts.DATE.format(on)
                + (day.dayOff() == null || day.dayOff() ? " là ngày nghỉ" : " là ngày làm việc") + " vào lịch.");
    }

    @DeleteMapping("/api/admin/calendar/{date}")
    Map<String, Object> remove(@PathVariable String date, HttpServletRequest request) {
        admin(request);
        LocalDate on = date(date);
        workingDays.remove(on);
        return Map.of("status", 200, "message", "Đã bỏ ngày " + vn.haiphong.dx.shared.Texts.DATE.format(on) + " khỏi lịch.");
    }

    private static AppUser admin(HttpServletRequest request) {
        AppUser user = AppUser.of(request);
        if (!user.isAdmin()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Chỉ quản trị hệ thống được sửa lịch ngày nghỉ");
        }
        return user;
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Ngày «" + text + "» không hợp lệ; ghi theo dạng năm-tháng-ngày, ví dụ 2027-02-05");
        }
    }
}
