package dev.gapwise.ui;

import dev.gapwise.catalog.Catalog;
import dev.gapwise.gateway.Gateway;
import dev.gapwise.routing.Router;
import dev.gapwise.routing.policy.Policy;
import dev.gapwise.ui.data.AttemptCsv;
import dev.gapwise.ui.data.RequestLog;
import dev.gapwise.ui.page.DeploymentsPage;
import dev.gapwise.ui.page.GapFigures;
import dev.gapwise.ui.page.GapPage;
import dev.gapwise.ui.page.Html;
import dev.gapwise.ui.page.KeysPage;
import dev.gapwise.ui.page.OverviewPage;
import dev.gapwise.ui.page.PageRequest;
import dev.gapwise.ui.page.RequestsPage;
import dev.gapwise.ui.page.RoutingPage;
import dev.gapwise.ui.page.Sources;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.StringWriter;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard, mounted at {@code /ui} of a running gateway: {@code Dashboard.mount(gateway, …)}. Each request is
 * authenticated ({@link Access}), then its page is rendered on the dashboard's own {@link AdminPool} (2 threads, 16
 * waiting, 10 s deadline), so neither a slow query nor a flood of page views reaches the inference path's threads.
 * A refused viewer gets a sign-in page (401), a 403 or a 503 page, never data. Thread-safe.
 */
