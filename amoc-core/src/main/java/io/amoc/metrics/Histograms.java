package io.amoc.metrics;

import org.HdrHistogram.Histogram;

import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;

/** HdrHistograms to and from the compressed bytes that travel in a {@link MetricsSnapshot}. */
public final class Histograms {

    private Histograms() {
    }

    /** An empty histogram with amoc's precision, growing as needed. */
    public static Histogram empty() {
        return new Histogram(TimeReservoir.SIGNIFICANT_DIGITS);
    }

    /**
     * The histogram as compressed bytes. Compressed for speed, not size: snapshots are taken every second during a
     * run and the counts compress well at any level.
     */
    public static byte[] encode(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer, Deflater.BEST_SPEED);
        byte[] bytes = new byte[length];
        buffer.flip();
        buffer.get(bytes);
        return bytes;
    }

    /** The histogram in {@code bytes}; bytes that are not one give a {@link BadHistogramException}. */
    public static Histogram decode(byte[] bytes) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
        } catch (DataFormatException | RuntimeException e) {
            throw new BadHistogramException(e);
        }
    }
}
