package io.amoc.shell.render;

import java.util.ArrayList;
import java.util.List;

/**
 * A table whose first column holds names (left-aligned, cut to a width with {@code …}) and whose other columns
 * hold numbers (right-aligned), so it fits a terminal of known width.
 */
final class Columns {

    private static final String GAP = "  ";
    private static final String CUT = "…";

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    Columns(String... header) {
        this.header = List.of(header);
    }

    Columns row(String... cells) {
        rows.add(List.of(cells));
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The lines, the first column at most {@code maxNameWidth} wide. */
    String render(int maxNameWidth) {
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = header.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        widths[0] = Math.min(widths[0], Math.max(header.get(0).length(), maxNameWidth));
        StringBuilder out = new StringBuilder(line(header, widths));
        rows.forEach(row -> out.append('\n').append(line(row, widths)));
        return out.toString();
    }

    /** The width of the columns after the first, gaps included. */
    int numbersWidth() {
        int width = 0;
        for (int c = 1; c < header.size(); c++) {
            int column = header.get(c).length();
            for (List<String> row : rows) {
                column = Math.max(column, row.get(c).length());
            }
            width += GAP.length() + column;
        }
        return width;
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder out = new StringBuilder(fit(cells.get(0), widths[0]));
        for (int c = 1; c < cells.size(); c++) {
            out.append(GAP).append(" ".repeat(widths[c] - cells.get(c).length())).append(cells.get(c));
        }
        return out.toString().stripTrailing();
    }

    private static String fit(String name, int width) {
        if (name.length() > width) {
            return name.substring(0, width - CUT.length()) + CUT;
        }
        return name + " ".repeat(width - name.length());
    }
}
