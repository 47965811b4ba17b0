/**
 * jixiao's library entry point: {@link org.jixiao.Jixiao} runs the whole pipeline (read,
 * normalize, extract, score) on one file and returns its records and failure, with no command
 * line and no static mutable state, so other Java code or a distributed job can call it.
 */
package org.jixiao;
