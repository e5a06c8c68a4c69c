package dev.gapwise.catalog.imports;

import dev.gapwise.catalog.Dataset;
import dev.gapwise.catalog.Deployment;

import java.nio.file.Path;
import java.util.List;

/**
 * What an import found: the datasets it built, every file it read (and as what), every file it did not
 * use (and why), and notes about rows it skipped. Immutable.
 *
 * @param datasets    the datasets read, in folder order
 * @param deployments deployments from a Gapwise-format catalog folder, if one was imported
 * @param used        files read, with what each was recognised as
 * @param unused      files not used, with the reason
 * @param notes       row-level remarks (rows skipped, fields defaulted)
 * @param references  files of published reference figures found on the way
 * @param families    task families from a Gapwise-format catalog folder, if one defined them
 */
public record ImportReport(List<Dataset> datasets, List<Deployment> deployments, List<FileNote> used,
                           List<FileNote> unused, List<String> notes, List<Path> references,
                           java.util.Optional<dev.gapwise.catalog.TaskFamilies> families) {
    public ImportReport {
        datasets = List.copyOf(datasets);
        deployments = List.copyOf(deployments);
        used = List.copyOf(used);
        unused = List.copyOf(unused);
        notes = List.copyOf(notes);
        references = List.copyOf(references);
    }

    /**
     * A file and what was made of it.
     *
     * @param file the file
     * @param note what it was recognised as, or why it was not used
     */
    public record FileNote(Path file, String note) {
    }
}
