package dev.gapwise.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Normalises country names from public datasets to ISO 3166-1 alpha-2 codes, so that "United States of
 * America" (Epoch), "United States" (our LMArena map) and "US" (our catalog) are one country.
 *
 * <p>Names the JDK does not know and that are not listed here (for example Epoch's "Multinational") are
 * kept verbatim: they simply match no country filter. Thread-safe: the table is built once and never
 * changed.
 */
public final class Countries {
    private static final Map<String, String> CODE_BY_NAME = buildTable();

    private Countries() {
    }

    /** The ISO code for a name or code, or the stripped name itself when it is not a known country. */
    public static String normalise(String nameOrCode) {
        String stripped = nameOrCode.strip();
        String code = CODE_BY_NAME.get(stripped.toLowerCase(Locale.ROOT));
        return code != null ? code : stripped;
    }

    /** Splits a list such as "United Kingdom of Great Britain and Northern Ireland,United States of America". */
    public static List<String> parseList(String text, char separator) {
        List<String> codes = new ArrayList<>();
        for (String part : text.split(java.util.regex.Pattern.quote(String.valueOf(separator)))) {
            if (!part.isBlank()) {
                String code = normalise(part);
                if (!codes.contains(code)) {
                    codes.add(code);
                }
            }
        }
        return List.copyOf(codes);
    }

    private static Map<String, String> buildTable() {
        Map<String, String> table = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            Locale locale = Locale.of("", code);
            table.put(code.toLowerCase(Locale.ROOT), code);
            table.put(locale.getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
            table.put(locale.getISO3Country().toLowerCase(Locale.ROOT), code);
        }
        // Spellings used by Epoch AI and LMArena that differ from the JDK's English names.
        table.put("united states of america", "US");
        table.put("usa", "US");
        table.put("u.s.", "US");
        table.put("united kingdom of great britain and northern ireland", "GB");
        table.put("uk", "GB");
        table.put("korea (republic of)", "KR");
        table.put("republic of korea", "KR");
        table.put("korea, republic of", "KR");
        table.put("russian federation", "RU");
        table.put("taiwan, province of china", "TW");
        table.put("hong kong", "HK");
        table.put("viet nam", "VN");
        table.put("iran (islamic republic of)", "IR");
        table.put("türkiye", "TR");
        table.put("turkiye", "TR");
        table.put("czechia", "CZ");
        table.put("uae", "AE");
        return Map.copyOf(table);
    }
}
