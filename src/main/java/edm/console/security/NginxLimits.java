package edm.console.security;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code limit_req} lines of {@code nginx -T}'s output with the blocks they sit in, so that one can ask
 * which apply to a path: those of http and server are inherited by every location that sets none of its own.
 */
final class NginxLimits {
    private static final Pattern FILE_HEADER = Pattern.compile("# configuration file (.+):");
    private static final Pattern LOCATION = Pattern.compile("location\\s+(=|\\^~|~\\*?)?\\s*(\\S+)\\s*\\{");

    /** One limit_req line: where, and the location it is in (null: server or http level). */
    record Limit(String file, int line, String text, String location, String modifier) {
        String where() {
            return file + ":" + line + " " + text;
        }
    }

    /** A location block and whether it sets limit_req itself. */
    record Location(String modifier, String path, boolean limited) {
        boolean matches(String uri) {
            if (modifier != null && modifier.startsWith("~")) {
                try {
                    Pattern p = modifier.equals("~*") ? Pattern.compile(path, Pattern.CASE_INSENSITIVE) : Pattern.compile(path);
                    return p.matcher(uri).find();
                } catch (RuntimeException e) {
                    return false;
                }
            }
            return "=".equals(modifier) ? uri.equals(path) : uri.startsWith(path);
        }
    }

    final List<Limit> limits = new ArrayList<>();
    final List<Location> locations = new ArrayList<>();

    static NginxLimits parse(String nginxT) {
        NginxLimits n = new NginxLimits();
        String file = "nginx -T";
        int lineInFile = 0;
        Deque<String[]> blocks = new ArrayDeque<>(); // {kind, modifier, path}
        List<Integer> locationIndex = new ArrayList<>();
        for (String raw : nginxT.split("\n", -1)) {
            lineInFile++;
            String line = raw.strip();
            Matcher h = FILE_HEADER.matcher(line);
            if (h.matches()) {
                file = h.group(1);
                lineInFile = 0;
                continue;
            }
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash).strip();
            }
            if (line.isEmpty()) {
                continue;
            }
            Matcher loc = LOCATION.matcher(line);
            if (loc.lookingAt()) {
                blocks.push(new String[] {"location", loc.group(1), loc.group(2)});
                n.locations.add(new Location(loc.group(1), loc.group(2), false));
                locationIndex.add(n.locations.size() - 1);
            } else if (line.endsWith("{")) {
                blocks.push(new String[] {line.split("\\s+")[0], null, null});
            }
            if (line.startsWith("limit_req ") || line.startsWith("limit_req\t")) {
                String[] in = innermostLocation(blocks);
                n.limits.add(new Limit(file, lineInFile, line, in == null ? null : in[2], in == null ? null : in[1]));
                if (in != null) {
                    int idx = lastLocation(n, in);
                    Location l = n.locations.get(idx);
                    n.locations.set(idx, new Location(l.modifier(), l.path(), true));
                }
            }
            for (char c : line.toCharArray()) {
                if (c == '}' && !blocks.isEmpty()) {
                    blocks.pop();
                }
            }
        }
        return n;
    }

    private static String[] innermostLocation(Deque<String[]> blocks) {
        for (String[] b : blocks) {
            if (b[0].equals("location")) {
                return b;
            }
        }
        return null;
    }

    private static int lastLocation(NginxLimits n, String[] b) {
        for (int i = n.locations.size() - 1; i >= 0; i--) {
            Location l = n.locations.get(i);
            if (l.path().equals(b[2]) && (l.modifier() == null ? b[1] == null : l.modifier().equals(b[1]))) {
                return i;
            }
        }
        return n.locations.size() - 1;
    }

    /**
     * The limits a request for {@code uri} meets, choosing its location as nginx does (an exact match, else
     * the longest prefix unless a regex matches first and the prefix is not ^~): that location's own
     * limit_req lines, or when it sets none (or no location matches), the server- and http-level ones.
     */
    List<Limit> applying(String uri) {
        Location chosen = choose(uri);
        if (chosen != null && chosen.limited()) {
            return limits.stream().filter(l -> chosen.path().equals(l.location())).toList();
        }
        return limits.stream().filter(l -> l.location() == null).toList();
    }

    private Location choose(String uri) {
        Location prefix = null;
        for (Location l : locations) {
            if ("=".equals(l.modifier()) && l.path().equals(uri)) {
                return l;
            }
            boolean isPrefix = l.modifier() == null || l.modifier().equals("^~");
            if (isPrefix && uri.startsWith(l.path()) && (prefix == null || l.path().length() > prefix.path().length())) {
                prefix = l;
            }
        }
        if (prefix != null && "^~".equals(prefix.modifier())) {
            return prefix;
        }
        for (Location l : locations) {
            if (l.modifier() != null && l.modifier().startsWith("~") && l.matches(uri)) {
                return l;
            }
        }
        return prefix;
    }
}
