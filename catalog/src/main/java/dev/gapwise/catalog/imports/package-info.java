/**
 * Importing a folder of public data: every CSV is recognised by its header (not its file name, so renamed
 * files still work), grouped with the files it belongs with, and read by its source's reader. Files that
 * are not recognised are listed with the reason, never skipped silently.
 */
package dev.gapwise.catalog.imports;
