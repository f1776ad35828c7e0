package org.vietpol.serve;

/**
 * How deeply a SPARQL text nests brackets ({@code { ( [}), counted outside strings, IRIs and comments. Jena's
 * parser recurses once per level: a query nested thousands deep exhausts a request thread's stack, so such a
 * query is refused as a client error before it is parsed.
 */
final class QueryDepth {
    /** The deepest nesting accepted: far beyond any query a person writes, far below what the parser survives. */
    static final int MAX = 200;

    private QueryDepth() {}

    /** Why the text is refused, or null when it nests at most {@link #MAX} deep (or is null). */
    static String problem(String text) {
        if (text == null) return null;
        int depth = depth(text);
        return depth > MAX ? "the query nests brackets " + depth + " deep; at most " + MAX + " are accepted" : null;
    }

    static int depth(String s) {
        int depth = 0, max = 0, n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '{', '(', '[' -> max = Math.max(max, ++depth);
                case '}', ')', ']' -> depth = Math.max(0, depth - 1);
                case '#' -> {
                    while (i < n && s.charAt(i) != '\n') i++;
                }
                case '"', '\'' -> {
                    boolean longString = i + 2 < n && s.charAt(i + 1) == c && s.charAt(i + 2) == c;
                    if (longString) {
                        int end = s.indexOf(String.valueOf(c).repeat(3), i + 3);
                        i = end < 0 ? n : end + 2;
                    } else {
                        i++;
                        while (i < n && s.charAt(i) != c && s.charAt(i) != '\n') {
                            if (s.charAt(i) == '\\') i++;
                            i++;
                        }
                    }
                }
                case '<' -> { // an IRI when it closes before any space; otherwise the operator
                    int j = i + 1;
                    while (j < n && s.charAt(j) > ' ' && s.charAt(j) != '>' && s.charAt(j) != '<'
                            && s.charAt(j) != '"' && s.charAt(j) != '{' && s.charAt(j) != '}') j++;
                    if (j < n && s.charAt(j) == '>') i = j;
                }
                default -> { }
            }
        }
        return max;
    }
}
