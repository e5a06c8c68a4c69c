package dev.gapwise.gateway.shadow;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** What a shadow runner and its jobs have done, counted without locks. Thread-safe. */
final class ShadowCounters {
    final AtomicLong sampled = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
    final AtomicLong overBudget = new AtomicLong();
    final AtomicLong calls = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong rows = new AtomicLong();
    final AtomicInteger running = new AtomicInteger();
}
