package vn.haiphong.dx.shared;

import java.time.format.DateTimeFormatter;

/** How texts and dates are shown to people, and how long a text the engine keeps in a variable. */
public final class Texts {

    /** Dates as Vietnamese offices write them. */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** A moment as people read it, e.g. 03/10/2025 14:05. */
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    /** Vietnamese alphabetical order (Đ after D, tones after the plain letter), for lists people read. */
    public static final java.util.Comparator<String> VIETNAMESE = vietnamese();

    private static java.util.Comparator<String> vietnamese() {
        java.text.Collator collator = java.text.Collator.getInstance(java.util.Locale.forLanguageTag("vi-VN"));
        collator.setStrength(java.text.Collator.TERTIARY);
        return (a, b) -> collator.compare(a, b);
    }

    /** A string variable holds 4000 characters; generated texts stay below with room for the ellipsis. */
    static final int VARIABLE_TEXT = 3900;

    private Texts() {
    }

    /** A generated text cut to fit a string variable, marked with an ellipsis when cut. */
    public static String fitVariable(String text) {
        return text.length() <= VARIABLE_TEXT ? text : text.substring(0, VARIABLE_TEXT) + "\n…";
    }

    /** A label cut at a word to at most that many characters, with an ellipsis when cut. */
    public static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max - 1);
        return text.substring(0, cut > max / 2 ? cut : max - 1).strip() + "…";
    }

    /** The most recent part of a growing text (notes appended over time), cut to fit a string variable. */
    public static String fitVariableKeepingEnd(String text) {
        return text.length() <= VARIABLE_TEXT ? text : text.substring(text.length() - VARIABLE_TEXT);
    }
}
