package dev.autopilot.adaptation.apply;

/**
 * Told after each partition of a fill, so that whoever runs the fill can record where to resume, report its pace and
 * stop it when it no longer owns the work.
 */
@FunctionalInterface
public interface FillProgress {
    /**
     * @param nextPartition the first partition not filled yet
     * @param rows rows filled by this run so far
     * @param niceRatio the fill's pause after each batch now, as a share of the batch's time (see {@link FillThrottle})
     * @return whether to go on
     */
    boolean partitionFilled(int nextPartition, long rows, double niceRatio);
}
