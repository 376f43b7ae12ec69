package vn.haiphong.dx.web.monitor;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;

import vn.haiphong.dx.plan.PlanService;
import vn.haiphong.dx.shared.Texts;

/** How the pages write dates, moments and requirements (dd/MM/yyyy, Asia/Ho_Chi_Minh). */
final class Formats {

    private Formats() {
    }

    static String date(LocalDate day) {
        return day == null ? "—" : Texts.DATE.format(day);
    }

    static String moment(OffsetDateTime at) {
        return at == null ? "—" : Texts.DATE_TIME.format(at.atZoneSameInstant(PlanService.ZONE));
    }

    static String moment(Date at) {
        return at == null ? "—" : Texts.DATE_TIME.format(at.toInstant().atZone(PlanService.ZONE));
    }

    /** "tháng 10/2025" → "Tháng 10/2025". */
    static String capitalised(String text) {
        return text == null || text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** A target's bound as people read it: "≥ 2", "≤ 5", "2 – 5". */
    static String required(Integer min, Integer max) {
        if (min != null && max != null) {
            return min.equals(max) ? String.valueOf(min) : min + " – " + max;
        }
        return min != null ? "≥ " + min : max != null ? "≤ " + max : "—";
    }

    /** How far a result is towards its minimum, 0–100 (a target with only a maximum: 100 when met). */
    static int percent(int actual, Integer min, boolean met) {
        if (min == null || min <= 0) {
            return met ? 100 : 0;
        }
        return (int) Math.max(0, Math.min(100, Math.round(actual * 100.0 / min)));
    }

    /** The link that opens a task in Tasklist. */
    static String tasklistLink(String taskId) {
        return "/camunda/app/tasklist/default/#/?task=" + taskId;
    }
}
