/**
 * Checks of a catalog's own rows against each other and against time: deployments offered by default that are
 * not active, deprecations whose date has passed, prices and scores older than a limit, undocumented regions and
 * statuses, and scores attached to the wrong version of a model (a base model's score on its chat model). The
 * command line prints the findings; the gateway logs the ones that concern what it serves.
 */
package dev.gapwise.catalog.check;
