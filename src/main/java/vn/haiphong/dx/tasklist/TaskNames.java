package vn.haiphong.dx.tasklist;

/**
 * A task's name as Tasklist lists it: what to do, for which period and unit, and the plan's short name at the end,
 * never the plan's 30-word title ("Nộp báo cáo định kỳ tháng 10/2025 – Công an xã – 29/KH-UBND").
 */
final class TaskNames {

    /** The engine's task name column holds 255 characters. */
    static final int MAX_NAME = 255;
    static final String SEPARATOR = " – ";

    private TaskNames() {
    }

    /**
     * The model's name followed by its context and the plan's short name. A context that continues the sentence
     * (starts in lower case: "tháng 10/2025 – Công an xã") follows with a space, any other after a dash. Too long a
     * context is cut, never the action or the plan.
     */
    static String compose(String action, String context, String planShortName) {
        String tail = planShortName == null ? "" : SEPARATOR + planShortName;
        String text = context == null ? "" : context.strip();
        if (text.isEmpty()) {
            return fit(action + tail);
        }
        String joint = Character.isLowerCase(text.charAt(0)) ? " " : SEPARATOR;
        int room = MAX_NAME - action.length() - joint.length() - tail.length();
        if (room < 2) {
            return fit(action + tail);
        }
        return action + joint + (text.length() <= room ? text : text.substring(0, room - 1) + "…") + tail;
    }

    /**
     * A context without the plan's full title, which the name carries as the plan's short name instead. A title that
     * stands between dashes goes with one dash ("<title> – Công an xã" → "Công an xã"); one inside a sentence becomes
     * "kế hoạch" ("kết quả thực hiện <title> – UBND xã" → "kết quả thực hiện kế hoạch – UBND xã").
     */
    static String withoutTitle(String context, String title) {
        if (context == null || title == null || title.isBlank()) {
            return context;
        }
        int at = context.indexOf(title);
        if (at < 0) {
            return context;
        }
        String before = context.substring(0, at);
        String after = context.substring(at + title.length());
        if (!before.isEmpty() && !before.endsWith(SEPARATOR)) {
            return before + "kế hoạch" + after;
        }
        if (after.startsWith(SEPARATOR)) {
            return before + after.substring(SEPARATOR.length());
        }
        return before.isEmpty() ? after : before.substring(0, before.length() - SEPARATOR.length()) + after;
    }

    private static String fit(String name) {
        return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME - 1) + "…";
    }
}
