package io.amoc.shell.render;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table: a header row and data rows, columns padded to their widest cell, numbers right-aligned.
 */
public final class Table {

    private static final String GAP = "  ";
    private static final String NUMBER = "-?[0-9][0-9,./ ]*";
    private static final String NONE = "-";

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(String... header) {
        this.header = List.of(header);
    }

    public Table row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of " + header.size());
        }
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(String.valueOf(cell));
        }
        rows.add(row);
        return this;
    }

    public int size() {
        return rows.size();
    }

    /** The table as lines joined by newlines, without a trailing newline or trailing blanks. */
    public String render() {
        int[] widths = new int[header.size()];
        boolean[] numeric = new boolean[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = header.get(c).length();
            boolean allNumbers = true;
            boolean anyNumber = false;
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
                boolean number = row.get(c).matches(NUMBER);
                anyNumber |= number;
                allNumbers &= number || row.get(c).equals(NONE);
            }
            numeric[c] = allNumbers && anyNumber;
        }
        StringBuilder out = new StringBuilder(line(header, widths, numeric));
        for (List<String> row : rows) {
            out.append('\n').append(line(row, widths, numeric));
        }
        return out.toString();
    }

    private static String line(List<String> cells, int[] widths, boolean[] numeric) {
        StringBuilder out = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String padding = " ".repeat(widths[c] - cell.length());
            out.append(c == 0 ? "" : GAP).append(numeric[c] ? padding + cell : cell + padding);
        }
        return out.toString().stripTrailing();
    }
}
