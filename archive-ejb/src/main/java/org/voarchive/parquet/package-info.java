/**
 * Apache Parquet files written by the archive itself, streaming: rows are buffered one row group at a time in
 * column buffers and written out, so memory does not grow with the row count. Only what a table result needs:
 * flat columns of booleans, integers, floating-point numbers and strings, and one-dimensional arrays of them as
 * Parquet LISTs; PLAIN values, definition and repetition levels in the RLE/bit-packed hybrid, one uncompressed
 * data page per column chunk, and key-value metadata in the footer. Written here rather than with parquet-mr
 * because that library needs Hadoop and materialises row groups through its own object model; the format needed
 * for this is small.
 */
package org.voarchive.parquet;
