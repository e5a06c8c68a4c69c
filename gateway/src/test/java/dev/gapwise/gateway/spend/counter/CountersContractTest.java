package dev.gapwise.gateway.spend.counter;

import dev.gapwise.gateway.Redis;
import dev.gapwise.gateway.config.RedisConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The same contract for the in-memory counters and the Redis ones: all-or-nothing, expiry, idempotent settles. */
class CountersContractTest {
    private interface Body {
        void run(Counters counters) throws Exception;
    }

    private static void with(String kind, Body body) throws Exception {
        if (kind.equals("memory")) {
            try (Counters counters = new LocalCounters(InstantSource.system())) {
                body.run(counters);
            }
            return;
        }
        try (Redis redis = Redis.fresh();
             Counters counters = new RedisCounters(RedisConfig.at(URI.create("redis://127.0.0.1:" + Redis.PORT + "/0"))
                     .withPrefix(redis.prefix()), Optional.empty())) {
            body.run(counters);
        }
    }

    private static Counters.BudgetCharge budget(String counter, long limit, long amount) {
        return new Counters.BudgetCharge(counter, limit, true, amount, Optional.of(Instant.now().plusSeconds(3600)));
    }

    private static Counters.Charge charge(String id, List<Counters.BudgetCharge> budgets, List<Counters.LimitCharge> limits,
                                          Duration ttl) {
        return new Counters.Charge(id, budgets, limits, ttl);
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "redis"})
    void aChargeThatDoesNotFitOneBudgetTakesNothingFromTheOthers(String kind) throws Exception {
        with(kind, counters -> {
            assertThat(counters.admit(charge("r1", List.of(budget("a", 100, 60)), List.of(), Duration.ofMinutes(1))))
                    .isInstanceOf(Counters.Admission.Unseeded.class);
            counters.seed("a", 0, Optional.empty());
            counters.seed("b", 50, Optional.empty());

            Counters.Admission refused = counters.admit(charge("r1", List.of(budget("a", 100, 60), budget("b", 100, 60)),
                    List.of(new Counters.LimitCharge("rl:x", 5, 60_000_000, 1)), Duration.ofMinutes(1)));

            assertThat(refused).isEqualTo(new Counters.Admission.OverBudget(1, new Counters.Level(50, 0)));
            assertThat(counters.peek(List.of("a", "b"))).isEqualTo(new Counters.Peek.Levels(List.of(
                    Optional.of(new Counters.Level(0, 0)), Optional.of(new Counters.Level(50, 0)))));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "redis"})
    void aReservationNeverSettledIsReclaimedWhenItExpires(String kind) throws Exception {
        with(kind, counters -> {
            counters.seed("w", 0, Optional.empty());
            assertThat(counters.admit(charge("orphan", List.of(budget("w", 100, 80)), List.of(), Duration.ofMillis(100))))
                    .isInstanceOf(Counters.Admission.Admitted.class);
            assertThat(counters.admit(charge("next", List.of(budget("w", 100, 80)), List.of(), Duration.ofMinutes(1))))
                    .isInstanceOf(Counters.Admission.OverBudget.class);

            Thread.sleep(200);

            assertThat(counters.admit(charge("next", List.of(budget("w", 100, 80)), List.of(), Duration.ofMinutes(1))))
                    .isInstanceOf(Counters.Admission.Admitted.class);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "redis"})
    void aSettleCountsOnceHoweverOftenItIsSent(String kind) throws Exception {
        with(kind, counters -> {
            counters.seed("s", 10, Optional.empty());
            counters.admit(charge("r", List.of(budget("s", 1_000, 500)), List.of(), Duration.ofMinutes(1)));
            Counters.Settle settle = new Counters.Settle("r", List.of(new Counters.BudgetSettle("s", 120)), List.of());

            assertThat(counters.settle(settle)).isEqualTo(new Counters.Settlement.Done(List.of(130L)));
            counters.settle(settle);

            assertThat(counters.peek(List.of("s"))).isEqualTo(new Counters.Peek.Levels(List.of(
                    Optional.of(new Counters.Level(130, 0)))));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "redis"})
    void aRateLimitLetsItsAmountThroughAtOnceThenOneEveryPeriodOverAmount(String kind) throws Exception {
        with(kind, counters -> {
            Counters.LimitCharge limit = new Counters.LimitCharge("rl:k", 4, 8_000_000, 1);
            for (int i = 0; i < 4; i++) {
                assertThat(counters.admit(charge("q" + i, List.of(), List.of(limit), Duration.ofMinutes(1))))
                        .isInstanceOf(Counters.Admission.Admitted.class);
            }
            Counters.Admission throttled = counters.admit(charge("q4", List.of(), List.of(limit), Duration.ofMinutes(1)));

            assertThat(throttled).isInstanceOfSatisfying(Counters.Admission.Throttled.class, t -> {
                assertThat(t.retryAfterMicros()).isBetween(1_500_000L, 2_000_000L);
                assertThat(t.limits().getFirst().remaining()).isZero();
            });
            assertThat(counters.admit(charge("big", List.of(),
                    List.of(new Counters.LimitCharge("rl:t", 100, 60_000_000, 101)), Duration.ofMinutes(1))))
                    .isEqualTo(new Counters.Admission.Oversized(0));
        });
    }
}
