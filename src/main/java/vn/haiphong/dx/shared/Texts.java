package vn.haiphong.dx.shared;

import java.time.format.DateTimeFormatter;

/** How texts and dates are shown to people, and how long a text the engine keeps in a variable. */
public final class Texts {

    /** Dates as Vietnamese offices write them. */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** A moment as people read it, e.g. 03/10/2025 14:05. */
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    /** A string variable holds 4000 characters; generated texts stay below with room for the ellipsis. */
    static final int VARIABLE_TEXT = 3900;

    private Texts() {
    }

    /** A generated text cut to fit a string variable, marked with an ellipsis when cut. */
    public static String fitVariable(String text) {
        return text.length() <= VARIABLE_TEXT ? text : text.substring(0, VARIABLE_TEXT) + "\n…";
    }

    /** The most recent part of a growing text (notes appended over time), cut to fit a string variable. */
    public static String fitVariableKeepingEnd(String text) {
        return text.length() <= VARIABLE_TEXT ? text : text.substring(text.length() - VARIABLE_TEXT);
    }
}
