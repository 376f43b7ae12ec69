package vn.haiphong.dx.support;

/** Whether a text a person reads is Vietnamese: it has the letters only Vietnamese writes (ă, ơ, đ, tones …). */
public final class VietnameseText {

    private static final String LETTERS = "ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ";

    private VietnameseText() {
    }

    public static boolean isVietnamese(String text) {
        return text != null && text.chars().anyMatch(c -> LETTERS.indexOf(Character.toLowerCase(c)) >= 0);
    }
}
