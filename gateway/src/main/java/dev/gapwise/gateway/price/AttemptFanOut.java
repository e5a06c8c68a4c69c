package dev.gapwise.gateway.price;

import dev.gapwise.gateway.call.Attempt;
import dev.gapwise.gateway.call.AttemptSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.Consumer;

/**
 * The one place each finished attempt goes: it is priced once, then handed in order to every consumer — the
 * ledger first (which makes it durable), then budgets (which settle its reservation), then metrics. A consumer
 * after the first that throws is logged and does not keep the attempt from the others. Thread-safe when the
 * consumers are.
 */
public final class AttemptFanOut implements AttemptSink {
    private static final Logger LOG = LoggerFactory.getLogger(AttemptFanOut.class);

    private final Pricing pricing;
    private final Consumer<PricedAttempt> durable;
    private final List<Consumer<PricedAttempt>> others;

    /**
     * @param durable the ledger: must make the attempt durable before it returns; its failure fails the call
     * @param others  everything else that consumes attempts, in order
     */
    public AttemptFanOut(Pricing pricing, Consumer<PricedAttempt> durable, List<Consumer<PricedAttempt>> others) {
        this.pricing = pricing;
        this.durable = durable;
        this.others = List.copyOf(others);
    }

    @Override
    public void record(Attempt attempt) {
        PricedAttempt priced = pricing.price(attempt);
        durable.accept(priced);
        for (Consumer<PricedAttempt> consumer : others) {
            try {
                consumer.accept(priced);
            } catch (RuntimeException e) {
                LOG.error("an attempt consumer failed on request {} attempt {}", attempt.context().requestId(),
                        attempt.number(), e);
            }
        }
    }
}
