package dev.gapwise.catalog.lmarena;

import dev.gapwise.catalog.Countries;
import dev.gapwise.catalog.csv.CsvRow;
import dev.gapwise.catalog.csv.CsvTable;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps LMArena organisation strings to developer countries (ISO codes). Lookup ignores case (spellings differing only in case must agree); an
 * organisation not in the map, or mapped to "Unknown", has no country. Immutable.
 */
public final class OrganizationCountries {
    private static final OrganizationCountries EMPTY = new OrganizationCountries(Map.of());
    private final Map<String, String> countryByOrganization;

    private OrganizationCountries(Map<String, String> countryByOrganization) {
        this.countryByOrganization = Map.copyOf(countryByOrganization);
    }

    /** A map that knows no organisation (when no map file is given). */
    public static OrganizationCountries empty() {
        return EMPTY;
    }

    /** True when the header is that of an organisation → country map. */
    public static boolean matches(List<String> header) {
        return header.size() >= 2 && header.get(0).equals("organization") && header.get(1).equals("country");
    }

    public static OrganizationCountries read(CsvTable table) {
        table.require("organization", "country");
        Map<String, String> map = new HashMap<>();
        for (CsvRow row : table.rows()) {
            String organization = row.requiredText("organization").toLowerCase(Locale.ROOT);
            String country = row.requiredText("country");
            String previous = map.putIfAbsent(organization, country);
            if (previous != null && !previous.equalsIgnoreCase(country)) {
                throw row.error("organization", "'" + row.text("organization") + "' is mapped to both "
                        + previous + " and " + country);
            }
        }
        return new OrganizationCountries(map);
    }

    /** The developer countries of an organisation; empty when unknown. */
    public List<String> countriesOf(String organization) {
        String country = countryByOrganization.get(organization.strip().toLowerCase(Locale.ROOT));
        if (country == null || country.equalsIgnoreCase("unknown")) {
            return List.of();
        }
        return List.of(Countries.normalise(country));
    }

    public int size() {
        return countryByOrganization.size();
    }
}
