package vn.haiphong.dx.web.monitor;

import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;

/**
 * Vietnamese alphabetical order for everything the pages list by name: Ă and Â after A, Đ after D, Ê after E, Ô and Ơ
 * after O, Ư after U, and a tone after its base letter (ngang, huyền, hỏi, ngã, sắc, nặng). {@code String} order puts
 * every letter with a diacritic after Z ("Ủy ban …" after "Văn phòng …").
 */
final class VietnameseOrder {

    /** Shared: {@code RuleBasedCollator.compare} is synchronized. Decomposed input (NFD) sorts like composed. */
    private static final Collator COLLATOR = collator();

    static final Comparator<String> TEXT = COLLATOR::compare;

    private VietnameseOrder() {
    }

    static <T> Comparator<T> by(Function<T, String> name) {
        return Comparator.comparing(name, TEXT);
    }

    private static Collator collator() {
        Collator collator = Collator.getInstance(Locale.forLanguageTag("vi"));
        collator.setDecomposition(Collator.CANONICAL_DECOMPOSITION);
        return collator;
    }
}
