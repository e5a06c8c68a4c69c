/**
 * The Anthropic Messages dialect ({@code POST /v1/messages}, named stream events), both as an ingress and as an
 * upstream; see {@link dev.gapwise.gateway.dialect} for the files every dialect package has.
 */
package dev.gapwise.gateway.dialect.anthropic;
