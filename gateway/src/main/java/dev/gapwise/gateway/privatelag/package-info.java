/**
 * What a gateway's own shadow calls say, read back from {@code shadow_call}, {@code shadow_feedback} and the
 * ledger: the private lag report ({@link dev.gapwise.gateway.privatelag.LagReport}: per task label and tier, how
 * often each cheaper deployment's answer was acceptable against the dearer one, with a 95 % Wilson interval, what it
 * would save, the public lag beside it and a recommendation only when the interval clears the owner's threshold),
 * the distillation export ({@link dev.gapwise.gateway.privatelag.DistillExport}) and the outcomes in the generic
 * shape {@code gapwise eval routing --outcomes} reads ({@link dev.gapwise.gateway.privatelag.OutcomesExport}).
 * Offline: nothing here runs on the request path. Shaped as one reader ({@link
 * dev.gapwise.gateway.privatelag.ShadowLog}) then pure computations then writers.
 */
package dev.gapwise.gateway.privatelag;
