package org.vietpol.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict reader for the DOT subset the exporter writes: {@code digraph ID { ... }} with node, edge and default
 * attribute statements, IDs bare or double-quoted. Anything else (an unquoted '<', an unbalanced quote, a stray
 * token) is a syntax error. Quoted strings come back unescaped the way Graphviz shows labels: \" is ", \\ is \,
 * \n a line break.
 */
final class DotReader {
    record Dot(String name, Map<String, Map<String, String>> nodes, List<Edge> edges) {}

    record Edge(String source, String target, Map<String, String> attributes) {}

    private record Token(String text, boolean quoted) {
        boolean is(String s) {
            return !quoted && text.equals(s);
        }
    }

    private final List<Token> tokens;
    private int at;

    private DotReader(String text) {
        this.tokens = tokenize(text);
    }

    static Dot parse(String text) {
        return new DotReader(text).graph();
    }

    private Dot graph() {
        expect("digraph");
        String name = id();
        expect("{");
        Map<String, Map<String, String>> nodes = new LinkedHashMap<>();
        List<Edge> edges = new ArrayList<>();
        while (!peek().is("}")) {
            Token t = peek();
            if (t.is("graph") || t.is("node") || t.is("edge")) {
                next();
                attributes();
            } else {
                String a = id();
                if (peek().is("->")) {
                    next();
                    String b = id();
                    edges.add(new Edge(a, b, peek().is("[") ? attributes() : Map.of()));
                } else {
                    if (nodes.containsKey(a)) throw error("node declared twice: " + a);
                    nodes.put(a, peek().is("[") ? attributes() : Map.of());
                }
            }
            if (peek().is(";")) next();
        }
        expect("}");
        if (at != tokens.size()) throw error("text after the graph");
        return new Dot(name, nodes, edges);
    }

    private Map<String, String> attributes() {
        expect("[");
        Map<String, String> out = new LinkedHashMap<>();
        while (!peek().is("]")) {
            String k = id();
            expect("=");
            if (out.put(k, id()) != null) throw error("attribute given twice: " + k);
            if (peek().is(",") || peek().is(";")) next();
        }
        expect("]");
        return out;
    }

    private String id() {
        Token t = next();
        if (t.quoted() || t.text().matches("[A-Za-z_][A-Za-z0-9_]*|-?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)")) return t.text();
        throw error("expected an ID, got '" + t.text() + "'");
    }

    private void expect(String s) {
        Token t = next();
        if (!t.is(s)) throw error("expected '" + s + "', got '" + t.text() + "'");
    }

    private Token peek() {
        if (at >= tokens.size()) throw error("unexpected end");
        return tokens.get(at);
    }

    private Token next() {
        Token t = peek();
        at++;
        return t;
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException("DOT syntax error at token " + at + ": " + message);
    }

    private static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                StringBuilder b = new StringBuilder();
                i++;
                while (true) {
                    if (i >= s.length()) throw new IllegalArgumentException("DOT syntax error: unterminated string");
                    char d = s.charAt(i++);
                    if (d == '"') break;
                    if (d == '\n') throw new IllegalArgumentException("DOT syntax error: raw line break in a string");
                    if (d == '\\' && i < s.length()) {
                        char e = s.charAt(i++);
                        switch (e) {
                            case '"' -> b.append('"');
                            case '\\' -> b.append('\\');
                            case 'n' -> b.append('\n');
                            default -> b.append('\\').append(e);
                        }
                    } else {
                        b.append(d);
                    }
                }
                out.add(new Token(b.toString(), true));
            } else if (s.startsWith("->", i)) {
                out.add(new Token("->", false));
                i += 2;
            } else if ("{}[];,=".indexOf(c) >= 0) {
                out.add(new Token(String.valueOf(c), false));
                i++;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-') {
                int j = i;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || "_.-".indexOf(s.charAt(j)) >= 0)
                        && !s.startsWith("->", j)) j++;
                out.add(new Token(s.substring(i, j), false));
                i = j;
            } else {
                throw new IllegalArgumentException("DOT syntax error: unexpected character '" + c + "'");
            }
        }
        return out;
    }
}
