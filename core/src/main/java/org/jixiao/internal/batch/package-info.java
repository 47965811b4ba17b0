/**
 * Batch machinery, independent of what a file holds: an ordered worker pool with a per-item time
 * budget and error isolation ({@link org.jixiao.internal.batch.OrderedPool}), the resumable spool of
 * finished inputs ({@link org.jixiao.internal.batch.Journal}) and progress reporting
 * ({@link org.jixiao.internal.batch.Progress}). Input: items (paths) and a job; output: results in input
 * order. Allowed imports: the JDK, {@code write} (rendered rows), commons-csv. Wired by {@code cli}.
 *
 * <p>Internal to jixiao, not API: may change in any release (see {@link org.jixiao}).
 */
package org.jixiao.internal.batch;