public final class Dashboard extends Handler.Abstract implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Dashboard.class);
    private static final int THREADS = 2;
    private static final int QUEUE = 16;

    private final Sources sources;
    private final Access access;
    private final AdminPool pool;
    private final Assets assets = new Assets();

    Dashboard(Sources sources, AdminPool pool) {
        this.sources = sources;
        this.access = new Access(sources.gateway());
        this.pool = pool;
    }

    /** Mounts a dashboard at {@code /ui} of {@code gateway}; {@code router} prices other tiers' choices (optional). */
    public static Dashboard mount(Gateway gateway, Catalog catalog, Policy policy, Optional<Router> router,
                                  InstantSource clock) {
        Dashboard dashboard = new Dashboard(new Sources(gateway, catalog, policy, router, clock,
                new GapFigures(catalog)), new AdminPool(THREADS, QUEUE, Duration.ofSeconds(10)));
        gateway.mount("/ui", dashboard);
        return dashboard;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getPath();
        response.getHeaders().put("Cache-Control", path.startsWith("/ui/assets/") ? "max-age=3600" : "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("Referrer-Policy", "no-referrer");
        response.getHeaders().put("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data:; frame-ancestors 'none'");
        if (path.startsWith("/ui/assets/")) {
            return assets.serve(path.substring("/ui/assets/".length()), response, callback);
        }
        String method = request.getMethod();
        if (path.equals("/ui/login") && method.equals("POST")) {
            login(request, response, callback);
            return true;
        }
        if (path.equals("/ui/logout") && method.equals("POST")) {
            Response.addCookie(response, cookie("", 0));
            send(response, callback, Answer.redirect("/ui", Map.of()));
            return true;
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            send(response, callback, page(405, "Not allowed", "The dashboard only reads: use GET."));
            return true;
        }
        Optional<String> presented = presented(request);
        String remote = Request.getRemoteAddr(request);
        switch (access.decide(presented, remote)) {
            case Access.Decision.Refuse(int status, String message) ->
                    send(response, callback, status == 401 ? loginPage(message, 401) : page(status,
                            status == 403 ? "Not for this browser" : "Unavailable", message));
            case Access.Decision.Let(Viewer viewer) -> {
                PageRequest pageRequest = new PageRequest(viewer, path, query(request), sources.clock().instant());
                send(response, callback, switch (pool.run(() -> route(pageRequest))) {
                    case AdminPool.Outcome.Done<Answer>(Answer answer) -> answer;
                    case AdminPool.Outcome.Busy<Answer> ignored -> page(503, "Busy", "The dashboard is answering "
                            + "other views; retry in a moment (the gateway itself is unaffected).");
                    case AdminPool.Outcome.TimedOut<Answer> ignored -> page(503, "Too slow", "The page took longer "
                            + "than 10 s and was stopped; narrow the range or the filters.");
                    case AdminPool.Outcome.Failed<Answer>(Exception error) -> failed(error);
                });
            }
        }
        return true;
    }

    private Answer failed(Exception error) {
        if (error instanceof PageRequest.BadRequest bad) {
            return page(400, "Bad request", bad.getMessage());
        }
        LOG.warn("dashboard: a page failed: {}", error.toString());
        return page(500, "Failed", "The page could not be read from the database (" + error.getClass().getSimpleName()
                + "); the gateway log has the details.");
    }

    private Answer route(PageRequest request) throws Exception {
        String path = request.path();
        boolean admin = request.viewer() instanceof Viewer.Admin;
        if ((path.equals("/ui/routing") || path.equals("/ui/deployments")) && !admin) {
            return page(403, "Admins only", "This page shows every key's traffic; your key sees its own on the "
                    + "overview, requests and budgets pages.", request.viewer());
        }
        return switch (path) {
            case "/ui", "/ui/" -> Answer.html(200, OverviewPage.render(sources, request));
            case "/ui/routing" -> Answer.html(200, RoutingPage.render(sources, request));
            case "/ui/requests" -> Answer.html(200, RequestsPage.render(sources, request));
            case "/ui/requests.csv" -> csv(request);
            case "/ui/keys" -> Answer.html(200, KeysPage.render(sources, request));
            case "/ui/deployments" -> Answer.html(200, DeploymentsPage.render(sources, request));
            case "/ui/gap" -> Answer.html(200, GapPage.render(sources, request));
            default -> {
                if (path.startsWith("/ui/requests/")) {
                    String id = URLDecoder.decode(path.substring("/ui/requests/".length()), StandardCharsets.UTF_8);
                    yield RequestsPage.detail(sources, request, id).map(html -> Answer.html(200, html))
                            .orElseGet(() -> page(404, "No such request", "No request with that id"
                                    + (admin ? "" : " was made with your key") + ".", request.viewer()));
                }
                yield page(404, "Not found", "No dashboard page at " + path + ".", request.viewer());
            }
        };
    }

    private Answer csv(PageRequest request) throws Exception {
        RequestLog.Filter filter = RequestsPage.filter(request);
        StringWriter out = new StringWriter();
        try (var connection = sources.connection()) {
            AttemptCsv.write(connection, filter, out);
        }
        return Answer.csv("gapwise-attempts" + filter.fromDay().map(d -> "-from-" + d).orElse("")
                + filter.toDay().map(d -> "-to-" + d).orElse("") + ".csv", out.toString());
    }

    private void login(Request request, Response response, Callback callback) {
        String key;
        try {
            Fields fields = Request.getParameters(request);
            key = Optional.ofNullable(fields.getValue("key")).map(String::strip).orElse("");
        } catch (Exception e) {
            send(response, callback, loginPage("The form could not be read; type the key again.", 400));
            return;
        }
        switch (access.decide(Optional.of(key).filter(k -> !k.isEmpty()), Request.getRemoteAddr(request))) {
            case Access.Decision.Let ignored -> {
                Response.addCookie(response, cookie(key, -1));
                send(response, callback, Answer.redirect("/ui", Map.of()));
            }
            case Access.Decision.Refuse(int status, String message) -> send(response, callback, status == 401
                    ? loginPage(message, 401) : page(status, "Refused", message));
        }
    }

    private static HttpCookie cookie(String value, int maxAge) {
        HttpCookie.Builder builder = HttpCookie.build(Access.COOKIE, value).path("/ui").httpOnly(true)
                .sameSite(HttpCookie.SameSite.STRICT);
        if (maxAge >= 0) {
            builder.maxAge(maxAge);
        }
        return builder.build();
    }

    private static Optional<String> presented(Request request) {
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(authorization.substring(7).strip()).filter(k -> !k.isEmpty());
        }
        for (HttpCookie cookie : Request.getCookies(request)) {
            if (cookie.getName().equals(Access.COOKIE) && !cookie.getValue().isBlank()) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> query(Request request) {
        Map<String, String> query = new HashMap<>();
        Fields fields = Request.extractQueryParameters(request);
        for (Fields.Field field : fields) {
            query.put(field.getName(), field.getValue());
        }
        return query;
    }

    private static Answer loginPage(String message, int status) {
        return Answer.html(status, Html.frame("Sign in", "<main class=\"login\"><h1>Gapwise dashboard</h1><p>"
                + Html.esc(message) + "</p><form method=\"post\" action=\"/ui/login\"><label>Key <input type=\"password\""
                + " name=\"key\" autocomplete=\"off\" autofocus></label> <button type=\"submit\">Sign in</button></form>"
                + "<p class=\"note\">The key is kept in an HttpOnly cookie for this site only; it never goes into a URL."
                + "</p></main>"));
    }

    private static Answer page(int status, String title, String message) {
        return Answer.html(status, Html.frame(title, "<main><h1>" + Html.esc(title) + "</h1><p class=\"refusal\">"
                + Html.esc(message) + "</p></main>"));
    }

    private static Answer page(int status, String title, String message, Viewer viewer) {
        return Answer.html(status, Html.page(title, "", viewer, "<p class=\"refusal\">" + Html.esc(message) + "</p>"));
    }

    private static void send(Response response, Callback callback, Answer answer) {
        response.setStatus(answer.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
        answer.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        response.write(true, ByteBuffer.wrap(answer.body()), callback);
    }

    @Override
    public void close() {
        pool.close();
    }
}
