package vn.haiphong.dx.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's agencies: copies of the Kẻ Sặt plan (ten units, its metrics and targets), each with its own
 * code and agency, running the twelve months of {@value #YEAR}.
 */
final class PlanFiles {

    static final int YEAR = 2027;
    static final String PREFIX = "bench-";
    private static final Pattern DATE = Pattern.compile("\\b2025-(\\d\\d)-(\\d\\d)\\b");

    private PlanFiles() {
    }

    static String planCode(int agency) {
        return String.format(PREFIX + "%04d", agency);
    }

    /** Writes one plan file per agency into the folder; returns the Spring location of the files. */
    static String write(Path folder, int agencies) throws IOException {
        String template;
        try (InputStream in = PlanFiles.class.getResourceAsStream("/plans/kesat-ncds-2025.yaml")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.createDirectories(folder);
        for (int agency = 1; agency <= agencies; agency++) {
            Files.writeString(folder.resolve(planCode(agency) + ".yaml"), plan(template, agency));
        }
        return "file:" + folder.toAbsolutePath() + "/*.yaml";
    }

    private static String plan(String template, int agency) {
        String text = template.replace("code: kesat-ncds-2025", "code: " + planCode(agency))
                .replace("  code: KESAT\n", "  code: B" + String.format("%04d", agency) + "\n")
                .replace("UBND xã Kẻ Sặt", "UBND xã thử nghiệm số " + agency)
                .replace("  start: 2025-10-01\n  end: 2025-12-31\n  label: \"quý IV/2025\"",
                        "  start: " + YEAR + "-01-01\n  end: " + YEAR + "-12-31\n  label: \"năm " + YEAR + "\"");
        Matcher dates = DATE.matcher(text);
        StringBuilder shifted = new StringBuilder();
        while (dates.find()) {
            boolean start = dates.group(1).equals("10") && dates.group(2).equals("01");
            dates.appendReplacement(shifted, start ? YEAR + "-01-01" : YEAR + "-$1-$2");
        }
        return dates.appendTail(shifted).toString();
    }
}
