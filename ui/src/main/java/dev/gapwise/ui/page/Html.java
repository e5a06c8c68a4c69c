package dev.gapwise.ui.page;

import dev.gapwise.gateway.ledger.LedgerRow;
import dev.gapwise.ui.Viewer;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Escaping, money and the page frame shared by every page. Stateless. */
public final class Html {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The navigation: path and label; a key holder sees only the self-service ones. */
    private record Link(String path, String label, boolean adminOnly) {
    }

    private static final List<Link> NAV = List.of(new Link("/ui", "Overview", false),
            new Link("/ui/routing", "Routing", true), new Link("/ui/requests", "Requests", false),
            new Link("/ui/keys", "Keys & budgets", false), new Link("/ui/deployments", "Deployments", true),
            new Link("/ui/gap", "The gap", false));

    private Html() {
    }

    /** Text made safe for HTML element content and quoted attributes. */
    public static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Nano-USD as dollars with six decimals, as {@code gapwise ledger} prints them. */
    public static String usd(long nanos) {
        return usd(LedgerRow.usd(nanos));
    }

    public static String usd(BigDecimal usd) {
        return usd.setScale(6, RoundingMode.HALF_UP).toPlainString();
    }

    /** A cost that may include unpriced attempts: never a bare $0 for traffic without a price. */
    public static String cost(long nanos, long unpriced) {
        if (unpriced > 0 && nanos == 0) {
            return "<span class=\"unpriced\" title=\"no price: the cost is unknown\">unpriced (" + unpriced
                    + " attempts)</span>";
        }
        return "$" + usd(nanos) + (unpriced > 0 ? " <span class=\"unpriced\" title=\"their cost is unknown and not in "
                + "the sum\">+ " + unpriced + " unpriced</span>" : "");
    }

    /** Microseconds as milliseconds for people. */
    public static String millis(java.util.OptionalLong micros) {
        if (micros.isEmpty()) {
            return "–";
        }
        long us = micros.getAsLong();
        return us >= 10_000 ? (us / 1_000) + " ms" : BigDecimal.valueOf(us, 3).stripTrailingZeros().toPlainString() + " ms";
    }

    /** A share as a percentage with one decimal, or – when the whole is zero. */
    public static String percent(long part, long whole) {
        return whole == 0 ? "–" : BigDecimal.valueOf(part * 1000L / whole, 1).toPlainString() + " %";
    }

    /** A chart: an ECharts option drawn by app.js; {@code label} describes it for tests and screen readers. */
    public static String chart(String id, String label, Object option) {
        return "<div class=\"chart\" id=\"" + esc(id) + "\" role=\"img\" aria-label=\"" + esc(label)
                + "\" data-chart=\"" + esc(JSON.writeValueAsString(option)) + "\"></div>";
    }

    /** The whole page: head, navigation for the viewer, the body. */
    public static String page(String title, String path, Viewer viewer, String body) {
        StringBuilder nav = new StringBuilder();
        for (Link link : NAV) {
            if (link.adminOnly() && !(viewer instanceof Viewer.Admin)) {
                continue;
            }
            nav.append("<a href=\"").append(link.path()).append('"')
                    .append(link.path().equals(path) ? " class=\"active\"" : "").append('>')
                    .append(esc(link.label())).append("</a>");
        }
        String who = switch (viewer) {
            case Viewer.Admin admin -> "admin (" + esc(admin.how()) + ")";
            case Viewer.KeyHolder holder -> "key " + esc(holder.name()) + " — your own spend only";
        };
        return frame(title, "<header><span class=\"brand\">Gapwise</span><nav>" + nav + "</nav><span class=\"who\">"
                + who + " <form method=\"post\" action=\"/ui/logout\" class=\"inline\"><button>Sign out</button>"
                + "</form></span></header><main><h1>" + esc(title) + "</h1>" + body + "</main>");
    }

    /** A page without navigation (sign-in, refusals). */
    public static String frame(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width, initial-scale=1\"><title>" + esc(title) + " — Gapwise</title>"
                + "<link rel=\"stylesheet\" href=\"/ui/assets/app.css\"><script src=\"/ui/assets/echarts.min.js\" defer>"
                + "</script><script src=\"/ui/assets/app.js\" defer></script></head><body>" + body + "</body></html>";
    }
}
