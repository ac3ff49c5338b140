package org.cim4j.jdbc.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Address lines in one column: lines joined by a newline, with backslash and newline inside a line
 * escaped, so any list (including empty lines and lines containing newlines) round-trips exactly.
 * An empty list is stored as SQL NULL. Public (in an internal package) so that code reading cim4j's
 * tables directly, such as the benchmarks' raw JDBC and Hibernate peers, uses this one codec.
 */
public final class Lines {
    private Lines() {
    }

    public static @Nullable String encode(List<String> lines) {
        if (lines.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                sb.append('\n');
            }
            String line = lines.get(i);
            for (int j = 0; j < line.length(); j++) {
                char ch = line.charAt(j);
                if (ch == '\\') {
                    sb.append("\\\\");
                } else if (ch == '\n') {
                    sb.append("\\n");
                } else {
                    sb.append(ch);
                }
            }
        }
        return sb.toString();
    }

    public static List<String> decode(@Nullable String text) {
        if (text == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                cur.append(next == 'n' ? '\n' : next);
            } else if (ch == '\n') {
                lines.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        lines.add(cur.toString());
        return lines;
    }
}
