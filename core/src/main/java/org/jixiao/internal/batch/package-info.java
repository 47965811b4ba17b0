/**
 * Batch machinery, independent of what a file holds: an ordered worker pool with a per-item time
 * budget and error isolation ({@link org.jixiao.internal.batch.OrderedPool}), the resumable spool of
 * finished inputs ({@link org.jixiao.internal.batch.Journal}) and progress reporting
 * ({@link org.jixiao.internal.batch.Progress}), worker processes a file can be given to and killed
 * in ({@link org.jixiao.internal.batch.WorkerPool}), and which files need one
 * ({@link org.jixiao.internal.batch.InProcessLimits}). Input: items (paths) and a job; output: results in input
 * order. Allowed imports: the JDK, {@code write} (rendered rows), commons-csv. Wired by {@code cli}.
 *
 * <p>Internal to jixiao, not API: may change in any release (see {@link org.jixiao}).
 */
package org.jixiao.internal.batch;
