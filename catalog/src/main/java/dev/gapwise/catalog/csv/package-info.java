/**
 * Reading CSV files through FastCSV with the checks every reader needs: required columns, typed fields,
 * strict UTF-8, and errors that name file, line, column and value. Internal to the catalog's readers.
 */
package dev.gapwise.catalog.csv;
