/**
 * The dialect layer: every wire API the gateway speaks, to clients and to upstreams, one package each ({@code
 * openai}, {@code anthropic}, …) with the same files, over a neutral package ({@code neutral}) they all translate
 * through.
 *
 * <h2>What a dialect is</h2>
 * A {@link dev.gapwise.gateway.dialect.WireDialect} record of three parts:
 * <ul>
 *   <li>{@link dev.gapwise.gateway.dialect.DialectIngress}: the client endpoint's path, its request checks (a 400 in
 *   the dialect's error shape names what is wrong), its error body and stream error event, its rate-limit headers;</li>
 *   <li>{@link dev.gapwise.gateway.dialect.DialectMapping}: requests, complete answers and streams to and from the
 *   neutral {@link dev.gapwise.gateway.dialect.neutral.Chat}, {@link dev.gapwise.gateway.dialect.neutral.Reply} and
 *   {@link dev.gapwise.gateway.dialect.neutral.StreamEvent} (a {@link dev.gapwise.gateway.dialect.StreamDecoder}
 *   for upstream streams, a {@link dev.gapwise.gateway.dialect.StreamEncoder} for client streams), plus the
 *   same-dialect pass-through stream;</li>
 *   <li>{@link dev.gapwise.gateway.dialect.DialectUpstream}: the upstream URL, authentication headers, the request
 *   as sent (model set, stream usage asked for), billed usage, a {@link dev.gapwise.gateway.dialect.StreamTracker}
 *   that says when a stream ended cleanly, and the message of an error body.</li>
 * </ul>
 * {@link dev.gapwise.gateway.dialect.Translation} joins any two: same dialect passes through untouched (fields with
 * no neutral meaning survive), different dialects go client → neutral → upstream and back. A part one side cannot
 * carry is refused, naming it (a 400 in the client's dialect), or dropped with a note where it changes nothing
 * the client relies on (thinking blocks to Chat Completions).
 *
 * <h2>Files of a dialect package {@code dialect/x}</h2>
 * {@code XWire} (paths, event names, wire records), {@code XIngress}, {@code XMapping}, {@code XStream} (decoder,
 * encoder, pass-through), {@code XUpstream}, and {@code XDialect} holding the one {@code WireDialect} constant.
 *
 * <h2>Adding a dialect</h2>
 * <ol>
 *   <li>Add a constant to {@link dev.gapwise.gateway.dialect.DialectKind}. The build then fails at {@link
 *   dev.gapwise.gateway.dialect.Dialects#of}: return the new {@code XDialect.DIALECT} there. Its ingress path is
 *   served from then on (the ingress loops over {@code DialectKind.values()}).</li>
 *   <li>If upstreams speak it, map the catalog's {@link dev.gapwise.catalog.Dialect} to it in {@link
 *   dev.gapwise.gateway.dialect.DialectKind#upstreamOf} (Gemini's seam: it returns empty today, so Gemini
 *   deployments are skipped at start with a note and a config naming {@code dialect: gemini} is refused).</li>
 *   <li>Write the mapping against the neutral records; every {@code switch} over {@link
 *   dev.gapwise.gateway.dialect.neutral.Part} and {@link dev.gapwise.gateway.dialect.neutral.StreamEvent} is
 *   exhaustive, so a new part or event kind is a compile error in every dialect until each says what it does.</li>
 *   <li>Add the dialect's line to the contract suite's list of dialects: it then runs against every other one.</li>
 * </ol>
 * Optional capabilities are default methods that say "none": {@code DialectIngress.countTokensPath} (with {@code
 * parseCount}), {@code forwardedHeaders}, {@code modelList} (OpenAI's list shape) and {@code
 * DialectUpstream.countEndpoint}; override them when the dialect has the capability.
 *
 * Everything here is stateless and thread-safe except the per-stream decoders, encoders, trackers and translators.
 */
package dev.gapwise.gateway.dialect;
