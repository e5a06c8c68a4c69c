/** The Anthropic Messages dialect ({@code POST /v1/messages}, named stream events). */
package dev.gapwise.gateway.provider.anthropic;
