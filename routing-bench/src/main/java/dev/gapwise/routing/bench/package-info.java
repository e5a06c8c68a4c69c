/** JMH benchmarks of the routing fast path (features, classifiers, a whole decision). Not part of ./test. */
package dev.gapwise.routing.bench;
